import { isIP } from 'node:net';
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
  /**
   * Whether an empty database gets the demo organization. Default: true only with the embedded
   * database (no DATABASE_URL) outside production; otherwise the first run offers the setup.
   */
  DEMO_ORGANIZATION: z.enum(['true', 'false']).optional(),
  /** How long the first-run setup token printed at start stays valid. */
  SETUP_TOKEN_TTL_HOURS: z.coerce.number().positive().default(24),
  /** Tests only (refused in production): the setup token to issue instead of a random one. */
  SETUP_TOKEN: z.string().min(16, 'SETUP_TOKEN must have at least 16 characters').max(200).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Sésame <no-reply@sesame.localhost>'),
  /** Port of the development mail catcher (no SMTP_URL, not production); 0 picks a free one. */
  MAIL_CATCHER_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  PUBLIC_URL: z.string().url().optional(),
  /** Set when the portal is served over HTTPS (directly or behind a proxy): cookies get `Secure`. */
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  /** `false`, or the proxies' addresses / CIDR ranges, comma-separated (see parseTrustProxy). */
  TRUST_PROXY: z.string().default('false'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  SIGN_IN_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
  SIGN_IN_MAX_PER_IP: z.coerce.number().int().positive().default(50),
  /** First wait imposed on addresses that failed, once an account has SIGN_IN_MAX_FAILURES failures; doubles with each further failure. */
  SIGN_IN_WAIT_SECONDS: z.coerce.number().int().positive().default(60),
  /** Ceiling of that wait. */
  SIGN_IN_MAX_WAIT_SECONDS: z.coerce.number().int().positive().default(900),
  /** Largest CSV import accepted, in bytes (default 50 MiB). */
  IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(50 * 1024 * 1024),
  /** Most data rows in one CSV import. */
  IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(200_000),
  /** Days an import that was never committed is kept (its rows may hold passwords). */
  IMPORT_RETENTION_DAYS: z.coerce.number().positive().default(7),
  /**
   * The key that encrypts stored secrets (identity providers' client secrets, the directory's
   * bind password): 32 bytes, base64 or 64 hex digits (`openssl rand -base64 32`). Outside
   * production a key is generated once under the data directory when it is not set.
   */
  SECRETS_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  adminPassword?: string;
  /** Seed the demo organization in an empty database (DEMO_ORGANIZATION). */
  demoOrganization: boolean;
  setupTokenTtlHours: number;
  /** A fixed setup token (SETUP_TOKEN), for end-to-end tests; never in production. */
  setupToken?: string;
  smtpUrl?: string;
  mailFrom: string;
  mailCatcherPort: number;
  publicUrl?: string;
  cookieSecure: 'auto' | boolean;
  /** Fastify's `trustProxy`: nothing, or the proxies' addresses. */
  trustProxy: TrustProxy;
  sessionTtlMs: number;
  /** Sign-in throttling; the policy is in features/auth/throttle.ts. */
  signIn: { maxFailures: number; windowSeconds: number; maxPerIp: number; waitSeconds: number; maxWaitSeconds: number };
  imports: { maxBytes: number; maxRows: number; retentionDays: number };
  logLevel: string;
  webDist: string;
  /** SECRETS_KEY decoded (32 bytes); absent: generated under dataDir outside production, refused in production (lib/secret-box.ts). */
  secretsKey?: Buffer;
};

export type TrustProxy = false | string[];

/** Names proxy-addr (Fastify's trustProxy) accepts for well-known ranges. */
const namedRanges = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: `false` (default) ignores X-Forwarded-*; a comma-separated list of addresses,
 * CIDR ranges or proxy-addr names trusts X-Forwarded-For from those peers only, and the client
 * is the last address in it that is not a trusted proxy. Refused: `true`, which would take the
 * client's own, forgeable, first X-Forwarded-For entry as its address, and hop counts, which
 * trust whatever peer connects (Fastify 5.12 treats a number as trusting no one).
 */
export function parseTrustProxy(value: string): TrustProxy | { error: string } {
  const v = value.trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') {
    return {
      error:
        'TRUST_PROXY=true trusts any X-Forwarded-For, so a client could pick its own address and escape the per-IP limits. ' +
        'Give the addresses of your proxies instead (e.g. TRUST_PROXY=127.0.0.1,10.0.0.0/8).',
    };
  }
  if (/^\d+$/.test(v)) {
    return {
      error:
        `TRUST_PROXY=${v}: a hop count trusts X-Forwarded-For from any peer, including a client that connects directly. ` +
        'Give the addresses of your proxies instead (e.g. TRUST_PROXY=127.0.0.1,10.0.0.0/8).',
    };
  }
  const entries = v.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (!isTrustedRange(entry)) {
      return { error: `TRUST_PROXY: "${entry}" is not an IP address, a CIDR range (e.g. 10.0.0.0/8) or one of loopback, linklocal, uniquelocal` };
    }
  }
  return entries;
}

function isTrustedRange(entry: string): boolean {
  if (namedRanges.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  const trustProxy = parseTrustProxy(e.TRUST_PROXY);
  if (typeof trustProxy === 'object' && 'error' in trustProxy) throw new Error(`Invalid configuration:\n  ${trustProxy.error}`);
  if (e.SETUP_TOKEN && e.NODE_ENV === 'production') {
    throw new Error('Invalid configuration:\n  SETUP_TOKEN fixes the first-run setup token for tests; it is refused in production, where the server prints a random one.');
  }
  const secretsKey = e.SECRETS_KEY === undefined ? undefined : parseSecretsKey(e.SECRETS_KEY);
  if (secretsKey && 'error' in secretsKey) throw new Error(`Invalid configuration:\n  ${secretsKey.error}`);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(repoRoot, e.SESAME_DATA_DIR ?? '.data'),
    adminPassword: e.ADMIN_PASSWORD,
    demoOrganization: e.DEMO_ORGANIZATION ? e.DEMO_ORGANIZATION === 'true' : !e.DATABASE_URL && e.NODE_ENV !== 'production',
    setupTokenTtlHours: e.SETUP_TOKEN_TTL_HOURS,
    setupToken: e.SETUP_TOKEN,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailCatcherPort: e.MAIL_CATCHER_PORT,
    publicUrl: e.PUBLIC_URL,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    trustProxy,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    signIn: {
      maxFailures: e.SIGN_IN_MAX_FAILURES,
      windowSeconds: e.SIGN_IN_WINDOW_SECONDS,
      maxPerIp: e.SIGN_IN_MAX_PER_IP,
      waitSeconds: e.SIGN_IN_WAIT_SECONDS,
      maxWaitSeconds: e.SIGN_IN_MAX_WAIT_SECONDS,
    },
    imports: { maxBytes: e.IMPORT_MAX_BYTES, maxRows: e.IMPORT_MAX_ROWS, retentionDays: e.IMPORT_RETENTION_DAYS },
    logLevel: e.LOG_LEVEL,
    webDist: path.join(repoRoot, 'apps', 'web', 'dist'),
    ...(secretsKey ? { secretsKey: secretsKey.key } : {}),
  };
}

/** SECRETS_KEY: 32 bytes written as 64 hex digits or as base64 (with or without padding, or base64url). */
export function parseSecretsKey(value: string): { key: Buffer } | { error: string } {
  const v = value.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, 'hex') : /^[A-Za-z0-9+/_-]{43}=?$/.test(v) ? Buffer.from(v, 'base64') : undefined;
  if (!key || key.length !== 32) return { error: 'SECRETS_KEY must be 32 random bytes, written as base64 (e.g. `openssl rand -base64 32`) or as 64 hex digits' };
  return { key };
}

/** Without an SMTP server, development and test runs catch their mail themselves. */
export const mailCatcherEnabled = (config: Pick<Config, 'env' | 'smtpUrl'>) => !config.smtpUrl && config.env !== 'production';
