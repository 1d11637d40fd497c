import { expect, test, type Page } from '@playwright/test';
import { chooseMode, dropFile, next, openWizard, uniqueSuffix, wizardStep } from '../support/add-members.ts';
import { expectNoHorizontalScroll, expectReachable, laptops } from '../support/layout.ts';
import { signInAsAdmin } from '../support/session.ts';

const usernameBox = (page: Page) => page.getByRole('textbox', { name: 'Nom d’utilisateur' });

async function typeIdentity(page: Page, who: { firstName: string; lastName: string; email: string }) {
  await page.getByRole('textbox', { name: 'Prénom' }).fill(who.firstName);
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill(who.lastName);
  await page.getByRole('textbox', { name: 'Adresse e\u2011mail' }).fill(who.email);
}

const suggestionUrl = '**/api/members/username-suggestion?**';

/**
 * The username proposal answers late (as on a slow network or a busy server): each proposal is
 * held until the test releases it, so the test decides when it lands instead of sleeping.
 */
async function heldSuggestions(page: Page) {
  let gate = Promise.resolve();
  let open = () => {};
  await page.route(suggestionUrl, async (route) => {
    await gate;
    await route.continue();
  });
  return {
    hold: () => {
      gate = new Promise<void>((resolve) => (open = resolve));
    },
    release: () => open(),
  };
}

/** Lets the page handle what it has received: two animation frames have been drawn. */
async function settled(page: Page) {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

async function openManualCredentials(page: Page) {
  await openWizard(page);
  await chooseMode(page, 'credentials');
  await next(page);
  await expect(wizardStep(page, 'Nouveau membre')).toBeVisible();
}

test('the compile step fits a laptop’s screen with long French names: every column and the edit button on screen', async ({ page }) => {
  const s = uniqueSuffix();
  await signInAsAdmin(page);
  await openManualCredentials(page);
  const people = [
    { firstName: 'Marie-Françoise', lastName: `de La Rochefoucauld-Liancourt ${s}`, email: `marie-francoise.delarochefoucauld-liancourt.${s}@universite-exemple.fr` },
    { firstName: 'Jean-Baptiste', lastName: `Montmorency-Laval d’Argenson ${s}`, email: `jean-baptiste.montmorency-laval-dargenson.${s}@universite-exemple.fr` },
  ];
  for (const [index, who] of people.entries()) {
    await typeIdentity(page, who);
    await expect(usernameBox(page)).not.toHaveValue('');
    if (index === 0) {
      await page.getByRole('button', { name: 'Suivant, ajouter un autre' }).click();
      await expect(page.getByTestId('member-added')).toBeVisible();
    } else {
      await next(page);
    }
  }
  await expect(wizardStep(page, 'Compiler la liste des membres')).toBeVisible();
  await expect(page.getByTestId('wizard-member-row')).toHaveCount(2);

  for (const size of laptops) {
    await page.setViewportSize(size);
    await expectNoHorizontalScroll(page);
    const table = page.getByRole('table', { name: 'Membres à ajouter' });
    for (const header of ['Rôle', 'Mot de passe']) await expectReachable(page, table.getByRole('columnheader', { name: header }));
    await expectReachable(page, page.getByRole('button', { name: `Modifier ${people[0]!.firstName} ${people[0]!.lastName}` }));
    const email = table.getByTitle(people[0]!.email, { exact: true });
    expect(await email.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');
    await expectReachable(page, page.getByRole('button', { name: 'Précédent' }));
  }
});

test('the file’s rows fit a laptop’s screen: values on one line (never cut inside a word), Précédent on screen', async ({ page }) => {
  const s = uniqueSuffix();
  const file = [
    'E-mail;Rôle;Type d’utilisateur;Prénom;Nom;Nom d’utilisateur;Mot de passe',
    `marie-francoise.delarochefoucauld-liancourt.${s}@universite-exemple.fr;Utilisateur;Créateur;Marie-Françoise;de La Rochefoucauld-Liancourt;mf.${s};Curieuse-2026-${s}`,
    `jean-baptiste.montmorency-laval-dargenson.${s}@universite-exemple.fr;Chef;Créateur;Jean-Baptiste;Montmorency-Laval d’Argenson;jb.${s};Curieux-2026-${s}`,
  ].join('\r\n');
  await signInAsAdmin(page);
  await openWizard(page);
  await page.getByRole('radio', { name: 'Nouveaux membres à partir d’un fichier' }).click();
  await chooseMode(page, 'credentials');
  await next(page);
  await dropFile(page, `longs-${s}.csv`, file);
  await expect(wizardStep(page, 'Compiler la liste des membres')).toBeVisible();
  await expect(page.getByTestId('import-row')).toHaveCount(2);

  for (const size of laptops) {
    await page.setViewportSize(size);
    await expectNoHorizontalScroll(page);
    const value = page.getByTitle(`marie-francoise.delarochefoucauld-liancourt.${s}@universite-exemple.fr`, { exact: true });
    expect(await value.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');
    // One line per value: no word squeezed onto two.
    for (const cell of await page.getByTestId('import-row').first().locator('td[data-field] > p').all()) {
      expect(await cell.evaluate((el) => el.getClientRects().length === 1 && el.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(el).lineHeight))).toBe(true);
    }
    await expectReachable(page, page.getByRole('button', { name: 'Modifier la ligne 3' }));
    await expectReachable(page, page.getByRole('button', { name: 'Précédent' }));
    await expectReachable(page, page.getByRole('button', { name: 'Suivant', exact: true }));
  }
});

test('a click on Suivant right after typing is never lost, even when the username proposal answers late', async ({ page }) => {
  const s = uniqueSuffix();
  await signInAsAdmin(page);
  const suggestions = await heldSuggestions(page);
  await openManualCredentials(page);

  // Right away: the proposal is asked but has not answered when Suivant is clicked.
  suggestions.hold();
  await typeIdentity(page, { firstName: 'Agathe', lastName: `Rapide${s}`, email: `agathe.${s}@example.org` });
  await next(page);
  suggestions.release();
  await expect(wizardStep(page, 'Compiler la liste des membres')).toBeVisible();
  await expect(page.getByTestId('wizard-member-row')).toHaveCount(1);
  await expect(page.getByTestId('wizard-member-row').first()).toContainText(`agathe.rapide${s}`);

  // Later: the proposal is on its way (its request sent, its answer held) when Suivant is clicked.
  await page.getByRole('button', { name: 'Ajouter un membre' }).click();
  await expect(wizardStep(page, 'Nouveau membre')).toBeVisible();
  suggestions.hold();
  const asked = page.waitForRequest((request) => request.url().includes('/api/members/username-suggestion') && request.url().includes('Patient'));
  await typeIdentity(page, { firstName: 'Basile', lastName: `Patient${s}`, email: `basile.${s}@example.org` });
  await asked;
  await next(page);
  suggestions.release();
  await expect(wizardStep(page, 'Compiler la liste des membres')).toBeVisible();
  await expect(page.getByTestId('wizard-member-row')).toHaveCount(2);
  await expect(page.getByTestId('wizard-member-row').nth(1)).toContainText(`basile.patient${s}`);
});

test('a username typed before the proposal lands is kept', async ({ page }) => {
  const s = uniqueSuffix();
  await signInAsAdmin(page);
  const suggestions = await heldSuggestions(page);
  await openManualCredentials(page);

  suggestions.hold();
  await typeIdentity(page, { firstName: 'Capucine', lastName: `Choisit${s}`, email: `capucine.${s}@example.org` });
  await usernameBox(page).fill(`capu.${s}`);
  // The late proposal lands after the username was typed: it does not replace it.
  const proposal = page.waitForResponse((response) => response.url().includes('/api/members/username-suggestion'));
  suggestions.release();
  await proposal;
  await settled(page);
  await expect(usernameBox(page)).toHaveValue(`capu.${s}`);
  await next(page);
  await expect(wizardStep(page, 'Compiler la liste des membres')).toBeVisible();
  await expect(page.getByTestId('wizard-member-row').first()).toContainText(`capu.${s}`);
});
