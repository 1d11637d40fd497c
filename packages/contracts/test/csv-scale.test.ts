import { describe, expect, it } from 'vitest';
import { createCsvStreamParser, parseCsvText, type CsvParseOptions } from '../src/index.ts';
import { lookups } from './csv-fixtures.ts';

const ROWS = 200_000;
const options: CsvParseOptions = { format: 'builtin', mode: 'credentials', lookups };
const header = 'E-mail;Rôle;Type d’utilisateur;Prénom;Nom;Nom d’utilisateur;Mot de passe\r\n';

/** Row i; every 100th row has a weak password, every 1000th repeats an earlier username. */
function line(i: number): string {
  const username = i % 1000 === 999 ? `membre${String(i - 1).padStart(6, '0')}` : `membre${String(i).padStart(6, '0')}`;
  const password = i % 100 === 42 ? 'faible' : `Passe.${i}x`;
  const role = ['viewer', 'Éditeur', 'data_editor', 'User'][i % 4];
  const userType = ['Creator', 'professionnel', 'Créateur'][i % 3];
  return `prenom.nom${i}@exemple.fr;${role};${userType};"Prénom ${i}";"Nom, ${i}";${username};${password}\r\n`;
}

function* chunks(rowsPerChunk: number) {
  yield header;
  for (let i = 0; i < ROWS; i += rowsPerChunk) {
    let s = '';
    for (let j = i; j < Math.min(ROWS, i + rowsPerChunk); j++) s += line(j);
    yield s;
  }
}

// Speed is measured by `pnpm bench` (docs/benchmarks.md), not asserted here: a loaded CI machine
// would make a time limit flaky. These tests check that every row is accounted for and memory stays bounded.
describe('200,000 rows', () => {
  it('stream: fast, memory-bounded, every row accounted for', () => {
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    let seen = 0;
    let invalid = 0;
    let lastRowNumber = 0;
    const started = performance.now();
    const parser = createCsvStreamParser(options, (row) => {
      seen++;
      if (row.errors.length) invalid++;
      lastRowNumber = row.rowNumber;
    });
    let n = 0;
    for (const chunk of chunks(500)) {
      parser.write(chunk);
      if (++n % 50 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const summary = parser.end();
    const seconds = (performance.now() - started) / 1000;
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    const growthMb = (peak - heapBefore) / 2 ** 20;
    console.log(
      `CSV stream: ${ROWS} rows in ${seconds.toFixed(2)} s = ${Math.round(ROWS / seconds).toLocaleString('en')} rows/s; ` +
        `heap growth ≤ ${growthMb.toFixed(0)} MiB`,
    );
    expect(summary.ok).toBe(true);
    expect(summary.counts).toEqual({ total: ROWS, valid: ROWS - invalid, invalid, blank: 0 });
    expect(seen).toBe(ROWS);
    expect(lastRowNumber).toBe(ROWS + 1);
    expect(invalid).toBe(2000 + 200); // weak passwords + duplicates
    // The rows themselves are not kept: what grows is the set of usernames (~200k short strings).
    expect(growthMb).toBeLessThan(200);
  });

  it('in memory (the browser preview path)', () => {
    const text = [...chunks(10_000)].join('');
    const started = performance.now();
    const result = parseCsvText(text, options);
    const seconds = (performance.now() - started) / 1000;
    console.log(`CSV in memory: ${ROWS} rows in ${seconds.toFixed(2)} s = ${Math.round(ROWS / seconds).toLocaleString('en')} rows/s`);
    expect(result.rows).toHaveLength(ROWS);
    expect(result.rows[2]!.values).toMatchObject({ firstName: 'Prénom 2', lastName: 'Nom, 2', role: 'data_editor' });
    expect(result.rows[999]!.errors.map((e) => e.code)).toEqual(['duplicate_in_file']);
  });
});
