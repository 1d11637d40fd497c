import { expect } from 'vitest';
import { hashPassword } from '@sesame/db/passwords';
import { Client, type TestContext } from './helpers.ts';

/** The password of the members the fixtures make. */
export const MEMBER_PASSWORD = 'Member-pass-42';

export type MakeMemberOptions = { org?: 'acme' | 'globex'; identityType?: 'builtin' | 'ldap'; status?: 'active' | 'pending' };

/**
 * Members made for a test file (its context is created in `beforeAll`, hence the getter):
 * `makeMember` creates an active built-in (or LDAP, or pending) member with the given role
 * and `MEMBER_PASSWORD`; `signedIn` returns a client signed in as someone.
 */
export function memberFixtures(context: () => TestContext) {
  let hash: Promise<string> | undefined;
  const passwordHash = () => (hash ??= hashPassword(MEMBER_PASSWORD));

  async function makeMember(username: string, roleKey = 'user', opts: MakeMemberOptions = {}) {
    const ctx = context();
    const organizationId = ctx[opts.org ?? 'acme'].organizationId;
    const identityType = opts.identityType ?? 'builtin';
    const role = await ctx.db.role.findFirstOrThrow({ where: { organizationId, key: roleKey } });
    const type = await ctx.db.userType.findFirstOrThrow({ where: { organizationId, key: 'professional_plus' } });
    const pending = opts.status === 'pending';
    return ctx.db.member.create({
      data: {
        organizationId,
        username,
        firstName: 'Test',
        lastName: username,
        email: `${username}@example.com`,
        roleId: role.id,
        userTypeId: type.id,
        status: pending ? 'pending' : 'active',
        activatedAt: pending ? null : new Date(),
        identityType,
        passwordHash: identityType === 'builtin' && !pending ? await passwordHash() : null,
      },
    });
  }

  async function signedIn(username: string, password = MEMBER_PASSWORD) {
    const c = new Client(context());
    expect((await c.signIn(username, password)).statusCode).toBe(200);
    return c;
  }

  return { makeMember, signedIn };
}
