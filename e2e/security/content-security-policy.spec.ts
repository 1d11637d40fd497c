import { expect, test, type Page } from '@playwright/test';
import { uniqueSuffix } from '../support/add-members.ts';
import { waitForMail } from '../support/mail.ts';
import { signInAsAdmin } from '../support/session.ts';

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/**
 * Every CSP violation, from the console (Chromium reports them there, iframes included) and
 * from `securitypolicyviolation` events (recorded by a script Playwright injects outside the
 * page's policy).
 */
function recordViolations(page: Page): () => Promise<string[]> {
  const fromConsole: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|apply|execute|frame|connect)/i.test(message.text())) fromConsole.push(message.text());
  });
  void page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations!.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return async () => [...fromConsole, ...(await page.evaluate(() => window.cspViolations ?? []))];
}

test('the web app and the API documentation run under the Content-Security-Policy without a violation', async ({ page }) => {
  const violations = recordViolations(page);

  const signIn = await page.goto('/sign-in');
  const csp = signIn!.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(signIn!.headers()['cache-control']).toBe('no-cache');
  await expect(page.getByRole('button', { name: 'Se connecter', exact: true })).toBeVisible();
  expect(await violations()).toEqual([]);

  // A hashed script of the page: cached for a year, compressed for a browser.
  const script = await page.locator('script[type="module"]').first().getAttribute('src');
  const asset = await page.request.get(script!, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(asset.headers()['content-encoding']).toBe('br');
  expect(asset.headers()['content-security-policy']).toBeTruthy();

  // A caught email to read in the HTML tab (its sandboxed srcdoc frame inherits the policy).
  const email = `csp.${uniqueSuffix()}@example.org`;
  const requested = await page.request.post('/api/access-requests', { data: { organization: 'demo', firstName: 'Célia', lastName: 'Politique', email, message: 'Bonjour' } });
  expect(requested.status()).toBe(202);
  const mail = await waitForMail(email, /Confirmez votre demande d’accès/);

  await signInAsAdmin(page);
  const members = (await (await page.request.get('/api/members?limit=1')).json()) as { items: { id: string }[] };
  for (const [url, ready] of [
    ['/members', page.getByRole('table')],
    [`/members/${members.items[0]!.id}`, page.getByRole('heading', { level: 1 })],
    ['/members/add', page.getByRole('heading', { level: 1 })],
    ['/access-requests', page.getByRole('heading', { level: 1 })],
    ['/activity', page.getByRole('heading', { level: 1 })],
  ] as const) {
    await page.goto(url);
    await expect(ready.first(), url).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await violations(), url).toEqual([]);
  }

  await page.goto(`/dev/mail?message=${mail.id}`);
  await expect(page.getByTestId('caught-mail-subject')).toHaveText(mail.subject);
  await page.getByRole('tab', { name: 'HTML' }).click();
  await expect(page.frameLocator('iframe[sandbox]').getByText('Confirmer mon adresse')).toBeVisible();
  expect(await violations(), 'the caught-mail reader').toEqual([]);

  const docs = await page.goto('/api/docs/');
  expect(docs!.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByText('Sésame API').first()).toBeVisible();
  await expect(page.locator('.opblock').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await violations(), '/api/docs').toEqual([]);
});
