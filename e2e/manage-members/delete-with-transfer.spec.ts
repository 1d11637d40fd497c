import { expect, test } from '@playwright/test';
import { uniqueSuffix } from '../support/add-members.ts';
import { createActiveMember, findContentOwner, memberAction, memberDetail } from '../support/manage-members.ts';
import { signInAsAdmin } from '../support/session.ts';

test('deleting a member who owns content: the dialog says so first and offers the transfer, then comes back as the plain question', async ({ page, baseURL }) => {
  const suffix = uniqueSuffix();
  await signInAsAdmin(page);
  const heir = await createActiveMember(page.request, baseURL!, { firstName: 'Hélène', lastName: `Heritiere${suffix}`, username: `helene.${suffix}` }, 'Heritage-2026-ok');
  const owner = await findContentOwner(page.request, [heir.id]);
  const ownerName = owner.fullName || `${owner.firstName} ${owner.lastName}`;
  const permanent = owner.identityType === 'builtin';

  await page.goto(`/members/${owner.id}`);
  await expect(page.getByRole('heading', { level: 1, name: ownerName })).toBeVisible();
  await expect(page.getByTestId('owned-items')).toContainText(owner.ownedContent[0]!.title);

  // Before any click, the dialog says what the member owns and that the deletion waits for its transfer.
  await memberAction(page, 'Supprimer le membre');
  const dialog = page.getByRole('dialog', { name: `${permanent ? 'Supprimer' : 'Désinscrire'} ${ownerName}` });
  const confirmLabel = permanent ? 'Supprimer le membre' : 'Désinscrire le membre';
  await expect(dialog.getByTestId('delete-owned')).toContainText(`${ownerName} possède`);
  await expect(dialog.getByTestId('delete-owned')).toContainText(permanent ? 'ne pourra être supprimé' : 'ne pourra être désinscrit du portail');
  await expect(dialog.getByRole('list', { name: 'Contenu', exact: true })).toContainText(owner.ownedContent[0]!.title);
  await expect(dialog.getByRole('button', { name: confirmLabel })).toHaveCount(0);

  // Transfer everything to another active member, from the dialog itself.
  await dialog.getByRole('button', { name: 'Transférer la propriété' }).click();
  const transfer = page.getByRole('dialog', { name: 'Transférer la propriété' });
  await transfer.getByRole('combobox', { name: 'Nouveau propriétaire' }).fill(suffix);
  await page.getByRole('option', { name: `${heir.fullName} (${heir.username})` }).click();
  await expect(transfer.getByRole('radio', { name: 'Tout le contenu et tous les groupes' })).toBeChecked();
  await transfer.getByRole('button', { name: 'Transférer', exact: true }).click();
  await expect(transfer).toBeHidden();
  await expect(page.getByText('Propriété transférée', { exact: true })).toBeVisible();
  await expect(page.getByTestId('owned-items')).toContainText('Aucun contenu.');
  expect((await memberDetail(page.request, heir.id)).ownedContent.map((c) => c.id).sort()).toEqual(owner.ownedContent.map((c) => c.id).sort());

  // Back to the deletion, now the plain question; it goes through.
  await expect(dialog.getByTestId('delete-outcome')).toContainText(permanent ? 'supprimé définitivement' : 'désinscrit du portail');
  await expect(dialog.getByTestId('delete-owned')).toHaveCount(0);
  await dialog.getByRole('button', { name: confirmLabel }).click();
  await expect(page).toHaveURL(/\/members$/);
  await expect(page.getByText(permanent ? `Membre supprimé définitivement\u00A0: ${ownerName}` : `Membre désinscrit du portail\u00A0: ${ownerName}`)).toBeVisible();
  expect((await page.request.get(`/api/members/${owner.id}`)).status()).toBe(404);
});
