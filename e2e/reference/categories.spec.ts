import { expect, test, type APIRequestContext } from '@playwright/test';
import { MemberCategory, MembersBatchResponse } from '../../packages/contracts/src/index.ts';
import { apiWrite, uniqueSuffix } from '../support/add-members.ts';
import { expectAccessible } from '../support/axe.ts';
import { expectNoHorizontalScroll } from '../support/layout.ts';
import { signInAsAdmin } from '../support/session.ts';

// Issue 15, member categories: on Administration › Paramètres de l’organisation, in French at 1440×900.

async function patchMember(request: APIRequestContext, id: string, data: unknown) {
  const { token } = (await (await request.get('/api/auth/csrf')).json()) as { token: string };
  const response = await request.fetch(`/api/members/${id}`, { method: 'PATCH', headers: { 'X-CSRF-Token': token }, data });
  expect(response.status(), await response.text()).toBe(200);
}

test('an administrator creates, renames and deletes member categories; a member’s page shows the new name', async ({ page }) => {
  const suffix = uniqueSuffix();
  const oldName = `Bénévoles ${suffix}`;
  const newName = `Volontaires ${suffix}`;
  const addedName = `Saisonniers ${suffix}`;
  await signInAsAdmin(page);

  // A category two members have.
  const created = await apiWrite(page.request, 'POST', '/api/member-categories', { name: oldName });
  expect(created.status(), await created.text()).toBe(201);
  const category = MemberCategory.parse(await created.json());
  const batch = await apiWrite(page.request, 'POST', '/api/members/batch', {
    mode: 'credentials',
    members: ['Hugo', 'Irene'].map((firstName, i) => ({ firstName, lastName: `Categorie${suffix}`, email: `${firstName.toLowerCase()}.c${suffix}${i}@example.org`, username: `${firstName.toLowerCase()}.c${suffix}${i}`, role: 'user', userType: 'creator' })),
    properties: { categories: [category.id] },
  });
  expect(batch.status(), await batch.text()).toBe(201);
  const [hugo, irene] = MembersBatchResponse.parse(await batch.json()).created;

  await page.goto('/members');
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Paramètres de l’organisation' }).click();
  const section = page.getByTestId('categories-section');
  await expect(section.getByRole('heading', { name: 'Catégories de membres' })).toBeVisible();
  const rowOf = (name: string) => section.getByTestId('category-row').filter({ has: page.getByRole('cell', { name, exact: true }) });
  await expect(rowOf(oldName)).toContainText('2\u00A0membres');
  await expectNoHorizontalScroll(page);
  await expectAccessible(page, 'member categories: moment 1');

  // Create one; the same name in another case is refused at the field.
  const input = section.getByRole('textbox', { name: 'Nouvelle catégorie' });
  await input.fill(addedName);
  await section.getByRole('button', { name: 'Ajouter' }).click();
  await expect(rowOf(addedName)).toContainText('0\u00A0membre');
  await expect(input).toHaveValue('');
  await input.fill(addedName.toLowerCase());
  await section.getByRole('button', { name: 'Ajouter' }).click();
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(section).toContainText('déjà utilisé');
  await expect(section.getByTestId('category-row').filter({ hasText: new RegExp(addedName, 'i') })).toHaveCount(1);

  // Rename the one the members have.
  await section.getByRole('button', { name: `Renommer la catégorie ${oldName}` }).click();
  const rename = section.getByRole('textbox', { name: `Nouveau nom de la catégorie ${oldName}` });
  await rename.fill(newName);
  await section.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(rowOf(newName)).toContainText('2\u00A0membres');
  await expect(rowOf(oldName)).toHaveCount(0);

  // The member's page names it so.
  await page.goto(`/members/${hugo!.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `${hugo!.firstName} ${hugo!.lastName}` })).toBeVisible();
  await expect(page.getByRole('main').getByText(newName, { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('main').getByText(oldName, { exact: true })).toHaveCount(0);

  // Delete it: the confirmation says how many members lose it.
  await patchMember(page.request, irene!.id, { categories: [] });
  await page.goto('/organization/settings');
  await section.getByRole('button', { name: `Supprimer la catégorie ${newName}` }).click();
  const confirm = page.getByRole('dialog', { name: `Supprimer la catégorie «\u00A0${newName}\u00A0»\u00A0?` });
  await expect(confirm).toContainText('1\u00A0membre perdra cette catégorie.');
  await confirm.getByRole('button', { name: 'Supprimer la catégorie' }).click();
  await expect(confirm).toBeHidden();
  await expect(rowOf(newName)).toHaveCount(0);
  const detail = (await (await page.request.get(`/api/members/${hugo!.id}`)).json()) as { categories: { id: string }[] };
  expect(detail.categories.map((c) => c.id)).not.toContain(category.id);
  await expectNoHorizontalScroll(page);
  await expectAccessible(page, 'member categories: moment 2');

  // Clean up the one made here.
  const list = (await (await page.request.get('/api/member-categories')).json()) as { items: { id: string; name: string }[] };
  const extra = list.items.find((c) => c.name === addedName);
  if (extra) await apiWrite(page.request, 'DELETE', `/api/member-categories/${extra.id}`);
});
