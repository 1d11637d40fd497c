import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';

/** A built web app as Vite leaves it: index.html, hashed assets with their (hidden) source maps, a favicon. */
function fakeWebDist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sesame-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html lang="fr"><head><title>Sésame</title><script type="module" crossorigin src="/assets/index-AbC123.js"></script></head><body><div id="root"></div>${'<!-- padding -->'.repeat(100)}</body></html>`);
  writeFileSync(path.join(dir, 'assets', 'index-AbC123.js'), `export const words = ${JSON.stringify(Array.from({ length: 500 }, (_, i) => `membre-${i}`))};\n`);
  writeFileSync(path.join(dir, 'assets', 'index-AbC123.js.map'), JSON.stringify({ version: 3, sources: ['src/main.tsx'], mappings: 'AAAA' }));
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

let ctx: TestContext;
let admin: Client;
let webDist: string;

beforeAll(async () => {
  webDist = fakeWebDist();
  ctx = await createTestContext({ acmeMembers: 20, config: { webDist } });
  admin = new Client(ctx);
  expect((await admin.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
});
afterAll(async () => {
  await ctx?.close();
  if (webDist) rmSync(webDist, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });

describe('security headers', () => {
  it('are sent on API JSON, problems, index.html, the app’s routes, assets and the API documentation', async () => {
    const responses = {
      'API JSON': await get('/api/health'),
      'a problem (401)': await get('/api/members'),
      'a signed-in JSON read': await admin.get('/api/members?limit=5'),
      'index.html': await get('/'),
      'an app route': await get('/members'),
      'an asset': await get('/assets/index-AbC123.js'),
      'the API documentation': await get('/api/docs/'),
    };
    for (const [what, res] of Object.entries(responses)) {
      expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, what).toContain("default-src 'self'");
      expect(csp, what).toContain("script-src 'self'");
      expect(csp, what).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(csp, what).toContain("frame-ancestors 'none'");
      expect(csp, what).toContain("object-src 'none'");
      expect(csp, what).not.toContain('https:');
      expect(csp, what).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options'], what).toBe('nosniff');
      expect(res.headers['referrer-policy'], what).toBe('same-origin');
      expect(res.headers['x-frame-options'], what).toBe('DENY');
      expect(res.headers['cross-origin-opener-policy'], what).toBe('same-origin');
    }
    expect(responses['a problem (401)'].statusCode).toBe(401);
    expect(responses['the API documentation'].headers['content-type']).toContain('text/html');
  });
});

describe('compression', () => {
  const decoders = { br: brotliDecompressSync, gzip: gunzipSync } as const;

  it('compresses API JSON with br or gzip when asked, and sends it plain otherwise', async () => {
    for (const url of ['/api/openapi.json', '/api/members?limit=20']) {
      const plain = await admin.request('GET', url);
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding'], `${url} plain`).toBeUndefined();
      const expected = plain.json<unknown>();
      expect(plain.rawPayload.length).toBeGreaterThan(1024);
      for (const encoding of ['br', 'gzip'] as const) {
        const res = await admin.request('GET', url, undefined, { 'accept-encoding': encoding });
        expect(res.headers['content-encoding'], `${url} ${encoding}`).toBe(encoding);
        expect(res.headers.vary).toContain('accept-encoding');
        expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length);
        expect(JSON.parse(decoders[encoding](res.rawPayload).toString('utf8'))).toEqual(expected);
      }
      // A browser's usual header: Brotli is preferred.
      expect((await admin.request('GET', url, undefined, { 'accept-encoding': 'gzip, deflate, br, zstd' })).headers['content-encoding']).toBe('br');
    }
  });

  it('compresses the web app’s index.html and assets', async () => {
    for (const url of ['/', '/assets/index-AbC123.js']) {
      const plain = await get(url);
      expect(plain.headers['content-encoding']).toBeUndefined();
      const res = await get(url, { 'accept-encoding': 'br' });
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).toString('utf8')).toBe(plain.body);
    }
  });

  it('keeps streamed downloads and the CSV upload working', async () => {
    // The activity export is a stream: compressed on the fly, it decodes to the same CSV.
    const plain = await admin.request('GET', '/api/activity/export.csv');
    expect(plain.statusCode).toBe(200);
    expect(plain.body.split('\n').length).toBeGreaterThan(1);
    const gz = await admin.request('GET', '/api/activity/export.csv', undefined, { 'accept-encoding': 'gzip' });
    expect(gz.statusCode).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toContain('text/csv');
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(plain.body);

    // The upload is read as sent, and its answer decodes as usual.
    const csv = 'Email,Role,User Type,First Name,Last Name,Username,Password\nzip.test@example.com,User,Creator,Zip,Test,zip.test.01,Zip-pass-2026\n';
    const upload = await admin.request('POST', '/api/imports?format=builtin&mode=credentials', csv, { 'content-type': 'text/csv', 'accept-encoding': 'br, gzip' });
    expect(upload.statusCode, upload.body).toBeLessThan(300);
    const body = upload.headers['content-encoding'] === 'br' ? brotliDecompressSync(upload.rawPayload).toString('utf8') : upload.body;
    expect(JSON.parse(body)).toMatchObject({ status: 'validated', counts: { total: 1, valid: 1, invalid: 0 } });
  });
});

describe('caching of the web app', () => {
  it('revalidates index.html on every load and caches hashed assets for a year', async () => {
    for (const url of ['/', '/index.html', '/members', '/access-requests/status/abc']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    const asset = await get('/assets/index-AbC123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // Unhashed files are revalidated too.
    expect((await get('/favicon.svg')).headers['cache-control']).toBe('no-cache');
    // A hashed file that is not there is a 404, never the app's HTML.
    const missing = await get('/assets/index-Old999.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).not.toContain('text/html');
  });

  it('serves no source map in production, and serves them outside it', async () => {
    expect((await get('/assets/index-AbC123.js.map')).statusCode).toBe(200);
    const production = await buildApp({ db: ctx.db, config: { ...ctx.config, env: 'production' }, logger: false });
    try {
      for (const url of ['/assets/index-AbC123.js.map', '/assets/index-AbC123.js%2Emap']) {
        const res = await production.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(404);
        expect(res.body).not.toContain('mappings');
      }
      expect((await production.inject({ method: 'GET', url: '/assets/index-AbC123.js' })).statusCode).toBe(200);
    } finally {
      await production.close();
    }
  });
});
