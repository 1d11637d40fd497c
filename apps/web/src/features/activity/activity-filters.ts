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

/** What the audit log records; other actions are shown as they are written. */
export const knownActions = [
  'member.created',
  'member.invited',
  'member.activated',
  'member.updated',
  'member.privileges_changed',
  'member.thumbnail_changed',
  'member.thumbnail_removed',
  'member.password_reset',
  'member.password_changed',
  'member.disabled',
  'member.enabled',
  'member.ownership_transferred',
  'member.deleted',
  'member.unregistered',
  'invitation.resent',
  'invitation.revoked',
  'import.created',
  'import.committed',
  'access_request.confirmed',
  'access_request.changed',
  'access_request.granted',
  'access_request.auto_granted',
  'access_request.auto_approval_failed',
  'access_request.denied',
  'auth.sign_in_failed',
  'auth.sign_in_refused',
  'members.exported',
  'organization.created',
  'organization.seeded',
  'organization.updated',
  'organization.approved_domains_changed',
  'organization.contacts_changed',
  'group.created',
  'group.updated',
  'group.deleted',
  'group.members_added',
  'group.members_removed',
  'category.created',
  'category.renamed',
  'category.deleted',
  'role.created',
  'role.updated',
  'role.deleted',
  'license.created',
  'license.updated',
  'license.deleted',
  'license.assigned',
  'license.unassigned',
  'user_type.updated',
] as const;
export type KnownAction = (typeof knownActions)[number];
export const isKnownAction = (action: string): action is KnownAction => (knownActions as readonly string[]).includes(action);

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
