import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  auditActionLabel,
  auditActionLabels,
  auditActions,
  auditChangeLines,
  auditChangeText,
  auditFieldLabel,
  auditFields,
  auditTargetText,
  privilegeAreas,
} from '@sesame/contracts';
import { describe, expect, it } from 'vitest';

/**
 * The Activity page and its CSV export read one table (packages/contracts activity-labels.ts).
 * These checks read the API's source: every action it writes and every field of its audit
 * events has words in both languages (issue 13, item 13).
 */
const root = path.resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}
const apiSources = [...sources(path.join(root, 'apps/api/src')), path.join(root, 'packages/db/src/seed.ts')].map((file) => ({ file, text: readFileSync(file, 'utf8') }));

/** Actions written by audit(), createMany of audit events and the seed: `action: 'x.y'` and `action: c ? 'x.y' : 'x.z'`. */
function writtenActions(): Set<string> {
  const found = new Set<string>();
  for (const { text } of apiSources) {
    for (const line of text.split('\n')) {
      if (!/\baction:/.test(line)) continue;
      for (const m of line.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) found.add(m[1]!);
    }
    // The import's SQL insert of member.created / member.invited events.
    for (const m of text.matchAll(/'(member\.(?:created|invited))'/g)) found.add(m[1]!);
  }
  return found;
}

/** Keys of the before/after objects written in the source (one-line literals) and of the import's SQL jsonb_build_object. */
function writtenFields(): Set<string> {
  const found = new Set<string>();
  for (const { text } of apiSources) {
    if (!/audit/.test(text)) continue;
    for (const m of text.matchAll(/\b(?:before|after): \{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g)) {
      // Top-level keys only: drop nested objects first.
      const body = m[1]!.replace(/\{[^{}]*\}/g, '{}');
      for (const part of body.split(',')) {
        const key = /^\s*(?:\.\.\.)?\s*([A-Za-z_]\w*)\s*(?::|$)/.exec(part);
        if (key && !part.trim().startsWith('...')) found.add(key[1]!);
      }
    }
    for (const m of text.matchAll(/jsonb_build_object\('username'[^;]*?\$\{input\.ip\}/gs)) for (const k of m[0].matchAll(/'([a-zA-Z]+)',/g)) found.add(k[1]!);
  }
  return found;
}

/** Written through shared shapes or variables the scan above cannot see (each checked by an API test). */
const fieldsByAction: Record<string, string[]> = {
  'member.created': ['username', 'firstName', 'lastName', 'email', 'role', 'userType', 'licenses', 'groups', 'categories', 'mode', 'importId', 'row'],
  'member.invited': ['levels', 'accessRequestId', 'accessRequest'],
  'member.updated': ['firstName', 'lastName', 'email', 'description', 'country', 'profileVisibility', 'language', 'units', 'locale', 'startPage', 'role', 'userType', 'licenses', 'groups', 'categories'],
  'organization.updated': ['name', 'usernameFormat', 'allowAdminAtCreation', 'invitationTtlDays', 'autoRegisterOrgLogins', 'defaultRole', 'defaultUserType', 'allowedIdentityTypes', 'settings', 'defaultGroups', 'defaultLicenses'],
  'organization.contacts_changed': ['primary', 'secondary'],
  'organization.approved_domains_changed': ['domains', 'requestReminderHours'],
  'import.created': ['format', 'mode', 'status', 'total', 'valid', 'invalid', 'fileErrors'],
  'import.committed': ['format', 'mode', 'members', 'licenses', 'groups', 'categories'],
  'access_request.changed': ['firstName', 'lastName', 'message', 'language'],
  'members.exported': ['filters', 'columns', 'lang', 'count'],
  'license.updated': ['name', 'seats', 'userTypes'],
  'user_type.updated': ['seats', 'roles', 'licenses'],
  'group.updated': ['name', 'description', 'owner', 'isDefault'],
};

/** Coming from other branches (issue 15): labelled now. */
const fromOtherBranches = ['role.created', 'role.updated', 'role.deleted', 'user_type.updated', 'license.assigned', 'license.unassigned', 'group.members_added', 'group.members_removed'];

describe('activity labels', () => {
  it('word every action the API writes, in French and in English', () => {
    const written = writtenActions();
    expect(written.size).toBeGreaterThan(30);
    const missing = [...written, ...fromOtherBranches].filter((a) => !(auditActions as string[]).includes(a));
    expect(missing).toEqual([]);
    for (const action of auditActions) {
      const { en, fr } = auditActionLabels[action];
      expect(en, action).toMatch(/\S/);
      expect(fr, action).toMatch(/\S/);
      expect(fr, action).not.toBe(en);
      expect(fr, action).not.toContain("'");
    }
    expect(auditActionLabel('something.new', 'fr')).toBe('something.new');
  });

  it('word every field an audit event carries, in both languages', () => {
    const scanned = writtenFields();
    expect(scanned.size).toBeGreaterThan(20);
    const all = new Set([...scanned, ...Object.values(fieldsByAction).flat()]);
    const missing = [...all].filter((f) => !auditFieldLabel('member.updated', f, 'fr') || !auditFieldLabel('member.updated', f, 'en'));
    expect(missing).toEqual([]);
    for (const area of privilegeAreas) {
      expect(auditFieldLabel('member.privileges_changed', area, 'fr'), area).toMatch(/\S/);
      expect(auditFieldLabel('member.privileges_changed', area, 'en'), area).toMatch(/\S/);
    }
    expect(auditFieldLabel('member.privileges_changed', 'groups', 'fr')).toBe('Groupes et catégories');
    expect(auditFieldLabel('member.updated', 'groups', 'fr')).toBe('Groupes');
    expect(new Set(auditFields).size).toBe(auditFields.length);
  });

  it('shows coded values as labels, things by name, never an id, in a stable order, and leaves out what did not change', () => {
    const lines = (action: string, before: unknown, after: unknown, lang: 'fr' | 'en' = 'fr') =>
      auditChangeLines(action, before, after, { lang }).map((l) => `${l.label}${lang === 'fr' ? '\u00A0: ' : ': '}${auditChangeText(l)}`);
    expect(lines('member.deleted', { status: 'disabled', identityType: 'builtin', username: 'jd', role: { key: 'user', name: 'User', nameFr: 'Utilisateur' } }, undefined)).toEqual([
      'Nom d’utilisateur\u00A0: jd → —',
      'Statut\u00A0: Désactivé → —',
      'Connexion\u00A0: Intégré → —',
      'Rôle\u00A0: Utilisateur → —',
    ]);
    const failedImport = lines('import.created', undefined, { fileErrors: ['empty_file'], status: 'failed', format: 'org-login', mode: 'invite' }, 'en');
    expect(failedImport.slice(0, 3)).toEqual(['Status: Failed', 'How added: Email invitation', 'File format: Organization logins']);
    expect(failedImport[3]).toMatch(/^File errors: The file is empty/);
    // Ids kept for machines are left out; names recorded next to them are shown.
    const granted = lines('access_request.granted', { status: 'pending' }, { status: 'granted', memberId: '0b7c3a52-9d2e-4c1f-8a7b-1e2d3c4b5a69', member: { id: '0b7c3a52-9d2e-4c1f-8a7b-1e2d3c4b5a69', username: 'jdupont' } });
    expect(granted).toEqual(['Statut\u00A0: En attente de décision → Accordée', 'Membre\u00A0: jdupont']);
    // Older events that wrote unchanged fields: "— → —" and "24 → 24" are not shown.
    expect(lines('organization.approved_domains_changed', { requestReminderHours: 24, domains: [] }, { requestReminderHours: 24, domains: ['example.org'] })).toEqual(['Domaines approuvés\u00A0: — → example.org']);
    expect(lines('member.updated', { description: null }, { description: '' })).toEqual([]);
    expect(lines('member.privileges_changed', { reporting: 'none' }, { reporting: 'view' }, 'en')).toEqual(['Reporting: None → View']);
    expect(lines('member.password_reset', undefined, { mustChangePassword: true })).toEqual(['Changement de mot de passe exigé\u00A0: oui']);
  });

  it('names a target by its label, else by what it is, never by its id', () => {
    expect(auditTargetText({ type: 'organization', id: '0b7c3a52-9d2e-4c1f-8a7b-1e2d3c4b5a69', label: null }, 'fr')).toBe('L’organisation');
    expect(auditTargetText({ type: 'member', id: '0b7c3a52-9d2e-4c1f-8a7b-1e2d3c4b5a69', label: 'jdupont' }, 'en')).toBe('jdupont');
    expect(auditTargetText({ type: null, id: '0b7c3a52-9d2e-4c1f-8a7b-1e2d3c4b5a69', label: null }, 'en')).toBe('—');
  });
});
