import { expect, test, type Page } from '@playwright/test';
import { uniqueSuffix } from '../support/add-members.ts';
import { expectAccessible } from '../support/axe.ts';
import { expectNoHorizontalScroll } from '../support/layout.ts';
import { createActiveMember, newFrenchContext, signInThroughForm } from '../support/manage-members.ts';
import { openMemberPage } from '../support/member-page.ts';
import { signInAsAdmin } from '../support/session.ts';

/** Issue 15, item 2: an administrator creates a custom role, gives it, and its holder sees exactly its sections. */

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });

async function chooseLevel(page: Page, area: string, level: string) {
  await page.getByTestId(`role-level-${area}`).getByText(level, { exact: true }).click();
  await expect(page.getByTestId(`role-level-${area}`).getByRole('radio', { name: level, exact: true })).toBeChecked();
}

test('a custom role with chosen levels is created, given on the member page, gives exactly its sections, and is not deleted while held', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  const roleName = `Analyste ${suffix}`;
  await signInAsAdmin(page);
  const member = await createActiveMember(page.request, baseURL!, { firstName: 'Rolande', lastName: `Roles${suffix}`, username: `rolande.${suffix}`, role: 'user', userType: 'creator' }, 'Analyste-pass-2026');

  // Administration › Rôles, from the navigation.
  await page.goto('/members');
  await nav(page).getByRole('link', { name: 'Rôles', exact: true }).click();
  await expect(page).toHaveURL(/\/roles$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Rôles' })).toBeVisible();
  // Built-in roles are read-only, with their level in each area.
  const builtIn = page.getByRole('table', { name: 'Rôles prédéfinis' });
  await expect(builtIn.getByRole('columnheader', { name: 'Éditeur', exact: true })).toBeVisible();
  const contentRow = builtIn.getByRole('row', { name: /^Contenu/ });
  await expect(contentRow).toContainText('Mettre à jour');
  await expect(builtIn.getByRole('row', { name: /^Documents liés au compte/ })).toContainText('Consulter');
  await expectNoHorizontalScroll(page);
  await expectAccessible(page, 'roles: moment 1');

  // Create: name, a level per area, a compatible user type.
  await page.getByRole('button', { name: 'Créer un rôle' }).click();
  const dialog = page.getByRole('dialog', { name: 'Créer un rôle' });
  await dialog.getByRole('textbox', { name: 'Nom' }).fill(roleName);
  await chooseLevel(page, 'members', 'Consulter');
  await chooseLevel(page, 'reporting', 'Consulter');
  await chooseLevel(page, 'organization_settings', 'Consulter');
  // A View-only area offers only None and View.
  await expect(page.getByTestId('role-level-account_documents').getByRole('radio')).toHaveCount(2);
  await expect(page.getByTestId('role-level-members').getByRole('radio')).toHaveCount(3);
  await dialog.getByRole('combobox', { name: 'Types d’utilisateur compatibles' }).click();
  await page.getByRole('option', { name: 'Créateur', exact: true }).click();
  // Closes the list of user types (Escape would close the dialog too).
  await dialog.getByText('Niveau par domaine').click();
  await expect(page.getByRole('option', { name: 'Créateur', exact: true })).toBeHidden();
  await expectNoHorizontalScroll(page);
  await expectAccessible(page, 'roles: moment 2');
  await dialog.getByRole('button', { name: 'Créer le rôle' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Le rôle ${roleName} a été créé.`)).toBeVisible();

  const custom = page.getByRole('table', { name: 'Rôles personnalisés' });
  const row = custom.getByRole('row', { name: new RegExp(roleName) });
  await expect(row).toContainText('Membres\u00A0: Consulter');
  await expect(row).toContainText('Rapports\u00A0: Consulter');
  await expect(row).toContainText('Paramètres de l’organisation\u00A0: Consulter');
  await expect(row).toContainText('Créateur');
  await expect(row).toContainText('0\u00A0membre');
  await expectNoHorizontalScroll(page);
  await expectAccessible(page, 'roles: moment 3');

  // Edit: View on groups and categories too.
  await row.getByRole('button', { name: `Modifier le rôle ${roleName}` }).click();
  const edit = page.getByRole('dialog', { name: `Modifier le rôle ${roleName}` });
  await expect(edit.getByRole('textbox', { name: 'Nom' })).toHaveValue(roleName);
  await chooseLevel(page, 'groups', 'Consulter');
  await edit.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('Groupes et catégories\u00A0: Consulter');

  // Give it on the member page.
  await openMemberPage(page, member);
  const role = page.getByRole('combobox', { name: 'Rôle', exact: true });
  // The list opens under the field; its options are hidden while the field is scrolled out of
  // view (seen on CI once the page had scrolled back up): bring the field back and retry.
  await expect(async () => {
    await role.scrollIntoViewIfNeeded();
    if ((await role.getAttribute('aria-expanded')) !== 'true') await role.click();
    await page.getByRole('option', { name: roleName, exact: true }).click({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(role).toHaveValue(roleName);
  await page.getByRole('form', { name: 'Profil et accès du membre' }).getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByText('Modifications enregistrées')).toBeVisible();

  // The member signs in and sees exactly the sections of those levels.
  const context = await newFrenchContext(browser, baseURL);
  const memberPage = await context.newPage();
  await memberPage.setViewportSize({ width: 1440, height: 900 });
  await signInThroughForm(memberPage, member.username, member.password);
  await expect(memberPage).toHaveURL(/\/members/);
  await expect(nav(memberPage).getByRole('link')).toHaveText(['Membres', 'Groupes', 'Rôles', 'Activité', 'Paramètres de l’organisation']);
  // View on organization settings: the Roles page, read-only.
  await nav(memberPage).getByRole('link', { name: 'Rôles', exact: true }).click();
  await expect(memberPage.getByText('Consultation seule')).toBeVisible();
  await expect(memberPage.getByRole('button', { name: 'Créer un rôle' })).toHaveCount(0);
  await expect(memberPage.getByRole('table', { name: 'Rôles personnalisés' }).getByRole('row', { name: new RegExp(roleName) })).toBeVisible();
  await expectNoHorizontalScroll(memberPage);
  await expectAccessible(memberPage, 'roles: moment 4');
  await context.close();

  // Deleting it is refused while the member holds it: the count, and a link to them.
  await page.goto('/roles');
  await expect(row).toContainText('1\u00A0membre');
  await row.getByRole('button', { name: `Supprimer le rôle ${roleName}` }).click();
  const refused = page.getByRole('dialog', { name: `Le rôle ${roleName} est attribué` });
  await expect(refused).toContainText('Ce rôle est attribué à 1\u00A0membre.');
  await expectNoHorizontalScroll(page);
  await expectAccessible(page, 'roles: moment 5');
  await refused.getByRole('link', { name: 'Voir le membre' }).click();
  await expect(page).toHaveURL(/\/members\?role=[0-9a-f-]{36}$/);
  const list = page.getByRole('table', { name: 'Liste des membres' });
  await expect(list.getByRole('link', { name: member.fullName, exact: true })).toBeVisible();
  await expect(list.getByRole('row')).toHaveCount(2);

  // The Activity page shows the change with its before/after, by names.
  await page.goto('/activity?action=role.updated');
  const log = page.getByRole('table', { name: 'Journal d’activité' });
  const updated = log.locator('tbody tr', { hasText: roleName });
  await expect(updated).toHaveCount(1);
  await expect(updated).toContainText('Rôle modifié');
  await expect(updated).toContainText('Niveaux du rôle\u00A0: Membres\u00A0: Consulter, Rapports\u00A0: Consulter, Paramètres de l’organisation\u00A0: Consulter → Membres\u00A0: Consulter, Groupes et catégories\u00A0: Consulter, Rapports\u00A0: Consulter, Paramètres de l’organisation\u00A0: Consulter');
  await expectNoHorizontalScroll(page);
  await expectAccessible(page, 'roles: moment 6');
});
