import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiWrite, uniqueSuffix } from '../support/add-members.ts';
import { createActiveMember, findContentOwner, memberDetail, type CreatedMember } from '../support/manage-members.ts';
import { expectListSettled, membersTable } from '../support/members-page.ts';
import { signInAsAdmin } from '../support/session.ts';

const ADMIN_NAME = 'Alex Administrateur';

async function apiPatch(request: APIRequestContext, url: string, data: unknown) {
  const { token } = (await (await request.get('/api/auth/csrf')).json()) as { token: string };
  const response = await request.fetch(url, { method: 'PATCH', headers: { 'X-CSRF-Token': token }, data });
  expect(response.status(), await response.text()).toBe(200);
}

/** The members list searched on "admin": the seeded administrator and this test's members (their last name holds "admin"). */
async function openList(page: Page) {
  await page.goto('/members?q=admin');
  await expectListSettled(page);
}

async function select(page: Page, names: string[]) {
  const table = membersTable(page);
  for (const name of names) await table.getByRole('checkbox', { name: `Sélectionner ${name}`, exact: true }).check();
  await expect(page.getByTestId('bulk-count')).toHaveText(`${names.length} membres sélectionnés`);
}

function summary(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Résultat' });
  return {
    dialog,
    succeeded: dialog.getByRole('list', { name: 'Membres traités' }),
    refused: dialog.getByRole('list', { name: 'Membres refusés' }),
  };
}

test('bulk disable, enable, change role and delete say what succeeded and what was refused, and why', async ({ page, baseURL }) => {
  const suffix = uniqueSuffix();
  await signInAsAdmin(page);
  const make = (firstName: string) =>
    createActiveMember(page.request, baseURL!, { firstName, lastName: `Lotadmin${suffix}`, username: `${firstName.toLowerCase()}.lot${suffix}` }, 'Lot-admin-2026-ok');
  const [anna, bruno, chloe, denis] = (await Promise.all(['Anna', 'Bruno', 'Chloe', 'Denis'].map(make))) as [CreatedMember, CreatedMember, CreatedMember, CreatedMember];

  // Chloe owns one content item (taken from a seeded owner); Denis's user type allows only Viewer and Data Editor.
  const seededOwner = await findContentOwner(page.request);
  const item = seededOwner.ownedContent[0]!;
  const moved = await apiWrite(page.request, 'POST', `/api/members/${seededOwner.id}/transfer-ownership`, { toMemberId: chloe.id, contentIds: [item.id], groupIds: [] });
  expect(moved.status(), await moved.text()).toBe(200);
  await apiPatch(page.request, `/api/members/${denis.id}`, { userType: 'contributor', role: 'viewer' });
  const disabled = await apiWrite(page.request, 'POST', `/api/members/${chloe.id}/disable`);
  expect(disabled.status(), await disabled.text()).toBe(200);

  // No bulk action applies to oneself: the signed-in administrator's row can't be selected
  // (so neither can the last administrator be disabled or deleted from here).
  await openList(page);
  await expect(membersTable(page).getByRole('checkbox', { name: `Sélectionner ${ADMIN_NAME}`, exact: true })).toBeDisabled();

  // Disable: two members are disabled; Chloe already was.
  await select(page, [anna.fullName, bruno.fullName, chloe.fullName]);
  await page.getByRole('region', { name: 'Actions sur la sélection' }).getByRole('button', { name: 'Désactiver', exact: true }).click();
  await page.getByRole('dialog', { name: 'Désactiver 3 membres\u00A0?' }).getByRole('button', { name: 'Désactiver', exact: true }).click();
  let result = summary(page);
  await expect(result.dialog).toContainText('2 réussis');
  await expect(result.dialog).toContainText('1 refusé');
  await expect(result.succeeded.getByRole('listitem')).toHaveText([anna.fullName, bruno.fullName].sort());
  await expect(result.refused.getByRole('listitem')).toHaveText([`${chloe.fullName} — Ce membre est déjà désactivé.`]);
  await result.dialog.getByRole('button', { name: 'Fermer', exact: true }).click();
  await expect(page.getByTestId('bulk-count')).toBeHidden();
  expect((await memberDetail(page.request, anna.id)).status).toBe('disabled');
  expect((await memberDetail(page.request, bruno.id)).status).toBe('disabled');

  // Enable: the disabled ones come back; an active member is refused as not disabled.
  await select(page, [anna.fullName, bruno.fullName, denis.fullName]);
  await page.getByRole('region', { name: 'Actions sur la sélection' }).getByRole('button', { name: 'Activer', exact: true }).click();
  result = summary(page);
  await expect(result.dialog).toContainText('2 réussis');
  await expect(result.refused.getByRole('listitem')).toHaveText([`${denis.fullName} — Ce membre n’est pas désactivé.`]);
  await result.dialog.getByRole('button', { name: 'Fermer', exact: true }).click();
  expect((await memberDetail(page.request, anna.id)).status).toBe('active');

  // Change role: Publisher (Éditeur) for the two creators; refused for Denis, whose user type does not allow it.
  await select(page, [anna.fullName, bruno.fullName, denis.fullName]);
  await page.getByRole('region', { name: 'Actions sur la sélection' }).getByRole('button', { name: 'Changer le rôle' }).click();
  const roleDialog = page.getByRole('dialog', { name: 'Changer le rôle de 3 membres' });
  await roleDialog.getByRole('combobox', { name: 'Nouveau rôle' }).click();
  await page.getByRole('option', { name: 'Éditeur', exact: true }).click();
  await roleDialog.getByRole('button', { name: 'Changer le rôle' }).click();
  result = summary(page);
  await expect(result.dialog).toContainText('2 réussis');
  await expect(result.succeeded.getByRole('listitem')).toHaveText([anna.fullName, bruno.fullName].sort());
  await expect(result.refused.getByRole('listitem')).toHaveText([
    // The role's and the user type's French names, from the refusal's params (the contracts' table of refusals).
    new RegExp(`^${denis.fullName} — Le rôle «\u00A0Éditeur\u00A0» n’est pas compatible avec le type d’utilisateur «\u00A0[^»]+\u00A0»\u00A0; rôles compatibles\u00A0: .+$`),
  ]);
  await result.dialog.getByRole('button', { name: 'Fermer', exact: true }).click();
  expect((await memberDetail(page.request, bruno.id)).role.key).toBe('publisher');
  expect((await memberDetail(page.request, denis.id)).role.key).toBe('viewer');

  // Delete: Anna goes; Chloe owns content, so she stays, and the reason offers the transfer.
  await select(page, [anna.fullName, chloe.fullName]);
  await page.getByRole('region', { name: 'Actions sur la sélection' }).getByRole('button', { name: 'Supprimer', exact: true }).click();
  await page.getByRole('dialog', { name: 'Supprimer 2 membres\u00A0?' }).getByRole('button', { name: 'Supprimer', exact: true }).click();
  result = summary(page);
  await expect(result.dialog).toContainText('1 réussi');
  await expect(result.dialog).toContainText('1 refusé');
  await expect(result.succeeded.getByRole('listitem')).toHaveText([anna.fullName]);
  const refusedOwner = result.refused.getByRole('listitem');
  await expect(refusedOwner).toHaveText(`${chloe.fullName} — possède 1 élément de contenu\u00A0; transférez d’abord cette propriété. Transférer la propriété de ${chloe.fullName}`);
  expect((await page.request.get(`/api/members/${anna.id}`)).status()).toBe(404);
  expect((await memberDetail(page.request, chloe.id)).ownedContentTotal).toBe(1);

  // The offered transfer leads to the member's page, where the transfer action is.
  await refusedOwner.getByRole('link', { name: `Transférer la propriété de ${chloe.fullName}` }).click();
  await expect(page).toHaveURL(new RegExp(`/members/${chloe.id}$`));
  await expect(page.getByTestId('owned-items')).toContainText(item.title);
});

test('the reasons are translated in English too', async ({ page, baseURL }) => {
  const suffix = uniqueSuffix();
  await page.addInitScript(() => window.localStorage.setItem('sesame.language', 'en'));
  await signInAsAdmin(page);
  const eve = await createActiveMember(page.request, baseURL!, { firstName: 'Eve', lastName: `Engadmin${suffix}`, username: `eve.eng${suffix}` }, 'Eng-admin-2026-ok');
  await page.goto(`/members?q=${suffix}`);
  await expectListSettled(page);
  await membersTable(page, 'Member list').getByRole('checkbox', { name: `Select ${eve.fullName}`, exact: true }).check();
  await page.getByRole('region', { name: 'Actions on the selection' }).getByRole('button', { name: 'Enable', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Result' });
  await expect(dialog.getByRole('list', { name: 'Members refused' }).getByRole('listitem')).toHaveText([`${eve.fullName} — This member is not disabled.`]);
});
