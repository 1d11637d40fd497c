import type { Db } from '@sesame/db';

/**
 * The domain of an email address: what follows its last `@`, lower-cased, without a
 * trailing dot. Auto-approval (access requests,
 * organization logins' auto-registration) compares it with the approved domains by exact equality, so
 * `evil-example.com` and `example.com.evil.org` never match `example.com`, and a subdomain
 * is approved only when it is listed itself (decision recorded in docs/decisions).
 */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1) return null;
  const domain = email.slice(at + 1).trim().toLowerCase().replace(/\.$/, '');
  return domain.length ? domain : null;
}

export function isApprovedDomain(email: string, approved: readonly string[]): boolean {
  const domain = emailDomain(email);
  return domain !== null && approved.some((d) => d.toLowerCase() === domain);
}

/** The organization's approved email domains (managed on the contacts page). */
export async function approvedDomains(db: Db, organizationId: string): Promise<string[]> {
  return (await db.approvedDomain.findMany({ where: { organizationId }, select: { domain: true } })).map((d) => d.domain);
}
