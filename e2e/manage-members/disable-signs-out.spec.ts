import { expect, test } from '@playwright/test';
import { uniqueSuffix } from '../support/add-members.ts';
import { createActiveMember, memberAction, newFrenchContext, signInThroughForm } from '../support/manage-members.ts';
import { signInAsAdmin } from '../support/session.ts';

test('a member disabled by an administrator is refused at their next request and cannot sign in again', async ({ page, browser, baseURL }) => {
  const suffix = uniqueSuffix();
  await signInAsAdmin(page);
  const member = await createActiveMember(page.request, baseURL!, { firstName: 'Bastien', lastName: `Coupe${suffix}`, username: `bastien.${suffix}` }, 'Avant-coupure-2026');

  // The member is signed in, in their own browser.
  const context = await newFrenchContext(browser, baseURL);
  const memberPage = await context.newPage();
  await signInThroughForm(memberPage, member.username, member.password);
  await expect(memberPage).toHaveURL(/\/members$/);
  await expect(memberPage.getByRole('heading', { name: 'Membres', level: 1 })).toBeVisible();

  // The administrator disables them from their page.
  await page.goto(`/members/${member.id}`);
  await expect(page.getByTestId('member-status')).toHaveText('Actif');
  await memberAction(page, 'Désactiver le membre');
  const dialog = page.getByRole('dialog', { name: `Désactiver ${member.fullName}` });
  await expect(dialog).toContainText('compte toujours parmi les utilisateurs nommés');
  await dialog.getByRole('button', { name: 'Désactiver', exact: true }).click();
  await expect(page.getByTestId('member-status')).toHaveText('Désactivé');
  await expect(page.getByText(`Membre désactivé\u00A0: ${member.fullName}`)).toBeVisible();

  // The member's next step in the app is refused: back to sign-in, and signing in is refused.
  await memberPage.getByRole('searchbox', { name: 'Rechercher des membres' }).fill(member.username);
  await expect(memberPage).toHaveURL(/\/sign-in\?.*reason=expired/);
  await signInThroughForm(memberPage, member.username, member.password);
  await expect(memberPage.getByRole('alert')).toBeVisible();
  await expect(memberPage).toHaveURL(/\/sign-in/);
  await context.close();

  // Enabling again is offered on the same page.
  await memberAction(page, 'Activer le membre');
  await expect(page.getByTestId('member-status')).toHaveText('Actif');
});
