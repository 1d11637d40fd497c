import { describe, expect, it } from 'vitest';
import {
  defaultFilters,
  hasActiveFilters,
  readMemberFilters,
  toListParams,
  writeMemberFilters,
} from '../src/features/members/member-filters.ts';

describe('member list filters in the URL', () => {
  it('reads defaults from an empty query string and writes nothing back', () => {
    const filters = readMemberFilters(new URLSearchParams(''));
    expect(filters).toEqual(defaultFilters);
    expect(writeMemberFilters(filters).toString()).toBe('');
    expect(hasActiveFilters(filters)).toBe(false);
  });

  it('round-trips every filter', () => {
    const search = 'q=mart&role=viewer&userType=creator&status=disabled&sort=createdAt&order=desc&limit=50';
    const filters = readMemberFilters(new URLSearchParams(search));
    expect(filters).toEqual({ q: 'mart', role: 'viewer', userType: 'creator', status: 'disabled', sort: 'createdAt', order: 'desc', limit: 50 });
    expect(readMemberFilters(writeMemberFilters(filters))).toEqual(filters);
    expect(hasActiveFilters(filters)).toBe(true);
  });

  it('drops, in the directory, the filters and sorts the API keeps for View on members', () => {
    const shared = new URLSearchParams('q=mart&role=viewer&userType=creator&status=disabled&sort=email&order=desc&limit=50');
    expect(readMemberFilters(shared, { directory: true })).toEqual({ q: 'mart', role: null, userType: null, status: null, sort: 'lastName', order: 'desc', limit: 50 });
    expect(readMemberFilters(new URLSearchParams('sort=lastSignInAt'), { directory: true }).sort).toBe('lastName');
    expect(readMemberFilters(new URLSearchParams('sort=username'), { directory: true }).sort).toBe('username');
    // With View on members the same link keeps everything.
    expect(readMemberFilters(shared)).toMatchObject({ role: 'viewer', userType: 'creator', status: 'disabled', sort: 'email' });
  });

  it('ignores values the API would refuse', () => {
    const filters = readMemberFilters(new URLSearchParams('status=gone&sort=password&order=sideways&limit=7'));
    expect(filters.status).toBeNull();
    expect(filters.sort).toBe('lastName');
    expect(filters.order).toBe('asc');
    expect(filters.limit).toBe(25);
  });

  it('sends only what is set, with the search trimmed and the cursor when paging', () => {
    const filters = { ...defaultFilters, q: '  dupont ', status: 'active' as const };
    expect(toListParams(filters)).toEqual({ q: 'dupont', status: 'active', sort: 'lastName', order: 'asc', limit: 25 });
    expect(toListParams(defaultFilters, 'abc')).toEqual({ sort: 'lastName', order: 'asc', limit: 25, cursor: 'abc' });
    expect(writeMemberFilters(filters).get('q')).toBe('dupont');
  });
});
