import { expect, test, type Page } from '@playwright/test';
import { chooseMode, dropFile, findMember, next, openWizard, uniqueSuffix, wizardStep } from '../support/add-members.ts';
import { E2E_IMPORT_MAX_BYTES } from '../support/constants.ts';
import { signInAsAdmin } from '../support/session.ts';

const rowNumbers = (page: Page) => page.getByTestId('import-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-row'))));

test('an administrator drops a file, removes ticked rows, chooses a different file and removes every row with errors at once', async ({ page }) => {
  const s = uniqueSuffix();
  const header = 'E-mail;Rôle;Type d’utilisateur;Prénom;Nom;Nom d’utilisateur';
  const first = [
    header,
    `anna.${s}@example.org;Utilisateur;Créateur;Anna;Lemaire;anna.${s}`,
    `ben.${s}@example.org;Chef;Créateur;Ben;Roy;ben.${s}`,
    `cleo.${s}@example.org;Utilisateur;Créateur;Cléo;Faure;cl`,
  ].join('\r\n');

  await signInAsAdmin(page);
  await openWizard(page);
  await page.getByRole('radio', { name: 'Nouveaux membres à partir d’un fichier' }).click();
  await chooseMode(page, 'invite');
  await next(page);
  await expect(wizardStep(page, 'Fichier')).toBeVisible();

  // Drag and drop: the file is read, previewed and uploaded like a browsed one.
  await dropFile(page, `premier-${s}.csv`, first);
  await expect(wizardStep(page, 'Compiler la liste des membres')).toBeVisible();
  await expect(page.getByTestId('import-row')).toHaveCount(3);
  await expect(page.getByTestId('import-counts')).toContainText('2\u00A0en erreur');

  // Tick the two rows with errors and remove them together.
  await page.getByRole('checkbox', { name: 'Sélectionner la ligne 3' }).check();
  await page.getByRole('checkbox', { name: 'Sélectionner la ligne 4' }).check();
  await expect(page.getByTestId('import-selection')).toContainText('2\u00A0lignes sélectionnées');
  await page.getByRole('button', { name: 'Retirer les 2\u00A0lignes sélectionnées' }).click();
  await expect(page.getByTestId('import-announcement')).toHaveText('2\u00A0lignes retirées.');
  await expect(page.getByTestId('import-selection')).toBeHidden();
  expect(await rowNumbers(page)).toEqual([2]);
  await expect(page.getByTestId('import-counts')).toContainText('0\u00A0en erreur');

  // The page checkbox ticks every row of the page; clearing the selection unticks them.
  await page.getByRole('checkbox', { name: 'Sélectionner les lignes de cette page' }).check();
  await expect(page.getByRole('checkbox', { name: 'Sélectionner la ligne 2' })).toBeChecked();
  await page.getByRole('button', { name: 'Tout désélectionner' }).click();
  await expect(page.getByRole('checkbox', { name: 'Sélectionner la ligne 2' })).not.toBeChecked();

  // Choose a different file: the corrected export replaces the first one.
  const second = [
    header,
    `anna.${s}@example.org;Utilisateur;Créateur;Anna;Lemaire;anna.${s}`,
    `ben.${s}@example.org;Utilisateur;Créateur;Ben;Roy;ben.${s}`,
    `pas-une-adresse;Utilisateur;Créateur;Dan;Gros;dan.${s}`,
    `eve.${s}@example.org;Inconnu;Créateur;Ève;Blanc;eve.${s}`,
  ].join('\r\n');
  await page.getByRole('button', { name: 'Choisir un autre fichier' }).first().click();
  await expect(wizardStep(page, 'Fichier')).toBeVisible();
  await dropFile(page, `second-${s}.csv`, second);
  await expect(wizardStep(page, 'Compiler la liste des membres')).toBeVisible();
  await expect(page.getByText(`Fichier\u00A0: second-${s}.csv`)).toBeVisible();
  await expect(page.getByTestId('import-row')).toHaveCount(4);

  // Remove every row with errors, after confirming.
  await page.getByRole('button', { name: 'Retirer les 2\u00A0lignes en erreur' }).click();
  const confirm = page.getByRole('dialog', { name: 'Retirer les 2\u00A0lignes en erreur\u00A0?' });
  await expect(confirm).toContainText('téléchargez d’abord le rapport d’erreurs');
  await confirm.getByRole('button', { name: 'Retirer les 2\u00A0lignes' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('import-announcement')).toHaveText('2\u00A0lignes retirées.');
  expect(await rowNumbers(page)).toEqual([2, 3]);
  await expect(page.getByRole('button', { name: 'Suivant', exact: true })).toBeEnabled();

  await next(page);
  await expect(wizardStep(page, 'Définir les propriétés des membres')).toBeVisible();
  await next(page);
  await expect(wizardStep(page, 'Résumé')).toBeVisible();
  await page.getByRole('button', { name: 'Importer les membres' }).click();
  await expect(page.getByTestId('wizard-result-title')).toHaveText('2\u00A0membres importés');

  // Only the two kept rows became (invited) members.
  for (const username of [`anna.${s}`, `ben.${s}`]) expect((await findMember(page.request, username))?.status, username).toBe('pending');
  for (const username of [`dan.${s}`, `eve.${s}`]) expect(await findMember(page.request, username), username).toBeUndefined();
});

test('a file larger than the server accepts is refused at once, with the limit, and nothing is sent', async ({ page }) => {
  await signInAsAdmin(page);
  await openWizard(page);
  await page.getByRole('radio', { name: 'Nouveaux membres à partir d’un fichier' }).click();
  await chooseMode(page, 'invite');
  await next(page);
  const uploads: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/imports') uploads.push(request.url());
  });
  const row = 'someone@example.org;Utilisateur;Créateur;Prénom;Nom;identifiant\r\n';
  const big = `E-mail;Rôle;Type d’utilisateur;Prénom;Nom;Nom d’utilisateur\r\n${row.repeat(Math.ceil((E2E_IMPORT_MAX_BYTES + 1) / row.length))}`;
  await page.locator('input[type="file"]').setInputFiles({ name: 'trop-gros.csv', mimeType: 'text/csv', buffer: Buffer.from(big, 'utf8') });
  await expect(page.getByRole('alert').filter({ hasText: 'Le fichier dépasse les 5\u00A0Mio qu’un import accepte\u00A0; découpez-le en plusieurs fichiers.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Réessayer l’envoi' })).toHaveCount(0);
  await expect(wizardStep(page, 'Fichier')).toBeVisible();
  expect(uploads).toEqual([]);
});
