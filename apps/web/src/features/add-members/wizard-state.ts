import { effectivePrivileges, licencesForAll, privilegeAreas, rolesOfferedToAdd, seatsLeft as seatsLeftOf, type RoleGiver } from '@sesame/contracts';
import type {
  BatchMode,
  Language,
  License,
  MembersBatchBody,
  OrganizationDefaults,
  ProfileVisibility,
  Role,
  UserType,
} from '@sesame/contracts';

// The Add Members wizard's state and rules, kept free of React so they can be tested alone.

export const wizardSteps = ['method', 'member', 'list', 'properties', 'summary'] as const;
export type WizardStep = (typeof wizardSteps)[number];

export const memberFields = ['firstName', 'lastName', 'email', 'username', 'userType', 'role', 'password', 'identityType'] as const;
export type MemberField = (typeof memberFields)[number];

/**
 * The new-member form: every field as text; an empty password means "generate one"; the
 * identity type is empty for a Sésame account, `saml` or `oidc` for an organization login.
 */
export type MemberFormValues = Record<MemberField, string>;

export interface DraftMember extends MemberFormValues {
  /** Local identity of a row of the list (usernames can be edited). */
  id: string;
}

export interface MemberSettingsDraft {
  profileVisibility: ProfileVisibility;
  language: Language;
  locale: string;
  startPage: string;
}

export interface WizardProperties {
  licenses: string[];
  groups: string[];
  categories: string[];
  settings: MemberSettingsDraft;
}

export interface FieldProblem {
  /** The member's field the server pointed at, when it did. */
  field: MemberField | null;
  message: string;
}

/** What the server refused, placed where the admin can fix it. */
export interface ServerProblems {
  /** By draft member id. */
  members: Record<string, FieldProblem[]>;
  /** By licence id. */
  licenses: Record<string, string[]>;
  /** Groups, categories or settings. */
  properties: string[];
  /** The invitation message. */
  message: string[];
  /** The batch as a whole (named-user limit, user-type seats, a concurrent change…). */
  general: string[];
}

/** How the new members sign in: a Sésame account, or their organization's identity provider. */
export type LoginMethod = 'builtin' | 'organization';

/** The organization-login identity types members can be added for. */
export type OrgIdentityType = 'saml' | 'oidc';

export interface WizardState {
  step: WizardStep;
  login: LoginMethod;
  /** Index of the furthest step reached: the stepper lets the admin go back to any of them. */
  reached: number;
  mode: BatchMode | null;
  message: string;
  members: DraftMember[];
  /** The list row open in the member form, if any. */
  editingId: string | null;
  properties: WizardProperties;
  problems: ServerProblems | null;
}

export const MAX_MESSAGE_LENGTH = 2000;

let sequence = 0;
export function newDraftId(): string {
  sequence += 1;
  return `draft-${sequence}`;
}

export function stepIndex(step: WizardStep): number {
  return wizardSteps.indexOf(step);
}

function asLanguage(value: string): Language {
  return value === 'en' ? 'en' : 'fr';
}

export function initialProperties(organization: OrganizationDefaults): WizardProperties {
  return {
    licenses: [...organization.defaultLicenseIds],
    groups: [...organization.defaultGroupIds],
    categories: [],
    settings: {
      profileVisibility: organization.settings.profileVisibility,
      language: asLanguage(organization.settings.language),
      locale: organization.settings.locale,
      startPage: organization.settings.startPage,
    },
  };
}

export function initialWizardState(organization: OrganizationDefaults): WizardState {
  return {
    step: 'method',
    login: 'builtin',
    reached: 0,
    mode: null,
    message: '',
    members: [],
    editingId: null,
    properties: initialProperties(organization),
    problems: null,
  };
}

// --- Roles and user types ----------------------------------------------------------------

/** Without a giver (before the session is known), the roles an administrator may give. */
const anyAdministrator: RoleGiver = { isAdministrator: true, privileges: effectivePrivileges(privilegeAreas.map((area) => ({ area, level: 'update' as const }))) };

/** Roles that may be given at creation to a member of this user type (by this giver, when given). */
export function assignableRoles(roles: Role[], userType: UserType | undefined, organization: OrganizationDefaults, giver?: RoleGiver): Role[] {
  // The rules module's predicate, the one the API applies to the batch (decision 011).
  return rolesOfferedToAdd(roles, giver ?? anyAdministrator, userType && { compatibleRoleIds: userType.compatibleRoles.map((role) => role.id) }, organization);
}

/** The organization's default role when it suits the user type, else the first that does. */
export function defaultRoleFor(roles: Role[], userType: UserType | undefined, organization: OrganizationDefaults, giver?: RoleGiver): string {
  const allowed = assignableRoles(roles, userType, organization, giver);
  const preferred = allowed.find((role) => role.id === organization.defaultRoleId);
  return (preferred ?? allowed[0])?.id ?? '';
}

export function defaultUserTypeId(userTypes: UserType[], organization: OrganizationDefaults): string {
  const preferred = userTypes.find((type) => type.id === organization.defaultUserTypeId);
  return (preferred ?? userTypes[0])?.id ?? '';
}

export function emptyMemberForm(userType: string, role: string, identityType = ''): MemberFormValues {
  return { firstName: '', lastName: '', email: '', username: '', userType, role, password: '', identityType };
}

// --- Licences ------------------------------------------------------------------------------

export function seatsLeft(license: License): number {
  return seatsLeftOf(license.seatsTotal, license.seatsUsed);
}

/**
 * Licences compatible with the user type of every member of the list (the type with the
 * fewest compatible licences decides), and the others, which are not offered.
 */
export function licenseOffer(licenses: License[], userTypes: UserType[], members: Pick<DraftMember, 'userType'>[]) {
  const typeIds = [...new Set(members.map((member) => member.userType))];
  // The rules module's licence rule (compatible with every user type), as the API checks it; an unknown type suits none.
  const types = typeIds.map((id) => ({ id, compatibleLicenseIds: userTypes.find((type) => type.id === id)?.compatibleLicenses.map((l) => l.id) ?? [] }));
  const compatibleWithAll = (license: License) => types.length > 0 && licencesForAll([license.id], types).length === 1;
  return {
    offered: licenses.filter(compatibleWithAll),
    notOffered: licenses.filter((license) => !compatibleWithAll(license)),
  };
}

/** A licence can be chosen when it is offered and has a seat for every member of the list. */
export function isLicenseAssignable(license: License, memberCount: number): boolean {
  return seatsLeft(license) >= memberCount;
}

/** The chosen licences that still apply to the current list (it may have changed since). */
export function effectiveLicenses(state: Pick<WizardState, 'members' | 'properties'>, licenses: License[], userTypes: UserType[]): string[] {
  const { offered } = licenseOffer(licenses, userTypes, state.members);
  const usable = new Set(offered.filter((license) => isLicenseAssignable(license, state.members.length)).map((license) => license.id));
  return state.properties.licenses.filter((id) => usable.has(id));
}

// --- The request -----------------------------------------------------------------------

export function buildBatchBody(state: WizardState, licenses: string[]): MembersBatchBody {
  const mode = state.mode ?? 'credentials';
  const message = state.message.trim();
  return {
    mode,
    ...(mode === 'invite' && message ? { message } : {}),
    members: state.members.map((member) => ({
      firstName: member.firstName.trim(),
      lastName: member.lastName.trim(),
      email: member.email.trim(),
      username: member.username,
      role: member.role,
      userType: member.userType,
      // Organization logins: the username is the provider's NameID / sub, and there is no password.
      ...(state.login === 'organization' && member.identityType ? { identityType: member.identityType as OrgIdentityType } : {}),
      ...(state.login === 'builtin' && mode === 'credentials' && member.password ? { password: member.password } : {}),
    })),
    properties: {
      licenses,
      groups: state.properties.groups,
      categories: state.properties.categories,
      settings: state.properties.settings,
    },
  };
}

// --- Server refusals -------------------------------------------------------------------

const memberPath = /^members\.(\d+)(?:\.(\w+))?/;
const licensePath = /^properties\.licenses\.(\d+)/;

function isMemberField(value: string | undefined): value is MemberField {
  return value !== undefined && (memberFields as readonly string[]).includes(value);
}

export function emptyProblems(): ServerProblems {
  return { members: {}, licenses: {}, properties: [], message: [], general: [] };
}

/**
 * Places each `errors[]` entry of a 400/409 on the member row and field, the licence, or
 * the batch as a whole. Paths are relative to the request's body (`members.2.username`,
 * `members.0.email`, `properties.licenses.0`, `members`…); each message is already worded
 * (lib/problem-message.ts, `fieldErrorMessage`).
 */
export function placeServerProblems(
  errors: ReadonlyArray<{ path: string; message: string }>,
  members: Pick<DraftMember, 'id'>[],
  sentLicenses: string[],
): ServerProblems {
  const problems = emptyProblems();
  for (const { path, message } of errors) {
    const member = memberPath.exec(path);
    if (member) {
      const target = members[Number(member[1])];
      if (target) {
        const field = isMemberField(member[2]) ? member[2] : null;
        (problems.members[target.id] ??= []).push({ field, message });
        continue;
      }
    }
    const license = licensePath.exec(path);
    const licenseId = license ? sentLicenses[Number(license[1])] : undefined;
    if (licenseId) {
      (problems.licenses[licenseId] ??= []).push(message);
      continue;
    }
    if (path.startsWith('properties')) problems.properties.push(message);
    else if (path === 'message') problems.message.push(message);
    else problems.general.push(message);
  }
  return problems;
}

export function hasProblems(problems: ServerProblems | null): problems is ServerProblems {
  if (!problems) return false;
  return (
    Object.keys(problems.members).length > 0 ||
    Object.keys(problems.licenses).length > 0 ||
    problems.properties.length > 0 ||
    problems.message.length > 0 ||
    problems.general.length > 0
  );
}

/** The step where the first thing to fix lives. */
export function stepForProblems(problems: ServerProblems): WizardStep {
  if (problems.message.length > 0) return 'method';
  if (Object.keys(problems.members).length > 0 || problems.general.length > 0) return 'list';
  if (Object.keys(problems.licenses).length > 0 || problems.properties.length > 0) return 'properties';
  return 'summary';
}

/** Once a member is edited or removed, what the server said about it no longer holds. */
export function withoutMemberProblems(problems: ServerProblems | null, ids: string[]): ServerProblems | null {
  if (!problems) return null;
  const members = { ...problems.members };
  for (const id of ids) delete members[id];
  const next = { ...problems, members };
  return hasProblems(next) ? next : null;
}

// --- Transitions -----------------------------------------------------------------------

export type WizardAction =
  | { type: 'goTo'; step: WizardStep }
  | { type: 'setMode'; mode: BatchMode }
  | { type: 'setLogin'; login: LoginMethod; identityType: OrgIdentityType | '' }
  | { type: 'setMessage'; message: string }
  | { type: 'addMember'; member: MemberFormValues }
  | { type: 'updateMember'; id: string; member: MemberFormValues }
  | { type: 'editMember'; id: string | null }
  | { type: 'removeMembers'; ids: string[] }
  | { type: 'setProperties'; properties: Partial<WizardProperties> }
  | { type: 'refused'; problems: ServerProblems }
  | { type: 'reset'; state: WizardState };

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'goTo': {
      const index = stepIndex(action.step);
      return { ...state, step: action.step, reached: Math.max(state.reached, index) };
    }
    case 'setMode':
      return { ...state, mode: action.mode, problems: state.problems && { ...state.problems, message: [] } };
    case 'setLogin':
      // The list's members follow: an organization login has no password, a Sésame account no identity type.
      return {
        ...state,
        login: action.login,
        members: state.members.map((member) =>
          action.login === 'organization' ? { ...member, password: '', identityType: member.identityType || action.identityType } : { ...member, identityType: '' },
        ),
      };
    case 'setMessage':
      return { ...state, message: action.message, problems: state.problems && { ...state.problems, message: [] } };
    case 'addMember':
      return { ...state, members: [...state.members, { ...action.member, id: newDraftId() }] };
    case 'updateMember':
      return {
        ...state,
        members: state.members.map((member) => (member.id === action.id ? { ...action.member, id: member.id } : member)),
        editingId: null,
        problems: withoutMemberProblems(state.problems, [action.id]),
      };
    case 'editMember':
      return { ...state, editingId: action.id };
    case 'removeMembers': {
      const ids = new Set(action.ids);
      const members = state.members.filter((member) => !ids.has(member.id));
      // The list changed: a "too many members" refusal may no longer hold either.
      const problems = withoutMemberProblems(state.problems && { ...state.problems, general: [] }, action.ids);
      return { ...state, members, editingId: state.editingId && ids.has(state.editingId) ? null : state.editingId, problems };
    }
    case 'setProperties': {
      const touchedLicenses = action.properties.licenses !== undefined;
      const problems =
        state.problems && (touchedLicenses || action.properties.groups || action.properties.categories || action.properties.settings)
          ? { ...state.problems, licenses: touchedLicenses ? {} : state.problems.licenses, properties: [] }
          : state.problems;
      return { ...state, properties: { ...state.properties, ...action.properties }, problems: hasProblems(problems) ? problems : null };
    }
    case 'refused': {
      const step = stepForProblems(action.problems);
      return { ...state, problems: action.problems, step, editingId: null };
    }
    case 'reset':
      return action.state;
  }
}
