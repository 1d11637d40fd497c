// Generates the Prisma client offline: `prisma generate` only needs the schema engine
// path to exist (it never runs it for generation), so we point it at a harmless file.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schema = path.join(root, 'prisma', 'schema.prisma');
if (!existsSync(schema)) process.exit(0);
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};
const res = spawnSync('pnpm', ['--filter', '@sesame/db', 'exec', 'prisma', 'generate', `--schema=${schema}`], {
  cwd: root,
  env,
  stdio: 'inherit',
});
process.exit(res.status ?? 1);
