import { expect, test } from '@playwright/test';
import { MemberListResponse } from '../../packages/contracts/src/index.ts';
import { ADMIN_INITIAL_PASSWORD, ADMIN_NEW_PASSWORD, ADMIN_USERNAME } from '../support/constants.ts';
import { expectListSettled, memberRows, parseCount, readTotal } from '../support/members-page.ts';
import { expectAccessible } from '../support/axe.ts';

test('the seeded admin changes the temporary password, then searches, pages and switches language', async ({ page }) => {
  // Anything in the app leads to the sign-in page first.
  await page.goto('/members');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expectAccessible(page, 'sign-in');

  await page.getByRole('textbox', { name: 'Nom d’utilisateur' }).fill(ADMIN_USERNAME);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(ADMIN_INITIAL_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();

  // First sign-in with the seeded password: the password must be changed, and nothing else is reachable.
  await expect(page).toHaveURL(/\/change-password$/);
  await expect(page.getByRole('heading', { name: 'Changer le mot de passe' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Exigences du mot de passe' }).getByRole('listitem').filter({ hasText: 'Au moins 8\u00A0caractères' })).toBeVisible();
  await expectAccessible(page, 'change password');
  await page.goto('/members');
  await expect(page).toHaveURL(/\/change-password$/);

  await page.getByRole('textbox', { name: 'Mot de passe actuel' }).fill(ADMIN_INITIAL_PASSWORD);
  await page.getByRole('textbox', { name: 'Nouveau mot de passe' }).fill(ADMIN_NEW_PASSWORD);
  await page.getByRole('textbox', { name: 'Confirmation du mot de passe' }).fill(ADMIN_NEW_PASSWORD);
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();

  // The members page, with the demo organization's members.
  await expect(page).toHaveURL(/\/members$/);
  await expect(page.getByRole('heading', { name: 'Membres', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Votre mot de passe a été modifié.' })).toBeVisible();
  await expect(page.getByTestId('members-total')).toHaveText(/^\d[\d\s\u202F\u00A0]* membres$/);
  const total = await readTotal(page);
  expect(total).toBeGreaterThanOrEqual(190);
  expect(total).toBeLessThanOrEqual(260);
  await expect(memberRows(page)).toHaveCount(25);
  await expectListSettled(page);
  await expectAccessible(page, 'members list');

  // Pick a surname that exists in the seed, through the API with the browser's session.
  const firstPage = MemberListResponse.parse(await (await page.request.get('/api/members?limit=100')).json());
  const surname = firstPage.items.map((m) => m.lastName).find((name) => /^[A-Za-z]{5,}$/.test(name) && name !== 'Administrateur');
  expect(surname, 'an ASCII surname in the demo data').toBeTruthy();
  const query = surname!.slice(0, 5).toLowerCase();
  const expected = MemberListResponse.parse(
    await (await page.request.get(`/api/members?q=${encodeURIComponent(query)}&limit=200`)).json(),
  );
  expect(expected.total).toBeGreaterThan(0);
  expect(expected.total).toBeLessThan(total);

  const search = page.getByRole('searchbox', { name: 'Rechercher des membres' });
  await search.fill(query);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${query}`));
  await expect(page.getByTestId('members-total')).toHaveText(new RegExp(`^${expected.total} membres?$`));
  const rows = memberRows(page);
  await expect(rows).toHaveCount(Math.min(expected.total, 25));
  await expectListSettled(page);
  // Every row matches the query in its name, username or email.
  for (const text of await rows.allInnerTexts()) expect(text.toLowerCase()).toContain(query);

  // The search survives a reload (it lives in the URL).
  await page.reload();
  await expect(search).toHaveValue(query);
  await expect(page.getByTestId('members-total')).toHaveText(new RegExp(`^${expected.total} membres?$`));

  // Back to everyone, then page forward and back.
  await search.fill('');
  await expect(page).toHaveURL(/\/members$/);
  await expect(page.getByTestId('members-total')).toHaveText(/^\d[\d\s\u202F\u00A0]* membres$/);
  expect(parseCount((await page.getByTestId('members-total').textContent()) ?? '')).toBe(total);
  const range = page.getByTestId('members-range');
  await expect(range).toHaveText(/^1–25 sur /);
  // Cells: selection checkbox, name, username…
  const firstUsername = rows.first().getByRole('cell').nth(2);
  const usernameOnPageOne = (await firstUsername.innerText()).trim();

  await page.getByRole('button', { name: 'Page suivante' }).click();
  await expect(range).toHaveText(/^26–50 sur /);
  await expect(rows).toHaveCount(25);
  await expect(firstUsername).not.toHaveText(usernameOnPageOne);
  await expect(page.getByRole('button', { name: 'Page précédente' })).toBeEnabled();

  await page.getByRole('button', { name: 'Page précédente' }).click();
  await expect(range).toHaveText(/^1–25 sur /);
  await expect(firstUsername).toHaveText(usernameOnPageOne);
  await expect(page.getByRole('button', { name: 'Page précédente' })).toBeDisabled();

  // English, kept across a reload.
  await page.getByRole('button', { name: /^Langue/ }).click();
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Members', level: 1 })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search members' })).toBeVisible();
  await expect(page.getByTestId('members-total')).toHaveText(/^\d[\d,]* members$/);
  await expect(page.getByRole('columnheader', { name: 'Last sign-in' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next page' })).toBeVisible();
  await expectAccessible(page, 'members list (English)');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Members', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Access requests' })).toBeVisible();
});
