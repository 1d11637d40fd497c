import { describe, expect, it } from 'vitest';
import { membersExportUrl } from '../src/features/members/api/export-members.ts';
import { defaultMemberColumns, exportColumnsFor, readMemberColumns } from '../src/features/members/member-columns.ts';

const storage = (value: string | null) => ({ getItem: () => value });

describe('members list columns', () => {
  it('starts with the less useful columns hidden', () => {
    expect(readMemberColumns(storage(null))).toEqual(defaultMemberColumns);
    expect(defaultMemberColumns).not.toContain('createdAt');
    expect(defaultMemberColumns).not.toContain('userType');
  });

  it('reads a saved choice in the list’s order, dropping unknown keys, and falls back on bad JSON', () => {
    expect(readMemberColumns(storage('["createdAt","email","bogus"]'))).toEqual(['email', 'createdAt']);
    expect(readMemberColumns(storage('[]'))).toEqual([]);
    expect(readMemberColumns(storage('{not json'))).toEqual(defaultMemberColumns);
    expect(readMemberColumns(storage('"email"'))).toEqual(defaultMemberColumns);
  });

  it('exports the shown columns, the name split in two', () => {
    expect(exportColumnsFor(['email', 'status'])).toEqual(['lastName', 'firstName', 'email', 'status']);
  });

  it('builds the export link from the list’s query, without paging', () => {
    const url = membersExportUrl({ q: 'marie', status: 'pending', sort: 'email', order: 'desc', limit: 25, cursor: 'abc' }, ['lastName', 'email'], 'fr');
    const query = new URL(url, 'http://x').searchParams;
    expect(url.startsWith('/api/members/export.csv?')).toBe(true);
    expect(Object.fromEntries(query)).toEqual({ q: 'marie', status: 'pending', sort: 'email', order: 'desc', columns: 'lastName,email', lang: 'fr' });
  });
});
