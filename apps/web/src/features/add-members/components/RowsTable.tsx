import { Table, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './RowsTable.module.css';

interface RowsTableProps {
  label: string;
  verticalSpacing: MantineSpacing;
  highlightOnHover?: boolean;
  /** The header cells. */
  head: ReactNode;
  children: ReactNode;
}

/**
 * The framed table of the members to add: the manual list and the file's rows. Its layout
 * is fixed to the frame's width: long values are cut with an ellipsis (`clipClass`, the whole
 * value in a `title`) instead of pushing columns off-screen.
 */
export function RowsTable({ label, verticalSpacing, highlightOnHover, head, children }: RowsTableProps) {
  return (
    <Table.ScrollContainer minWidth={0} type="native" className={classes.frame}>
      <Table aria-label={label} className={classes.table} verticalSpacing={verticalSpacing} horizontalSpacing="sm" fz="sm" highlightOnHover={highlightOnHover}>
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

/** A cell's text on one line, cut with an ellipsis. */
export const clipClass = classes.clip;
