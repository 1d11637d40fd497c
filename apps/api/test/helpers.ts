import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db } from '@sesame/db';
import { seedOrganization } from '@sesame/db/seed';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { renderOutboxMessage, type OutboxRow } from '../src/features/mail/outbox.ts';

/** A fresh database cloned from the migrated template; dropped by the returned cleanup. */
export async function createTestDatabase(): Promise<{ url: string; db: Db; drop: () => Promise<void> }> {
  const templateUrl = inject('templateDatabaseUrl');
  const template = new URL(templateUrl);
  const templateName = template.pathname.slice(1);
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: templateUrl.replace(/\/[^/?]+(\?|$)/, '/postgres$1') });
  await admin.connect();
  try {
    // CREATE DATABASE … TEMPLATE needs the template to have no other connection.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
        break;
      } catch (err) {
        if (attempt > 50 || !String(err).includes('being accessed by other users')) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await admin.end();
  }
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  const db = createDb(url.toString(), { max: 5 });
  return {
    url: url.toString(),
    db,
    drop: async () => {
      await db.$disconnect();
      const c = new pg.Client({ connectionString: templateUrl.replace(/\/[^/?]+(\?|$)/, '/postgres$1') });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export const ADMIN_PASSWORD = 'Initial-pass-2026';

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;

/**
 * A test database with two organizations (`acme`, 60 members, and `globex`, 12 members),
 * both with an administrator whose password is ADMIN_PASSWORD, and an app bound to it.
 */
export async function createTestContext(opts: { config?: Partial<Config>; acmeMembers?: number; adminMustChange?: boolean; devMail?: boolean } = {}) {
  const database = await createTestDatabase();
  const acme = await seedOrganization(database.db, {
    slug: 'acme',
    name: 'Acme',
    adminUsername: 'admin',
    adminPassword: ADMIN_PASSWORD,
    adminMustChangePassword: opts.adminMustChange ?? false,
    memberCount: opts.acmeMembers ?? 60,
    randomSeed: 1,
  });
  const globex = await seedOrganization(database.db, {
    slug: 'globex',
    name: 'Globex',
    adminUsername: 'globex-admin',
    adminPassword: ADMIN_PASSWORD,
    adminMustChangePassword: false,
    memberCount: 12,
    emailDomain: 'globex.example.org',
    randomSeed: 2,
  });
  const config: Config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), ...opts.config };
  const app = await buildApp({ db: database.db, config, logger: false, devMail: opts.devMail ?? false });
  await app.ready();
  return {
    ...database,
    app,
    config,
    acme,
    globex,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

type InjectResponse = Awaited<ReturnType<TestContext['app']['inject']>>;

/** A cookie-carrying client over app.inject, with the CSRF header on writes once signed in. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(
    private readonly ctx: Pick<TestContext, 'app'>,
    readonly ip = '127.0.0.1',
  ) {}

  async request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<InjectResponse> {
    const res = await this.ctx.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    const set = res.cookies.find((c) => c.name === 'sesame_session');
    if (set) this.cookie = set.value ? `sesame_session=${set.value}` : '';
    return res;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body ?? {}, headers);

  async signIn(username: string, password: string, extra: Record<string, unknown> = {}): Promise<InjectResponse> {
    const res = await this.post('/api/auth/sign-in', { username, password, ...extra });
    if (res.statusCode === 200) {
      const csrf = await this.get('/api/auth/csrf');
      this.csrf = csrf.json<{ token: string }>().token;
    }
    return res;
  }
}

/**
 * An outbox row with the email as the worker will send it: the outbox stores an email's kind
 * and data, and the worker renders subject, text and HTML at delivery.
 */
export function rendered<T extends OutboxRow>(row: T): T & { subject: string; text: string; html: string } {
  return { ...row, ...renderOutboxMessage(row) };
}
