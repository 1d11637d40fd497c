import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { MembersBatchResponse } from '../../packages/contracts/src/index.ts';
import { apiWrite, chooseMode, fillMember, next, openWizard, uniqueSuffix, wizardStep } from '../support/add-members.ts';
import { expectAccessible } from '../support/axe.ts';
import { expectNoHorizontalScroll } from '../support/layout.ts';
import { createActiveMember, newFrenchContext, signInThroughForm } from '../support/manage-members.ts';
import { signInAsAdmin } from '../support/session.ts';

// Issue 15, groups: Répertoire › Groupes, clicked through in French at 1440×900.

/** Members made for the spec through the wizard's API, named after the run so a search finds only them. */
async function makeMembers(request: APIRequestContext, lastName: string, firstNames: string[]) {
  const suffix = uniqueSuffix();
  const response = await apiWrite(request, 'POST', '/api/members/batch', {
    mode: 'credentials',
    members: firstNames.map((firstName, i) => {
      const ascii = firstName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
      return { firstName, lastName, email: `${ascii}.${suffix}${i}@example.org`, username: `${ascii}.${suffix}${i}`, role: 'user', userType: 'creator' };
    }),
    properties: {},
  });
  expect(response.status(), await response.text()).toBe(201);
  return MembersBatchResponse.parse(await response.json()).created;
}

async function openGroupsFromNavigation(page: Page) {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Groupes' }).click();
  await expect(page).toHaveURL(/\/groups$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Groupes' })).toBeVisible();
}

/** Ticks the members found by `search` in the add-members picker of the open group, then adds them. */
async function addFromPicker(page: Page, search: string, names: string[]) {
  const drawer = page.getByRole('dialog').filter({ has: page.getByRole('table', { name: 'Membres du groupe' }) });
  await drawer.getByRole('button', { name: 'Ajouter des membres' }).click();
  const picker = page.getByRole('dialog', { name: /^Ajouter des membres à/ });
  await picker.getByRole('searchbox', { name: 'Rechercher un membre qui n’est pas dans le groupe' }).fill(search);
  for (const name of names) await picker.getByRole('checkbox', { name }).check();
  await expect(picker.getByTestId('group-candidates-selected')).toHaveText(`${names.length}\u00A0membre${names.length > 1 ? 's' : ''} sélectionné${names.length > 1 ? 's' : ''}`);
  await picker.getByRole('button', { name: `Ajouter ${names.length}\u00A0membre${names.length > 1 ? 's' : ''}` }).click();
  await expect(picker).toBeHidden();
}

async function deleteGroupThroughApi(request: APIRequestContext, name: string) {
  const list = (await (await request.get('/api/groups')).json()) as { items: { id: string; name: string }[] };
  const group = list.items.find((g) => g.name === name);
  if (group) await apiWrite(request, 'DELETE', `/api/groups/${group.id}`);
}

test('an administrator creates a group, adds members from the picker, removes two, makes it a default group that the wizard pre-selects, then deletes it', async ({ page }) => {
  const suffix = uniqueSuffix();
  const lastName = `Groupiste${suffix}`;
  const groupName = `Cartographes ${suffix}`;
  await signInAsAdmin(page);
  const members = await makeMembers(page.request, lastName, ['Aline', 'Bruno', 'Chloé', 'Denis']);
  const nameOf = (i: number) => `${members[i]!.firstName} ${members[i]!.lastName}`;

  try {
    await page.goto('/members');
    await openGroupsFromNavigation(page);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'groups: moment 1');

    // Create: name, description; the owner is the administrator unless another is chosen.
    await page.getByRole('button', { name: 'Créer un groupe' }).click();
    const form = page.getByRole('dialog', { name: 'Créer un groupe' });
    await form.getByRole('textbox', { name: 'Nom' }).fill(groupName);
    await form.getByRole('textbox', { name: 'Description' }).fill('Équipe des cartes');
    await form.getByRole('button', { name: 'Créer le groupe' }).click();
    await expect(form).toBeHidden();
    const row = page.getByTestId('group-row').filter({ hasText: groupName });
    await expect(row).toContainText('0\u00A0membre');
    await expect(row).toContainText('Équipe des cartes');

    // Names are unique whatever their case: the server's refusal is shown on the name.
    await page.getByRole('button', { name: 'Créer un groupe' }).click();
    const again = page.getByRole('dialog', { name: 'Créer un groupe' });
    await again.getByRole('textbox', { name: 'Nom' }).fill(groupName.toUpperCase());
    await again.getByRole('button', { name: 'Créer le groupe' }).click();
    await expect(again.getByRole('textbox', { name: 'Nom' })).toHaveAttribute('aria-invalid', 'true');
    await expect(again).toContainText('déjà');
    await again.getByRole('button', { name: 'Annuler' }).click();
    await expect(page.getByTestId('group-row').filter({ hasText: groupName })).toHaveCount(1);

    // Members: four from the picker at once, then two removed at once.
    await page.getByRole('button', { name: `Membres du groupe ${groupName}` }).click();
    await expect(page).toHaveURL(/\?group=[0-9a-f-]{36}$/);
    const drawer = page.getByRole('dialog').filter({ has: page.getByRole('table', { name: 'Membres du groupe' }) });
    await expect(drawer).toContainText('Ce groupe n’a aucun membre.');
    await addFromPicker(page, lastName, [0, 1, 2, 3].map(nameOf));
    const table = drawer.getByRole('table', { name: 'Membres du groupe' });
    await expect(table.getByRole('row')).toHaveCount(5);
    await expect(drawer.getByTestId('group-members-shown')).toHaveText('4 sur 4');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'groups: moment 2');
    await drawer.getByRole('checkbox', { name: `Sélectionner ${nameOf(2)}` }).check();
    await drawer.getByRole('checkbox', { name: `Sélectionner ${nameOf(3)}` }).check();
    await drawer.getByRole('button', { name: 'Retirer 2\u00A0membres' }).click();
    await expect(table.getByRole('row')).toHaveCount(3);
    await expect(table).toContainText(nameOf(0));
    await expect(table).toContainText(nameOf(1));
    await expect(table).not.toContainText(nameOf(2));
    // The search narrows the group's members.
    await drawer.getByRole('searchbox', { name: 'Rechercher un membre du groupe' }).fill(members[1]!.username);
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).toContainText(nameOf(1));
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/\/groups$/);
    await expect(row).toContainText('2\u00A0membres');

    // A default group for new members.
    const isDefault = page.getByRole('switch', { name: `${groupName}\u00A0: groupe par défaut des nouveaux membres` });
    await expect(isDefault).not.toBeChecked();
    await isDefault.click();
    await expect(isDefault).toBeChecked();
    const organization = (await (await page.request.get('/api/organization')).json()) as { defaultGroupIds: string[] };
    const created = ((await (await page.request.get('/api/groups')).json()) as { items: { id: string; name: string }[] }).items.find((g) => g.name === groupName)!;
    expect(organization.defaultGroupIds).toContain(created.id);

    // The Add Members wizard selects it in advance.
    await openWizard(page);
    await chooseMode(page, 'credentials');
    await next(page);
    await fillMember(page, { firstName: 'Edgar', lastName: `Nouveau${suffix}`, email: `edgar.${suffix}@example.org` });
    await next(page);
    await expect(wizardStep(page, 'Compiler la liste des membres')).toBeVisible();
    await next(page);
    await expect(wizardStep(page, 'Définir les propriétés des membres')).toBeVisible();
    await expect(page.getByRole('main').getByRole('region', { name: 'Groupes' })).toContainText(groupName);
    await next(page);
    await expect(wizardStep(page, 'Résumé')).toBeVisible();
    await expect(page.getByTestId('summary-groups')).toContainText(groupName);

    // Deleting it: the dialog says how many members leave it; the members stay.
    const groupsPage = await page.context().newPage();
    await groupsPage.goto('/groups');
    await groupsPage.getByRole('button', { name: `Actions pour le groupe ${groupName}` }).click();
    await groupsPage.getByRole('menuitem', { name: 'Supprimer' }).click();
    const confirm = groupsPage.getByRole('dialog', { name: `Supprimer le groupe «\u00A0${groupName}\u00A0»\u00A0?` });
    await expect(confirm).toContainText('Ses 2\u00A0membres le quitteront.');
    await confirm.getByRole('button', { name: 'Supprimer le groupe' }).click();
    await expect(groupsPage.getByTestId('group-row').filter({ hasText: groupName })).toHaveCount(0);
    expect((await groupsPage.request.get(`/api/members/${members[0]!.id}`)).status()).toBe(200);
    const after = (await (await groupsPage.request.get('/api/organization')).json()) as { defaultGroupIds: string[] };
    expect(after.defaultGroupIds).not.toContain(created.id);
    await groupsPage.close();
  } finally {
    await deleteGroupThroughApi(page.request, groupName);
  }
});

test('a group owner without Update on groups sees only their own group and manages its members', async ({ page, browser, baseURL }) => {
  const suffix = uniqueSuffix();
  const lastName = `Proprio${suffix}`;
  await signInAsAdmin(page);
  const owner = await createActiveMember(page.request, baseURL!, { firstName: 'Odile', lastName, username: `odile.${suffix}`, role: 'viewer' }, `Odile-${suffix}-2026`);
  const members = await makeMembers(page.request, `Equipier${suffix}`, ['Fanny', 'Gaston']);
  const ownName = `Terrain ${suffix}`;
  const otherName = `Autre ${suffix}`;
  const own = await apiWrite(page.request, 'POST', '/api/groups', { name: ownName, ownerId: owner.id });
  expect(own.status(), await own.text()).toBe(201);
  expect((await apiWrite(page.request, 'POST', '/api/groups', { name: otherName })).status()).toBe(201);

  const context = await newFrenchContext(browser, baseURL);
  const ownerPage = await context.newPage();
  await ownerPage.setViewportSize({ width: 1440, height: 900 });
  try {
    await signInThroughForm(ownerPage, owner.username, owner.password);
    await expect(ownerPage).toHaveURL(/\/welcome$/);
    await openGroupsFromNavigation(ownerPage);
    await expect(ownerPage.getByText('Les groupes dont vous êtes propriétaire')).toBeVisible();
    // Only their group, and nothing to create, edit, mark default or delete.
    await expect(ownerPage.getByTestId('group-row')).toHaveCount(1);
    await expect(ownerPage.getByTestId('group-row')).toContainText(ownName);
    await expect(ownerPage.getByRole('button', { name: 'Créer un groupe' })).toHaveCount(0);
    await expect(ownerPage.getByRole('switch')).toHaveCount(0);
    await expect(ownerPage.getByRole('button', { name: `Actions pour le groupe ${ownName}` })).toHaveCount(0);
    await expectNoHorizontalScroll(ownerPage);
    await expectAccessible(ownerPage, 'groups: moment 3');

    await ownerPage.getByRole('button', { name: `Membres du groupe ${ownName}` }).click();
    await addFromPicker(ownerPage, `Equipier${suffix}`, members.map((m) => `${m.firstName} ${m.lastName}`));
    const drawer = ownerPage.getByRole('dialog').filter({ has: ownerPage.getByRole('table', { name: 'Membres du groupe' }) });
    const table = drawer.getByRole('table', { name: 'Membres du groupe' });
    await expect(table.getByRole('row')).toHaveCount(3);
    await drawer.getByRole('checkbox', { name: `Sélectionner ${members[0]!.firstName} ${members[0]!.lastName}` }).check();
    await drawer.getByRole('button', { name: 'Retirer 1\u00A0membre' }).click();
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).toContainText(`${members[1]!.firstName} ${members[1]!.lastName}`);
    await expectNoHorizontalScroll(ownerPage);
    await expectAccessible(ownerPage, 'groups: moment 4');

    // The other group stays out of reach, in the page as in the API.
    const other = ((await (await page.request.get('/api/groups')).json()) as { items: { id: string; name: string }[] }).items.find((g) => g.name === otherName)!;
    await ownerPage.goto(`/groups?group=${other.id}`);
    await expect(ownerPage.getByRole('dialog').getByRole('alert')).toBeVisible();
    expect((await ownerPage.request.get(`/api/groups/${other.id}/members`)).status()).toBe(403);
  } finally {
    await context.close();
    await deleteGroupThroughApi(page.request, ownName);
    await deleteGroupThroughApi(page.request, otherName);
  }
});
