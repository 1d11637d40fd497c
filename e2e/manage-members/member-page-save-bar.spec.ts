import { expect, test } from '@playwright/test';
import { uniqueSuffix } from '../support/add-members.ts';
import { memberDetail } from '../support/manage-members.ts';
import { createBuiltinMember, openMemberPage } from '../support/member-page.ts';
import { signInAsAdmin } from '../support/session.ts';

test('the sticky save bar stays above the units control scrolled under it: its button gets the click', async ({ page }) => {
  const s = uniqueSuffix();
  await signInAsAdmin(page);
  const member = await createBuiltinMember(page.request, { firstName: 'Ulysse', lastName: `Unités${s}`, username: `ulysse.${s}` });
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(size);
    await openMemberPage(page, member);
    const form = page.getByRole('form', { name: 'Profil et accès du membre' });
    await form.getByText('Impériales', { exact: true }).click();
    const save = form.getByRole('button', { name: 'Enregistrer', exact: true });
    await expect(save).toBeEnabled();

    // Scroll so that the control sits right under the save button.
    await page.evaluate(() => {
      const button = [...document.querySelectorAll('form button')].find((b) => b.textContent === 'Enregistrer')!;
      const bar = button.parentElement!.getBoundingClientRect();
      const control = [...document.querySelectorAll('label')].find((label) => label.textContent === 'Impériales')!.getBoundingClientRect();
      window.scrollBy(0, control.top + control.height / 2 - (bar.top + bar.height / 2));
    });
    const hits = await page.evaluate(() => {
      // The bar is the save button's row.
      const button = [...document.querySelectorAll('form button')].find((b) => b.textContent === 'Enregistrer')!;
      const bar = button.parentElement!;
      const control = [...document.querySelectorAll('label')].find((label) => label.textContent === 'Impériales')!.getBoundingClientRect();
      const b = button.getBoundingClientRect();
      const atButton = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
      const atControl = document.elementFromPoint(control.left + control.width / 2, control.top + control.height / 2);
      return { button: !!atButton && button.contains(atButton), control: !!atControl && bar.contains(atControl), under: Math.abs(control.top + control.height / 2 - (b.top + b.height / 2)) < b.height };
    });
    expect(hits.under, 'the control is scrolled under the bar').toBe(true);
    expect(hits.control, 'the bar is drawn over the control').toBe(true);
    expect(hits.button, 'nothing is drawn over the save button').toBe(true);
    await save.click();
    await expect(save).toBeDisabled();
    expect((await memberDetail(page.request, member.id)).units).toBe('imperial');
    // Back to metric for the next size.
    await form.getByText('Métriques', { exact: true }).click();
    await save.click();
    await expect(save).toBeDisabled();
  }
});
