/**
 * The Administrator role at creation (decision 011): refused when a member is created
 * — by the wizard, a CSV file or a granted access request, in every mode — unless the
 * organization allows it. Who gives it is a separate rule ({@link roleRefusal}: administrators only).
 */
export const administratorAtCreationAllowed = (organization: { allowAdminAtCreation: boolean }): boolean => organization.allowAdminAtCreation;

/**
 * Given afterwards (a role change), the Administrator role goes only to a member who is
 * active or disabled: an invited member gets it once they activated their account.
 */
export const administratorChangeAllowed = (member: { status: 'pending' | 'active' | 'disabled' }): boolean => member.status !== 'pending';

/** Why the Administrator role is refused: at creation (organization setting), by a non-administrator, or to a member not yet activated. */
export type AdministratorRefusalReason = 'at_creation' | 'administrators_only' | 'not_activated';

/** The params of an `administrator_not_allowed` refusal, the same from every entry point. */
export const administratorRefusalParams = (role: { nameEn: string; nameFr: string }, reason: AdministratorRefusalReason) => ({ role: role.nameEn, roleFr: role.nameFr, reason });
