import { expect, test, type Locator, type Page } from '@playwright/test';
import { MembersBatchResponse } from '../../packages/contracts/src/index.ts';
import { apiWrite, uniqueSuffix } from '../support/add-members.ts';
import { expectAccessible } from '../support/axe.ts';
import { expectNoHorizontalScroll } from '../support/layout.ts';
import { createActiveMember, newFrenchContext, signInThroughForm } from '../support/manage-members.ts';
import { signInAsAdmin } from '../support/session.ts';

/** Members made for this spec through the API, with a last name that a search finds them by. */
async function makeMembers(page: Page, lastName: string, people: { firstName: string; userType: string; role: string }[]) {
  const suffix = uniqueSuffix();
  const response = await apiWrite(page.request, 'POST', '/api/members/batch', {
    mode: 'credentials',
    members: people.map((p, i) => ({
      firstName: p.firstName,
      lastName,
      username: `lic.${p.firstName.toLowerCase()}.${suffix}${i}`,
      email: `lic.${p.firstName.toLowerCase()}.${suffix}${i}@example.org`,
      role: p.role,
      userType: p.userType,
    })),
    properties: {},
  });
  expect(response.status(), await response.text()).toBe(201);
  return MembersBatchResponse.parse(await response.json()).created;
}

const candidate = (scope: Page | Locator, username: string) => scope.getByTestId('picker-candidate').filter({ hasText: username });

test('an administrator creates an add-on licence, assigns its 3 seats from the picker, sees the 4th and an incompatible member refused with their reasons, and cannot set seats below those used', async ({ page }) => {
  await signInAsAdmin(page);
  const suffix = uniqueSuffix();
  const lastName = `Licx${suffix}`;
  const [ana, bob, cleo, dan, eve] = await makeMembers(page, lastName, [
    { firstName: 'Ana', userType: 'creator', role: 'user' },
    { firstName: 'Bob', userType: 'creator', role: 'user' },
    { firstName: 'Cleo', userType: 'creator', role: 'user' },
    { firstName: 'Dan', userType: 'creator', role: 'user' },
    { firstName: 'Eve', userType: 'viewer', role: 'viewer' },
  ]);
  await makeMembers(page, lastName, [{ firstName: 'Mo', userType: 'mobile_worker', role: 'viewer' }]);

  await page.goto('/members');
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Licences', exact: true }).click();
  await expect(page).toHaveURL(/\/licenses$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Licences' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Types d’utilisateur' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('table', { name: 'Types d’utilisateur' }).getByTestId('user-type-creator')).toContainText('Créateur');
  await expectNoHorizontalScroll(page);
  await expectAccessible(page, 'licences: moment 1');

  // Create the licence: 3 seats, for Creators only.
  await page.getByRole('tab', { name: 'Licences additionnelles' }).click();
  await page.getByRole('button', { name: 'Créer une licence' }).click();
  const form = page.getByRole('dialog', { name: 'Créer une licence additionnelle' });
  const name = `Cartographie ${suffix}`;
  await form.getByRole('textbox', { name: 'Nom', exact: true }).fill(name);
  await form.getByRole('textbox', { name: 'Nombre de places' }).fill('3');
  await form.getByRole('checkbox', { name: 'Créateur', exact: true }).check();
  await form.getByRole('button', { name: 'Créer' }).click();
  await expect(form).toBeHidden();
  const row = page.getByTestId('license-row').filter({ hasText: name });
  await expect(row.getByTestId('license-seats')).toContainText('0 / 3');
  await expect(row).toContainText('Créateur');
  await expectNoHorizontalScroll(page);
  await expectAccessible(page, 'licences: moment 2');

  // Its members: none yet. The picker shows 3 seats left.
  await row.getByRole('button', { name: `Membres de la licence « ${name} »` }).click();
  const members = page.getByTestId('license-members');
  await expect(members).toContainText('Aucun membre n’a cette licence.');
  await members.getByRole('button', { name: 'Attribuer à des membres' }).click();
  let picker = page.getByRole('dialog', { name: `Attribuer la licence « ${name} »` });
  await expect(picker.getByTestId('picker-seats-left')).toHaveText('3 places restantes');
  await picker.getByRole('textbox', { name: 'Rechercher un membre' }).fill(lastName);
  await expect(picker.getByTestId('picker-candidate')).toHaveCount(6);
  // A Viewer can't have it: disabled, with the reason the server gives.
  await expect(candidate(picker, eve!.username).getByRole('checkbox')).toBeDisabled();
  await expect(candidate(picker, eve!.username)).toContainText('n’est pas compatible avec le type d’utilisateur « Lecteur »');
  for (const m of [ana, bob, cleo]) await candidate(picker, m!.username).getByRole('checkbox').check();
  await expect(picker.getByTestId('picker-selected')).toHaveText('3 membres sélectionnés');
  // With 3 chosen for 3 seats, a 4th can't be chosen, and the picker says why.
  await expect(candidate(picker, dan!.username).getByRole('checkbox')).toBeDisabled();
  await expect(candidate(picker, dan!.username)).toContainText('Plus aucune place');
  await expectNoHorizontalScroll(page);
  await expectAccessible(page, 'licences: moment 3');

  // Meanwhile another administrator gives the licence to Dan: the server refuses the 3, for want of seats, and assigns nobody.
  const licenseId = (await (await page.request.get('/api/licenses')).json()).items.find((l: { name: string }) => l.name === name).id as string;
  expect((await apiWrite(page.request, 'POST', `/api/licenses/${licenseId}/assignments`, { memberIds: [dan!.id] })).status()).toBe(200);
  await picker.getByRole('button', { name: 'Attribuer à 3 membres' }).click();
  await expect(picker.getByTestId('picker-refusal')).toContainText('Pas assez de places');
  await expect(picker.getByTestId('picker-refusal')).toContainText(name);
  await expect(picker.getByTestId('picker-seats-left')).toHaveText('2 places restantes');
  await picker.getByRole('button', { name: 'Annuler' }).click();
  await expect(picker).toBeHidden();

  // Dan is the licence's only member; take it from him.
  await expect(members.getByTestId('license-members-total')).toHaveText('1 membre');
  await members.getByRole('checkbox', { name: `Sélectionner Dan ${lastName}` }).check();
  await members.getByRole('button', { name: 'Retirer la licence à 1 membre' }).click();
  const confirmRemove = page.getByRole('dialog', { name: `Retirer la licence « ${name} » ?` });
  await expect(confirmRemove).toContainText('1 membre perdra la licence.');
  await confirmRemove.getByRole('button', { name: 'Retirer' }).click();
  await expect(members).toContainText('Aucun membre n’a cette licence.');

  // Now the 3 from the picker.
  await members.getByRole('button', { name: 'Attribuer à des membres' }).click();
  picker = page.getByRole('dialog', { name: `Attribuer la licence « ${name} »` });
  await picker.getByRole('textbox', { name: 'Rechercher un membre' }).fill(lastName);
  await expect(picker.getByTestId('picker-seats-left')).toHaveText('3 places restantes');
  for (const m of [ana, bob, cleo]) await candidate(picker, m!.username).getByRole('checkbox').check();
  await picker.getByRole('button', { name: 'Attribuer à 3 membres' }).click();
  await expect(picker).toBeHidden();
  await expect(members.getByTestId('license-members-total')).toHaveText('3 membres');
  await expect(row.getByTestId('license-seats')).toContainText('3 / 3');
  for (const m of [ana, bob, cleo]) await expect(members.getByRole('table', { name: 'Membres de la licence' })).toContainText(m!.username);
  // The members list is searched.
  await members.getByRole('textbox', { name: 'Rechercher un membre' }).fill('Bob');
  await expect(members.getByRole('table', { name: 'Membres de la licence' }).getByRole('row')).toHaveCount(2);

  // The 4th, once the seats are all taken: disabled in the picker with the reason.
  await members.getByRole('button', { name: 'Attribuer à des membres' }).click();
  picker = page.getByRole('dialog', { name: `Attribuer la licence « ${name} »` });
  await picker.getByRole('textbox', { name: 'Rechercher un membre' }).fill(lastName);
  await expect(picker.getByTestId('picker-seats-left')).toHaveText('Aucune place restante');
  await expect(candidate(picker, dan!.username).getByRole('checkbox')).toBeDisabled();
  await expect(candidate(picker, dan!.username)).toContainText('Plus aucune place');
  await expect(candidate(picker, ana!.username)).toContainText('A déjà la licence');
  await picker.getByRole('button', { name: 'Annuler' }).click();

  // Seats can't go below those used: the server's refusal at the field.
  await row.getByRole('button', { name: `Modifier la licence « ${name} »` }).click();
  const edit = page.getByRole('dialog', { name: `Modifier la licence « ${name} »` });
  await edit.getByRole('textbox', { name: 'Nombre de places' }).fill('2');
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(edit.getByRole('textbox', { name: 'Nombre de places' })).toHaveAttribute('aria-invalid', 'true');
  await expect(edit).toContainText('3 places sont occupées');
  await edit.getByRole('button', { name: 'Annuler' }).click();
  await expect(row.getByTestId('license-seats')).toContainText('3 / 3');

  // Deleting it: refused until the administrator confirms taking it from its 3 members.
  await row.getByRole('button', { name: `Supprimer la licence « ${name} »` }).click();
  const remove = page.getByRole('dialog', { name: `Supprimer la licence « ${name} » ?` });
  await expect(remove).toContainText('La licence est attribuée à 3 membres.');
  await remove.getByRole('button', { name: 'Supprimer' }).click();
  await expect(remove.getByRole('alert')).toContainText('confirmez son retrait');
  await remove.getByRole('checkbox', { name: 'Retirer la licence aux 3 membres' }).check();
  await remove.getByRole('button', { name: 'Supprimer' }).click();
  await expect(remove).toBeHidden();
  await expect(row).toHaveCount(0);

  // A user type's seats can't go below its members either.
  await page.getByRole('tab', { name: 'Types d’utilisateur' }).click();
  const mobile = page.getByTestId('user-type-mobile_worker');
  const used = Number((await mobile.getByTestId('user-type-seats').innerText()).split('/')[0]!.replace(/\s/g, ''));
  expect(used).toBeGreaterThan(0);
  await mobile.getByRole('button', { name: 'Modifier le type d’utilisateur « Travailleur mobile »' }).click();
  const typeDialog = page.getByRole('dialog', { name: 'Modifier le type d’utilisateur « Travailleur mobile »' });
  const unlimited = typeDialog.getByRole('checkbox', { name: 'Places illimitées' });
  if (await unlimited.isChecked()) await unlimited.uncheck();
  await typeDialog.getByRole('textbox', { name: 'Nombre de places' }).fill(String(used - 1));
  await typeDialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(typeDialog.getByRole('textbox', { name: 'Nombre de places' })).toHaveAttribute('aria-invalid', 'true');
  await expect(typeDialog).toContainText(`le nombre de places ne peut pas être inférieur à ${used}`);
  await expectNoHorizontalScroll(page);
  await expectAccessible(page, 'licences: moment 4');
  await typeDialog.getByRole('button', { name: 'Annuler' }).click();

  // The Activity page names the licence and the members it was given to.
  await page.goto('/activity?action=license.assigned');
  const event = page.getByRole('table', { name: 'Journal d’activité' }).getByRole('row').filter({ hasText: name }).first();
  await expect(event).toContainText('Licence attribuée');
  await expect(event).toContainText(`Ana ${lastName} (${ana!.username})`);
  await expect(event).toContainText(/Nombre de membres\s*:\s*3/);
});

test('a member with View on licences sees the Licences page read only', async ({ page, browser, baseURL }) => {
  const suffix = uniqueSuffix();
  await signInAsAdmin(page);
  const lou = await createActiveMember(page.request, baseURL!, { firstName: 'Lou', lastName: `Licences${suffix}`, username: `lou.licences${suffix}` }, 'Pont-levis-2026');
  const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
  const put = await page.request.fetch(`/api/members/${lou.id}/privileges`, { method: 'PUT', headers: { 'X-CSRF-Token': token }, data: { levels: { licenses: 'view' } } });
  expect(put.status(), await put.text()).toBe(200);

  const context = await newFrenchContext(browser, baseURL);
  const louPage = await context.newPage();
  await louPage.setViewportSize({ width: 1440, height: 900 });
  await signInThroughForm(louPage, lou.username, lou.password);
  await expect(louPage).not.toHaveURL(/\/sign-in/);
  await louPage.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Licences', exact: true }).click();
  await expect(louPage.getByRole('heading', { level: 1, name: 'Licences' })).toBeVisible();
  await expect(louPage.getByText('Consultation seule')).toBeVisible();
  // Roles are named even without View on members.
  await expect(louPage.getByTestId('user-type-viewer')).toContainText('Lecteur');
  await expect(louPage.getByRole('button', { name: /^Modifier/ })).toHaveCount(0);
  await louPage.getByRole('tab', { name: 'Licences additionnelles' }).click();
  await expect(louPage.getByRole('button', { name: 'Créer une licence' })).toHaveCount(0);
  const row = louPage.getByTestId('license-row').filter({ hasText: 'Applications de terrain' });
  await row.getByRole('button', { name: 'Membres de la licence « Applications de terrain »' }).click();
  const members = louPage.getByTestId('license-members');
  await expect(members.getByRole('table', { name: 'Membres de la licence' })).toBeVisible();
  await expect(members.getByRole('button', { name: 'Attribuer à des membres' })).toHaveCount(0);
  await expect(members.getByRole('checkbox')).toHaveCount(0);
  // Paged: 20 a page, the next one further on.
  await expect(members.getByRole('table', { name: 'Membres de la licence' }).getByRole('row')).toHaveCount(21);
  await members.getByRole('button', { name: 'Page suivante' }).click();
  await expect(members.getByRole('button', { name: 'Page précédente' })).toBeEnabled();
  await expectNoHorizontalScroll(louPage);
  await expectAccessible(louPage, 'licences: moment 5');
  await context.close();
});
