import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { uniqueSuffix } from '../support/add-members.ts';
import { expectNoHorizontalScroll } from '../support/layout.ts';
import { createActiveMember, signInThroughForm } from '../support/manage-members.ts';
import { expectListSettled, memberRows, membersTable } from '../support/members-page.ts';
import { signInAsAdmin } from '../support/session.ts';

async function setProfileVisibility(request: APIRequestContext, id: string, profileVisibility: 'private' | 'organization' | 'everyone') {
  const { token } = (await (await request.get('/api/auth/csrf')).json()) as { token: string };
  const response = await request.patch(`/api/members/${id}`, { headers: { 'X-CSRF-Token': token }, data: { profileVisibility } });
  expect(response.status(), await response.text()).toBe(200);
}

/** Every API answer of 400 or more the page gets: the interface should call only what the member may use. */
function refusedCalls(page: Page): string[] {
  const refused: string[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/api/') && response.status() >= 400) refused.push(`${response.status()} ${response.request().method()} ${url.pathname}${url.search}`);
  });
  return refused;
}

const filters = ['Rôle', 'Type d’utilisateur', 'Statut'];
const headers = (page: Page) => membersTable(page).locator('thead th');

test('a member without View on members sees a directory of names and pictures: no emails, no administrative tools, no caught mail; an administrator still sees everything', async ({
  page,
  browser,
  baseURL,
}) => {
  const suffix = uniqueSuffix();
  await signInAsAdmin(page);
  const viewer = await createActiveMember(page.request, baseURL!, { firstName: 'Victor', lastName: `Lecteur${suffix}`, username: `victor.${suffix}`, role: 'viewer', userType: 'viewer' }, 'Lecture-2026-ok');
  const visible = await createActiveMember(page.request, baseURL!, { firstName: 'Vera', lastName: `Visible${suffix}`, username: `vera.${suffix}` }, 'Visible-2026-ok');
  const hidden = await createActiveMember(page.request, baseURL!, { firstName: 'Paula', lastName: `Privee${suffix}`, username: `paula.${suffix}` }, 'Privee-2026-ok');
  await setProfileVisibility(page.request, hidden.id, 'private');

  const context = await browser.newContext({ baseURL, locale: 'fr-FR', viewport: { width: 1440, height: 900 } });
  const own = await context.newPage();
  await signInThroughForm(own, viewer.username, viewer.password);
  await expect(own).toHaveURL(/\/welcome$/);
  // From here on (before signing in, the session check's 401 is expected).
  const refused = refusedCalls(own);
  const nav = own.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link', { name: 'Membres', exact: true })).toBeVisible();
  // The caught mail is the administrators' only.
  await expect(nav.locator(`a[href="/dev/mail"]`)).toHaveCount(0);

  // The directory: the name (with the picture) and the username, searched and sorted by name only.
  await nav.getByRole('link', { name: 'Membres', exact: true }).click();
  await expect(own).toHaveURL(/\/members$/);
  await expectListSettled(own);
  await expect(headers(own)).toHaveText(['Nom', 'Nom d’utilisateur']);
  await expect(memberRows(own).first()).toBeVisible();
  await expect(membersTable(own)).not.toContainText('@');
  const main = own.getByRole('main');
  const search = main.getByRole('searchbox', { name: 'Rechercher des membres' });
  await expect(search).toHaveAttribute('placeholder', 'Nom ou nom d’utilisateur');
  for (const filter of filters) await expect(main.getByRole('combobox', { name: filter, exact: true })).toHaveCount(0);
  await expect(main.getByRole('button', { name: 'Colonnes' })).toHaveCount(0);
  await expect(main.getByRole('link', { name: 'Exporter (CSV)' })).toHaveCount(0);
  await expect(own.getByRole('link', { name: 'Ajouter des membres' })).toHaveCount(0);
  await expect(membersTable(own).getByRole('checkbox')).toHaveCount(0);
  await expect(own.getByRole('alert')).toHaveCount(0);
  await expectNoHorizontalScroll(own);

  // Members whose profile is private are not there; the others have no email.
  await search.fill(suffix);
  await expect(own).toHaveURL(new RegExp(`q=${suffix}`));
  await expectListSettled(own);
  await expect(memberRows(own)).toHaveCount(2);
  await expect(membersTable(own).getByRole('link', { name: visible.fullName, exact: true })).toBeVisible();
  await expect(membersTable(own).getByRole('link', { name: viewer.fullName, exact: true })).toBeVisible();
  await expect(membersTable(own)).not.toContainText(hidden.lastName);
  await expect(membersTable(own)).not.toContainText('@');

  // Another member's page: name and picture, read-only.
  await membersTable(own).getByRole('link', { name: visible.fullName, exact: true }).click();
  await expect(own.getByRole('heading', { level: 1, name: visible.fullName })).toBeVisible();
  await expect(own.getByTestId('member-username')).toHaveText(visible.username);
  await expect(own.getByText('Vous voyez le nom et la photo de ce membre, comme son profil le permet.')).toBeVisible();
  await expect(main).not.toContainText('@');
  await expect(main.getByRole('button', { name: 'Actions', exact: true })).toHaveCount(0);
  await expect(main.getByRole('form')).toHaveCount(0);
  await expect(main.getByRole('button', { name: 'Changer la photo' })).toHaveCount(0);
  await expectNoHorizontalScroll(own);

  // One's own row leads to one's full page: one's profile to edit, one's access to read.
  await own.goBack();
  await membersTable(own).getByRole('link', { name: viewer.fullName, exact: true }).click();
  await expect(own.getByRole('heading', { level: 1, name: viewer.fullName })).toBeVisible();
  await expect(own.getByTestId('member-username')).toHaveText(`${viewer.username} · ${viewer.username}@example.org`);
  await expect(main.getByRole('button', { name: 'Actions', exact: true })).toHaveCount(0);
  await expect(own.getByTestId('member-access-summary')).toContainText('Lecteur');
  await own.getByRole('textbox', { name: 'Description' }).fill(`Cartographe ${suffix}`);
  await own.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(own.getByText('Modifications enregistrées')).toBeVisible();
  await expectNoHorizontalScroll(own);

  // An administrator's link with filters and an email sort: the directory keeps the search only.
  await own.goto(`/members?q=${suffix}&role=administrator&status=active&sort=email`);
  await expectListSettled(own);
  await expect(memberRows(own)).toHaveCount(2);
  await expect(own.getByRole('alert')).toHaveCount(0);
  expect(refused, 'API calls refused to the member').toEqual([]);

  // A private profile's page is not found.
  await own.goto(`/members/${hidden.id}`);
  await expect(own.getByRole('alert')).toHaveText('Ce membre est introuvable');
  await expect(own.getByText(hidden.lastName)).toHaveCount(0);

  // In English too.
  await own.goto('/members');
  await own.getByRole('button', { name: /Changer de langue/ }).click();
  await own.getByRole('menuitemradio', { name: 'English' }).click();
  await expect(headers(own)).toHaveText(['Name', 'Username']);
  await expect(main.getByRole('searchbox', { name: 'Search members' })).toHaveAttribute('placeholder', 'Name or username');
  await expect(own.getByText('The members of your organization whose profile is visible, with their name and picture.')).toBeVisible();
  await context.close();

  // The administrator still sees everything, private profiles included, and the caught mail.
  await page.goto(`/members?q=${suffix}`);
  await expectListSettled(page);
  await expect(memberRows(page)).toHaveCount(3);
  await expect(headers(page)).toContainText(['Adresse e\u2011mail', 'Rôle', 'Statut']);
  await expect(membersTable(page)).toContainText(`${hidden.username}@example.org`);
  for (const filter of filters) await expect(page.getByRole('main').getByRole('combobox', { name: filter, exact: true })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Exporter (CSV)' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('button', { name: 'Colonnes' })).toBeVisible();
  await expect(membersTable(page).getByRole('checkbox').first()).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Ajouter des membres' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' }).locator(`a[href="/dev/mail"]`)).toHaveCount(1);
});
