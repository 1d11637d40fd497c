// The whole test suite, as the README's second command runs it:
// typecheck → lint → unit + integration tests (real PostgreSQL) → Playwright (Debian Chromium).
// Prints one closing line "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, '.test-data', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const pnpm = (args, env = {}) => run('pnpm', args, env);
function run(cmd, args, env = {}) {
  console.log(`\n▶ ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return res.status ?? 1;
}

function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium)) return chromium;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium is missing: installing Debian’s chromium package');
    run('apt-get', ['update', '-q'], { DEBIAN_FRONTEND: 'noninteractive' });
    run('apt-get', ['install', '-y', '-q', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' });
  }
  if (!existsSync(chromium)) {
    console.error(`No Chromium at ${chromium}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  return chromium;
}

let passed = 0;
let failed = 0;
const failures = [];

function step(name, status) {
  if (status !== 0) failures.push(name);
}

step('typecheck', pnpm(['run', 'typecheck']));
step('lint', pnpm(['run', 'lint']));

const vitestJson = path.join(reports, 'vitest.json');
step('unit and integration tests', pnpm(['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]));
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.numTodoTests ?? 0) + (r.numPendingTests ?? 0);
} else failed += 1;

const chromium = ensureChromium();
step('web build', pnpm(['--filter', '@sesame/web', 'run', 'build']));
const pwJson = path.join(reports, 'playwright.json');
step(
  'end-to-end tests',
  pnpm(['exec', 'playwright', 'test', '--reporter=list,json'], {
    CHROMIUM_PATH: chromium,
    SKIP_WEB_BUILD: '1',
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
  }),
);
if (existsSync(pwJson)) {
  const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats ?? {};
  passed += s.expected ?? 0;
  failed += (s.unexpected ?? 0) + (s.flaky ?? 0) + (s.skipped ?? 0);
} else failed += 1;

console.log('');
if (failures.length) console.log(`Failed steps: ${failures.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failures.length || failed ? 1 : 0);
