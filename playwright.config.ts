import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { ADMIN_INITIAL_PASSWORD, E2E_FIRST_RUN_PORT, E2E_IMPORT_MAX_BYTES, E2E_PORT, E2E_SETUP_TOKEN } from './e2e/support/constants.ts';

const baseURL = `http://127.0.0.1:${E2E_PORT}`;
/** The second server: a fresh instance without the demo, waiting for its setup. */
const firstRunURL = `http://127.0.0.1:${E2E_FIRST_RUN_PORT}`;
const testDataRoot = '.test-data';

// One fresh embedded database per run. The config is evaluated again in every worker, so
// the directory is chosen once and handed down through the environment.
process.env.SESAME_E2E_DATA_DIR ??= path.join(testDataRoot, `e2e-${Date.now()}`);
const dataDir = process.env.SESAME_E2E_DATA_DIR;
const firstRunDataDir = `${dataDir}-first-run`;

// Leftovers of earlier runs (the main process only; recent ones may belong to a live run).
if (process.env.TEST_WORKER_INDEX === undefined && existsSync(testDataRoot)) {
  const sixHoursAgo = Date.now() - 6 * 3_600_000;
  for (const name of readdirSync(testDataRoot)) {
    const dir = path.join(testDataRoot, name);
    if (!name.startsWith('e2e-') || dir === dataDir || dir === firstRunDataDir) continue;
    if (statSync(dir).mtimeMs < sixHoursAgo) rmSync(dir, { recursive: true, force: true });
  }
}

const browser = { browserName: 'chromium', viewport: { width: 1440, height: 900 } } as const;

const startApi = 'node --import tsx apps/api/src/main.ts';
const command = process.env.SKIP_WEB_BUILD === '1' ? startApi : `pnpm --filter @sesame/web build && ${startApi}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    locale: 'fr-FR',
    // The theme honours the preference (theme.ts): dropdowns and dialogs open without a
    // transition, so a click never lands on an option still moving in.
    contextOptions: { reducedMotion: 'reduce' },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    // The seeded admin's forced password change can happen only once per database: the
    // spec that goes through it runs first, the others sign in with the new password.
    { name: 'first-sign-in', testMatch: /sign-in-and-search\.spec\.ts$/, use: browser },
    { name: 'chromium', testIgnore: [/sign-in-and-search\.spec\.ts$/, /first-run\//], dependencies: ['first-sign-in'], use: browser },
    // The fresh instance (second server): independent of the demo's projects.
    { name: 'first-run', testMatch: /first-run\/.*\.spec\.ts$/, use: { ...browser, baseURL: firstRunURL } },
  ],
  webServer: [{
    command,
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    // Let the API stop its embedded PostgreSQL cleanly.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      SESAME_DATA_DIR: dataDir,
      ADMIN_PASSWORD: ADMIN_INITIAL_PASSWORD,
      NODE_ENV: 'test',
      // The specs sign in to the demo organization (the default with the embedded database; said here so no DATABASE_URL or override turns it off).
      DEMO_ORGANIZATION: 'true',
      LOG_LEVEL: 'warn',
      // Small enough that a spec can try a file above it.
      IMPORT_MAX_BYTES: String(E2E_IMPORT_MAX_BYTES),
      // Every spec signs in from 127.0.0.1: the per-IP throttle (tested by the API tests) would
      // otherwise stop the suite after 50 sign-ins in 15 minutes.
      SIGN_IN_MAX_PER_IP: '1000',
    },
  }, {
    // Started after the first (Playwright starts them in order), so the web build is done.
    command: startApi,
    url: `${firstRunURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      PORT: String(E2E_FIRST_RUN_PORT),
      HOST: '127.0.0.1',
      SESAME_DATA_DIR: firstRunDataDir,
      NODE_ENV: 'test',
      DEMO_ORGANIZATION: 'false',
      // The spec opens /setup?token=… with it (tests only; refused in production).
      SETUP_TOKEN: E2E_SETUP_TOKEN,
      PUBLIC_URL: firstRunURL,
      LOG_LEVEL: 'warn',
    },
  }],
});
