import { expect, test } from '@playwright/test';
import { apiWrite, chooseMode, fillMember, findMember, next, openWizard, uniqueSuffix, wizardStep } from '../support/add-members.ts';
import { activationLink, waitForMail } from '../support/mail.ts';
import { signInAsAdmin } from '../support/session.ts';
import { expectAccessible } from '../support/axe.ts';

test('an invited member reads the emailed invitation, sets a password and lands signed in', async ({ page, browser, baseURL }) => {
  const suffix = uniqueSuffix();
  const person = { firstName: 'Margaux', lastName: `Invitee${suffix}`, email: `margaux.${suffix}@example.org`, userType: 'Lecteur' };
  const message = `Bienvenue dans l’équipe\u00A0! Votre accès aux cartes est prêt (${suffix}).`;

  await signInAsAdmin(page);
  await openWizard(page);
  await chooseMode(page, 'invite');
  await page.getByRole('textbox', { name: 'Message personnalisé' }).fill(message);
  await expectAccessible(page, 'wizard: method (invitations)');
  await next(page);

  await expect(wizardStep(page, 'Nouveau membre')).toBeVisible();
  // Invited members choose their own password: the form does not ask for one.
  await expect(page.getByLabel('Mot de passe temporaire')).toHaveCount(0);
  await expect(page.getByText('recevra un e\u2011mail d’invitation')).toBeVisible();
  const username = await fillMember(page, person);
  await expect(page.getByRole('combobox', { name: 'Rôle', exact: true })).toHaveValue('Lecteur');
  await next(page);
  await expect(page.getByTestId('wizard-member-row')).toHaveCount(1);
  await expect(page.getByTestId('wizard-member-row')).toContainText('Choisi par le membre');
  await next(page);
  await next(page);
  await expect(wizardStep(page, 'Résumé')).toBeVisible();
  await expect(page.getByTestId('summary-message')).toContainText(message);
  await page.getByRole('button', { name: 'Ajouter des membres' }).click();
  await expect(page.getByTestId('wizard-result-title')).toHaveText('Invitations envoyées');
  await expect(page.getByRole('table', { name: 'Membres ajoutés' }).getByRole('row').filter({ hasText: username })).toContainText('En attente');
  await expectAccessible(page, 'wizard: invitations result');

  // The invitation reaches the caught mail; the page lists it and shows its link.
  const mail = await waitForMail(person.email, /Invitation/);
  expect(mail.text).toContain(message);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'E\u2011mails interceptés' }).click();
  await expect(page).toHaveURL(/\/dev\/mail$/);
  await page.getByTestId('caught-mail-item').filter({ hasText: person.email }).first().click();
  await expect(page.getByTestId('caught-mail-subject')).toHaveText(mail.subject);
  const link = page.getByTestId('caught-mail-text').getByRole('link', { name: /\/activate\// });
  await expect(link).toHaveAttribute('target', '_blank');
  const href = await link.getAttribute('href');
  expect(href).toBe(activationLink(mail));
  await expectAccessible(page, 'caught mail');
  await page.getByRole('tab', { name: 'HTML' }).click();
  await expect(page.locator('iframe[sandbox]')).toHaveAttribute('sandbox', 'allow-popups allow-popups-to-escape-sandbox');

  // The invited member, in a browser of their own.
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const memberPage = await context.newPage();
  await memberPage.goto(href!);
  await expect(memberPage.getByRole('heading', { name: 'Activer votre compte' })).toBeVisible();
  await expect(memberPage.getByText('Alex Administrateur vous invite à rejoindre')).toBeVisible();
  await expect(memberPage.getByTestId('invitation-username')).toHaveText(username);
  await expect(memberPage.getByTestId('invitation-message')).toContainText(message);
  await expectAccessible(memberPage, 'activation');

  const password = memberPage.getByRole('textbox', { name: 'Mot de passe', exact: true });
  await password.fill('court1');
  await expect(memberPage.getByRole('listitem').filter({ hasText: 'Au moins 8\u00A0caractères' })).toContainText('non respectée');
  await password.fill('Vent-du-large-2026');
  await expect(memberPage.getByRole('listitem').filter({ hasText: 'Au moins 8\u00A0caractères' })).toContainText('respectée');
  await memberPage.getByRole('textbox', { name: 'Confirmation du mot de passe' }).fill('Vent-du-large-2026');
  await memberPage.getByRole('button', { name: 'Activer mon compte' }).click();

  // Signed in; a Viewer may not see the directory, so the welcome page is home.
  await expect(memberPage).toHaveURL(/\/welcome$/);
  await expect(memberPage.getByRole('heading', { name: 'Bienvenue, Margaux\u00A0!' })).toBeVisible();
  await expect(memberPage.getByText('Votre compte est activé.')).toBeVisible();
  await expectAccessible(memberPage, 'welcome');
  const me = (await (await memberPage.request.get('/api/auth/me')).json()) as { member: { username: string; status: string } };
  expect(me.member).toMatchObject({ username, status: 'active' });

  // The caught mail is the administrators' only: no entry in this member's navigation, a
  // refusal on its page, and a 403 from the API.
  await memberPage.waitForLoadState('networkidle');
  await expect(memberPage.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  await expect(memberPage.getByRole('link', { name: 'E\u2011mails interceptés' })).toHaveCount(0);
  expect((await memberPage.request.get('/api/dev/mail')).status()).toBe(403);
  await memberPage.goto('/dev/mail');
  await expect(memberPage.getByRole('heading', { name: 'Accès refusé' })).toBeVisible();
  await expect(memberPage.getByText('Seuls les administrateurs peuvent lire les e\u2011mails interceptés')).toBeVisible();
  await expect(memberPage.getByTestId('caught-mail-item')).toHaveCount(0);
  await expectAccessible(memberPage, 'access denied');

  // The link works once.
  await memberPage.goto(href!);
  await expect(memberPage.getByRole('heading', { name: 'Invitation déjà utilisée' })).toBeVisible();
  await memberPage.getByRole('link', { name: 'Aller à la connexion' }).click();
  await expect(memberPage).toHaveURL(/\/sign-in|\/welcome/);
  await context.close();

  // The administrator clears the caught mail from its page (a write with the CSRF token).
  await page.getByRole('button', { name: 'Tout effacer' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Tout effacer' }).click();
  await expect(page.getByText('E\u2011mails effacés')).toBeVisible();
  await expect(page.getByText('Aucun e\u2011mail')).toBeVisible();
});

test('pending members’ invitations can be resent and revoked from the list', async ({ page, browser, baseURL }) => {
  const suffix = uniqueSuffix();
  const email = `paul.${suffix}@example.org`;
  const username = `paul.pending${suffix}`;
  await signInAsAdmin(page);
  const created = await apiWrite(page.request, 'POST', '/api/members/batch', {
    mode: 'invite',
    members: [{ firstName: 'Paul', lastName: `Pending${suffix}`, email, username, role: 'viewer', userType: 'viewer' }],
  });
  expect(created.status(), await created.text()).toBe(201);
  const first = await waitForMail(email, /Invitation/);

  await page.goto(`/members?q=${username}`);
  const row = page.getByRole('table', { name: 'Liste des membres' }).getByRole('row').filter({ hasText: username });
  await expect(row).toContainText('En attente');

  await row.getByRole('button', { name: `Actions pour Paul Pending${suffix}` }).click();
  await page.getByRole('menuitem', { name: 'Renvoyer l’invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Invitation renvoyée' })).toContainText(email);
  const second = await waitForMail(email, /Invitation/, { after: [first.id] });

  await row.getByRole('button', { name: `Actions pour Paul Pending${suffix}` }).click();
  await page.getByRole('menuitem', { name: 'Révoquer l’invitation' }).click();
  const dialog = page.getByRole('dialog', { name: `Révoquer l’invitation de Paul Pending${suffix}\u00A0?` });
  await expect(dialog).toContainText(email);
  await dialog.getByRole('button', { name: 'Révoquer l’invitation' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Invitation révoquée' })).toBeVisible();

  // Both links now explain themselves instead of failing.
  const context = await browser.newContext({ baseURL, locale: 'fr-FR' });
  const visitor = await context.newPage();
  await visitor.goto(activationLink(second));
  await expect(visitor.getByRole('heading', { name: 'Invitation révoquée' })).toBeVisible();
  await expect(visitor.getByRole('link', { name: 'Aller à la connexion' })).toBeVisible();
  await visitor.goto('/activate/this-token-does-not-exist-at-all');
  await expect(visitor.getByRole('heading', { name: 'Lien d’activation inconnu' })).toBeVisible();
  await expectAccessible(visitor, 'activation: unknown link');
  await visitor.getByRole('button', { name: /^Langue/ }).click();
  await visitor.getByRole('menuitemradio', { name: 'English' }).click();
  await expect(visitor.getByRole('heading', { name: 'Unknown activation link' })).toBeVisible();
  await expect(visitor.getByRole('link', { name: 'Go to sign in' })).toBeVisible();
  await context.close();

  const member = await findMember(page.request, username);
  expect(member?.status).toBe('pending');
});
