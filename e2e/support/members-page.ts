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

/** Texts of one column (1-based, not counting the selection checkboxes) of the current page of members. */
export async function columnTexts(page: Page, column: number) {
  const offset = (await membersTable(page).locator('thead th').first().getByRole('checkbox').count()) > 0 ? 1 : 0;
  return memberRows(page).locator(`td:nth-child(${column + offset})`).allInnerTexts();
}
