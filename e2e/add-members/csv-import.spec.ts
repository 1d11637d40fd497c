import { expect, test, type Page } from '@playwright/test';
import { MemberListResponse } from '../../packages/contracts/src/index.ts';
import { chooseMode, findMember, next, openWizard, uniqueSuffix, wizardStep } from '../support/add-members.ts';
import { membersTable } from '../support/members-page.ts';
import { signInAsAdmin } from '../support/session.ts';
import { expectAccessible } from '../support/axe.ts';

function importRow(page: Page, rowNumber: number) {
  return page.getByTestId('import-row').and(page.locator(`[data-row="${rowNumber}"]`));
}

function cell(page: Page, rowNumber: number, field: string) {
  return importRow(page, rowNumber).locator(`td[data-field="${field}"]`);
}

test('an administrator imports members from a French CSV file, fixes and removes rows, and commits with a licence and a group', async ({ page }) => {
  const s = uniqueSuffix();
  const csv = [
    'E-mail;Rôle;Type d’utilisateur;Prénom;Nom;Nom d’utilisateur;Mot de passe',
    `alice.${s}@example.org;Utilisateur;Créateur;Alice;Martin${s};alice.${s};Pivoine-2026a`,
    `pas-une-adresse;Utilisateur;Créateur;Bruno;Petit${s};bruno.${s};Pivoine-2026b`,
    `chloe.${s}@example.org;Superviseur;Créateur;Chloé;Durand${s};chloe.${s};Pivoine-2026c`,
    `denis.${s}@example.org;Utilisateur;Créateur;Denis;Roux${s};alice.${s};Pivoine-2026d`,
  ].join('\r\n');
  const fileName = `membres-${s}.csv`;

  await signInAsAdmin(page);
  await openWizard(page);
  await page.getByRole('radio', { name: 'Nouveaux membres à partir d’un fichier' }).click();
  await chooseMode(page, 'credentials');
  await next(page);

  // File: templates in both languages, then the file through the file input.
  await expect(wizardStep(page, 'Fichier')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Modèle en français' })).toHaveAttribute('href', /format=builtin&lang=fr&mode=credentials/);
  await expect(page.getByRole('link', { name: 'Modèle en anglais' })).toHaveAttribute('href', /lang=en/);
  const template = await page.request.get((await page.getByRole('link', { name: 'Modèle en français' }).getAttribute('href'))!);
  expect(template.status()).toBe(200);
  expect(await template.text()).toContain('Mot de passe');
  await expectAccessible(page, 'wizard: file');

  await page.locator('input[type="file"]').setInputFiles({
    name: fileName,
    mimeType: 'text/csv',
    buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]),
  });

  // Compile member list: every row, the errors on their fields.
  await expect(wizardStep(page, 'Compiler la liste des membres')).toBeVisible();
  await expect(page.getByTestId('import-row')).toHaveCount(4);
  await expect(page.getByTestId('import-counts')).toContainText('4\u00A0lignes');
  await expect(page.getByTestId('import-counts')).toContainText('3\u00A0en erreur');
  await expect(cell(page, 3, 'email')).toHaveAttribute('data-invalid', 'true');
  await expect(cell(page, 3, 'email')).toContainText('Saisissez une adresse e\u2011mail valide');
  await expect(cell(page, 4, 'role')).toContainText('Rôle inconnu « Superviseur »');
  await expect(cell(page, 5, 'username')).toContainText(`Le nom d’utilisateur « alice.${s} » figure déjà à la ligne 2`);
  await expect(cell(page, 2, 'email')).not.toHaveAttribute('data-invalid');
  await expect(page.getByTestId('import-blocking')).toHaveText('3\u00A0lignes contiennent encore des erreurs\u00A0: corrigez-les ou retirez-les pour continuer.');
  await expect(page.getByRole('button', { name: 'Suivant', exact: true })).toBeDisabled();
  await expectAccessible(page, 'wizard: file rows with errors');

  // The error report: the rows with their errors, in French.
  const reportHref = await page.getByRole('link', { name: 'Télécharger le rapport d’erreurs' }).getAttribute('href');
  const report = await page.request.get(reportHref!);
  expect(report.status()).toBe(200);
  const reportText = await report.text();
  expect(reportText).toContain('Erreurs');
  expect(reportText).toContain('pas-une-adresse');
  expect(reportText).not.toContain(`alice.${s}@example.org`);

  // "Rows with errors only" leaves the valid row out.
  await page.getByRole('switch', { name: 'Lignes en erreur seulement' }).click();
  await expect(page.getByTestId('import-row')).toHaveCount(3);
  await page.getByRole('switch', { name: 'Lignes en erreur seulement' }).click();
  await expect(page.getByTestId('import-row')).toHaveCount(4);

  // Fix row 3's email in place.
  await page.getByRole('button', { name: 'Modifier la ligne 3' }).click();
  const dialog = page.getByRole('dialog', { name: 'Modifier la ligne 3' });
  await expect(dialog.getByRole('textbox', { name: 'E\u2011mail' })).toHaveValue('pas-une-adresse');
  await expectAccessible(page, 'wizard: row editor dialog');
  await dialog.getByRole('textbox', { name: 'E\u2011mail' }).fill(`bruno.${s}@example.org`);
  await dialog.getByRole('button', { name: 'Enregistrer la ligne' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('import-announcement')).toHaveText('Ligne 3 corrigée.');
  await expect(cell(page, 3, 'email')).toHaveText(`bruno.${s}@example.org`);
  await expect(cell(page, 3, 'email')).not.toHaveAttribute('data-invalid');

  // Fix row 4's role: the file's unknown value is shown as such, then one of the organization's roles is chosen.
  await page.getByRole('button', { name: 'Modifier la ligne 4' }).click();
  const roleDialog = page.getByRole('dialog', { name: 'Modifier la ligne 4' });
  await expect(roleDialog.getByRole('combobox', { name: 'Rôle' })).toHaveValue('«\u00A0Superviseur\u00A0» (valeur du fichier)');
  await expect(roleDialog.getByTestId('edit-row-errors')).toContainText('Rôle inconnu « Superviseur »');
  await roleDialog.getByRole('combobox', { name: 'Rôle' }).click();
  await page.getByRole('option', { name: 'Utilisateur', exact: true }).click();
  await roleDialog.getByRole('button', { name: 'Enregistrer la ligne' }).click();
  await expect(roleDialog).toBeHidden();
  await expect(cell(page, 4, 'role')).toHaveText('Utilisateur');

  // Remove row 5, the duplicate username.
  await page.getByRole('button', { name: 'Retirer la ligne 5' }).click();
  await expect(page.getByTestId('import-announcement')).toHaveText('Ligne 5 retirée.');
  await expect(page.getByTestId('import-row')).toHaveCount(3);
  await expect(page.getByTestId('import-counts')).toContainText('0\u00A0en erreur');
  await expect(page.getByTestId('import-blocking')).toBeHidden();
  await next(page);

  // Set member properties: the licence every Creator may have, and a group.
  await expect(wizardStep(page, 'Définir les propriétés des membres')).toBeVisible();
  const fieldApps = page.getByRole('checkbox', { name: /^Applications de terrain/ });
  await expect(fieldApps).toBeEnabled();
  await fieldApps.click();
  await expect(fieldApps).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('combobox', { name: 'Groupes' }).click();
  await page.getByRole('option', { name: 'Urbanisme' }).click();
  await page.keyboard.press('Escape');
  await next(page);

  // Summary, then import.
  await expect(wizardStep(page, 'Résumé')).toBeVisible();
  await expect(page.getByTestId('summary-file')).toHaveText(`3\u00A0membres seront créés à partir de ${fileName}.`);
  // The method reads as what it is: members from the file, not entered one at a time.
  await expect(page.getByText(`Membres intégrés, importés du fichier «\u00A0${fileName}\u00A0»`)).toBeVisible();
  await expect(page.getByText('Membres intégrés, saisis un par un')).toHaveCount(0);
  await expect(page.getByTestId('summary-licenses')).toHaveText('Applications de terrain');
  await expect(page.getByTestId('summary-groups')).toContainText('Urbanisme');
  await page.getByRole('button', { name: 'Importer les membres' }).click();

  await expect(page.getByTestId('wizard-result-title')).toHaveText('3\u00A0membres importés');
  await expect(page.getByText('Mots de passe temporaires')).toHaveCount(0);
  await expectAccessible(page, 'wizard: import result');

  // The members exist with the licence and the group; the removed row created no one.
  for (const [username, email] of [
    [`alice.${s}`, `alice.${s}@example.org`],
    [`bruno.${s}`, `bruno.${s}@example.org`],
    [`chloe.${s}`, `chloe.${s}@example.org`],
  ] as const) {
    const member = await findMember(page.request, username);
    expect(member, username).toBeDefined();
    expect(member?.email).toBe(email);
    expect(member?.role.key).toBe('user');
    expect(member?.userType.key).toBe('creator');
    expect(member?.licenses.map((license) => license.key)).toEqual(['field_apps']);
    expect(member?.groups.map((group) => group.name)).toContain('Urbanisme');
  }
  const denis = await page.request.get(`/api/members?q=${encodeURIComponent(`denis.${s}`)}`);
  expect(MemberListResponse.parse(await denis.json()).total).toBe(0);

  // And the members list shows them.
  await page.getByRole('link', { name: 'Voir les membres' }).click();
  await expect(page).toHaveURL(/\/members$/);
  await page.getByRole('searchbox', { name: 'Rechercher des membres' }).fill(s);
  await expect(membersTable(page)).toContainText(`alice.${s}`);
  await expect(membersTable(page)).toContainText(`chloe.${s}`);
});

test('a French Excel file in Windows-1252 is read with its accents, and the wizard says how it was read', async ({ page }) => {
  const s = uniqueSuffix();
  const csv = [
    "E-mail;Rôle;Type d'utilisateur;Prénom;Nom;Nom d'utilisateur;Mot de passe",
    `helene.${s}@example.org;Utilisateur;Créateur;Hélène;Lefèvre${s};helene.${s};Pivoine-2026a`,
  ].join('\r\n');
  // Windows-1252 as Excel's "CSV (séparateur: point-virgule)" writes it: é is the one byte 0xE9.
  const bytes = Buffer.from([...csv].map((c) => c.charCodeAt(0)));
  expect(bytes.includes(0xe9)).toBe(true);

  await signInAsAdmin(page);
  await openWizard(page);
  await page.getByRole('radio', { name: 'Nouveaux membres à partir d’un fichier' }).click();
  await chooseMode(page, 'credentials');
  await next(page);
  await expect(wizardStep(page, 'Fichier')).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles({ name: `excel-${s}.csv`, mimeType: 'text/csv', buffer: bytes });

  await expect(wizardStep(page, 'Compiler la liste des membres')).toBeVisible();
  await expect(page.getByTestId('import-file-warnings')).toContainText('il a été lu comme Windows-1252');
  await expect(page.getByTestId('import-file-errors')).toHaveCount(0);
  await expect(page.getByTestId('import-row')).toHaveCount(1);
  await expect(cell(page, 2, 'firstName')).toHaveText('Hélène');
  await expect(cell(page, 2, 'lastName')).toHaveText(`Lefèvre${s}`);
  await expect(page.getByTestId('import-counts')).toContainText('0\u00A0en erreur');
});
