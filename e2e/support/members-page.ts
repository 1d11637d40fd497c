import { expect, type Page } from '@playwright/test';

/** "1 234 membres" / "201 members" → 1234 (French groups digits with narrow no-break spaces). */
export function parseCount(text: string): number {
  const digits = text.replace(/[^\d]/g, '');
  if (!digits) throw new Error(`No number in "${text}"`);
  return Number(digits);
}

export function membersTable(page: Page, name: string | RegExp = /Liste des membres|Member list/) {
  return page.getByRole('table', { name });
}

/** Body rows of the members table (the header row is in <thead>). */
export function memberRows(page: Page) {
  return membersTable(page).locator('tbody tr');
}

export async function readTotal(page: Page): Promise<number> {
  const total = page.getByTestId('members-total');
  await expect(total).toHaveText(/\d/);
  return parseCount((await total.textContent()) ?? '');
}

/** Resolves once the table shows the answer to the current URL (not the previous rows). */
export async function expectListSettled(page: Page) {
  await expect(membersTable(page)).toHaveAttribute('aria-busy', 'false');
}

/**
 * Texts of one column of the current page of members, named by its header (the columns shown
 * depend on the column chooser, so their places do).
 */
export async function columnTexts(page: Page, header: string) {
  const headers = (await membersTable(page).locator('thead th').allInnerTexts()).map((text) => text.trim());
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`No column "${header}" in ${JSON.stringify(headers)}`);
  return memberRows(page).locator(`td:nth-child(${index + 1})`).allInnerTexts();
}
