import { parseArgs } from 'node:util';
import { Email, MemberName, OrganizationName, OrganizationSlug, passwordProblems, Username } from '@sesame/contracts';
import { activationLink, createInvitation } from '@sesame/db/invitations';
import { createOrganization, isSlugTaken } from '@sesame/db/organizations';
import { hashPassword } from '@sesame/db/passwords';
import { openDatabase, portalBaseUrl } from '../database.ts';
import { CliError, type Command, type Io } from '../io.ts';

const usage = `Usage: pnpm sesame create-organization --name NAME --slug SLUG --admin-username USERNAME --admin-email EMAIL
                                        [--first-name FIRST] [--last-name LAST] [--password PASSWORD]
                                        [--named-user-limit N]

Creates an organization (built-in roles and user types, nothing else) and its first
administrator, its primary contact. Works on the database directly: DATABASE_URL, or the
embedded PostgreSQL in SESAME_DATA_DIR (default .data) when DATABASE_URL is not set.

Without --password the administrator is pending and the command prints an activation link
(valid for the organization's invitation lifetime, 14 days); links start with PUBLIC_URL, or
http://localhost:PORT. With --password the administrator is active with that temporary password
and must change it at first sign-in.

Options:
  --name NAME               the organization's name
  --slug SLUG               its identifier: lower-case letters, digits and hyphens (unique)
  --admin-username USERNAME the administrator's username (6 to 128 ASCII characters)
  --admin-email EMAIL       the administrator's email
  --first-name FIRST        the administrator's first name (default: Administrator)
  --last-name LAST          the administrator's last name (default: the organization's name)
  --password PASSWORD       a temporary password instead of an activation link
  --named-user-limit N      the most members the organization may have (default: no limit)
  -h, --help                this help

Prints the organization and the administrator's activation link (or username) on stdout.`;

/** The first problem of a value against a contract schema, as a sentence. */
function check<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, value: unknown, option: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new CliError(`${option}: ${parsed.error.issues[0]?.message ?? 'invalid value'}.`, 2);
}

async function run(args: string[], io: Io): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        name: { type: 'string' },
        slug: { type: 'string' },
        'admin-username': { type: 'string' },
        'admin-email': { type: 'string' },
        'first-name': { type: 'string' },
        'last-name': { type: 'string' },
        password: { type: 'string' },
        'named-user-limit': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}. See pnpm sesame create-organization --help.`, 2);
  }
  if (values.help) {
    io.stdout(usage);
    return;
  }
  const missing = (['name', 'slug', 'admin-username', 'admin-email'] as const).filter((o) => values[o] === undefined);
  if (missing.length) throw new CliError(`Missing ${missing.map((o) => `--${o}`).join(', ')}. See pnpm sesame create-organization --help.`, 2);

  const name = check(OrganizationName, values.name, '--name');
  const slug = check(OrganizationSlug, values.slug, '--slug');
  const username = check(Username, values['admin-username'], '--admin-username');
  const email = check(Email, values['admin-email'], '--admin-email');
  const firstName = check(MemberName('First name'), values['first-name'] ?? 'Administrator', '--first-name');
  const lastName = check(MemberName('Last name'), values['last-name'] ?? name.slice(0, 100), '--last-name');
  let namedUserLimit: number | null = null;
  if (values['named-user-limit'] !== undefined) {
    namedUserLimit = Number(values['named-user-limit']);
    if (!Number.isInteger(namedUserLimit) || namedUserLimit < 1) throw new CliError('--named-user-limit: give a whole number of members, at least 1.', 2);
  }
  const password = values.password;
  if (password !== undefined) {
    const problems = passwordProblems(password, { username });
    if (problems.length) throw new CliError(`--password: ${problems.map((p) => p.message).join('; ')}.`, 2);
  }
  const passwordHash = password !== undefined ? await hashPassword(password) : null;

  const { db, close } = await openDatabase(io);
  try {
    if (await db.organization.findUnique({ where: { slug }, select: { id: true } })) throw slugTaken(slug);
    const result = await db
      .$transaction(async (tx) => {
        const created = await createOrganization(tx, {
          slug,
          name,
          namedUserLimit,
          administrator: { username, email, firstName, lastName, passwordHash, mustChangePassword: true },
        });
        await tx.auditEvent.create({
          data: {
            organizationId: created.organizationId,
            action: 'organization.created',
            targetType: 'organization',
            targetId: created.organizationId,
            targetLabel: slug,
            after: { slug, name, administrator: username, namedUserLimit, via: 'cli' },
          },
        });
        const org = await tx.organization.findUniqueOrThrow({ where: { id: created.organizationId }, select: { invitationTtlDays: true } });
        const invitation = passwordHash ? null : await createInvitation(tx, { organizationId: created.organizationId, memberId: created.adminId, ttlDays: org.invitationTtlDays });
        return { ...created, invitation };
      })
      .catch((error: unknown) => {
        throw isSlugTaken(error) ? slugTaken(slug) : error;
      });
    io.stderr(`Created the organization ${name} (${slug}) with its administrator ${username}.`);
    io.stdout(`organization: ${slug}`);
    io.stdout(`organizationId: ${result.organizationId}`);
    io.stdout(`administrator: ${username}`);
    if (result.invitation) {
      io.stdout(`activationLink: ${activationLink(portalBaseUrl(io.env), result.invitation.token)}`);
      io.stderr(`Send the activation link to ${email}; it works once, until ${result.invitation.expiresAt.toISOString()}.`);
    } else {
      io.stderr(`${username} signs in with the password given and must change it at first sign-in.`);
    }
  } finally {
    await close();
  }
}

const slugTaken = (slug: string) => new CliError(`An organization with the identifier "${slug}" already exists; choose another --slug.`);

export const createOrganizationCommand: Command = {
  name: 'create-organization',
  summary: 'create an organization and its first administrator (on the database directly)',
  usage,
  run,
};
