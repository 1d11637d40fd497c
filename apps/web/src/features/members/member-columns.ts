import type { MemberExportColumn } from '@sesame/contracts';
import { useState } from 'react';

// The members list's optional columns. The name is always shown; the others can be hidden
// with the column chooser, and the choice is remembered in the browser (localStorage), as
// Google Admin and GitLab do. Less useful columns start hidden so the list fits a laptop.

export const memberColumns = ['username', 'email', 'role', 'userType', 'status', 'lastSignInAt', 'createdAt'] as const;
export type MemberColumn = (typeof memberColumns)[number];

export const defaultMemberColumns: readonly MemberColumn[] = ['username', 'email', 'role', 'status', 'lastSignInAt'];

const storageKey = 'sesame.members.columns';

/** The columns saved in this browser (unknown keys dropped), or the default ones. */
export function readMemberColumns(storage: Pick<Storage, 'getItem'> | undefined): MemberColumn[] {
  try {
    const saved: unknown = JSON.parse(storage?.getItem(storageKey) ?? 'null');
    if (!Array.isArray(saved)) return [...defaultMemberColumns];
    return memberColumns.filter((column) => saved.includes(column));
  } catch {
    return [...defaultMemberColumns];
  }
}

/** The shown columns and a setter that remembers them. */
export function useMemberColumns() {
  const storage = typeof window === 'undefined' ? undefined : window.localStorage;
  const [shown, setShown] = useState<MemberColumn[]>(() => readMemberColumns(storage));
  const choose = (next: readonly MemberColumn[]) => {
    const ordered = memberColumns.filter((column) => next.includes(column));
    setShown(ordered);
    try {
      storage?.setItem(storageKey, JSON.stringify(ordered));
    } catch {
      // Private browsing may refuse storage: the choice then lasts until the page is left.
    }
  };
  return { shown, choose };
}

/** The export columns that give the list's shown columns (the name split in two, as a spreadsheet wants it). */
export function exportColumnsFor(shown: readonly MemberColumn[]): MemberExportColumn[] {
  return ['lastName', 'firstName', ...memberColumns.filter((column) => shown.includes(column))];
}
