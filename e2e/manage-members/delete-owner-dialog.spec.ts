import { expect, test } from '@playwright/test';
import { uniqueSuffix } from '../support/add-members.ts';
import { expectNoHorizontalScroll } from '../support/layout.ts';
import { memberAction } from '../support/manage-members.ts';
import { createBuiltinMember, groups, openMemberPage, transferThroughApi } from '../support/member-page.ts';
import { signInAsAdmin } from '../support/session.ts';
import { expectAccessible } from '../support/axe.ts';

test('the delete dialog of a member who owns a group names it before any click and offers the transfer; one who owns nothing gets the plain question', async ({ page }) => {
  const suffix = uniqueSuffix();
  await signInAsAdmin(page);
  const owner = await createBuiltinMember(page.request, { firstName: 'Gaspard', lastName: `Groupe${suffix}`, username: `gaspard.${suffix}` });
  const bystander = await createBuiltinMember(page.request, { firstName: 'Nina', lastName: `Rien${suffix}`, username: `nina.${suffix}` });

  // The owner is given one seeded group (not the admin's: other specs give that one away).
  const me = (await (await page.request.get('/api/auth/me')).json()) as { member: { id: string } };
  const group = (await groups(page.request)).find((g) => g.ownerId !== me.member.id);
  if (!group) throw new Error('The demo data should have a group owned by a member other than the admin');
  await transferThroughApi(page.request, group.ownerId, { toMemberId: owner.id, contentIds: [], groupIds: [group.id] });

  await openMemberPage(page, owner);
  await memberAction(page, 'Supprimer le membre');
  const dialog = page.getByRole('dialog', { name: `Supprimer ${owner.fullName}\u00A0?` });
  // Before any click in the dialog: what is owned, why deletion can't happen yet, and no deletion offered.
  await expect(dialog.getByTestId('delete-owned')).toContainText('Transférez d’abord la propriété');
  await expect(dialog.getByTestId('delete-owned')).toContainText(
    `${owner.fullName} possède 1 groupe. Son compte ne pourra être supprimé qu’une fois cette propriété transférée à un autre membre.`,
  );
  await expect(dialog.getByRole('list', { name: 'Groupes', exact: true }).getByRole('listitem')).toHaveText([group.name]);
  await expect(dialog.getByRole('list', { name: 'Contenu', exact: true })).toHaveCount(0);
  await expect(dialog.getByTestId('delete-outcome')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Supprimer le membre' })).toHaveCount(0);
  await expectAccessible(page, 'member page: delete dialog of an owner');
  // The dialog's one action (besides cancelling) is the transfer.
  const transferAction = dialog.getByRole('button', { name: 'Transférer la propriété' });
  await expect(transferAction).toBeVisible();
  expect((await dialog.getByRole('button').allInnerTexts()).map((text) => text.trim()).filter(Boolean)).toEqual(['Annuler', 'Transférer la propriété']);
  await expectNoHorizontalScroll(page);

  // The transfer is the way on.
  await transferAction.click();
  await expect(dialog).toBeHidden();
  const transfer = page.getByRole('dialog', { name: 'Transférer la propriété' });
  await expect(transfer).toContainText('Ce membre possède 1 groupe.');
  await transfer.getByRole('button', { name: 'Annuler' }).click();
  await expect(transfer).toBeHidden();

  // A member who owns nothing: the plain, permanent deletion question.
  await openMemberPage(page, bystander);
  await memberAction(page, 'Supprimer le membre');
  const plain = page.getByRole('dialog', { name: `Supprimer ${bystander.fullName}\u00A0?` });
  await expect(plain.getByTestId('delete-outcome')).toHaveText(`Le compte intégré ${bystander.username} sera supprimé définitivement et ne pourra pas être récupéré.`);
  await expect(plain.getByTestId('delete-owned')).toHaveCount(0);
  await expect(plain.getByRole('button', { name: 'Supprimer le membre' })).toBeEnabled();
  await expect(plain.getByRole('button', { name: 'Transférer la propriété' })).toHaveCount(0);
  await plain.getByRole('button', { name: 'Annuler' }).click();
  await expect(plain).toBeHidden();
  expect((await page.request.get(`/api/members/${bystander.id}`)).status()).toBe(200);
});
