import type { z } from 'zod';
import { Password } from '../auth.ts';
import { Email, PersonName, Username } from '../members-batch.ts';
import { csvFieldMaxLength, type CsvField } from './formats.ts';
import type { CsvRoleLookup, CsvUserTypeLookup, LookupIndex } from './lookups.ts';
import { rowIssue, type CsvIssue } from './messages.ts';
import { cutValue, findInvalidCharacter, removeInvalidCharacters } from './text.ts';
import { unneutraliseCell } from './write.ts';
import { orgLoginTypeIssue } from '../rules/identity-types.ts';

// One cell of a row: how it is read, and the rules its value follows on its own (the rules
// between values of a row are in validate.ts).

/** Ids the values resolve to (whatever could be resolved, even when the row has errors). */
export interface CsvResolved {
  roleId?: string;
  userTypeId?: string;
  identityType?: 'saml' | 'oidc';
}

/** What the value rules need from the organization. */
export interface ValueContext {
  roles: LookupIndex<CsvRoleLookup> | undefined;
  userTypes: LookupIndex<CsvUserTypeLookup> | undefined;
  /** The organization logins configured, among SAML and OIDC. */
  configuredTypes: readonly ('saml' | 'oidc')[];
  /** As the validator's option: identity types are not checked against it when omitted. */
  identityTypesConfigured: readonly string[] | undefined;
}

/**
 * A cell's value: control characters removed and the value cut to the field's maximum, each
 * with its error in `found` (the value is then not checked further); a password is dropped
 * rather than changed behind the administrator's back.
 */
export function readValue(field: CsvField, cell: string, warnings: CsvIssue[], found: Map<CsvField, CsvIssue>): string {
  const bad = findInvalidCharacter(cell);
  const raw = unneutraliseCell(bad ? removeInvalidCharacters(cell) : cell);
  let value = raw.trim();
  if (value !== raw && value) warnings.push(rowIssue(field, 'trimmed'));
  if (bad) {
    found.set(field, rowIssue(field, 'control_character', { char: bad.char, ...(field === 'password' ? { cleared: 1 } : {}) }));
    if (field === 'password') return '';
  }
  const max = csvFieldMaxLength[field];
  if (value.length <= max) return value;
  const length = value.length;
  if (field === 'password') {
    if (!bad) found.set(field, rowIssue(field, 'password_too_long', { max, length }));
    return '';
  }
  value = cutValue(value, max).trimEnd();
  if (!bad) {
    found.set(
      field,
      field === 'username'
        ? rowIssue(field, 'username_length', { min: 6, max, length, kept: value.length })
        : rowIssue(field, 'value_too_long', { max, length, kept: value.length }),
    );
  }
  return value;
}

/** The first rule a value breaks, as its issue; `resolved` gets the ids it names. */
export function checkValue(field: CsvField, value: string, resolved: CsvResolved, ctx: ValueContext): CsvIssue | undefined {
  const { roles, userTypes, identityTypesConfigured } = ctx;
  switch (field) {
    case 'email': {
      const issue = firstIssue(Email, value);
      if (!issue) return undefined;
      return rowIssue('email', issue.code === 'custom' ? 'email_apostrophe' : 'invalid_email');
    }
    case 'username': {
      const issue = firstIssue(Username, value);
      if (!issue) return undefined;
      return issue.code === 'too_small' || issue.code === 'too_big'
        ? rowIssue('username', 'username_length', { min: 6, max: 128, length: value.length })
        : rowIssue('username', 'username_ascii');
    }
    case 'password': {
      const issue = firstIssue(Password, value);
      if (!issue) return undefined;
      const tooLong = issue.code === 'custom' && (issue as { params?: { code?: string } }).params?.code === 'password_too_long';
      return tooLong ? rowIssue('password', 'password_too_long', { max: 256 }) : rowIssue('password', 'weak_password');
    }
    case 'firstName':
    case 'lastName': {
      const issue = firstIssue(personName, value);
      return issue ? rowIssue(field, 'value_too_long', { max: 100 }) : undefined;
    }
    case 'role': {
      if (!roles) return undefined;
      const found = roles.resolve(value);
      if (!found) return rowIssue('role', 'unknown_role', { value, known: roles.examples() });
      if ('ambiguous' in found) return rowIssue('role', 'ambiguous_role', { value, matches: found.ambiguous.map((r) => r.key).join(', ') });
      resolved.roleId = found.entry.id;
      return undefined;
    }
    case 'userType': {
      if (!userTypes) return undefined;
      const found = userTypes.resolve(value);
      if (!found) return rowIssue('userType', 'unknown_user_type', { value, known: userTypes.examples() });
      if ('ambiguous' in found) {
        return rowIssue('userType', 'ambiguous_user_type', { value, matches: found.ambiguous.map((u) => u.key).join(', ') });
      }
      resolved.userTypeId = found.entry.id;
      return undefined;
    }
    case 'identityType': {
      const type = parseIdentityType(value);
      if (!type) return rowIssue('identityType', 'unknown_identity_type', { value });
      const notAllowed = identityTypesConfigured ? orgLoginTypeIssue(type, identityTypesConfigured) : null;
      if (notAllowed) return rowIssue('identityType', notAllowed.code, notAllowed.params);
      resolved.identityType = type;
      return undefined;
    }
  }
}

/** Built once: making a zod schema costs far more than running it (20 µs vs 0.25 µs). */
const personName = PersonName('Name');

function firstIssue(schema: z.ZodType, value: string) {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0];
}

const identityTypeNames: Record<string, 'saml' | 'oidc'> = {
  saml: 'saml',
  saml2: 'saml',
  oidc: 'oidc',
  openid: 'oidc',
  openidconnect: 'oidc',
};

/** "SAML", "OIDC", "OpenID Connect" (any case) → 'saml' | 'oidc'. */
export function parseIdentityType(value: string): 'saml' | 'oidc' | undefined {
  return identityTypeNames[value.toLowerCase().replace(/[^a-z0-9]/g, '')];
}
