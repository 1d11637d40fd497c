import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { MemberListResponse } from '../../packages/contracts/src/index.ts';

/** Short, unique per run: test data never collides with the demo members or earlier tests. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
}

export interface NewMemberInput {
  firstName: string;
  lastName: string;
  email: string;
  /** Label of the user type to choose; the form's default otherwise. */
  userType?: string;
  password?: string;
}

export function wizardStep(page: Page, name: string) {
  return page.getByRole('heading', { level: 2, name });
}

export async function openWizard(page: Page) {
  await page.goto('/members');
  await page.getByRole('main').getByRole('link', { name: 'Ajouter des membres' }).click();
  await expect(page).toHaveURL(/\/members\/add$/);
  await expect(wizardStep(page, 'Méthode')).toBeVisible();
}

export async function chooseMode(page: Page, mode: 'credentials' | 'invite') {
  const name = mode === 'invite' ? 'Ajouter des membres et les avertir par e\u2011mail' : 'Ajouter des membres sans envoyer d’invitations';
  await page.getByRole('radio', { name }).click();
  await expect(page.getByRole('radio', { name })).toHaveAttribute('aria-checked', 'true');
}

export function next(page: Page) {
  return page.getByRole('button', { name: 'Suivant', exact: true }).click();
}

export async function chooseOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByRole('combobox', { name: label, exact: true })).toHaveValue(option);
}

/**
 * Fills the New member form and waits for the username proposed by the organization's format.
 * Returns the username the form settled on.
 */
export async function fillMember(page: Page, member: NewMemberInput): Promise<string> {
  await page.getByRole('textbox', { name: 'Prénom' }).fill(member.firstName);
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill(member.lastName);
  await page.getByRole('textbox', { name: 'Adresse e\u2011mail' }).fill(member.email);
  const username = page.getByRole('textbox', { name: 'Nom d’utilisateur' });
  const expected = `${member.firstName}.${member.lastName}`.toLowerCase();
  await expect(username).toHaveValue(new RegExp(`^${expected.replace('.', '\\.')}\\d*$`));
  if (member.userType) await chooseOption(page, 'Type d’utilisateur', member.userType);
  if (member.password !== undefined) await page.getByLabel('Mot de passe temporaire').fill(member.password);
  return username.inputValue();
}

/** Calls the API with the page's session (writes need the CSRF token). */
export async function apiWrite(request: APIRequestContext, method: 'POST' | 'DELETE', url: string, data?: unknown) {
  const { token } = (await (await request.get('/api/auth/csrf')).json()) as { token: string };
  return request.fetch(url, { method, headers: { 'X-CSRF-Token': token }, ...(data === undefined ? {} : { data }) });
}

export async function findMember(request: APIRequestContext, username: string) {
  const response = await request.get(`/api/members?q=${encodeURIComponent(username)}&limit=50`);
  expect(response.status()).toBe(200);
  return MemberListResponse.parse(await response.json()).items.find((member) => member.username === username);
}

/** Drops a CSV file on the drop zone as a browser does when a file is dragged onto it. */
export async function dropFile(page: Page, name: string, text: string) {
  const dataTransfer = await page.evaluateHandle(
    ([fileName, content]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([`\uFEFF${content}`], fileName!, { type: 'text/csv' }));
      return transfer;
    },
    [name, text],
  );
  const zone = page.getByTestId('import-drop-zone');
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}
