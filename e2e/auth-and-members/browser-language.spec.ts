import { expect, test } from '@playwright/test';

// A first visit follows the browser's language (French unless it prefers English); the
// choice made in the language menu is kept afterwards, whatever the browser says.
test.describe('a browser that prefers English', () => {
  test.use({ locale: 'en-US' });

  test('gets the English interface on a first visit, and the French one once chosen', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.getByRole('button', { name: /Change language/ }).click();
    await page.getByRole('menuitemradio', { name: 'Français' }).click();
    await expect(page.getByRole('button', { name: 'Se connecter', exact: true })).toBeVisible();
    // The choice outlasts the visit, whatever the browser prefers.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Se connecter', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  });
});

test.describe('a browser that prefers neither language', () => {
  test.use({ locale: 'de-DE' });

  test('gets the French interface (the reference language)', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: 'Se connecter', exact: true })).toBeVisible();
  });
});
