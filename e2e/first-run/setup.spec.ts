import { expect, test, type Page } from '@playwright/test';
import { E2E_SETUP_TOKEN } from '../support/constants.ts';
import { memberRows, readTotal } from '../support/members-page.ts';
import { expectAccessible } from '../support/axe.ts';

// The `first-run` project: a fresh instance without the demo (playwright.config.ts, second
// server), whose setup token is fixed through SETUP_TOKEN. The tests run in order.
test.describe.configure({ mode: 'serial' });

async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

test('the sign-in page of a fresh instance points to its setup', async ({ page }) => {
  await page.goto('/sign-in');
  const notice = page.getByTestId('setup-needed');
  await expect(notice).toContainText('Aucune organisation n’existe encore');
  await expectAccessible(page, 'sign-in: instance not set up');
  await notice.getByRole('link', { name: 'Configurer l’instance' }).click();
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Configuration initiale' })).toBeVisible();
  await expectAccessible(page, 'setup');
});

test('the setup refuses a wrong token, then creates the organization and signs its administrator in on the members list', async ({ page }) => {
  await page.goto('/setup?token=not-the-printed-token');
  const token = page.getByRole('textbox', { name: 'Jeton de configuration' });
  await expect(token).toHaveValue('not-the-printed-token');

  const name = page.getByRole('textbox', { name: 'Nom de l’organisation' });
  const slug = page.getByRole('textbox', { name: 'Identifiant d’adresse' });
  await name.fill('Métropole de Lyon');
  // The identifier is proposed from the name, and stays editable.
  await expect(slug).toHaveValue('metropole-de-lyon');
  await slug.fill('lyon');
  await name.fill('Métropole de Lyon et environs');
  await expect(slug).toHaveValue('lyon');

  await page.getByRole('textbox', { name: 'Prénom' }).fill('Claire');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Dupont');
  await page.getByRole('textbox', { name: 'Adresse e\u2011mail' }).fill('claire.dupont@lyon.example');
  await page.getByRole('textbox', { name: 'Nom d’utilisateur' }).fill('c.dupont');
  const password = page.getByRole('textbox', { name: 'Mot de passe', exact: true });
  await password.fill('Bastille');
  // The live rules: length and letter met, digit not yet.
  const requirements = page.getByRole('list', { name: 'Exigences du mot de passe' });
  await expect(requirements.getByRole('listitem').filter({ hasText: 'Au moins un chiffre' })).toContainText('non respectée');
  // The username typed above is known to the rules: a password containing it is marked at once.
  await password.fill('C.Dupont-1789');
  await expect(requirements.getByRole('listitem').filter({ hasText: 'Ne contient pas le nom d’utilisateur' })).toHaveAttribute('data-state', 'unmet');
  await password.fill('Bastille-1789-lyon');
  await expect(requirements.getByRole('listitem').filter({ hasText: 'Au moins un chiffre' })).toContainText('respectée');
  await expect(requirements.getByRole('listitem').filter({ hasText: 'Ne contient pas le nom d’utilisateur' })).toHaveAttribute('data-state', 'met');
  await page.getByRole('textbox', { name: 'Confirmation du mot de passe' }).fill('Bastille-1789-lyon');
  await expectNoHorizontalScroll(page);

  await page.getByRole('button', { name: 'Créer l’organisation' }).click();
  await expect(page.getByRole('alert')).toContainText('Ce jeton de configuration est faux ou a expiré');
  await expectAccessible(page, 'setup: refused token');
  await expect(page).toHaveURL(/\/setup\?token=/);

  await token.fill(E2E_SETUP_TOKEN);
  await page.getByRole('button', { name: 'Créer l’organisation' }).click();
  await expect(page).toHaveURL(/\/members$/);
  // The new organization holds only its administrator.
  expect(await readTotal(page)).toBe(1);
  await expect(memberRows(page)).toHaveCount(1);
  await expect(memberRows(page).first()).toContainText('c.dupont');
  await expect(page.getByText('Métropole de Lyon et environs').first()).toBeVisible();
  await expectNoHorizontalScroll(page);
});

test('once set up, the setup page says so and leads to sign-in', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`/setup?token=${E2E_SETUP_TOKEN}`);
  await expect(page.getByRole('heading', { name: 'Configuration terminée' })).toBeVisible();
  await expect(page.getByTestId('setup-form')).toHaveCount(0);
  await expectAccessible(page, 'setup: done');
  await page.getByRole('link', { name: 'Aller à la connexion' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByTestId('setup-needed')).toHaveCount(0);
  await expectNoHorizontalScroll(page);
  await context.close();
});
