/**
 * The domain of an email address: what follows its last `@`, lower-cased, without a
 * trailing dot. Auto-approval compares it with the approved domains by exact equality, so
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
