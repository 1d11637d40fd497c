import { privilegeAreas } from '@sesame/contracts';
import { describe, expect, it } from 'vitest';
import { fieldLabelKey, valueLabelKey } from '../src/features/activity/activity-fields.ts';
import { en } from '../src/locales/en.ts';
import { fr } from '../src/locales/fr.ts';

/** The text of a message key in one locale (undefined when the key is missing). */
function text(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);
}

/**
 * The fields the API's audit events write in before/after, by action (apps/api/src/**:
 * audit(...) calls and the import's SQL insert). A new field needs words here and in both locales.
 */
const fieldsByAction: Record<string, string[]> = {
  'member.created': ['username', 'firstName', 'lastName', 'email', 'role', 'userType', 'licenses', 'groups', 'categories', 'mode', 'importId', 'row', 'roleId', 'userTypeId'],
  'member.invited': ['username', 'firstName', 'lastName', 'email', 'role', 'userType', 'licenses', 'groups', 'categories', 'mode', 'levels', 'accessRequestId'],
  'member.updated': ['firstName', 'lastName', 'email', 'description', 'country', 'profileVisibility', 'language', 'units', 'locale', 'startPage', 'role', 'userType', 'licenses', 'groups', 'categories'],
  'member.activated': ['status'],
  'member.disabled': ['status'],
  'member.thumbnail_changed': ['thumbnail'],
  'member.password_reset': ['mustChangePassword', 'sessionsEnded'],
  'member.ownership_transferred': ['owner', 'content', 'groupsTransferred'],
  'member.deleted': ['username', 'email', 'role', 'status', 'identityType'],
  'invitation.resent': ['expiresAt'],
  'access_request.granted': ['status', 'memberId'],
  'access_request.auto_granted': ['status', 'memberId', 'reason'],
  'access_request.denied': ['status', 'reason'],
  'access_request.auto_approval_failed': ['reason'],
  'auth.sign_in_failed': ['reason'],
  'organization.contacts_changed': ['primary', 'secondary'],
  'organization.approved_domains_changed': ['domains', 'requestReminderHours'],
  'import.created': ['format', 'mode', 'status', 'total', 'valid', 'invalid', 'fileErrors'],
  'import.committed': ['format', 'mode', 'members', 'licenses', 'groups', 'categories'],
  'member.privileges_changed': [...privilegeAreas],
  'role.created': ['name', 'levels', 'userTypes'],
  'role.updated': ['name', 'levels', 'userTypes'],
  'role.deleted': ['name', 'levels', 'userTypes'],
};

describe('activity field labels', () => {
  it('name every field an audit event writes, in French and in English', () => {
    for (const [action, fields] of Object.entries(fieldsByAction)) {
      for (const field of fields) {
        const key = fieldLabelKey(action, field);
        expect(key, `${action} ${field}`).toBeDefined();
        expect(text(fr, key!), `fr ${key}`).toMatch(/\S/);
        expect(text(en, key!), `en ${key}`).toMatch(/\S/);
      }
    }
    expect(text(fr, fieldLabelKey('member.updated', 'country')!)).toBe('Pays');
    expect(text(en, fieldLabelKey('access_request.denied', 'reason')!)).toBe('Reason');
    expect(text(fr, fieldLabelKey('member.invited', 'mode')!)).toBe('Mode d’ajout');
    expect(text(en, fieldLabelKey('member.invited', 'levels')!)).toBe('Own levels');
    // A role's levels are its own, not levels on top of a role.
    expect(text(fr, fieldLabelKey('role.updated', 'levels')!)).toBe('Niveaux du rôle');
    expect(text(en, fieldLabelKey('role.created', 'levels')!)).toBe('Role levels');
  });

  it('name a privileges change’s fields as privilege areas, not as the member’s groups or transferred content', () => {
    expect(text(fr, fieldLabelKey('member.privileges_changed', 'groups')!)).toBe('Groupes et catégories');
    expect(text(en, fieldLabelKey('member.privileges_changed', 'content')!)).toBe('Content');
    expect(text(fr, fieldLabelKey('member.updated', 'groups')!)).toBe('Groupes');
    expect(text(en, fieldLabelKey('member.ownership_transferred', 'content')!)).toBe('Content transferred');
  });

  it('translate the coded values: levels, statuses, how members were added, sign-in refusals; free text stays as written', () => {
    const word = (messages: unknown, action: string, key: string, value: string) => {
      const k = valueLabelKey(action, key, value);
      return k ? text(messages, k) : undefined;
    };
    expect(word(fr, 'member.privileges_changed', 'reporting', 'view')).toBe('Consulter');
    expect(word(en, 'member.invited', 'levels', 'update')).toBe('Update');
    expect(word(fr, 'member.created', 'mode', 'invite')).toBe('Invitation par e-mail');
    expect(word(en, 'member.created', 'mode', 'credentials')).toBe('Temporary password');
    expect(word(fr, 'auth.sign_in_failed', 'reason', 'invalid_credentials')).toBe('Identifiants incorrects');
    expect(word(en, 'access_request.auto_granted', 'reason', 'approved email domain')).toBe('Approved email domain');
    expect(word(fr, 'access_request.denied', 'status', 'denied')).toBe('Refusée');
    expect(word(en, 'member.disabled', 'status', 'disabled')).toBe('Disabled');
    expect(valueLabelKey('access_request.denied', 'reason', 'Réservé aux salariés')).toBeUndefined();
    expect(valueLabelKey('member.updated', 'firstName', 'view')).toBeUndefined();
  });
});
