import { expect, test } from '@playwright/test';
import { uniqueSuffix } from '../support/add-members.ts';
import { memberAction, memberDetail } from '../support/manage-members.ts';
import { createBuiltinMember, expectOwned, groups, openMemberPage, transferThroughApi } from '../support/member-page.ts';
import { signInAsAdmin } from '../support/session.ts';

test('an administrator transfers only some of a member’s content and groups; the owner keeps the rest', async ({ page }) => {
  const suffix = uniqueSuffix();
  await signInAsAdmin(page);
  const owner = await createBuiltinMember(page.request, { firstName: 'Octave', lastName: `Proprietaire${suffix}`, username: `octave.${suffix}` });
  const heir = await createBuiltinMember(page.request, { firstName: 'Inès', lastName: `Heritiere${suffix}`, username: `ines.${suffix}` });

  // The owner gets three of the admin's seeded items and two groups of different seeded owners.
  const me = (await (await page.request.get('/api/auth/me')).json()) as { member: { id: string } };
  const admin = await memberDetail(page.request, me.member.id);
  expect(admin.ownedContent.length).toBeGreaterThanOrEqual(3);
  const items = admin.ownedContent.slice(0, 3);
  const seededGroups = await groups(page.request);
  const firstGroup = seededGroups.find((g) => g.ownerId === admin.id);
  const secondGroup = seededGroups.find((g) => g.ownerId !== admin.id && g.ownerId !== owner.id && g.ownerId !== heir.id);
  if (!firstGroup || !secondGroup) throw new Error('The demo data should have groups owned by the admin and by someone else');
  await transferThroughApi(page.request, admin.id, { toMemberId: owner.id, contentIds: items.map((i) => i.id), groupIds: [firstGroup.id] });
  await transferThroughApi(page.request, secondGroup.ownerId, { toMemberId: owner.id, contentIds: [], groupIds: [secondGroup.id] });

  const label = (item: { title: string; kind: string }) => `${item.title} (${item.kind})`;
  const [given1, kept, given2] = items as [(typeof items)[0], (typeof items)[0], (typeof items)[0]];
  await openMemberPage(page, owner);
  await expectOwned(page, { content: items.map(label), groups: [firstGroup.name, secondGroup.name] });

  await memberAction(page, 'Transférer la propriété');
  const dialog = page.getByRole('dialog', { name: 'Transférer la propriété' });
  await expect(dialog).toContainText('Ce membre possède 3 éléments de contenu et 2 groupes.');
  await dialog.getByRole('combobox', { name: 'Nouveau propriétaire' }).fill(suffix);
  // The owner is never offered as their own heir.
  await expect(page.getByRole('option', { name: `${heir.fullName} (${heir.username})` })).toBeVisible();
  await expect(page.getByRole('option', { name: `${owner.fullName} (${owner.username})` })).toHaveCount(0);
  await page.getByRole('option', { name: `${heir.fullName} (${heir.username})` }).click();

  await dialog.getByRole('radio', { name: 'Seulement certains éléments' }).check();
  const confirm = dialog.getByRole('button', { name: 'Transférer', exact: true });
  await expect(confirm).toBeDisabled(); // nothing chosen yet
  const contentChoices = dialog.getByRole('group', { name: 'Contenu' });
  const groupChoices = dialog.getByRole('group', { name: 'Groupes' });
  await expect(contentChoices.getByRole('checkbox')).toHaveCount(3);
  await expect(groupChoices.getByRole('checkbox')).toHaveCount(2);
  await contentChoices.getByRole('checkbox', { name: label(given1), exact: true }).check();
  await contentChoices.getByRole('checkbox', { name: label(given2), exact: true }).check();
  await groupChoices.getByRole('checkbox', { name: secondGroup.name, exact: true }).check();
  await expect(contentChoices.getByRole('checkbox', { name: label(kept), exact: true })).not.toBeChecked();
  await expect(confirm).toBeEnabled();
  await confirm.click();

  await expect(dialog).toBeHidden();
  await expect(page.getByText('Propriété transférée', { exact: true })).toBeVisible();
  await expect(page.getByText(`Propriété transférée à ${heir.fullName} (${heir.username})\u00A0: 2 éléments de contenu et 1 groupe.`)).toBeVisible();

  // The owner keeps exactly what was not chosen; the heir owns exactly what was.
  await expectOwned(page, { content: [label(kept)], groups: [firstGroup.name] });
  await openMemberPage(page, heir);
  await expectOwned(page, { content: [label(given1), label(given2)], groups: [secondGroup.name] });

  // Reloaded from the server, not only the page's cache.
  await page.reload();
  await expectOwned(page, { content: [label(given1), label(given2)], groups: [secondGroup.name] });
  expect((await memberDetail(page.request, owner.id)).ownedContent.map((c) => c.id)).toEqual([kept.id]);
});
