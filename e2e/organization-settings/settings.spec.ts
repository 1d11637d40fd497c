import { expect, request as requestFactory, test, type Page } from '@playwright/test';
import { OrganizationDefaults, type UpdateOrganizationBody } from '../../packages/contracts/src/index.ts';
import { chooseMode, next, openWizard, uniqueSuffix } from '../support/add-members.ts';
import { createActiveMember, newFrenchContext, signInThroughForm } from '../support/manage-members.ts';
import { signInAsAdmin, signInAsAdminThrough } from '../support/session.ts';
import { expectAccessible } from '../support/axe.ts';

// Other specs share the demo database and expect its settings (first.last usernames, Creator
// by default): they are read first and put back after the spec.
let original: OrganizationDefaults | undefined;

async function patchOrganization(baseURL: string, body: UpdateOrganizationBody) {
  const api = await requestFactory.newContext({ baseURL });
  await signInAsAdminThrough(api);
  const { token } = (await (await api.get('/api/auth/csrf')).json()) as { token: string };
  const response = await api.fetch('/api/organization', { method: 'PATCH', headers: { 'X-CSRF-Token': token }, data: body });
  expect(response.status(), await response.text()).toBe(200);
  await api.dispose();
}

test.beforeAll(async ({ baseURL }) => {
  const api = await requestFactory.newContext({ baseURL });
  await signInAsAdminThrough(api);
  original = OrganizationDefaults.parse(await (await api.get('/api/organization')).json());
  await api.dispose();
});

test.afterAll(async ({ baseURL }) => {
  if (!original) return;
  await patchOrganization(baseURL!, {
    usernameFormat: original.usernameFormat as UpdateOrganizationBody['usernameFormat'],
    ...(original.defaultUserTypeId ? { defaultUserTypeId: original.defaultUserTypeId } : {}),
    ...(original.defaultRoleId ? { defaultRoleId: original.defaultRoleId } : {}),
    defaultLicenseIds: original.defaultLicenseIds,
  });
});

async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

async function choose(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

test('an administrator changes the username format and the default user type; the Add Members wizard proposes them', async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto('/members');
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Paramètres de l’organisation' }).click();
  await expect(page).toHaveURL(/\/organization\/settings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres de l’organisation' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectAccessible(page, 'organization settings');

  // General: a refusal of the API is shown on its field, and nothing is saved.
  const general = page.getByTestId('general-section');
  const name = page.getByRole('textbox', { name: 'Nom de l’organisation' });
  const savedName = await name.inputValue();
  await name.fill(`${savedName}\u0007`);
  await general.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'organization settings: a refused field');
  await expect(general.getByTestId('unsaved-changes')).toBeVisible();
  await general.getByRole('button', { name: 'Annuler les modifications' }).click();
  await expect(name).toHaveValue(savedName);
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');

  // The live example follows the chosen format.
  await expect(general.getByTestId('username-example')).toContainText('jon.cho');
  await choose(page, 'Format des noms d’utilisateur', /^prénomnom/);
  await expect(general.getByTestId('username-example')).toContainText('joncho');
  await expect(general.getByTestId('unsaved-changes')).toBeVisible();
  await general.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(general.getByTestId('unsaved-changes')).toHaveCount(0);

  // New members: the default user type.
  const newMembers = page.getByTestId('new-members-section');
  await choose(page, 'Type d’utilisateur par défaut', 'Professionnel');
  await newMembers.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(newMembers.getByTestId('unsaved-changes')).toHaveCount(0);

  // Saved for real: a reload shows them.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Format des noms d’utilisateur', exact: true })).toHaveValue(/^prénomnom/);
  await expect(page.getByRole('combobox', { name: 'Type d’utilisateur par défaut', exact: true })).toHaveValue('Professionnel');

  const suffix = uniqueSuffix();
  await openWizard(page);
  await chooseMode(page, 'credentials');
  await next(page);
  await page.getByRole('textbox', { name: 'Prénom' }).fill('Jon');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Cho');
  await page.getByRole('textbox', { name: 'Adresse e\u2011mail' }).fill(`jon.cho.${suffix}@example.org`);
  await expect(page.getByRole('textbox', { name: 'Nom d’utilisateur' })).toHaveValue(/^joncho\d*$/);
  await expect(page.getByRole('combobox', { name: 'Type d’utilisateur', exact: true })).toHaveValue('Professionnel');
});

test('a member with View on organization settings sees the page read only', async ({ page, browser, baseURL }) => {
  const suffix = uniqueSuffix();
  await signInAsAdmin(page);
  const lea = await createActiveMember(page.request, baseURL!, { firstName: 'Léa', lastName: `Lecture${suffix}`, username: `lea.lecture${suffix}` }, 'Pont-levis-2026');
  const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
  const levels = await page.request.fetch(`/api/members/${lea.id}/privileges`, { method: 'PUT', headers: { 'X-CSRF-Token': token }, data: { levels: { organization_settings: 'view' } } });
  expect(levels.status(), await levels.text()).toBe(200);

  const context = await newFrenchContext(browser, baseURL);
  await context.newPage();
  const leaPage = context.pages()[0]!;
  await leaPage.setViewportSize({ width: 1440, height: 900 });
  await signInThroughForm(leaPage, lea.username, lea.password);
  await expect(leaPage).not.toHaveURL(/\/sign-in/);
  await leaPage.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Paramètres de l’organisation' }).click();
  await expect(leaPage).toHaveURL(/\/organization\/settings$/);
  await expect(leaPage.getByTestId('read-only')).toContainText('Consultation seule');
  await expect(leaPage.getByRole('textbox', { name: 'Nom de l’organisation' })).toBeDisabled();
  await expect(leaPage.getByRole('combobox', { name: 'Format des noms d’utilisateur', exact: true })).toBeDisabled();
  await expect(leaPage.getByRole('combobox', { name: 'Type d’utilisateur par défaut', exact: true })).toBeDisabled();
  await expect(leaPage.getByRole('switch', { name: 'Rôle Administrateur à la création' })).toBeDisabled();
  await expect(leaPage.getByRole('button', { name: 'Enregistrer' })).toHaveCount(0);
  await expect(leaPage.getByTestId('limits-section')).toContainText('Les exploitants de l’instance fixent cette limite');
  await expectNoHorizontalScroll(leaPage);
  // The API refuses a change too.
  const { token: leaToken } = (await (await leaPage.request.get('/api/auth/csrf')).json()) as { token: string };
  expect((await leaPage.request.fetch('/api/organization', { method: 'PATCH', headers: { 'X-CSRF-Token': leaToken }, data: { name: 'Nope' } })).status()).toBe(403);
  await context.close();
});
