import type { ActivityQuery } from '@sesame/contracts';

/** The activity page's filters, kept in the URL. */
export interface ActivityFilters {
  member: string | null;
  actor: string;
  action: string | null;
  from: string;
  to: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readActivityFilters(params: URLSearchParams): ActivityFilters {
  const member = params.get('member');
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    member: member && UUID.test(member) ? member : null,
    actor: (params.get('actor') ?? '').slice(0, 128),
    action: params.get('action')?.slice(0, 100) || null,
    from: DAY.test(from) ? from : '',
    to: DAY.test(to) ? to : '',
  };
}

export function writeActivityFilters(filters: ActivityFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.member) params.set('member', filters.member);
  if (filters.actor.trim()) params.set('actor', filters.actor.trim());
  if (filters.action) params.set('action', filters.action);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  return params;
}

export function toActivityQuery(filters: ActivityFilters): Omit<ActivityQuery, 'limit' | 'cursor'> {
  const query: Omit<ActivityQuery, 'limit' | 'cursor'> = {};
  if (filters.member) query.member = filters.member;
  if (filters.actor.trim()) query.actor = filters.actor.trim();
  if (filters.action) query.action = filters.action;
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  return query;
}

export const hasActivityFilters = (f: ActivityFilters) => !!(f.member || f.actor.trim() || f.action || f.from || f.to);
