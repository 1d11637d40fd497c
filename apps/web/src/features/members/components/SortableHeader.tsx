import { Table, UnstyledButton } from '@mantine/core';
import type { MemberSort } from '@sesame/contracts';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { SortOrder } from '../member-filters.ts';
import classes from './MembersTable.module.css';

interface SortableHeaderProps {
  column: MemberSort;
  label: string;
  sort: MemberSort;
  order: SortOrder;
  onSort: (column: MemberSort) => void;
  width?: number | string;
}

/** Column header whose button sorts by the column, then toggles the order (aria-sort tells which). */
export function SortableHeader({ column, label, sort, order, onSort, width }: SortableHeaderProps) {
  const active = sort === column;
  const ariaSort = active ? (order === 'asc' ? 'ascending' : 'descending') : 'none';
  const Icon = !active ? IconArrowsSort : order === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={ariaSort} w={width} className={classes.th} title={label}>
      <UnstyledButton onClick={() => onSort(column)} className={classes.sortButton} data-active={active || undefined}>
        <span className={classes.sortLabel}>{label}</span>
        <Icon size={14} stroke={2} aria-hidden className={classes.sortIcon} />
      </UnstyledButton>
    </Table.Th>
  );
}
