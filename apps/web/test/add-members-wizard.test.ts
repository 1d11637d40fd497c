import { privilegeAreas, type License, type OrganizationDefaults, type Role, type UserType } from '@sesame/contracts';
import { describe, expect, it } from 'vitest';
import {
  assignableRoles,
  buildBatchBody,
  defaultRoleFor,
  effectiveLicenses,
  initialWizardState,
  licenseOffer,
  placeServerProblems,
  stepForProblems,
  wizardReducer,
  type MemberFormValues,
} from '../src/features/add-members/wizard-state.ts';

const organization: OrganizationDefaults = {
  id: 'org',
  slug: 'demo',
  name: 'Demo',
  usernameFormat: 'first.last',
  defaultRoleId: 'role-user',
  defaultUserTypeId: 'type-creator',
  defaultGroupIds: ['group-default'],
  defaultLicenseIds: ['lic-field'],
  allowedIdentityTypes: ['builtin'],
  allowAdminAtCreation: false,
  namedUserLimit: null,
  memberCount: 10,
  invitationTtlDays: 14,
  settings: { profileVisibility: 'organization', language: 'fr', locale: 'fr-FR', units: 'metric', startPage: 'home' },
};

const role = (id: string, isAdministrator = false): Role => ({
  id,
  key: id,
  name: id,
  nameFr: id,
  builtIn: true,
  isAdministrator,
  privileges: Object.fromEntries(privilegeAreas.map((area) => [area, 'none'])) as Role['privileges'],
});
const roles = [role('role-viewer'), role('role-user'), role('role-admin', true)];

const type = (id: string, roleIds: string[], licenseIds: string[]): UserType => ({
  id,
  key: id,
  name: id,
  nameFr: id,
  seatLimit: null,
  seatsUsed: 0,
  compatibleRoles: roleIds.map((r) => ({ id: r, key: r })),
  compatibleLicenses: licenseIds.map((l) => ({ id: l, key: l })),
});
const contributor = type('type-contributor', ['role-viewer'], ['lic-reporting']);
const creator = type('type-creator', ['role-viewer', 'role-user', 'role-admin'], ['lic-reporting', 'lic-field']);
const userTypes = [contributor, creator];

const license = (id: string, seatsTotal: number, seatsUsed: number): License => ({ id, key: id, name: id, seatsTotal, seatsUsed });
const licenses = [license('lic-reporting', 10, 2), license('lic-field', 5, 4)];

const member = (overrides: Partial<MemberFormValues> = {}): MemberFormValues => ({
  firstName: 'Jeanne',
  lastName: 'Martin',
  email: 'jeanne@example.org',
  username: 'jeanne.martin',
  userType: 'type-creator',
  role: 'role-user',
  password: '',
  identityType: '',
  ...overrides,
});

describe('roles in the wizard', () => {
  it('offers only roles compatible with the user type, never Administrator unless allowed', () => {
    expect(assignableRoles(roles, creator, organization).map((r) => r.id)).toEqual(['role-viewer', 'role-user']);
    expect(assignableRoles(roles, creator, { ...organization, allowAdminAtCreation: true }).map((r) => r.id)).toContain('role-admin');
  });

  it('falls back to a compatible role when the default one does not suit the type', () => {
    expect(defaultRoleFor(roles, creator, organization)).toBe('role-user');
    expect(defaultRoleFor(roles, contributor, organization)).toBe('role-viewer');
  });

  it('offers only roles within the giver’s own levels, unless the giver is an administrator', () => {
    const none = Object.fromEntries(privilegeAreas.map((area) => [area, 'none'])) as Role['privileges'];
    const levelled = [
      { ...role('role-viewer'), privileges: { ...none, content: 'view' as const } },
      { ...role('role-user'), privileges: { ...none, content: 'update' as const, members: 'view' as const } },
    ];
    const contact = { isAdministrator: false, privileges: { ...none, content: 'view' as const, manage_access: 'update' as const } };
    expect(assignableRoles(levelled, creator, organization, contact).map((r) => r.id)).toEqual(['role-viewer']);
    // The organization's default (User) is above the contact's own levels: the wizard proposes Viewer.
    expect(defaultRoleFor(levelled, creator, organization, contact)).toBe('role-viewer');
    expect(assignableRoles(levelled, creator, organization, { ...contact, privileges: { ...contact.privileges, content: 'update', members: 'update' } }).map((r) => r.id)).toEqual(['role-viewer', 'role-user']);
    expect(assignableRoles(levelled, creator, organization, { ...contact, isAdministrator: true }).map((r) => r.id)).toEqual(['role-viewer', 'role-user']);
  });
});

describe('add-on licences', () => {
  it('offers only the licences compatible with every member’s user type', () => {
    const both = licenseOffer(licenses, userTypes, [{ userType: 'type-creator' }, { userType: 'type-contributor' }]);
    expect(both.offered.map((l) => l.id)).toEqual(['lic-reporting']);
    expect(both.notOffered.map((l) => l.id)).toEqual(['lic-field']);
    expect(licenseOffer(licenses, userTypes, [{ userType: 'type-creator' }]).offered).toHaveLength(2);
    expect(licenseOffer(licenses, userTypes, []).offered).toEqual([]);
  });

  it('drops chosen licences that no longer fit the list or lack seats', () => {
    let state = initialWizardState(organization);
    state = wizardReducer(state, { type: 'addMember', member: member() });
    // The default licence has one seat left: enough for one member…
    expect(effectiveLicenses(state, licenses, userTypes)).toEqual(['lic-field']);
    // …not for two, and not for a Contributor.
    state = wizardReducer(state, { type: 'addMember', member: member({ username: 'other.one', userType: 'type-contributor', role: 'role-viewer' }) });
    expect(effectiveLicenses(state, licenses, userTypes)).toEqual([]);
  });
});

describe('the batch request', () => {
  it('sends passwords only in credentials mode, and the message only in invite mode', () => {
    let state = initialWizardState(organization);
    state = wizardReducer(state, { type: 'setMode', mode: 'credentials' });
    state = wizardReducer(state, { type: 'setMessage', message: '  Bienvenue  ' });
    state = wizardReducer(state, { type: 'addMember', member: member({ password: 'secret-123', firstName: ' Jeanne ' }) });
    const credentials = buildBatchBody(state, []);
    expect(credentials.message).toBeUndefined();
    expect(credentials.members[0]).toMatchObject({ firstName: 'Jeanne', password: 'secret-123' });
    expect(credentials.properties?.groups).toEqual(['group-default']);

    const invite = buildBatchBody(wizardReducer(state, { type: 'setMode', mode: 'invite' }), []);
    expect(invite.message).toBe('Bienvenue');
    expect(invite.members[0]).not.toHaveProperty('password');
  });
});

describe('server refusals', () => {
  it('places each error on its member row and field, licence, or the batch', () => {
    let state = initialWizardState(organization);
    state = wizardReducer(state, { type: 'addMember', member: member() });
    state = wizardReducer(state, { type: 'addMember', member: member({ username: 'second.one' }) });
    const [first, second] = state.members;
    const problems = placeServerProblems(
      [
        { path: 'members.1.username', message: 'taken' },
        { path: 'members.0.email', message: 'invalid' },
        { path: 'members.0', message: 'whole row' },
        { path: 'properties.licenses.0', message: 'incompatible' },
        { path: 'properties.groups.0', message: 'unknown group' },
        { path: 'members', message: 'named-user limit' },
      ],
      state.members,
      ['lic-field'],
    );
    expect(problems.members[second!.id]).toEqual([{ field: 'username', message: 'taken' }]);
    expect(problems.members[first!.id]).toEqual([
      { field: 'email', message: 'invalid' },
      { field: null, message: 'whole row' },
    ]);
    expect(problems.licenses).toEqual({ 'lic-field': ['incompatible'] });
    expect(problems.properties).toEqual(['unknown group']);
    expect(problems.general).toEqual(['named-user limit']);
    expect(stepForProblems(problems)).toBe('list');
    expect(stepForProblems({ ...problems, members: {}, general: [] })).toBe('properties');
  });

  it('forgets what the server said about a member once it is edited or removed', () => {
    let state = initialWizardState(organization);
    state = wizardReducer(state, { type: 'addMember', member: member() });
    const id = state.members[0]!.id;
    state = wizardReducer(state, { type: 'refused', problems: placeServerProblems([{ path: 'members.0.username', message: 'taken' }], state.members, []) });
    expect(state.step).toBe('list');
    expect(state.problems?.members[id]).toHaveLength(1);
    state = wizardReducer(state, { type: 'updateMember', id, member: member({ username: 'fixed.name' }) });
    expect(state.problems).toBeNull();
    expect(state.members[0]).toMatchObject({ id, username: 'fixed.name' });
  });
});
