import { expect, test } from '@playwright/test';
import { chooseMode, chooseOption, findMember, fillMember, next, openWizard, uniqueSuffix, wizardStep } from '../support/add-members.ts';
import { signInAsAdmin } from '../support/session.ts';
import { expectAccessible } from '../support/axe.ts';

test('an administrator adds three members with temporary passwords; one signs in and must change it', async ({ page, browser, baseURL }) => {
  const suffix = uniqueSuffix();
  const people = [
    { firstName: 'Camille', lastName: `Lefort${suffix}`, email: `camille.${suffix}@example.org` },
    { firstName: 'Yanis', lastName: `Berthet${suffix}`, email: `yanis.${suffix}@example.org` },
    { firstName: 'Louise', lastName: `Perrin${suffix}`, email: `louise.${suffix}@example.org` },
  ];

  await signInAsAdmin(page);
  await openWizard(page);
  await chooseMode(page, 'credentials');
  await expectAccessible(page, 'wizard: method');
  await next(page);
  await expect(wizardStep(page, 'Nouveau membre')).toBeVisible();
  await expectAccessible(page, 'wizard: new member');

  // Three members in one pass: "Next, add another" keeps the list growing and clears the form.
  const usernames: string[] = [];
  for (const [index, person] of people.entries()) {
    usernames.push(await fillMember(page, person));
    if (index < people.length - 1) {
      await page.getByRole('button', { name: 'Suivant, ajouter un autre' }).click();
      await expect(page.getByTestId('member-added')).toHaveText(`Ajout à la liste\u00A0: ${person.firstName} ${person.lastName}.`);
      await expect(page.getByRole('textbox', { name: 'Prénom' })).toHaveValue('');
      await expect(page.getByRole('textbox', { name: 'Prénom' })).toBeFocused();
      await expect(page.getByText(`${index + 1}\u00A0membre`)).toBeVisible();
    } else {
      await next(page);
    }
  }

  // Compile member list: the three of them.
  await expect(wizardStep(page, 'Compiler la liste des membres')).toBeVisible();
  const rows = page.getByTestId('wizard-member-row');
  await expect(rows).toHaveCount(3);
  for (const username of usernames) await expect(page.getByRole('table', { name: 'Membres à ajouter' })).toContainText(username);
  await expect(rows.first()).toContainText('Généré');
  await expectAccessible(page, 'wizard: compile');
  await next(page);

  // Set member properties: a licence every Creator may have, and a group.
  await expect(wizardStep(page, 'Définir les propriétés des membres')).toBeVisible();
  const fieldApps = page.getByRole('checkbox', { name: /^Applications de terrain/ });
  await expect(fieldApps).toBeEnabled();
  await expect(fieldApps).toHaveAccessibleName(/places? restantes?/);
  await fieldApps.click();
  await expect(fieldApps).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('combobox', { name: 'Groupes' }).click();
  await page.getByRole('option', { name: 'Urbanisme' }).click();
  await page.keyboard.press('Escape');
  await chooseOption(page, 'Langue', 'English');
  await expectAccessible(page, 'wizard: properties');
  await next(page);

  // Summary, then add.
  await expect(wizardStep(page, 'Résumé')).toBeVisible();
  await expect(page.getByTestId('summary-licenses')).toHaveText('Applications de terrain');
  await expect(page.getByTestId('summary-groups')).toContainText('Urbanisme');
  await expectAccessible(page, 'wizard: summary');
  await page.getByRole('button', { name: 'Ajouter des membres' }).click();

  // Result: the temporary passwords, shown once.
  await expect(page.getByTestId('wizard-result-title')).toHaveText('3\u00A0membres ajoutés');
  await expect(page.getByText('ils ne seront plus affichés')).toBeVisible();
  const passwords = page.getByRole('table', { name: 'Mots de passe temporaires des nouveaux membres' });
  await expect(passwords.getByRole('row')).toHaveCount(4);
  const temporary: Record<string, string> = {};
  for (const username of usernames) {
    const password = (await passwords.getByRole('row').filter({ hasText: username }).getByTestId('temporary-password').innerText()).trim();
    expect(password.length).toBeGreaterThanOrEqual(8);
    temporary[username] = password;
  }
  expect(new Set(Object.values(temporary)).size).toBe(3);
  await expect(page.getByRole('button', { name: `Copier le mot de passe de ${usernames[0]}` })).toBeVisible();
  await expectAccessible(page, 'wizard: result with temporary passwords');

  // The server holds the properties chosen in the wizard.
  const created = await findMember(page.request, usernames[0]!);
  expect(created?.status).toBe('active');
  expect(created?.licenses.map((license) => license.key)).toEqual(['field_apps']);
  // The organization's default group was preselected; Urbanisme was added to it.
  expect(created?.groups.map((group) => group.name).sort()).toEqual(['Urbanisme', 'Équipe SIG']);
  expect(created?.language).toBe('en');

  // In a fresh browser, the new member signs in with the temporary password and must change it.
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const memberPage = await context.newPage();
  await memberPage.goto('/sign-in');
  await memberPage.getByRole('textbox', { name: 'Nom d’utilisateur' }).fill(usernames[1]!);
  await memberPage.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(temporary[usernames[1]!]!);
  await memberPage.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await expect(memberPage).toHaveURL(/\/change-password$/);
  await expect(memberPage.getByText('choisissez un nouveau mot de passe avant de continuer')).toBeVisible();
  await memberPage.getByRole('textbox', { name: 'Mot de passe actuel' }).fill(temporary[usernames[1]!]!);
  await memberPage.getByRole('textbox', { name: 'Nouveau mot de passe' }).fill('Clair-de-lune-84');
  await memberPage.getByRole('textbox', { name: 'Confirmation du mot de passe' }).fill('Clair-de-lune-84');
  await memberPage.getByRole('button', { name: 'Changer le mot de passe' }).click();

  // The User role may see the directory: the member lands on the members list.
  await expect(memberPage).toHaveURL(/\/members$/);
  await expect(memberPage.getByRole('heading', { name: 'Membres', level: 1 })).toBeVisible();
  await expect(memberPage.getByText('Votre mot de passe a été modifié.')).toBeVisible();
  await context.close();
});
