import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { apiWrite, uniqueSuffix } from '../support/add-members.ts';
import { createActiveMember, findContentOwner, memberAction } from '../support/manage-members.ts';
import { signInAsAdmin } from '../support/session.ts';
import { expectAccessible } from '../support/axe.ts';

test('the Activity page lists a member’s changes with readable before and after, and exports them as CSV', async ({ page, baseURL }) => {
  // Many steps, each page checked with axe-core on the way.
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  await signInAsAdmin(page);
  const member = await createActiveMember(page.request, baseURL!, { firstName: 'Octave', lastName: `Trace${suffix}`, username: `octave.${suffix}` }, 'Journal-2026-ok');
  const heir = await createActiveMember(page.request, baseURL!, { firstName: 'Hugo', lastName: `Relais${suffix}`, username: `hugo.${suffix}` }, 'Journal-2026-ok');
  // Octave gets one content item from a seeded owner, to have something to transfer.
  const seededOwner = await findContentOwner(page.request, [member.id, heir.id]);
  const item = seededOwner.ownedContent[0]!;
  const given = await apiWrite(page.request, 'POST', `/api/members/${seededOwner.id}/transfer-ownership`, { toMemberId: member.id, contentIds: [item.id], groupIds: [] });
  expect(given.status(), await given.text()).toBe(200);

  // Edit: only Save sends the change; the role list follows the user type.
  await page.goto(`/members/${member.id}`);
  const form = page.getByRole('form', { name: 'Profil et accès du membre' });
  await form.getByRole('textbox', { name: 'Description' }).fill('Référent cartographie');
  await page.getByRole('combobox', { name: 'Rôle', exact: true }).click();
  await page.getByRole('option', { name: 'Éditeur de données', exact: true }).click();
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Modifications enregistrées')).toBeVisible();
  await expect(form.getByRole('button', { name: 'Enregistrer' })).toBeDisabled();

  // Reset the password, then disable.
  await memberAction(page, 'Réinitialiser le mot de passe');
  const reset = page.getByRole('dialog', { name: /^Réinitialiser le mot de passe/ });
  await reset.getByRole('button', { name: 'Réinitialiser', exact: true }).click();
  await expect(reset.getByTestId('temporary-password')).toBeVisible();
  await expectAccessible(page, 'member page: reset password dialog');
  await reset.getByRole('button', { name: 'J’ai noté le mot de passe' }).click();
  await memberAction(page, 'Désactiver le membre');
  await page.getByRole('dialog', { name: `Désactiver ${member.fullName}` }).getByRole('button', { name: 'Désactiver', exact: true }).click();
  await expect(page.getByTestId('member-status')).toHaveText('Désactivé');

  // Transfer the content to Hugo.
  await memberAction(page, 'Transférer la propriété');
  const transfer = page.getByRole('dialog', { name: 'Transférer la propriété' });
  await transfer.getByRole('combobox', { name: 'Nouveau propriétaire' }).fill(heir.username);
  await page.getByRole('option', { name: `${heir.fullName} (${heir.username})` }).click();
  await transfer.getByRole('button', { name: 'Transférer', exact: true }).click();
  await expect(page.getByText('Propriété transférée', { exact: true })).toBeVisible();

  // The Activity page, filtered on this member through the URL-kept filters.
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Activité' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activité' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Membre concerné' }).fill(member.username);
  await page.getByRole('option', { name: `${member.fullName} (${member.username})` }).click();
  await expect(page).toHaveURL(new RegExp(`member=${member.id}`));
  const log = page.getByRole('table', { name: 'Journal d’activité' });
  const disabled = log.locator('tbody tr', { hasText: 'Membre désactivé' });
  await expect(disabled).toHaveCount(1);
  await expect(disabled).toContainText('Statut\u00A0: Actif → Désactivé');
  await expect(disabled.getByRole('link', { name: member.username })).toBeVisible();
  const resetEvent = log.locator('tbody tr', { hasText: 'Mot de passe réinitialisé' });
  await expect(resetEvent).toHaveCount(1);
  await expect(resetEvent).toContainText('Changement de mot de passe exigé\u00A0: oui');
  await expect(resetEvent).toContainText('Sessions fermées\u00A0: oui');
  // Roles and user types by their names, not their keys.
  const updated = log.locator('tbody tr', { hasText: 'Membre modifié' });
  await expect(updated).toContainText('Rôle\u00A0: Utilisateur → Éditeur de données');
  await expect(updated).toContainText('Description\u00A0: — → Référent cartographie');
  const created = log.locator('tbody tr', { hasText: 'Membre ajouté' });
  await expect(created).toContainText('Rôle\u00A0: Utilisateur');
  await expect(created).toContainText('Type d’utilisateur\u00A0: Créateur');
  const transferred = log.locator('tbody tr', { hasText: 'Propriété transférée' });
  await expect(transferred).toHaveCount(1);
  await expect(transferred).toContainText(`Propriétaire\u00A0: ${member.username} → ${heir.username}`);
  await expect(transferred).toContainText('Contenu transféré\u00A0: 1');
  await expect(transferred).toContainText('Groupes transférés\u00A0: 0');
  await expectAccessible(page, 'activity');

  // Filter on the action too; the URL keeps both.
  await page.getByRole('combobox', { name: 'Action' }).click();
  await page.getByRole('option', { name: 'Membre désactivé' }).click();
  await expect(page).toHaveURL(/action=member\.disabled/);
  await expect(log.locator('tbody tr')).toHaveCount(1);

  // The export carries the same filters.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Exporter en CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^activity-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(lines[0]).toContain('Auteur');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('member.disabled');
  expect(lines[1]).toContain(member.username);

  // Delete the member: the event keeps who they were, with their role's name.
  await page.goto(`/members/${member.id}`);
  await memberAction(page, 'Supprimer le membre');
  await page.getByRole('dialog', { name: `Supprimer ${member.fullName}` }).getByRole('button', { name: 'Supprimer le membre' }).click();
  await expect(page).toHaveURL(/\/members$/);
  await page.goto(`/activity?member=${member.id}&action=member.deleted`);
  const deleted = log.locator('tbody tr', { hasText: 'Membre supprimé' });
  await expect(deleted).toHaveCount(1);
  await expect(deleted).toContainText(`Nom d’utilisateur\u00A0: ${member.username} → —`);
  await expect(deleted).toContainText('Rôle\u00A0: Éditeur de données → —');
  await expect(deleted).toContainText('Statut\u00A0: Désactivé → —');
});
