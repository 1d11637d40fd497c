import type { MemberSort } from '@sesame/contracts';
import { AppError } from '../../lib/errors.ts';

/** Sort columns per sort key; `id` always ends the list so the order is total. */
export const sortColumns: Record<MemberSort, ('lastName' | 'firstName' | 'username' | 'email' | 'createdAt' | 'lastSignInAt')[]> = {
  lastName: ['lastName', 'firstName'],
  username: ['username'],
  email: ['email'],
  createdAt: ['createdAt'],
  lastSignInAt: ['lastSignInAt'],
};

export const nullableColumns = new Set(['lastSignInAt']);
export const dateColumns = new Set(['createdAt', 'lastSignInAt']);

type CursorPayload = { s: MemberSort; o: 'asc' | 'desc'; v: (string | null)[]; id: string };

export function encodeCursor(p: CursorPayload): string {
  return Buffer.from(JSON.stringify(p)).toString('base64url');
}

export function decodeCursor(cursor: string, sort: MemberSort, order: 'asc' | 'desc'): CursorPayload {
  const bad = () => new AppError(400, 'validation_failed', { errors: [{ path: 'querystring.cursor', code: 'invalid_cursor' }] });
  let p: CursorPayload;
  try {
    p = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorPayload;
  } catch {
    throw bad();
  }
  const cols = sortColumns[sort];
  if (
    !p ||
    p.s !== sort ||
    p.o !== order ||
    typeof p.id !== 'string' ||
    !/^[0-9a-f-]{36}$/i.test(p.id) ||
    !Array.isArray(p.v) ||
    p.v.length !== cols.length ||
    cols.some((col, i) => {
      const v: unknown = p.v[i];
      return v === null ? !nullableColumns.has(col) : typeof v !== 'string' || (dateColumns.has(col) && Number.isNaN(Date.parse(v)));
    })
  ) {
    throw bad();
  }
  return p;
}
