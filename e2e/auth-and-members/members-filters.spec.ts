import { expect, test } from '@playwright/test';
import { columnTexts, expectListSettled, memberRows, readTotal } from '../support/members-page.ts';
import { signInAsAdmin } from '../support/session.ts';

test('filters and sorting narrow the list and live in the URL', async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto('/members');
  const rows = memberRows(page);
  await expect(rows).toHaveCount(25);
  const everyone = await readTotal(page);

  // Role filter: only members with that role remain.
  await page.getByRole('combobox', { name: 'Rôle' }).click();
  await page.getByRole('option', { name: 'Lecteur' }).click();
  await expect(page).toHaveURL(/[?&]role=viewer/);
  await expect.poll(() => readTotal(page)).toBeLessThan(everyone);
  await expectListSettled(page);
  await expect.poll(async () => new Set(await columnTexts(page, 'Rôle'))).toEqual(new Set(['Lecteur']));

  // Status filter on top of it.
  await page.getByRole('combobox', { name: 'Statut' }).click();
  await page.getByRole('option', { name: 'Actif' }).click();
  await expect(page).toHaveURL(/[?&]status=active/);
  await expectListSettled(page);
  await expect.poll(async () => new Set(await columnTexts(page, 'Statut'))).toEqual(new Set(['Actif']));
  await expect.poll(async () => new Set(await columnTexts(page, 'Rôle'))).toEqual(new Set(['Lecteur']));

  // Sort by username, then reverse it.
  const usernameHeader = page.getByRole('columnheader', { name: 'Nom d’utilisateur' });
  await page.getByRole('button', { name: 'Nom d’utilisateur' }).click();
  await expect(usernameHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(page).toHaveURL(/[?&]sort=username/);
  await expectListSettled(page);
  const byUsername = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });
  await expect.poll(async () => {
    const usernames = await columnTexts(page, 'Nom d’utilisateur');
    return usernames.length > 1 && usernames.join() === [...usernames].sort(byUsername).join();
  }).toBe(true);

  await page.getByRole('button', { name: 'Nom d’utilisateur' }).click();
  await expect(usernameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/[?&]order=desc/);
  await expectListSettled(page);
  await expect.poll(async () => {
    const usernames = await columnTexts(page, 'Nom d’utilisateur');
    return usernames.join() === [...usernames].sort(byUsername).reverse().join();
  }).toBe(true);

  // A reload shows the same list.
  await page.reload();
  await expect(usernameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByRole('combobox', { name: 'Rôle' })).toHaveValue('Lecteur');
  await expect(page.getByRole('combobox', { name: 'Statut' })).toHaveValue('Actif');

  // Nothing matches: the empty state offers to clear the filters.
  await page.getByRole('searchbox', { name: 'Rechercher des membres' }).fill('zz-nobody-zz');
  await expect(page.getByRole('heading', { name: 'Aucun membre ne correspond' })).toBeVisible();
  await expect(page.getByTestId('members-total')).toHaveText('0 membre');
  await page.getByRole('button', { name: 'Effacer les filtres' }).last().click();
  await expect(page).toHaveURL(/\/members\?order=desc&sort=username$|\/members\?sort=username&order=desc$/);
  await expect(page.getByRole('searchbox', { name: 'Rechercher des membres' })).toHaveValue('');
  await expect.poll(() => readTotal(page)).toBe(everyone);
});
