import { expect, test } from '@playwright/test';
import { MemberListResponse } from '../../packages/contracts/src/index.ts';
import { chooseMode, fillMember, next, openWizard, uniqueSuffix, wizardStep } from '../support/add-members.ts';
import { signInAsAdmin } from '../support/session.ts';

test('leaving the wizard with entries asks first; going back and forth keeps them', async ({ page }) => {
  await signInAsAdmin(page);
  await openWizard(page);
  await chooseMode(page, 'credentials');
  await next(page);
  await page.getByRole('textbox', { name: 'Prénom' }).fill('Agathe');

  // Back to the method and forward again: the form still holds the entry.
  await page.getByRole('button', { name: 'Précédent' }).click();
  await expect(wizardStep(page, 'Méthode')).toBeVisible();
  await next(page);
  await expect(page.getByRole('textbox', { name: 'Prénom' })).toHaveValue('Agathe');

  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Membres', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Quitter l’assistant\u00A0?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('seront perdues');
  await dialog.getByRole('button', { name: 'Rester' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/members\/add$/);
  await expect(page.getByRole('textbox', { name: 'Prénom' })).toHaveValue('Agathe');

  await nav.getByRole('link', { name: 'Membres', exact: true }).click();
  await dialog.getByRole('button', { name: 'Quitter sans ajouter' }).click();
  await expect(page).toHaveURL(/\/members$/);
  await expect(page.getByRole('heading', { name: 'Membres', level: 1 })).toBeVisible();

  // An untouched wizard lets the admin go without a question.
  await openWizard(page);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Membres', exact: true }).click();
  await expect(page).toHaveURL(/\/members$/);
});

test('only licences compatible with every member’s user type are offered', async ({ page }) => {
  const suffix = uniqueSuffix();
  await signInAsAdmin(page);
  await openWizard(page);
  await chooseMode(page, 'credentials');
  await next(page);

  // A Contributor (compatible with "Rapports étendus" only) and a Creator.
  await fillMember(page, { firstName: 'Hugo', lastName: `Contrib${suffix}`, email: `hugo.${suffix}@example.org`, userType: 'Contributeur' });
  // The User role does not suit a Contributor: the role falls back to one that does.
  await expect(page.getByRole('combobox', { name: 'Rôle', exact: true })).toHaveValue('Lecteur');
  await page.getByRole('button', { name: 'Suivant, ajouter un autre' }).click();
  await fillMember(page, { firstName: 'Ines', lastName: `Creator${suffix}`, email: `ines.${suffix}@example.org`, userType: 'Créateur' });
  await next(page);
  await expect(page.getByTestId('wizard-member-row')).toHaveCount(2);
  await next(page);

  await expect(wizardStep(page, 'Définir les propriétés des membres')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Rapports étendus/ })).toBeVisible();
  for (const name of ['Applications de terrain', 'Analyse avancée', 'Poste SIG professionnel']) {
    await expect(page.getByRole('checkbox', { name: new RegExp(`^${name}`) })).toHaveCount(0);
  }
  await expect(page.getByTestId('licenses-not-offered')).toContainText('Applications de terrain');

  // Without the Contributor, the Creator's licences are offered.
  await page.getByRole('button', { name: 'Revenir à la liste des membres' }).click();
  await expect(wizardStep(page, 'Compiler la liste des membres')).toBeVisible();
  await page.getByRole('checkbox', { name: `Sélectionner Hugo Contrib${suffix}` }).check();
  await page.getByRole('button', { name: /^Supprimer la sélection/ }).click();
  await expect(page.getByTestId('wizard-member-row')).toHaveCount(1);
  await expect(page.getByText('1\u00A0membre retiré de la liste.')).toBeVisible();
  await next(page);
  await expect(page.getByRole('checkbox', { name: /^Applications de terrain/ })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Analyse avancée/ })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Poste SIG professionnel/ })).toHaveCount(0);
});

test('a refusal by the server is shown on the member row and field it concerns', async ({ page }) => {
  const suffix = uniqueSuffix();
  await signInAsAdmin(page);
  const existing = MemberListResponse.parse(await (await page.request.get('/api/members?limit=50&sort=username')).json()).items.find(
    (member) => member.username.length >= 6,
  )!;

  await openWizard(page);
  await chooseMode(page, 'credentials');
  await next(page);
  await fillMember(page, { firstName: 'Romain', lastName: `Taken${suffix}`, email: `romain.${suffix}@example.org` });
  // The admin types a username of their own: proposals stop replacing it.
  await page.getByRole('textbox', { name: 'Nom d’utilisateur' }).fill(existing.username);
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill(`Taken${suffix}x`);
  await expect(page.getByRole('button', { name: /^Utiliser la proposition/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Nom d’utilisateur' })).toHaveValue(existing.username);
  await next(page);
  await next(page);
  await next(page);
  await page.getByRole('button', { name: 'Ajouter des membres' }).click();

  // Nothing was created; the wizard goes back to the list, on the row at fault.
  await expect(wizardStep(page, 'Compiler la liste des membres')).toBeVisible();
  await expect(page.getByTestId('wizard-problems')).toContainText('Les membres n’ont pas été ajoutés');
  await expect(page.getByTestId('wizard-problems')).toContainText(`Romain Taken${suffix}x`);
  await expect(page.getByTestId('wizard-member-problems')).toContainText('Nom d’utilisateur');
  await expect(page.getByTestId('wizard-member-problems')).toContainText(existing.username);
  // The refusal reads entirely in French (the contracts' table of refusals), not the API's English.
  const problem = page.getByTestId('wizard-member-problems');
  await expect(problem).toContainText(`Le nom d’utilisateur « ${existing.username} » est déjà pris dans cette organisation`);
  for (const english of ['Username', 'already', 'taken', 'organization', 'this']) await expect(problem).not.toContainText(english);

  // Editing the row shows the message on the field; a new username fixes it.
  await page.getByRole('button', { name: `Modifier Romain Taken${suffix}x` }).click();
  const username = page.getByRole('textbox', { name: 'Nom d’utilisateur' });
  await expect(username).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(`Le nom d’utilisateur « ${existing.username} » est déjà pris dans cette organisation`).first()).toBeVisible();
  await username.fill(`romain.ok${suffix}`);
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page.getByTestId('wizard-member-problems')).toHaveCount(0);
  await expect(page.getByTestId('wizard-problems')).toHaveCount(0);
  await next(page);
  await next(page);
  await page.getByRole('button', { name: 'Ajouter des membres' }).click();
  await expect(page.getByTestId('wizard-result-title')).toHaveText('1\u00A0membre ajouté');
});
