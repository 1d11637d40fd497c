import type { MessageKey } from '../../lib/i18n.ts';

/** The words for each field an audit event's before/after may carry (see the API's audit calls). */
export const fieldKeys: Record<string, MessageKey> = {
  status: 'activity.fields.status',
  role: 'activity.fields.role',
  userType: 'activity.fields.userType',
  licenses: 'activity.fields.licenses',
  groups: 'activity.fields.groups',
  categories: 'activity.fields.categories',
  firstName: 'activity.fields.firstName',
  lastName: 'activity.fields.lastName',
  email: 'activity.fields.email',
  description: 'activity.fields.description',
  country: 'activity.fields.country',
  language: 'activity.fields.language',
  locale: 'activity.fields.locale',
  units: 'activity.fields.units',
  startPage: 'activity.fields.startPage',
  profileVisibility: 'activity.fields.profileVisibility',
  owner: 'activity.fields.owner',
  content: 'activity.fields.content',
  groupsTransferred: 'activity.fields.groupsTransferred',
  thumbnail: 'activity.fields.thumbnail',
  username: 'activity.fields.username',
  identityType: 'activity.fields.identityType',
  mustChangePassword: 'activity.fields.mustChangePassword',
  sessionsEnded: 'activity.fields.sessionsEnded',
  reason: 'activity.fields.reason',
  mode: 'activity.fields.mode',
  levels: 'activity.fields.levels',
  memberId: 'activity.fields.memberId',
  accessRequestId: 'activity.fields.accessRequestId',
  primary: 'activity.fields.primary',
  secondary: 'activity.fields.secondary',
  domains: 'activity.fields.domains',
  requestReminderHours: 'activity.fields.requestReminderHours',
  expiresAt: 'activity.fields.expiresAt',
  format: 'activity.fields.format',
  members: 'activity.fields.members',
  importId: 'activity.fields.importId',
  row: 'activity.fields.row',
  roleId: 'activity.fields.roleId',
  userTypeId: 'activity.fields.userTypeId',
  total: 'activity.fields.total',
  valid: 'activity.fields.valid',
  invalid: 'activity.fields.invalid',
  fileErrors: 'activity.fields.fileErrors',
  name: 'activity.fields.name',
  isDefault: 'activity.fields.isDefault',
  memberCount: 'activity.fields.memberCount',
  userTypes: 'activity.fields.userTypes',
  seats: 'activity.fields.seats',
  seatsUsed: 'activity.fields.seatsUsed',
  roles: 'activity.fields.roles',
  count: 'activity.fields.count',
  assignments: 'activity.fields.assignments',
};

/** Privilege areas: the fields of `member.privileges_changed`, and the keys of `levels`. */
export const areaKeys: Record<string, MessageKey> = {
  manage_access: 'privileges.areas.manage_access',
  members: 'privileges.areas.members',
  licenses: 'privileges.areas.licenses',
  groups: 'privileges.areas.groups',
  content: 'privileges.areas.content',
  reporting: 'privileges.areas.reporting',
  contact_updates: 'privileges.areas.contact_updates',
  organization_settings: 'privileges.areas.organization_settings',
  contact_update_preview: 'privileges.areas.contact_update_preview',
  account_documents: 'privileges.areas.account_documents',
};

const levelKeys: Record<string, MessageKey> = { none: 'privileges.levels.none', view: 'privileges.levels.view', update: 'privileges.levels.update' };
const statusKeys: Record<string, MessageKey> = {
  active: 'members.status.active',
  pending: 'members.status.pending',
  disabled: 'members.status.disabled',
  // Access requests
  granted: 'activity.statuses.granted',
  denied: 'activity.statuses.denied',
};
const modeKeys: Record<string, MessageKey> = { invite: 'activity.modes.invite', credentials: 'activity.modes.credentials' };
const reasonKeys: Record<string, MessageKey> = {
  invalid_credentials: 'activity.reasons.invalid_credentials',
  member_disabled: 'activity.reasons.member_disabled',
  'approved email domain': 'activity.reasons.approved_domain',
};

/** A privileges change records one field per area; every other event names its own fields. */
const isPrivilegesChange = (action: string | undefined) => action === 'member.privileges_changed';

/** The words for a field of an event, or undefined to show the raw key. */
export function fieldLabelKey(action: string | undefined, key: string): MessageKey | undefined {
  // A role's `levels` are the role's own, not a member's levels on top of their role.
  if (key === 'levels' && action?.startsWith('role.')) return 'activity.fields.roleLevels';
  return (isPrivilegesChange(action) ? areaKeys[key] : undefined) ?? fieldKeys[key];
}

/**
 * The words for a recorded value that is a code (a member's or request's status, a privilege level, how members
 * were added, why a sign-in was refused), or undefined when the value is shown as it is
 * (names, free text such as a denial's reason).
 */
export function valueLabelKey(action: string | undefined, key: string, value: string): MessageKey | undefined {
  if (isPrivilegesChange(action) && areaKeys[key]) return levelKeys[value];
  switch (key) {
    case 'status':
      return statusKeys[value];
    case 'levels':
      return levelKeys[value];
    case 'mode':
      return modeKeys[value];
    case 'reason':
      return reasonKeys[value];
    default:
      return undefined;
  }
}
