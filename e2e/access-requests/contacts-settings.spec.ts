import { expect, test } from '@playwright/test';
import { uniqueSuffix } from '../support/add-members.ts';
import { chooseLevel } from '../support/access-requests.ts';
import { createActiveMember, newFrenchContext, signInThroughForm } from '../support/manage-members.ts';
import { signInAsAdmin } from '../support/session.ts';
import { expectAccessible } from '../support/axe.ts';

test('the primary contact names a secondary contact, sets levels and approved domains; nothing applies before Save; all of it is kept', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  await signInAsAdmin(page);
  const hugo = await createActiveMember(page.request, baseURL!, { firstName: 'Hugo', lastName: `Reglage${suffix}`, username: `hugo.reglage${suffix}` }, 'Phare-de-nuit-2026');
  const hugoLabel = `${hugo.fullName} (${hugo.username})`;
  const domain = `d${suffix}.exemple.fr`.toLowerCase();

  await page.goto('/members');
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Contacts et privilèges' }).click();
  await expect(page).toHaveURL(/\/organization\/contacts$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts et privilèges' })).toBeVisible();
  const contacts = page.getByRole('region', { name: 'Contacts de l’organisation' });
  await expect(contacts.getByTestId('primary-contact')).toContainText('admin');
  await expectAccessible(page, 'contacts and privileges');

  // Contacts: an addition is only a draft until saved; Discard drops it.
  const addContact = contacts.getByRole('combobox', { name: 'Ajouter un contact secondaire' });
  await addContact.fill(hugo.lastName);
  await page.getByRole('option', { name: hugoLabel }).click();
  await expect(contacts.getByTestId('unsaved-changes')).toHaveText('Modifications non enregistrées');
  await expect(contacts.getByTestId('secondary-contact').filter({ hasText: hugo.username })).toContainText('À enregistrer');
  await contacts.getByRole('button', { name: 'Annuler les modifications' }).click();
  await expect(contacts.getByTestId('secondary-contact').filter({ hasText: hugo.username })).toHaveCount(0);
  await addContact.fill(hugo.lastName);
  await page.getByRole('option', { name: hugoLabel }).click();
  await contacts.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(contacts.getByTestId('unsaved-changes')).toHaveCount(0);

  // Levels: View on reporting, Update on manage access, View on contact updates.
  const levels = page.getByRole('region', { name: 'Niveaux de privilège par membre' });
  await levels.getByRole('combobox', { name: 'Membre' }).fill(hugo.lastName);
  await page.getByRole('option', { name: hugoLabel }).click();
  // View-only areas offer None and View only.
  await expect(levels.getByRole('radiogroup', { name: 'Documents liés au compte' }).getByRole('radio')).toHaveCount(2);
  await expect(levels.getByRole('radiogroup', { name: 'Aperçu de la mise à jour des contacts' }).getByRole('radio')).toHaveCount(2);
  await chooseLevel(levels, 'Rapports', 'Consulter');
  await chooseLevel(levels, 'Gérer l’accès', 'Mettre à jour');
  await chooseLevel(levels, 'Mises à jour des contacts', 'Consulter');
  await expect(levels.getByTestId('unsaved-changes')).toBeVisible();
  await expectAccessible(page, 'contacts and privileges: a member’s levels, unsaved');
  // Another member can't be chosen with unsaved changes.
  await expect(levels.getByRole('combobox', { name: 'Membre' })).toBeDisabled();
  await levels.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(levels.getByTestId('unsaved-changes')).toHaveCount(0);

  // Approved domains: an invalid one is refused on the spot; a valid one is saved.
  const domains = page.getByRole('region', { name: 'Domaines de messagerie approuvés' });
  const addDomain = domains.getByRole('textbox', { name: 'Ajouter un domaine' });
  await addDomain.fill('pas un domaine');
  await domains.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(domains.getByText('Saisissez un nom de domaine tel que exemple.fr.')).toBeVisible();
  await addDomain.fill(domain.toUpperCase());
  await addDomain.press('Enter');
  await expect(domains.getByRole('listitem').filter({ hasText: domain })).toBeVisible();
  await domains.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(domains.getByTestId('unsaved-changes')).toHaveCount(0);

  // Reload: everything was saved.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts et privilèges' })).toBeVisible();
  await expect(contacts.getByTestId('secondary-contact').filter({ hasText: hugo.username })).toBeVisible();
  await expect(contacts.getByTestId('secondary-contact').filter({ hasText: hugo.username })).not.toContainText('À enregistrer');
  await expect(domains.getByRole('listitem').filter({ hasText: domain })).toBeVisible();
  await levels.getByRole('combobox', { name: 'Membre' }).fill(hugo.lastName);
  await page.getByRole('option', { name: hugoLabel }).click();
  await expect(levels.getByText('Contact secondaire', { exact: true })).toBeVisible();
  const checked = async (area: string, level: string) => expect(levels.getByRole('radiogroup', { name: area, exact: true }).getByRole('radio', { name: level, exact: true })).toBeChecked();
  await checked('Rapports', 'Consulter');
  await checked('Gérer l’accès', 'Mettre à jour');
  await checked('Mises à jour des contacts', 'Consulter');
  await checked('Membres', 'Aucun');

  // The secondary contact with View on contact updates sees the screen, read only.
  const hugoContext = await newFrenchContext(browser, baseURL);
  const hugoPage = await hugoContext.newPage();
  await signInThroughForm(hugoPage, hugo.username, hugo.password);
  await expect(hugoPage).not.toHaveURL(/\/sign-in/);
  await hugoPage.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Contacts et privilèges' }).click();
  await expect(hugoPage.getByRole('heading', { level: 1, name: 'Contacts et privilèges' })).toBeVisible();
  await expect(hugoPage.getByText('Consultation seule', { exact: false })).toBeVisible();
  await expect(hugoPage.getByText('Seul le contact principal peut nommer ou retirer des contacts secondaires.')).toBeVisible();
  await expect(hugoPage.getByRole('button', { name: 'Enregistrer' })).toHaveCount(0);
  await hugoContext.close();
});

test('a member who is not a contact can’t open the contacts screen, even with a level on contact updates', async ({ page, browser, baseURL }) => {
  const suffix = uniqueSuffix();
  await signInAsAdmin(page);
  const iris = await createActiveMember(page.request, baseURL!, { firstName: 'Iris', lastName: `Dehors${suffix}`, username: `iris.dehors${suffix}` }, 'Colline-verte-2026');
  const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
  const levels = await page.request.fetch(`/api/members/${iris.id}/privileges`, { method: 'PUT', headers: { 'X-CSRF-Token': token }, data: { levels: { contact_updates: 'update' } } });
  expect(levels.status(), await levels.text()).toBe(200);

  const context = await newFrenchContext(browser, baseURL);
  const irisPage = await context.newPage();
  await signInThroughForm(irisPage, iris.username, iris.password);
  await expect(irisPage).not.toHaveURL(/\/sign-in/);
  await expect(irisPage.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Contacts et privilèges' })).toHaveCount(0);
  await irisPage.goto('/organization/contacts');
  await expect(irisPage.getByRole('heading', { name: 'Accès refusé' })).toBeVisible();
  await expect(irisPage.getByText('Seuls les contacts principal et secondaires de l’organisation ont accès aux paramètres des contacts.')).toBeVisible();
  // The API refuses too.
  expect((await irisPage.request.get('/api/organization/contacts')).status()).toBe(403);
  await context.close();
});
