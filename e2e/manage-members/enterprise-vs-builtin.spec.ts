import { expect, test, type Page } from '@playwright/test';
import { apiWrite, uniqueSuffix } from '../support/add-members.ts';
import { memberAction } from '../support/manage-members.ts';
import { createBuiltinMember, createEnterpriseMembers, openMemberPage, type SeededMember } from '../support/member-page.ts';
import { signInAsAdmin } from '../support/session.ts';

// Members chosen for what is being checked: one built-in account and one of each
// organization-login kind, all active and owning nothing.
async function members(page: Page) {
  const suffix = uniqueSuffix();
  const builtin = await createBuiltinMember(page.request, { firstName: 'Bérénice', lastName: `Integre${suffix}`, username: `berenice.${suffix}` });
  const [saml, oidc] = await createEnterpriseMembers(page.request, [
    { firstName: 'Samuel', lastName: `Saml${suffix}`, username: `samuel.${suffix}`, identityType: 'SAML' },
    { firstName: 'Odile', lastName: `Oidc${suffix}`, username: `odile.${suffix}`, identityType: 'OIDC' },
  ]);
  return { builtin, enterprise: [{ member: saml!, badge: 'Connexion d’entreprise SAML' }, { member: oidc!, badge: 'Connexion d’entreprise OpenID Connect' }] };
}

async function openActions(page: Page) {
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  const menu = page.getByRole('menu');
  // The menu is open and populated before anything is said about what it lacks.
  await expect(menu.getByRole('menuitem', { name: 'Désactiver le membre' })).toBeVisible();
  return menu;
}

test('the actions menu offers a password reset for a built-in member only, not for an enterprise login', async ({ page }) => {
  await signInAsAdmin(page);
  const { builtin, enterprise } = await members(page);

  await openMemberPage(page, builtin);
  await expect(page.getByText('Compte intégré')).toBeVisible();
  let menu = await openActions(page);
  await expect(menu.getByRole('menuitem', { name: 'Réinitialiser le mot de passe' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();

  for (const { member, badge } of enterprise) {
    await openMemberPage(page, member);
    await expect(page.getByText(badge)).toBeVisible();
    menu = await openActions(page);
    await expect(menu.getByRole('menuitem', { name: 'Supprimer le membre' })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: 'Réinitialiser le mot de passe' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    // The UI hides what the API refuses.
    const refused = await apiWrite(page.request, 'POST', `/api/members/${member.id}/reset-password`);
    expect(refused.status(), await refused.text()).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe('enterprise_login');
  }
});

test('deleting a built-in member says it is permanent; deleting an enterprise login says it is only unregistered from the portal', async ({ page }) => {
  await signInAsAdmin(page);
  const { builtin, enterprise } = await members(page);

  const expectGone = async (member: SeededMember) => {
    await expect(page).toHaveURL(/\/members$/);
    await expect.poll(async () => (await page.request.get(`/api/members/${member.id}`)).status()).toBe(404);
  };

  await openMemberPage(page, builtin);
  await memberAction(page, 'Supprimer le membre');
  let dialog = page.getByRole('dialog', { name: `Supprimer ${builtin.fullName}` });
  await expect(dialog.getByTestId('delete-outcome')).toHaveText(`Le compte intégré ${builtin.username} sera supprimé définitivement et ne pourra pas être récupéré.`);
  await expect(dialog).not.toContainText('désinscrit');
  await expect(dialog.getByRole('button', { name: 'Désinscrire le membre' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Supprimer le membre' }).click();
  await expect(page.getByText(`Membre supprimé définitivement\u00A0: ${builtin.fullName}`)).toBeVisible();
  await expectGone(builtin);

  for (const { member } of enterprise) {
    await openMemberPage(page, member);
    await memberAction(page, 'Supprimer le membre');
    dialog = page.getByRole('dialog', { name: `Désinscrire ${member.fullName}` });
    await expect(dialog.getByTestId('delete-outcome')).toHaveText(
      `Le compte d’entreprise ${member.username} sera désinscrit du portail\u00A0; il reste dans votre annuaire d’identités et pourra être ajouté de nouveau.`,
    );
    await expect(dialog).not.toContainText('supprimé définitivement');
    await expect(dialog.getByRole('button', { name: 'Supprimer le membre' })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Désinscrire le membre' }).click();
    await expect(page.getByText(`Membre désinscrit du portail\u00A0: ${member.fullName}`)).toBeVisible();
    await expectGone(member);
  }
});
