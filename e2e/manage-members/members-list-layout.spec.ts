import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { MembersBatchResponse } from '../../packages/contracts/src/index.ts';
import { apiWrite, uniqueSuffix } from '../support/add-members.ts';
import { membersTable, memberRows, expectListSettled } from '../support/members-page.ts';
import { expectInViewport, expectNoHorizontalScroll, laptops } from '../support/layout.ts';
import { signInAsAdmin } from '../support/session.ts';

/** Starts the test with the default columns (once: a reload keeps what was chosen). */
async function forgetChosenColumns(page: Page) {
  await page.addInitScript(() => {
    if (window.sessionStorage.getItem('e2e-columns-reset')) return;
    window.localStorage.removeItem('sesame.members.columns');
    window.sessionStorage.setItem('e2e-columns-reset', '1');
  });
}

/** Long French names and addresses, the ones that pushed the list off the screen. */
function longPeople(s: string) {
  return [
    {
      firstName: 'Marie-Françoise',
      lastName: `de La Rochefoucauld-Liancourt ${s}`,
      username: `marie-francoise.delarochefoucauld-liancourt.${s}`,
      email: `marie-francoise.delarochefoucauld-liancourt.${s}@universite-exemple.fr`,
    },
    {
      firstName: 'Jean-Baptiste',
      lastName: `Montmorency-Laval d’Argenson ${s}`,
      username: `jean-baptiste.montmorency-laval.${s}`,
      email: `jean-baptiste.montmorency-laval-dargenson.${s}@universite-exemple.fr`,
    },
  ];
}

async function addMembers(page: Page, mode: 'invite' | 'credentials', people: ReturnType<typeof longPeople>) {
  const response = await apiWrite(page.request, 'POST', '/api/members/batch', {
    mode,
    members: people.map((p) => ({ ...p, role: 'user', userType: 'creator', ...(mode === 'credentials' ? { password: `Long-${p.username.slice(-6)}-42x` } : {}) })),
    properties: {},
  });
  expect(response.status(), await response.text()).toBe(201);
  return MembersBatchResponse.parse(await response.json()).created;
}

test('at a laptop’s size the members list fits the screen: long values are cut with their tooltip, the row menu is on screen, the chosen columns are remembered', async ({ page }) => {
  const s = uniqueSuffix();
  const people = longPeople(s);
  await signInAsAdmin(page);
  await forgetChosenColumns(page);
  await addMembers(page, 'invite', people);

  for (const size of laptops) {
    await page.setViewportSize(size);
    await page.goto('/members');
    await expectListSettled(page);
    await expectNoHorizontalScroll(page);

    await page.goto(`/members?q=${s}`);
    await expect(memberRows(page)).toHaveCount(2);
    await expectListSettled(page);
    await expectNoHorizontalScroll(page);
    const menu = page.getByRole('button', { name: `Actions pour ${people[0]!.firstName} ${people[0]!.lastName}` });
    await expectInViewport(page, menu);

    // The address is on one line, cut with an ellipsis; its whole value is the tooltip.
    const email = membersTable(page).getByTitle(people[0]!.email, { exact: true });
    await expect(email).toBeVisible();
    expect(await email.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');
    expect(await email.evaluate((el) => getComputedStyle(el).textOverflow)).toBe('ellipsis');
    // Headers stay on one line.
    const header = page.getByRole('columnheader', { name: 'Dernière connexion' });
    const headerLines = await header.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight || '20')));
    expect(headerLines).toBeLessThanOrEqual(2);
    expect(await header.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');
  }

  // Less useful columns start hidden; the chooser shows them, and the choice outlives a reload.
  await expect(page.getByRole('columnheader', { name: 'Création' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Colonnes' }).click();
  await page.getByRole('checkbox', { name: 'Création' }).check();
  await page.getByRole('checkbox', { name: 'Type d’utilisateur' }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('columnheader', { name: 'Création' })).toBeVisible();
  await page.setViewportSize(laptops[0]!);
  await page.reload();
  await expect(memberRows(page)).toHaveCount(2);
  await expect(page.getByRole('columnheader', { name: 'Création' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Type d’utilisateur' })).toBeVisible();
  // Every column shown at 1280 px still fits.
  await expectNoHorizontalScroll(page);
  await expectInViewport(page, page.getByRole('button', { name: `Actions pour ${people[1]!.firstName} ${people[1]!.lastName}` }));
});

test('on a phone the members list shows each member on two lines, without horizontal scroll, paging buttons on screen', async ({ page }) => {
  const s = uniqueSuffix();
  await signInAsAdmin(page);
  await addMembers(page, 'invite', longPeople(s));
  await page.setViewportSize({ width: 390, height: 844 });

  await page.goto('/members');
  await expectListSettled(page);
  await expectNoHorizontalScroll(page);
  const nextPage = page.getByRole('button', { name: 'Page suivante' });
  await nextPage.scrollIntoViewIfNeeded();
  await expect(nextPage).toBeVisible();
  await expectInViewport(page, nextPage);
  await expectInViewport(page, page.getByRole('button', { name: 'Page précédente' }));

  await page.goto(`/members?q=${s}`);
  await expect(memberRows(page)).toHaveCount(2);
  await expectListSettled(page);
  await expectNoHorizontalScroll(page);
  const row = memberRows(page).filter({ hasText: 'Marie-Françoise' });
  await expect(row).toHaveCount(1);
  // Two lines: the name, then the username and the address (cut with an ellipsis, whole in the tooltip).
  await expect(row).toContainText(`marie-francoise.delarochefoucauld-liancourt.${s}`);
  await expectInViewport(page, page.getByRole('button', { name: /^Actions pour Marie-Françoise/ }));
});

test('the members list downloads as CSV with the search, the filters and the shown columns, in the interface language', async ({ page }) => {
  const s = uniqueSuffix();
  const [pendingOne, pendingTwo] = longPeople(s);
  const active = { firstName: 'Paul', lastName: `Actif ${s}`, username: `paul.actif.${s}`, email: `paul.actif.${s}@example.org` };
  await signInAsAdmin(page);
  await forgetChosenColumns(page);
  await addMembers(page, 'invite', [pendingOne!, pendingTwo!]);
  await addMembers(page, 'credentials', [active]);

  // A search and a filter.
  await page.goto(`/members?q=${s}`);
  await expect(memberRows(page)).toHaveCount(3);
  await page.getByRole('combobox', { name: 'Statut', exact: true }).click();
  await page.getByRole('option', { name: 'En attente' }).click();
  await expect(memberRows(page)).toHaveCount(2);
  await expectListSettled(page);

  const download = async () => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Exporter \(CSV\)|Export \(CSV\)/ }).click()]);
    expect(file.suggestedFilename()).toMatch(/^members-\d{4}-\d{2}-\d{2}\.csv$/);
    return readFileSync(await file.path(), 'utf8');
  };

  let text = await download();
  expect(text.startsWith('\uFEFF')).toBe(true);
  let lines = text.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe('Nom;Prénom;Nom d’utilisateur;E-mail;Rôle;Statut;Dernière connexion (UTC)');
  expect(lines).toHaveLength(3);
  expect(text).toContain(pendingOne!.username);
  expect(text).toContain(pendingTwo!.username);
  expect(text).not.toContain(active.username);
  expect(lines[1]).toContain('En attente d’activation');

  // The columns shown are the columns exported.
  await page.getByRole('button', { name: 'Colonnes' }).click();
  await page.getByRole('checkbox', { name: 'Adresse e\u2011mail' }).uncheck();
  await page.getByRole('checkbox', { name: 'Création' }).check();
  await page.keyboard.press('Escape');
  text = await download();
  lines = text.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe('Nom;Prénom;Nom d’utilisateur;Rôle;Statut;Dernière connexion (UTC);Création (UTC)');
  expect(text).not.toContain('@universite-exemple.fr');

  // In English, English headers (and the comma English spreadsheets expect).
  await page.getByRole('button', { name: /^Langue/ }).click();
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  await expect(page.getByRole('link', { name: 'Export (CSV)' })).toBeVisible();
  text = await download();
  lines = text.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe('Last Name,First Name,Username,Role,Status,Last Sign-in (UTC),Created (UTC)');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain('Pending activation');
});
