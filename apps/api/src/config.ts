import path from 'node:path';
import { z } from 'zod';
import { repoRoot } from './lib/paths.ts';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Loopback by default: a trial is reachable only from this machine unless HOST says otherwise (e.g. 0.0.0.0). */
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  SESAME_DATA_DIR: z.string().optional(),
  ADMIN_PASSWORD: z.string().min(1).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Sésame <no-reply@sesame.localhost>'),
  /** Port of the development mail catcher (no SMTP_URL, not production); 0 picks a free one. */
  MAIL_CATCHER_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  PUBLIC_URL: z.string().url().optional(),
  /** Set when the portal is served over HTTPS (directly or behind a proxy): cookies get `Secure`. */
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  SIGN_IN_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
  SIGN_IN_MAX_PER_IP: z.coerce.number().int().positive().default(50),
  /** Largest CSV import accepted, in bytes (default 50 MiB). */
  IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(50 * 1024 * 1024),
  /** Most data rows in one CSV import. */
  IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(200_000),
  /** Days an import that was never committed is kept (its rows may hold passwords). */
  IMPORT_RETENTION_DAYS: z.coerce.number().positive().default(7),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  adminPassword?: string;
  smtpUrl?: string;
  mailFrom: string;
  mailCatcherPort: number;
  publicUrl?: string;
  cookieSecure: 'auto' | boolean;
  trustProxy: boolean;
  sessionTtlMs: number;
  signIn: { maxFailures: number; windowSeconds: number; maxPerIp: number };
  imports: { maxBytes: number; maxRows: number; retentionDays: number };
  logLevel: string;
  webDist: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(repoRoot, e.SESAME_DATA_DIR ?? '.data'),
    adminPassword: e.ADMIN_PASSWORD,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailCatcherPort: e.MAIL_CATCHER_PORT,
    publicUrl: e.PUBLIC_URL,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY === 'true',
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    signIn: { maxFailures: e.SIGN_IN_MAX_FAILURES, windowSeconds: e.SIGN_IN_WINDOW_SECONDS, maxPerIp: e.SIGN_IN_MAX_PER_IP },
    imports: { maxBytes: e.IMPORT_MAX_BYTES, maxRows: e.IMPORT_MAX_ROWS, retentionDays: e.IMPORT_RETENTION_DAYS },
    logLevel: e.LOG_LEVEL,
    webDist: path.join(repoRoot, 'apps', 'web', 'dist'),
  };
}

/** Without an SMTP server, development and test runs catch their mail themselves. */
export const mailCatcherEnabled = (config: Pick<Config, 'env' | 'smtpUrl'>) => !config.smtpUrl && config.env !== 'production';
