import type { Db } from '@sesame/db';
import { seedDemoIfEmpty } from '@sesame/db/seed';
import type { Config } from './config.ts';
import { issueSetupToken, setupNeeded } from './features/setup/token.ts';

export type FirstRun =
  | { kind: 'ready' }
  | { kind: 'demo'; generatedPassword?: string }
  | { kind: 'setup'; token: string; expiresAt: Date; setupUrl: string };

/** The address people open the portal at: PUBLIC_URL, or this machine and PORT. */
export const portalBaseUrl = (config: Pick<Config, 'publicUrl' | 'port'>) => (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');

/**
 * What an empty database gets at start: the demo organization when DEMO_ORGANIZATION is on,
 * otherwise a one-time setup token (stored hashed) for the first-run setup page. A database
 * that holds an organization is left as it is.
 */
export async function prepareFirstRun(db: Db, config: Pick<Config, 'demoOrganization' | 'adminPassword' | 'setupTokenTtlHours' | 'setupToken' | 'publicUrl' | 'port'>): Promise<FirstRun> {
  if (config.demoOrganization) {
    const seed = await seedDemoIfEmpty(db, { adminPassword: config.adminPassword });
    if (seed.seeded) return { kind: 'demo', generatedPassword: seed.generatedPassword };
  }
  if (!(await setupNeeded(db))) return { kind: 'ready' };
  const { token, expiresAt } = await issueSetupToken(db, config.setupTokenTtlHours, new Date(), config.setupToken);
  return { kind: 'setup', token, expiresAt, setupUrl: `${portalBaseUrl(config)}/setup?token=${token}` };
}

/** The banner main.ts prints for a first run. */
export function firstRunBanner(firstRun: FirstRun): string | null {
  const line = '='.repeat(68);
  if (firstRun.kind === 'demo') {
    const password = firstRun.generatedPassword ? `Generated password (shown only once): ${firstRun.generatedPassword}` : 'Password: the value of ADMIN_PASSWORD';
    return `\n${line}\n  Demo organization created. Sign in as: admin\n  ${password}\n  You will be asked to choose a new password at first sign-in.\n${line}\n`;
  }
  if (firstRun.kind === 'setup') {
    return (
      `\n${line}\n  No organization yet: set up the first one at\n  ${firstRun.setupUrl}\n` +
      `  Setup token (one time, valid until ${firstRun.expiresAt.toISOString()}): ${firstRun.token}\n` +
      `  Restarting the server prints a new token. More organizations: pnpm sesame create-organization\n${line}\n`
    );
  }
  return null;
}
