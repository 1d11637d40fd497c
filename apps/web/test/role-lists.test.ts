import {
  effectivePrivileges,
  privilegeAreas,
  rolesOfferedToAdd,
  rolesOfferedToGrant,
  type OrganizationDefaults,
  type PrivilegeArea,
  type PrivilegeLevel,
  type Role,
  type RoleGiver,
  type UserType,
} from '@sesame/contracts';
import { describe, expect, it } from 'vitest';
import { grantableRoles } from '../src/features/access-requests/grant-rules.ts';
import { assignableRoles } from '../src/features/add-members/wizard-state.ts';

/**
 * Issue 12: the roles the wizard (assignableRoles) and the grant dialog (grantableRoles) offer
 * are those the API accepts, because both call the rules module's predicates the API applies
 * (apps/api/test/assignment-rules.test.ts compares these predicates with the API's answers, role
 * by role). The built-in roles with their seed levels, a user type compatible with all of them.
 */
type Levels = Partial<Record<PrivilegeArea, PrivilegeLevel>>;
const allUpdate: Levels = Object.fromEntries(privilegeAreas.map((area) => [area, 'update']));
const role = (key: string, levels: Levels, isAdministrator = false): Role => ({
  id: `role-${key}`,
  key,
  name: key,
  nameFr: key,
  builtIn: true,
  isAdministrator,
  privileges: effectivePrivileges(levels),
});
const roles = [
  role('viewer', { content: 'view' }),
  role('data_editor', { content: 'update' }),
  role('user', { content: 'update', groups: 'view', members: 'view' }),
  role('publisher', { content: 'update', groups: 'update', members: 'view', reporting: 'view' }),
  role('administrator', allUpdate, true),
];
const creator: UserType = {
  id: 'type-creator',
  key: 'creator',
  name: 'Creator',
  nameFr: 'Créateur',
  seatLimit: null,
  seatsUsed: 0,
  compatibleRoles: roles.map((r) => ({ id: r.id, key: r.key })),
  compatibleLicenses: [],
};
const organization = (allowAdminAtCreation: boolean): OrganizationDefaults => ({
  id: 'org',
  slug: 'demo',
  name: 'Demo',
  usernameFormat: 'first.last',
  defaultRoleId: 'role-viewer',
  defaultUserTypeId: 'type-creator',
  defaultGroupIds: [],
  defaultLicenseIds: [],
  allowedIdentityTypes: ['builtin'],
  allowAdminAtCreation,
  namedUserLimit: null,
  memberCount: 1,
  invitationTtlDays: 14,
  settings: { profileVisibility: 'organization', language: 'fr', locale: 'fr-FR', units: 'metric', startPage: 'home' },
});

/** A Viewer role's levels raised by the member's own. */
const contact = (own: Levels): RoleGiver => ({ isAdministrator: false, privileges: effectivePrivileges({ content: 'view' }, own) });
const givers: [string, RoleGiver, { off: string[]; on: string[] }, { off: string[]; on: string[] }][] = [
  // [who, giver, wizard offers (setting off / on), grant dialog offers (setting off / on)]
  [
    'an administrator',
    { isAdministrator: true, privileges: effectivePrivileges(allUpdate) },
    { off: ['viewer', 'data_editor', 'user', 'publisher'], on: ['viewer', 'data_editor', 'user', 'publisher', 'administrator'] },
    { off: ['viewer', 'data_editor', 'user', 'publisher'], on: ['viewer', 'data_editor', 'user', 'publisher', 'administrator'] },
  ],
  // Before issue 12 the grant dialog offered this contact the Administrator role (and the API refused it).
  ['a contact with Update on manage access', contact({ manage_access: 'update' }), { off: ['viewer'], on: ['viewer'] }, { off: ['viewer'], on: ['viewer'] }],
  ['a contact with View on manage access only', contact({ manage_access: 'view' }), { off: [], on: [] }, { off: [], on: [] }],
];

describe('the roles the wizard and the grant dialog offer', () => {
  for (const [who, giver, wizard, dialog] of givers) {
    it(`for ${who}: exactly the roles the API accepts, in both organization settings`, () => {
      for (const allow of [false, true]) {
        const org = organization(allow);
        const expectedWizard = allow ? wizard.on : wizard.off;
        const expectedDialog = allow ? dialog.on : dialog.off;
        const offeredByWizard = assignableRoles(roles, creator, org, giver);
        const offeredByDialog = grantableRoles({ roles, allowAdminAtCreation: allow }, creator, giver);
        expect(offeredByWizard.map((r) => r.key)).toEqual(expectedWizard);
        expect(offeredByDialog.map((r) => r.key)).toEqual(expectedDialog);
        // The same predicates the API applies to the batch and the grant (no copy in the web app).
        const compatible = { compatibleRoleIds: creator.compatibleRoles.map((r) => r.id) };
        expect(offeredByWizard).toEqual(rolesOfferedToAdd(roles, giver, compatible, org));
        expect(offeredByDialog).toEqual(rolesOfferedToGrant(roles, giver, compatible, org));
      }
    });
  }

  it('never offers the Administrator role to a non-administrator, whatever their own levels', () => {
    const everything = { isAdministrator: false, privileges: effectivePrivileges(allUpdate) };
    expect(grantableRoles({ roles, allowAdminAtCreation: true }, creator, everything).map((r) => r.key)).not.toContain('administrator');
    expect(assignableRoles(roles, creator, organization(true), everything).map((r) => r.key)).not.toContain('administrator');
  });
});
