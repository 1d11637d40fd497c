import type { MessageKey } from './i18n.ts';
import type { PrivilegeRequirement, RequiredPrivilege } from './privileges.ts';

export type SectionId =
  | 'members'
  | 'addMembers'
  | 'accessRequests'
  | 'groups'
  | 'licenses'
  | 'roles'
  | 'activity'
  | 'organizationSettings'
  | 'contacts';

export interface AppSection {
  id: SectionId;
  path: string;
  labelKey: MessageKey;
  group: 'directory' | 'administration';
  /** What the signed-in member needs to see the section (the API enforces it anyway); absent: every signed-in member. */
  privilege?: PrivilegeRequirement;
  /** Shown to the organization's primary and secondary contacts only (their loader refuses others). */
  contactsOnly?: boolean;
  /** Also shown to the owners of a group, whatever their levels (they manage its members; lib/groups-nav.ts). */
  alsoForGroupOwners?: boolean;
}

/** The signed-in area's sections, shared by the router and the navigation. */
export const sections: readonly AppSection[] = [
  // Every member: with View on members the full list, without it a directory of names and
  // pictures as profile visibilities allow (decision 014, "who sees whom").
  { id: 'members', path: '/members', labelKey: 'nav.members', group: 'directory' },
  // As the API's canAddMembers: Update on members or on manage access.
  {
    id: 'addMembers',
    path: '/members/add',
    labelKey: 'nav.addMembers',
    group: 'directory',
    privilege: [
      { area: 'members', level: 'update' },
      { area: 'manage_access', level: 'update' },
    ],
  },
  { id: 'accessRequests', path: '/access-requests', labelKey: 'nav.accessRequests', group: 'directory', privilege: { area: 'manage_access', level: 'view' }, contactsOnly: true },
  { id: 'groups', path: '/groups', labelKey: 'nav.groups', group: 'directory', privilege: { area: 'groups', level: 'view' }, alsoForGroupOwners: true },
  { id: 'licenses', path: '/licenses', labelKey: 'nav.licenses', group: 'administration', privilege: { area: 'licenses', level: 'view' } },
  // Custom roles: read with View on organization settings, changed with Update on it.
  { id: 'roles', path: '/roles', labelKey: 'nav.roles', group: 'administration', privilege: { area: 'organization_settings', level: 'view' } },
  { id: 'activity', path: '/activity', labelKey: 'nav.activity', group: 'administration', privilege: { area: 'reporting', level: 'view' } },
  { id: 'contacts', path: '/organization/contacts', labelKey: 'nav.contacts', group: 'administration', privilege: { area: 'contact_updates', level: 'view' }, contactsOnly: true },
  { id: 'organizationSettings', path: '/organization/settings', labelKey: 'nav.organizationSettings', group: 'administration', privilege: { area: 'organization_settings', level: 'view' } },
];

/** With View on members, the members section is the full list; without it, the directory. */
export const membersView: RequiredPrivilege = { area: 'members', level: 'view' };

export function sectionById(id: SectionId): AppSection {
  const section = sections.find((s) => s.id === id);
  if (!section) throw new Error(`Unknown section ${id}`);
  return section;
}
