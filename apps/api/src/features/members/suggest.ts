import { formatUsername } from '@sesame/contracts';
import type { Db } from '@sesame/db';
import type { AuthContext } from '../../lib/auth.ts';

/** The organization's format applied to the name, made unique by a numeric suffix. */
export async function suggestUsername(
  db: Db,
  auth: AuthContext,
  input: { firstName: string; lastName: string; email: string; exclude?: string | string[] },
): Promise<{ username: string; available: boolean }> {
  const org = await db.organization.findUniqueOrThrow({ where: { id: auth.organizationId }, select: { usernameFormat: true } });
  const base = formatUsername(org.usernameFormat, input);
  const excluded = new Set(Array.isArray(input.exclude) ? input.exclude : input.exclude ? [input.exclude] : []);
  const taken = new Set(
    (
      await db.member.findMany({
        where: { organizationId: auth.organizationId, username: { startsWith: base } },
        select: { username: true },
      })
    ).map((m) => m.username),
  );
  for (let n = 1; n < 10_000; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, 128 - String(n).length)}${n}`;
    if (!taken.has(candidate) && !excluded.has(candidate)) return { username: candidate, available: true };
  }
  return { username: base, available: false };
}
