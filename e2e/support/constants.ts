/** Port of the API (serving the built web app) started by playwright.config.ts (`E2E_PORT` to run two suites side by side). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3199);
/** Port of the second server: a fresh instance without the demo (the `first-run` project). */
export const E2E_FIRST_RUN_PORT = E2E_PORT + 1;
/** Its setup token, fixed through SETUP_TOKEN (tests only). */
export const E2E_SETUP_TOKEN = 'e2e-first-run-setup-token-2026';

export const ADMIN_USERNAME = 'admin';
/** Seeded through ADMIN_PASSWORD; the admin must replace it at first sign-in. */
export const ADMIN_INITIAL_PASSWORD = 'Admin-e2e-2026';
/** What the sign-in spec changes it to (8+ characters, a letter and a digit, not common). */
export const ADMIN_NEW_PASSWORD = 'Sesame-e2e-Chang3d';

/** IMPORT_MAX_BYTES of the e2e server (5 MiB). */
export const E2E_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
