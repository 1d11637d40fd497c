import { parseArgs } from 'node:util';
import { OrganizationSlug } from '@sesame/contracts';
import { openDatabase } from '../database.ts';
import { CliError, type Command, type Io } from '../io.ts';

const usage = `Usage: pnpm sesame set-named-user-limit --slug SLUG (--limit N | --no-limit)

Sets the most members an organization may have (pending, active and disabled members all
count), or removes the limit. The limit is the instance operators' to set: administrators see it
on the organization settings page but cannot change it. Works on the database directly, like
create-organization. A limit below the members the organization already has is refused.

Options:
  --slug SLUG   the organization's identifier
  --limit N     the most members it may have (a whole number, at least 1)
  --no-limit    no limit
  -h, --help    this help

Prints the organization, its limit and its member count on stdout.`;

async function run(args: string[], io: Io): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { slug: { type: 'string' }, limit: { type: 'string' }, 'no-limit': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}. See pnpm sesame set-named-user-limit --help.`, 2);
  }
  if (values.help) {
    io.stdout(usage);
    return;
  }
  if (values.slug === undefined) throw new CliError('Missing --slug. See pnpm sesame set-named-user-limit --help.', 2);
  if ((values.limit === undefined) === (values['no-limit'] !== true)) throw new CliError('Give either --limit N or --no-limit.', 2);
  const parsedSlug = OrganizationSlug.safeParse(values.slug);
  if (!parsedSlug.success) throw new CliError(`--slug: ${parsedSlug.error.issues[0]?.message ?? 'invalid value'}.`, 2);
  const slug = parsedSlug.data;
  let limit: number | null = null;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new CliError('--limit: give a whole number of members, at least 1.', 2);
  }

  const { db, close } = await openDatabase(io);
  try {
    const result = await db.$transaction(async (tx) => {
      // The organization's row is the capacity lock every entry point takes first: no member is added meanwhile.
      const [org] = await tx.$queryRaw<{ id: string; namedUserLimit: number | null }[]>`
        SELECT "id", "namedUserLimit" FROM "Organization" WHERE "slug" = ${slug} FOR UPDATE`;
      if (!org) throw new CliError(`No organization has the identifier "${slug}".`);
      const members = await tx.member.count({ where: { organizationId: org.id } });
      if (limit !== null && limit < members) throw new CliError(`--limit: the organization already has ${members} members; give at least ${members}.`);
      await tx.organization.update({ where: { id: org.id }, data: { namedUserLimit: limit } });
      if (org.namedUserLimit !== limit) {
        await tx.auditEvent.create({
          data: {
            organizationId: org.id,
            action: 'organization.updated',
            targetType: 'organization',
            targetId: org.id,
            targetLabel: slug,
            before: { namedUserLimit: org.namedUserLimit },
            after: { namedUserLimit: limit, via: 'cli' },
          },
        });
      }
      return { members };
    });
    io.stderr(limit === null ? `${slug} has no named-user limit now.` : `${slug} may now have at most ${limit} members.`);
    io.stdout(`organization: ${slug}`);
    io.stdout(`namedUserLimit: ${limit ?? 'none'}`);
    io.stdout(`members: ${result.members}`);
  } finally {
    await close();
  }
}

export const setNamedUserLimitCommand: Command = {
  name: 'set-named-user-limit',
  summary: 'set or remove an organization\u2019s named-user limit (on the database directly)',
  usage,
  run,
};
