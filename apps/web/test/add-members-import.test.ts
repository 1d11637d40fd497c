import { privilegeAreas, type OrganizationDefaults, type Role, type UserType } from '@sesame/contracts';
import { describe, expect, it } from 'vitest';
import { importFields, importLookups, issueText, previewCsv, resolveUserType, rowUserTypes } from '../src/features/add-members/import/import-rules.ts';

const organization = {
  allowAdminAtCreation: false,
} as OrganizationDefaults;

const role = (key: string, nameFr: string, isAdministrator = false): Role => ({
  id: `role-${key}`,
  key,
  name: key,
  nameFr,
  builtIn: true,
  isAdministrator,
  privileges: Object.fromEntries(privilegeAreas.map((area) => [area, 'none'])) as Role['privileges'],
});
const roles = [role('viewer', 'Lecteur'), role('user', 'Utilisateur'), role('administrator', 'Administrateur', true)];
const type = (key: string, nameFr: string, roleKeys: string[]): UserType => ({
  id: `type-${key}`,
  key,
  name: key,
  nameFr,
  seatLimit: null,
  seatsUsed: 0,
  compatibleRoles: roleKeys.map((r) => ({ id: `role-${r}`, key: r })),
  compatibleLicenses: [],
});
const userTypes = [type('contributor', 'Contributeur', ['viewer']), type('creator', 'Créateur', ['viewer', 'user', 'administrator'])];
const lookups = importLookups(roles, userTypes);

describe('the file import preview', () => {
  it('reads a French semicolon file with a BOM and counts its rows like the server', () => {
    const text = [
      '\uFEFFE-mail;Rôle;Type d’utilisateur;Prénom;Nom;Nom d’utilisateur;Mot de passe',
      'anne@example.org;Utilisateur;Créateur;Anne;Martin;anne.martin;Pivoine-2026a',
      'pas-une-adresse;Lecteur;Contributeur;Bruno;Petit;bruno.petit;Pivoine-2026b',
      'chloe@example.org;Administrateur;Créateur;Chloé;Durand;anne.martin;Pivoine-2026c',
    ].join('\r\n');
    const preview = previewCsv(text, 'credentials', lookups, organization);
    expect(preview).toMatchObject({ total: 3, valid: 1, invalid: 2, delimiter: ';', bom: true, fileErrors: 0 });
    expect(rowUserTypes(preview.userTypes).sort()).toEqual(['type-contributor', 'type-creator']);
    expect(preview.userTypes.get(3)).toBe('type-contributor');
  });

  it('decodes a Windows-1252 file’s bytes as the API does (accents intact, the encoding told)', () => {
    // "Prénom", "Hélène": é is the single byte 0xE9 in Windows-1252.
    const latin = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0)));
    const bytes = latin(['E-mail;Rôle;Type d’utilisateur;Prénom;Nom;Nom d’utilisateur;Mot de passe'.replaceAll('’', "'"), 'helene@example.org;Utilisateur;Créateur;Hélène;Lefèvre;hlefevre;Pivoine-2026a'].join('\r\n'));
    expect(bytes).toContain(0xe9);
    expect(previewCsv(bytes, 'credentials', lookups, organization)).toMatchObject({ total: 1, valid: 1, invalid: 0, fileErrors: 0, encoding: 'windows-1252' });
    expect(previewCsv(new TextEncoder().encode('Email,Role,User Type,First Name,Last Name,Username,Password\nh@example.org,user,creator,Hélène,L,hlefevre,Pivoine-2026a'), 'credentials', lookups, organization)).toMatchObject({ valid: 1, encoding: 'utf-8' });
  });

  it('resolves an edited row’s user type by name in either language', () => {
    expect(resolveUserType({ userType: 'Contributeur', role: 'viewer' }, 2, 'credentials', lookups, organization)).toBe('type-contributor');
    expect(resolveUserType({ userType: 'creator' }, 2, 'invite', lookups, organization)).toBe('type-creator');
  });

  it('shows the Password column in credentials mode, or when an invite-mode file has one', () => {
    expect(importFields('credentials')).toContain('password');
    expect(importFields('invite')).not.toContain('password');
    expect(importFields('invite', ['Email', 'Mot de passe'])).toContain('password');
  });

  it('words an issue in the interface language from its code, else keeps the API’s message', () => {
    const issue = { field: 'email', code: 'invalid_email', message: 'Enter a valid email address', params: { field: 'email' } };
    expect(issueText(issue, 'fr')).toBe('Saisissez une adresse e\u2011mail valide');
    expect(issueText(issue, 'en')).toBe('Enter a valid email address');
    expect(issueText({ message: 'Something new' }, 'fr')).toBe('Something new');
  });
});
