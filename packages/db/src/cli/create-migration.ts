// `pnpm db:migration:create <name> [--empty]`: writes prisma/migrations/<timestamp>_<name>/
// with the SQL from the existing migrations to prisma/schema.prisma. The history is built
// in a throw-away embedded PostgreSQL, or in a temporary database on SHADOW_DATABASE_URL's
// server when that is set (the database it names is left untouched).
import { parseArgs } from 'node:util';
import { createMigration } from '../migrate/index.ts';

const USAGE = 'Usage: pnpm db:migration:create <name> [--empty]';

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    allowPositionals: true,
    options: { empty: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  const [name] = positionals;
  if (values.help || positionals.length !== 1 || !name) {
    console.log(USAGE);
    if (!values.help) process.exitCode = 1;
    return;
  }
  await createMigration(name, {
    empty: values.empty,
    databaseUrl: process.env.SHADOW_DATABASE_URL || undefined,
    log: (message) => console.log(message),
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
