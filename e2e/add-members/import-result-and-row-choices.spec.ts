import { expect, test, type Page } from '@playwright/test';
import { chooseMode, next, openWizard, uniqueSuffix, wizardStep } from '../support/add-members.ts';
import { expectNoHorizontalScroll } from '../support/layout.ts';
import { signInAsAdmin } from '../support/session.ts';
import { expectAccessible } from '../support/axe.ts';

// Issue 13: the file import's result lists the members it created (item 5); the row editor
// offers the organization's roles and user types as choices (item 7).

const cell = (page: Page, rowNumber: number, field: string) => page.getByTestId('import-row').and(page.locator(`[data-row="${rowNumber}"]`)).locator(`td[data-field="${field}"]`);

async function uploadFile(page: Page, csv: string, name: string) {
  await signInAsAdmin(page);
  await openWizard(page);
  await page.getByRole('radio', { name: 'Nouveaux membres à partir d’un fichier' }).click();
  await chooseMode(page, 'credentials');
  await next(page);
  await expect(wizardStep(page, 'Fichier')).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(wizardStep(page, 'Compiler la liste des membres')).toBeVisible();
}

test('the row editor offers the organization’s roles and user types by name, keeps the file’s wrong value visible, and a choice fixes the row', async ({ page }) => {
  const s = uniqueSuffix();
  await uploadFile(
    page,
    ['E-mail;Rôle;Type d’utilisateur;Prénom;Nom;Nom d’utilisateur;Mot de passe', `rita.${s}@example.org;Superviseur;Stagiaire;Rita;Noor${s};rita.${s};Pivoine-2026a`].join('\r\n'),
    `choix-${s}.csv`,
  );
  await expect(cell(page, 2, 'role')).toHaveAttribute('data-invalid', 'true');
  await page.getByRole('button', { name: 'Modifier la ligne 2' }).click();
  const dialog = page.getByRole('dialog', { name: 'Modifier la ligne 2' });

  // The file's values stay visible, marked as the file's, with the row's errors.
  const role = dialog.getByRole('combobox', { name: 'Rôle' });
  const userType = dialog.getByRole('combobox', { name: 'Type d’utilisateur' });
  await expect(role).toHaveValue('«\u00A0Superviseur\u00A0» (valeur du fichier)');
  await expect(userType).toHaveValue('«\u00A0Stagiaire\u00A0» (valeur du fichier)');
  await expect(dialog.getByTestId('edit-row-errors')).toContainText('Rôle inconnu « Superviseur »');

  // The choices are the organization's, by name; not free text.
  await role.click();
  const roleOptions = page.getByRole('listbox').getByRole('option');
  await expect(roleOptions.filter({ hasText: /^Éditeur$/ })).toHaveCount(1);
  await expect(roleOptions.filter({ hasText: /^Lecteur$/ })).toHaveCount(1);
  await expect(role).not.toBeEditable();
  await expectAccessible(page, 'wizard: row editor with its role choices open');
  await expectNoHorizontalScroll(page);
  await page.getByRole('option', { name: 'Éditeur', exact: true }).click();
  await expect(role).toHaveValue('Éditeur');
  await userType.click();
  await page.getByRole('option', { name: 'Professionnel', exact: true }).click();
  await expect(userType).toHaveValue('Professionnel');
  await dialog.getByRole('button', { name: 'Enregistrer la ligne' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('import-announcement')).toHaveText('Ligne 2 corrigée.');
  await expect(cell(page, 2, 'role')).toHaveText('Éditeur');
  await expect(cell(page, 2, 'role')).not.toHaveAttribute('data-invalid');
  await expect(cell(page, 2, 'userType')).toHaveText('Professionnel');
  await expect(page.getByTestId('import-counts')).toContainText('0\u00A0en erreur');
});

test('after a file import the result lists the members created, with role, user type and status, in French then in English', async ({ page }) => {
  const s = uniqueSuffix();
  const fileName = `resultat-${s}.csv`;
  await uploadFile(
    page,
    [
      'E-mail;Rôle;Type d’utilisateur;Prénom;Nom;Nom d’utilisateur;Mot de passe',
      `lea.${s}@example.org;Éditeur;Créateur;Léa;Moreau${s};lea.${s};Pivoine-2026a`,
      `marc.${s}@example.org;Lecteur;Lecteur;Marc;Lambert${s};marc.${s};Pivoine-2026b`,
    ].join('\r\n'),
    fileName,
  );
  await next(page);
  await expect(wizardStep(page, 'Définir les propriétés des membres')).toBeVisible();
  await next(page);
  await expect(wizardStep(page, 'Résumé')).toBeVisible();
  await page.getByRole('button', { name: 'Importer les membres' }).click();

  await expect(page.getByTestId('wizard-result-title')).toHaveText('2\u00A0membres importés');
  const table = page.getByRole('table', { name: 'Membres ajoutés' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('columnheader')).toHaveText(['Nom', 'Nom d’utilisateur', 'Adresse e\u2011mail', 'Type d’utilisateur', 'Rôle', 'Statut']);
  await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText([`Léa Moreau${s}`, `lea.${s}`, `lea.${s}@example.org`, 'Créateur', 'Éditeur', 'Actif']);
  await expect(table.getByRole('row').nth(2).getByRole('cell')).toHaveText([`Marc Lambert${s}`, `marc.${s}`, `marc.${s}@example.org`, 'Lecteur', 'Lecteur', 'Actif']);
  await expect(page.getByTestId('import-result-shown')).toHaveText('2\u00A0sur 2\u00A0membres affichés');
  await expect(page.getByRole('button', { name: 'Afficher plus' })).toHaveCount(0);
  await expectNoHorizontalScroll(page);
  await expectAccessible(page, 'wizard: file import result');

  // The same screen in English.
  await page.getByRole('button', { name: /Changer de langue/ }).click();
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  const english = page.getByRole('table', { name: 'Members added' });
  await expect(english.getByRole('row').nth(1).getByRole('cell')).toHaveText([`Léa Moreau${s}`, `lea.${s}`, `lea.${s}@example.org`, 'Creator', 'Publisher', 'Active']);
  await expect(page.getByTestId('import-result-shown')).toHaveText('2 of 2 members shown');
});
