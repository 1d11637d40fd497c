import { expect, test } from '@playwright/test';
import { uniqueSuffix } from '../support/add-members.ts';
import { createActiveMember, memberAction, newFrenchContext, openMemberFromList, signInThroughForm } from '../support/manage-members.ts';
import { signInAsAdmin } from '../support/session.ts';

test('an administrator resets a member’s password; the member signs in with it and must change it', async ({ page, browser, baseURL }) => {
  const suffix = uniqueSuffix();
  await signInAsAdmin(page);
  const member = await createActiveMember(page.request, baseURL!, { firstName: 'Margaux', lastName: `Reset${suffix}`, username: `margaux.${suffix}` }, 'Premier-choix-2026');

  await openMemberFromList(page, member.username, member.fullName);
  await expect(page.getByText('Compte intégré')).toBeVisible();
  await memberAction(page, 'Réinitialiser le mot de passe');
  const dialog = page.getByRole('dialog', { name: `Réinitialiser le mot de passe de ${member.fullName}` });
  await expect(dialog).toContainText('déconnecté immédiatement');
  await dialog.getByRole('button', { name: 'Réinitialiser', exact: true }).click();
  await expect(dialog.getByText('Il ne sera plus affiché')).toBeVisible();
  const temporary = (await dialog.getByTestId('temporary-password').innerText()).trim();
  expect(temporary.length).toBeGreaterThanOrEqual(8);
  await expect(dialog.getByRole('button', { name: 'Copier le mot de passe temporaire' })).toBeVisible();
  await dialog.getByRole('button', { name: 'J’ai noté le mot de passe' }).click();
  await expect(dialog).toBeHidden();

  // The old password no longer works; the temporary one does, and forces a change.
  const context = await newFrenchContext(browser, baseURL);
  const memberPage = await context.newPage();
  await signInThroughForm(memberPage, member.username, member.password);
  await expect(memberPage.getByRole('alert')).toBeVisible();
  await expect(memberPage).toHaveURL(/\/sign-in/);
  await signInThroughForm(memberPage, member.username, temporary);
  await expect(memberPage).toHaveURL(/\/change-password$/);
  await memberPage.getByRole('textbox', { name: 'Mot de passe actuel' }).fill(temporary);
  await memberPage.getByRole('textbox', { name: 'Nouveau mot de passe' }).fill('Second-choix-2027');
  await memberPage.getByRole('textbox', { name: 'Confirmation du mot de passe' }).fill('Second-choix-2027');
  await memberPage.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(memberPage).toHaveURL(/\/members$/);
  await expect(memberPage.getByText('Votre mot de passe a été modifié.')).toBeVisible();
  await context.close();
});
