import { expect, test, type Page } from '@playwright/test';
import { uniqueSuffix } from '../support/add-members.ts';
import { memberDetail } from '../support/manage-members.ts';
import { createBuiltinMember, openMemberPage } from '../support/member-page.ts';
import { signInAsAdmin } from '../support/session.ts';
import { expectAccessible } from '../support/axe.ts';

async function chooseInSelect(page: Page, label: string, option: string) {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(box).toHaveValue(option);
}

function licenceBox(page: Page, name: string) {
  return page.getByRole('group', { name: 'Licences additionnelles' }).getByRole('checkbox', { name: new RegExp(`^${name} — `) });
}

test('changing the user type warns which licences the member would lose, and Save applies it', async ({ page }) => {
  const suffix = uniqueSuffix();
  await signInAsAdmin(page);
  // A Creator with three licences; a Contributor can hold only "Rapports étendus" (and not the role User).
  const member = await createBuiltinMember(page.request, { firstName: 'Lucie', lastName: `Licences${suffix}`, username: `lucie.${suffix}`, userType: 'creator', role: 'user' }, [
    'Applications de terrain',
    'Analyse avancée',
    'Rapports étendus',
  ]);
  await openMemberPage(page, member);
  const form = page.getByRole('form', { name: 'Profil et accès du membre' });
  const lost = page.getByTestId('licenses-lost');
  for (const name of ['Applications de terrain', 'Analyse avancée', 'Rapports étendus']) await expect(licenceBox(page, name)).toBeChecked();
  await expect(lost).toHaveCount(0);
  await expectAccessible(page, 'member page');

  // One licence lost: the singular wording names it.
  await chooseInSelect(page, 'Type d’utilisateur', 'Travailleur mobile');
  await expect(lost).toContainText('Licences perdues avec ce type d’utilisateur');
  await expect(lost).toContainText('Le membre perdra la licence Analyse avancée, incompatible avec ce type d’utilisateur.');
  await expect(licenceBox(page, 'Analyse avancée')).toHaveCount(0);
  await expect(page.getByTestId('role-dropped')).toHaveCount(0);

  // Two lost, and the role User is not allowed either.
  await chooseInSelect(page, 'Type d’utilisateur', 'Contributeur');
  await expect(lost).toContainText('Le membre perdra 2 licences incompatibles avec ce type d’utilisateur');
  await expect(lost).toContainText('Applications de terrain');
  await expect(lost).toContainText('Analyse avancée');
  await expect(lost).not.toContainText('Rapports étendus');
  await expect(page.getByTestId('role-dropped')).toContainText('Le rôle Utilisateur n’est pas compatible avec ce type d’utilisateur');
  await expectAccessible(page, 'member page: unsaved changes with warnings');
  await expect(licenceBox(page, 'Rapports étendus')).toBeChecked();
  await expect(licenceBox(page, 'Applications de terrain')).toHaveCount(0);

  // Going back to the member's own user type gives everything back.
  await chooseInSelect(page, 'Type d’utilisateur', 'Créateur');
  await expect(lost).toHaveCount(0);
  await expect(page.getByTestId('role-dropped')).toHaveCount(0);
  for (const name of ['Applications de terrain', 'Analyse avancée', 'Rapports étendus']) await expect(licenceBox(page, name)).toBeChecked();

  // Contributor again, with a compatible role, and save.
  await chooseInSelect(page, 'Type d’utilisateur', 'Contributeur');
  await expect(lost).toContainText('Le membre perdra 2 licences');
  await chooseInSelect(page, 'Rôle', 'Éditeur de données');
  await form.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByText('Modifications enregistrées')).toBeVisible();
  await expect(lost).toHaveCount(0);
  await expect(page.getByText('Modifications non enregistrées')).toHaveCount(0);

  const saved = await memberDetail(page.request, member.id);
  expect(saved.userType.key).toBe('contributor');
  expect(saved.role.key).toBe('data_editor');
  expect(saved.licenses.map((l) => l.name)).toEqual(['Rapports étendus']);

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Type d’utilisateur', exact: true })).toHaveValue('Contributeur');
  await expect(page.getByRole('combobox', { name: 'Rôle', exact: true })).toHaveValue('Éditeur de données');
  await expect(licenceBox(page, 'Rapports étendus')).toBeChecked();
  await expect(lost).toHaveCount(0);
});

test('the picture upload refuses a file of the wrong type or too large, in French, and takes a real image', async ({ page }) => {
  const suffix = uniqueSuffix();
  await signInAsAdmin(page);
  const member = await createBuiltinMember(page.request, { firstName: 'Paulin', lastName: `Photo${suffix}`, username: `paulin.${suffix}` });
  await openMemberPage(page, member);

  const uploads: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT' && request.url().includes('/thumbnail')) uploads.push(request.url());
  });
  const choose = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Changer la photo' }).click();
    await (await chooser).setFiles(file);
  };
  const message = page.getByTestId('picture-message');
  const refusal = page.getByRole('alert').and(message);

  await choose({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('pas une image') });
  await expect(refusal).toHaveText('La photo doit être une image PNG, JPEG, WebP ou GIF.');

  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGMwSDgARwzEcQAZUhUBrbzGmgAAAABJRU5ErkJggg==', 'base64');
  const tooBig = Buffer.concat([png, Buffer.alloc(1024 * 1024 + 1 - png.length)]);
  await choose({ name: 'grande.png', mimeType: 'image/png', buffer: tooBig });
  await expect(refusal).toHaveText('La photo ne doit pas dépasser 1 Mio.');
  await expectAccessible(page, 'member page: picture refused');
  // Both were refused before anything was sent.
  expect(uploads).toEqual([]);

  // Named and typed like a PNG but not one: the server recognises the bytes and refuses it, in French too.
  await choose({ name: 'deguisee.png', mimeType: 'image/png', buffer: Buffer.from('ceci n’est pas une image') });
  await expect(refusal).toHaveText('La photo doit être une image PNG, JPEG, WebP ou GIF.');
  expect(uploads).toHaveLength(1);
  expect((await memberDetail(page.request, member.id)).hasThumbnail).toBe(false);

  // A real PNG goes through, and the refusal goes away.
  await choose({ name: 'portrait.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByText('Photo mise à jour')).toBeVisible();
  await expect(refusal).toHaveCount(0);
  await expect(message).toHaveText('PNG, JPEG, WebP ou GIF, 1 Mio au plus.');
  await expect(page.getByRole('img', { name: `Photo de ${member.fullName}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retirer' })).toBeVisible();
  expect((await memberDetail(page.request, member.id)).hasThumbnail).toBe(true);

  await page.getByRole('button', { name: 'Retirer' }).click();
  await expect(page.getByText('Photo retirée')).toBeVisible();
  await expect(page.getByRole('img', { name: `Photo de ${member.fullName}` })).toHaveCount(0);
  expect((await memberDetail(page.request, member.id)).hasThumbnail).toBe(false);
});
