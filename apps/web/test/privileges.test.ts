import { privilegeAreas, type Privileges } from '@sesame/contracts';
import { describe, expect, it } from 'vitest';
import { canGiveRole, hasPrivilege } from '../src/lib/privileges.ts';
import { sectionById } from '../src/lib/sections.ts';

const none = Object.fromEntries(privilegeAreas.map((area) => [area, 'none'])) as Privileges;

describe('hasPrivilege', () => {
  it('opens Add members to Update on members or on manage access, as the API does', () => {
    const addMembers = sectionById('addMembers').privilege;
    expect(hasPrivilege({ ...none, members: 'update' }, addMembers)).toBe(true);
    expect(hasPrivilege({ ...none, manage_access: 'update' }, addMembers)).toBe(true);
    expect(hasPrivilege({ ...none, members: 'view', manage_access: 'view' }, addMembers)).toBe(false);
  });
});

describe('canGiveRole', () => {
  const publisher = { isAdministrator: false, privileges: { content: 'update', groups: 'update', members: 'view' } as const };
  it('allows roles within the giver’s own levels only; administrators give any role', () => {
    expect(canGiveRole({ isAdministrator: false, privileges: { ...none, content: 'update', groups: 'update', members: 'update' } }, publisher)).toBe(true);
    expect(canGiveRole({ isAdministrator: false, privileges: { ...none, content: 'update', members: 'update' } }, publisher)).toBe(false);
    expect(canGiveRole({ isAdministrator: true, privileges: none }, publisher)).toBe(true);
  });
});
