import { Table, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './RowsTable.module.css';

interface RowsTableProps {
  label: string;
  minWidth: number;
  verticalSpacing: MantineSpacing;
  highlightOnHover?: boolean;
  /** The header cells. */
  head: ReactNode;
  children: ReactNode;
}

/** The framed, scrolling table of the members to add: the manual list and the file's rows. */
export function RowsTable({ label, minWidth, verticalSpacing, highlightOnHover, head, children }: RowsTableProps) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" className={classes.frame}>
      <Table aria-label={label} verticalSpacing={verticalSpacing} horizontalSpacing="sm" fz="sm" highlightOnHover={highlightOnHover}>
        <Table.Thead className={classes.head}>
          <Table.Tr>{head}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The line under a row that lists what is wrong with it. */
export const problemRowClass = classes.problemRow;
