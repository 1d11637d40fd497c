import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding pnpm-workspace.yaml, found from this file (never from the cwd). */
export function findRepoRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No pnpm-workspace.yaml above ${from}`);
  }
}

export interface ProjectPaths {
  root: string;
  /** prisma/schema.prisma (a folder of .prisma files works too). */
  schemaPath: string;
  /** prisma/migrations, Prisma's own layout. */
  migrationsDir: string;
  /** Where the embedded development cluster keeps its data. */
  embeddedDataDir: string;
}

export function projectPaths(root: string = findRepoRoot()): ProjectPaths {
  return {
    root,
    schemaPath: path.join(root, 'prisma', 'schema.prisma'),
    migrationsDir: path.join(root, 'prisma', 'migrations'),
    embeddedDataDir: path.join(root, '.data', 'postgres'),
  };
}
