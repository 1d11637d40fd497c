import { expect, type APIRequestContext, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { waitForMail } from './mail.ts';

export interface Requester {
  firstName: string;
  lastName: string;
  email: string;
  message: string;
}

export function confirmLink(text: string): string {
  const link = /https?:\/\/\S+\/access-requests\/confirm\/[\w-]+/.exec(text)?.[0];
  if (!link) throw new Error(`No confirmation link in: ${text}`);
  return link;
}

/** A visitor, in a French browser of their own, asks the demo organization for access and confirms the emailed link. */
export async function requestAndConfirm(browser: Browser, baseURL: string | undefined, person: Requester, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await page.goto('/request-access?organization=demo');
  await page.getByRole('textbox', { name: 'Prénom' }).fill(person.firstName);
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill(person.lastName);
  await page.getByRole('textbox', { name: 'Adresse e\u2011mail' }).fill(person.email);
  await page.getByRole('textbox', { name: 'Message (facultatif)' }).fill(person.message);
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page.getByRole('heading', { name: 'Vérifiez votre messagerie' })).toBeVisible();

  const mail = await waitForMail(person.email, /Confirmez votre demande d’accès/);
  const link = confirmLink(mail.text);
  await page.goto(link);
  await expect(page.getByTestId('access-request-confirmed')).toBeVisible();
  await expect(page.getByTestId('access-request-state')).toHaveText('En attente de décision');
  return { context, page, link };
}

/** The id of the pending request from this address (through the queue, with a contact's session). */
export async function pendingRequestId(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.get('/api/access-requests?status=pending&limit=200');
  expect(response.status(), await response.text()).toBe(200);
  const { items } = (await response.json()) as { items: { id: string; email: string }[] };
  const found = items.find((r) => r.email === email);
  if (!found) throw new Error(`No pending request from ${email}`);
  return found.id;
}

/** Sets one area's level in a None / View / Update table row (grant dialog or contacts screen). */
export async function chooseLevel(scope: Page | ReturnType<Page['locator']>, area: string, level: 'Aucun' | 'Consulter' | 'Mettre à jour') {
  await scope.getByRole('radiogroup', { name: area, exact: true }).getByText(level, { exact: true }).click();
}
