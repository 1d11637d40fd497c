import { expect, test, type APIRequestContext } from '@playwright/test';
import { uniqueSuffix } from '../support/add-members.ts';
import { expectNoHorizontalScroll } from '../support/layout.ts';
import { createActiveMember, memberDetail } from '../support/manage-members.ts';
import { createEnterpriseMembers } from '../support/member-page.ts';
import { signInAsAdmin } from '../support/session.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** Internal values the Activity page must never show: codes, action names, JSON. */
const internal = /\bbuiltin\b|org-login|\bfailed\b|empty_file|invalid_credentials|\b(?:member|import|auth|organization)\.[a-z_]+\b|\btrue\b|\bfalse\b|\bnull\b|"\w+"\s*:/;

async function csrf(request: APIRequestContext) {
  return ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
}

test('the Activity page shows labels and names, never internal values or ids, and no event for a save that changes nothing', async ({ page, baseURL }) => {
  const suffix = uniqueSuffix();
  await signInAsAdmin(page);
  const member = await createActiveMember(page.request, baseURL!, { firstName: 'Élodie', lastName: `Libellé${suffix}`, username: `elodie.${suffix}` }, 'Libelles-2026-ok');
  // An organization-login import (format and identity type are codes) and a file with nothing in it (a failed import).
  await createEnterpriseMembers(page.request, [{ firstName: 'Oscar', lastName: `Sso${suffix}`, username: `oscar.${suffix}`, identityType: 'SAML' }]);
  const empty = await page.request.post(`/api/imports?format=builtin&mode=invite&fileName=vide-${suffix}.csv`, { headers: { 'Content-Type': 'text/csv', 'X-CSRF-Token': await csrf(page.request) }, data: '' });
  expect(empty.status(), await empty.text()).toBe(201);
  // A failed sign-in (its reason is a code).
  const failed = await page.request.post('/api/auth/sign-in', { data: { username: member.username, password: 'not-the-password' } });
  expect(failed.status()).toBe(401);
  await signInAsAdmin(page);

  // A save that changes something, through the member page.
  await page.goto(`/members/${member.id}`);
  const form = page.getByRole('form', { name: 'Profil et accès du membre' });
  await form.getByRole('textbox', { name: 'Description' }).fill('Référente qualité');
  await page.getByRole('combobox', { name: 'Rôle', exact: true }).click();
  await page.getByRole('option', { name: 'Éditeur de données', exact: true }).click();
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Modifications enregistrées')).toBeVisible();

  // Saves that change nothing: the member's own values sent back, an empty description as nothing.
  const detail = await memberDetail(page.request, member.id);
  const same = { firstName: detail.firstName, lastName: detail.lastName, description: detail.description, role: detail.role.key, userType: detail.userType.id };
  for (const body of [same, { ...same, country: detail.country ?? '' }]) {
    const response = await page.request.patch(`/api/members/${member.id}`, { headers: { 'X-CSRF-Token': await csrf(page.request) }, data: body });
    expect(response.status(), await response.text()).toBe(200);
  }

  // The whole log: labels, names, no ids, no codes.
  await page.goto('/activity');
  const log = page.getByRole('table', { name: 'Journal d’activité' });
  await expect(log.locator('tbody tr').first()).toBeVisible();
  await expect(log.locator('tbody tr[aria-hidden]')).toHaveCount(0);
  const text = (await log.locator('tbody').innerText()).replace(/\s+/g, ' ');
  expect(text).not.toMatch(UUID);
  expect(text).not.toMatch(internal);
  expect(text).not.toContain('— → —');
  await expectNoHorizontalScroll(page);

  const emptyImport = log.locator('tbody tr', { hasText: `vide-${suffix}.csv` });
  await expect(emptyImport).toHaveCount(1);
  await expect(emptyImport).toContainText('Import de fichier déposé');
  await expect(emptyImport).toContainText('Format du fichier\u00A0: Comptes Sésame');
  await expect(emptyImport).toContainText('Mode d’ajout\u00A0: Invitation par e\u2011mail');
  await expect(emptyImport).toContainText('Statut\u00A0: En échec');
  const committed = log.locator('tbody tr', { hasText: 'Import de fichier validé' }).first();
  await expect(committed).toContainText('Format du fichier\u00A0: Comptes d’organisation');
  const signInFailed = log.locator('tbody tr', { hasText: 'Échec de connexion' }).filter({ hasText: member.username });
  await expect(signInFailed.first()).toContainText('Motif\u00A0: Identifiants incorrects');

  // This member's events: one update, its fields in the stable order, by name.
  await page.goto(`/activity?member=${member.id}`);
  const updates = log.locator('tbody tr', { hasText: 'Membre modifié' });
  await expect(updates).toHaveCount(1);
  await expect(updates.getByTestId('activity-changes').locator('li')).toHaveText(['Description\u00A0: — → Référente qualité', 'Rôle\u00A0: Utilisateur → Éditeur de données']);
  await expect(log.locator('tbody tr', { hasText: 'Membre ajouté' })).toContainText('Mode d’ajout\u00A0: Mot de passe temporaire');

  // The same log in English, on the page and in its CSV export.
  await page.getByRole('button', { name: /Changer de langue/ }).click();
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
  const englishLog = page.getByRole('table', { name: 'Activity log' });
  await expect(englishLog.locator('tbody tr', { hasText: 'Member updated' }).getByTestId('activity-changes').locator('li')).toHaveText([
    'Description: — → Référente qualité',
    'Role: User → Data Editor',
  ]);
  const csv = await page.request.get(`/api/activity/export.csv?member=${member.id}&lang=en`);
  expect(csv.status()).toBe(200);
  const rows = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(rows[0]).toBe('Date (UTC),Action,Actor,Target,Before,After,IP address,Action code');
  const updated = rows.find((r) => r.includes('Member updated'))!;
  expect(updated).toContain('Role: User');
  expect(updated).toContain('Role: Data Editor');
  expect(updated.split(',').slice(1, 6).join(',')).not.toMatch(UUID);
});
