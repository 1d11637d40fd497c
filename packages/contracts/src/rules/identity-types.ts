/** The identity types of organization logins (SAML 2.0, OpenID Connect). */
export type OrgLoginType = 'saml' | 'oidc';

/** The organization-login types an organization allows (its Security settings), in a fixed order. */
export function orgLoginTypesAllowed(allowed: readonly string[]): OrgLoginType[] {
  return (['saml', 'oidc'] as const).filter((t) => allowed.includes(t));
}

/**
 * The one rule for a new member's organization-login identity type, for the Add Members
 * batch and a CSV row alike: the organization must allow that type. `identity_type_not_configured`
 * names the value and the types allowed.
 */
export function orgLoginTypeIssue(type: OrgLoginType, allowed: readonly string[]): { code: 'identity_type_not_configured'; params: { value: string; configured: string } } | null {
  const configured = orgLoginTypesAllowed(allowed);
  if (configured.includes(type)) return null;
  return { code: 'identity_type_not_configured', params: { value: type.toUpperCase(), configured: configured.map((t) => t.toUpperCase()).join(', ') || '—' } };
}
