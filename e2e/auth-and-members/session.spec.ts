import { expect, test } from '@playwright/test';
import { ADMIN_NEW_PASSWORD, ADMIN_USERNAME } from '../support/constants.ts';
import { memberRows } from '../support/members-page.ts';
import { signInAsAdmin } from '../support/session.ts';

test('signing out ends the session and guards the app again', async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto('/members');
  await expect(memberRows(page).first()).toBeVisible();
  await expect(page.getByTestId('organization-name')).not.toBeEmpty();

  await page.getByRole('button', { name: /^Menu du compte/ }).click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signed-out$/);
  await expect(page.getByRole('status')).toHaveText('Vous êtes déconnecté.');

  await page.goto('/members?status=active');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fmembers%3Fstatus%3Dactive$/);
});

test('an expired session sends the user to sign in, then back where they were', async ({ page, context }) => {
  await signInAsAdmin(page);
  await page.goto('/members');
  await expect(memberRows(page).first()).toBeVisible();

  // The session disappears (expiry, sign-out elsewhere) while the page is open.
  await context.clearCookies();
  await page.getByRole('button', { name: 'Nom d’utilisateur' }).click();

  await expect(page).toHaveURL(/\/sign-in\?next=.*&reason=expired$/);
  await expect(page.getByRole('status')).toHaveText('Votre session a expiré. Reconnectez-vous pour continuer.');
  await page.getByRole('textbox', { name: 'Nom d’utilisateur' }).fill(ADMIN_USERNAME);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(ADMIN_NEW_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await expect(page).toHaveURL(/\/members\?sort=username$/);
  await expect(page.getByRole('columnheader', { name: 'Nom d’utilisateur' })).toHaveAttribute('aria-sort', 'ascending');
});

// Issue 15: no section of the navigation is a placeholder any more; every link opens its page.
test('every section of the navigation opens its own page, and an unknown address says so in both languages', async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto('/members');
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  const links = nav.getByRole('link');
  // The sections shown depend on the session's privileges: wait for the last group to render.
  await expect(nav.getByRole('link', { name: 'Paramètres de l’organisation' })).toBeVisible();
  // By address: a link's text may carry a counter (access requests waiting).
  const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(6);
  for (const href of hrefs) {
    await nav.locator(`a[href="${href}"]`).click();
    await expect(page).toHaveURL(new RegExp(`${href.replace(/[/]/g, '\\/')}$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(/en cours de construction/)).toHaveCount(0);
  }

  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
  await page.goto('/members');
  await page.getByRole('button', { name: /^Langue/ }).click();
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
