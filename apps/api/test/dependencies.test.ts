import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The API's architecture, read from its source: dependencies point from features to lib,
 * never the reverse (decision 011, "Periodic work and mail"). No database: these read files.
 */
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');
const files = (function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
})(src);
const rel = (file: string) => path.relative(src, file).split(path.sep).join('/');
const text = new Map(files.map((f) => [rel(f), readFileSync(f, 'utf8')]));

/** The files under src that `file` imports (static, type-only, re-exports and dynamic), by relative path. */
function importsOf(file: string): string[] {
  const source = text.get(file)!;
  const specifiers = [...source.matchAll(/^\s*(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/gm), ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
  return specifiers.filter((s) => s.startsWith('.')).map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(file), s)));
}

describe('dependencies of apps/api/src', () => {
  it('finds the imports it checks (the reader works)', () => {
    expect(importsOf('main.ts')).toContain('app.ts');
    expect(importsOf('features/imports/commit.ts')).toEqual(expect.arrayContaining(['lib/errors.ts', 'features/mail/outbox.ts']));
    expect(files.length).toBeGreaterThan(50);
  });

  it('point from features to lib: no file of lib imports a feature', () => {
    const wrong = [...text.keys()].filter((f) => f.startsWith('lib/')).flatMap((f) => importsOf(f).filter((i) => i.startsWith('features/')).map((i) => `${f} → ${i}`));
    expect(wrong).toEqual([]);
  });

  it('the mail feature imports no other feature (scheduled emails are wired by main.ts)', () => {
    const wrong = [...text.keys()]
      .filter((f) => f.startsWith('features/mail/'))
      .flatMap((f) => importsOf(f).filter((i) => i.startsWith('features/') && !i.startsWith('features/mail/')).map((i) => `${f} → ${i}`));
    expect(wrong).toEqual([]);
  });

  it('only the mail feature writes the outbox and the job queue: every other feature goes through its port', () => {
    const wrong = [...text.entries()].filter(([f, s]) => !f.startsWith('features/mail/') && /"OutboxMessage"|graphile_worker|\.outboxMessage\./.test(s)).map(([f]) => f);
    expect(wrong).toEqual([]);
  });

  it('has one scheduler of periodic work (lib/maintenance.ts): no other timer loop or queue crontab', () => {
    // The import commit's heartbeat lives and dies with its commit: not periodic work of the process.
    const allowed = new Set(['features/imports/commit.ts']);
    const wrong = [...text.entries()].filter(([f, s]) => f !== 'lib/maintenance.ts' && /\bsetInterval\(|\bcrontab\b|parsedCronItems/.test(s) && !allowed.has(f)).map(([f]) => f);
    expect(wrong).toEqual([]);
    expect(text.get('features/imports/commit.ts')!.match(/\bsetInterval\(/g)).toHaveLength(1);
  });

  it('has no import cycle but the known ones (each type-only), and no new one', () => {
    // A ratchet: a cycle found later is added here only with a reason (there is none today).
    const known: string[] = [];
    const graph = new Map([...text.keys()].map((f) => [f, importsOf(f).filter((i) => text.has(i))]));
    const cycles = new Set<string>();
    // Every elementary cycle through its smallest file, found by a depth-first search from each file.
    for (const start of graph.keys()) {
      const walk = (node: string, trail: string[]) => {
        for (const next of graph.get(node)!) {
          if (next === start) cycles.add(trail.join(' → '));
          else if (next > start && !trail.includes(next) && trail.length < 12) walk(next, [...trail, next]);
        }
      };
      walk(start, [start]);
    }
    expect([...cycles].sort()).toEqual(known);
  });
});
