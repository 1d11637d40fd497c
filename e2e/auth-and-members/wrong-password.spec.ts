import { expect, test } from '@playwright/test';
import { ADMIN_USERNAME } from '../support/constants.ts';
import { expectAccessible } from '../support/axe.ts';

test('a wrong password is refused with a generic message', async ({ page }) => {
  await page.goto('/sign-in');
  const username = page.getByRole('textbox', { name: 'Nom d’utilisateur' });
  const password = page.getByRole('textbox', { name: 'Mot de passe', exact: true });

  await username.fill(ADMIN_USERNAME);
  await password.fill('certainly-not-it-42');
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Connexion impossible');
  await expect(alert).toContainText('Identifiant ou mot de passe incorrect');
  await expect(page).toHaveURL(/\/sign-in$/);
  // The username stays, the password is cleared for another try.
  await expect(username).toHaveValue(ADMIN_USERNAME);
  await expect(password).toHaveValue('');
  await expect(password).toBeFocused();
  await expectAccessible(page, 'sign-in: refused');

  // An unknown username gets the very same message: nothing tells which part was wrong.
  await username.fill('nobody-by-that-name');
  await password.fill('certainly-not-it-42');
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await expect(alert).toContainText('Identifiant ou mot de passe incorrect');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('the sign-in page leads to the access request page, in either language', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Demander un accès' }).click();
  await expect(page).toHaveURL(/\/request-access$/);
  await expect(page.getByRole('heading', { name: 'Demander l’accès' })).toBeVisible();

  await page.getByRole('button', { name: /^Langue/ }).click();
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Request access' })).toBeVisible();
  await expectAccessible(page, 'public access request (English)');
  await page.getByRole('link', { name: 'Back to sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
});
