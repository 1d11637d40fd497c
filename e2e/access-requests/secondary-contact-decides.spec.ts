import { expect, test } from '@playwright/test';
import { apiWrite, chooseMode, next, uniqueSuffix, wizardStep } from '../support/add-members.ts';
import { chooseLevel, pendingRequestId, requestAndConfirm } from '../support/access-requests.ts';
import { activationLink, waitForMail } from '../support/mail.ts';
import { signInAsAdmin } from '../support/session.ts';

/**
 * Issue 6, Done when: a request is granted with View on reporting and Update on manage
 * access; the new member activates and sees exactly what those levels allow; named a
 * secondary contact (on the contacts screen), they deny another request with a reason,
 * which the requester receives; a decision made meanwhile by someone else is reported.
 */
test('a granted member with View on reporting and Update on manage access, named secondary contact, denies a request with a reason', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  const newcomer = { firstName: 'Bastien', lastName: `Second${suffix}`, email: `bastien.second.${suffix}@example.net`, message: 'Équipe SIG' };
  const refused = { firstName: 'Capucine', lastName: `Motif${suffix}`, email: `capucine.motif.${suffix}@example.net`, message: 'Stage' };
  const raced = { firstName: 'Diane', lastName: `Course${suffix}`, email: `diane.course.${suffix}@example.net`, message: 'Prestataire' };
  const reason = `Votre contrat de prestation n’est pas encore signé (${suffix}).`;

  const newcomerVisit = await requestAndConfirm(browser, baseURL, newcomer);
  await newcomerVisit.context.close();
  const refusedVisit = await requestAndConfirm(browser, baseURL, refused);
  const racedVisit = await requestAndConfirm(browser, baseURL, raced);
  await racedVisit.context.close();

  // The primary contact grants the newcomer: Viewer role, View on reporting, Update on manage access.
  await signInAsAdmin(page);
  await page.goto('/access-requests');
  await page.getByRole('button', { name: `Accorder l’accès à ${newcomer.firstName} ${newcomer.lastName}` }).click();
  const grantDialog = page.getByRole('dialog', { name: 'Accorder l’accès' });
  await grantDialog.getByRole('combobox', { name: 'Rôle', exact: true }).click();
  await page.getByRole('option', { name: 'Lecteur', exact: true }).click();
  await chooseLevel(grantDialog, 'Rapports', 'Consulter');
  await chooseLevel(grantDialog, 'Gérer l’accès', 'Mettre à jour');
  await grantDialog.getByRole('button', { name: 'Accorder l’accès' }).click();
  await expect(grantDialog).toBeHidden();

  // The new member activates their account from the email, in a browser of their own.
  const invitation = await waitForMail(newcomer.email, /Invitation/);
  const member = await browser.newContext({ baseURL, locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const memberPage = await member.newPage();
  await memberPage.goto(activationLink(invitation));
  await expect(memberPage.getByRole('heading', { name: 'Activer votre compte' })).toBeVisible();
  await memberPage.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('Ecluse-du-canal-2026');
  await memberPage.getByRole('textbox', { name: 'Confirmation du mot de passe' }).fill('Ecluse-du-canal-2026');
  await memberPage.getByRole('button', { name: 'Activer mon compte' }).click();
  await expect(memberPage).toHaveURL(/\/welcome$/);
  const me = (await (await memberPage.request.get('/api/auth/me')).json()) as { member: { id: string; username: string }; privileges: Record<string, string> };
  expect(me.privileges).toMatchObject({ manage_access: 'update', reporting: 'view', members: 'none', contact_updates: 'none', content: 'view' });

  // Exactly what the levels allow: Add members and Activity, and the members as a directory (no View on members); no contact screens, no queue before being a contact.
  const memberNav = memberPage.getByRole('navigation', { name: 'Navigation principale' });
  await expect(memberNav.getByRole('link', { name: 'Ajouter des membres' })).toBeVisible();
  await expect(memberNav.getByRole('link', { name: 'Activité' })).toBeVisible();
  await expect(memberNav.getByRole('link', { name: 'Membres', exact: true })).toBeVisible();
  for (const hidden of ['Groupes', 'Licences', 'Contacts et privilèges', 'Paramètres de l’organisation', /Demandes d’accès/]) {
    await expect(memberNav.getByRole('link', { name: hidden, exact: typeof hidden === 'string' })).toHaveCount(0);
  }
  await memberPage.goto('/access-requests');
  await expect(memberPage.getByRole('heading', { name: 'Accès refusé' })).toBeVisible();
  await memberPage.goto('/members');
  await expect(memberPage.getByRole('table', { name: 'Liste des membres' }).locator('thead th')).toHaveText(['Nom', 'Nom d’utilisateur']);

  // The primary contact names them secondary contact on the contacts screen.
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Contacts et privilèges' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts et privilèges' })).toBeVisible();
  const contactsCard = page.getByRole('region', { name: 'Contacts de l’organisation' });
  await contactsCard.getByRole('combobox', { name: 'Ajouter un contact secondaire' }).fill(newcomer.lastName);
  await page.getByRole('option', { name: `${newcomer.firstName} ${newcomer.lastName} (${me.member.username})` }).click();
  await contactsCard.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(contactsCard.getByTestId('unsaved-changes')).toHaveCount(0);
  await expect(contactsCard.getByTestId('secondary-contact').filter({ hasText: me.member.username })).toBeVisible();

  // Now a contact: the queue is offered with its count; the contacts screen still is not (None on contact updates).
  await memberPage.goto('/welcome');
  await expect(memberNav.getByRole('link', { name: /Demandes d’accès/ })).toBeVisible();
  await expect(memberNav.getByTestId('access-requests-badge')).toBeVisible();
  await expect(memberNav.getByRole('link', { name: 'Contacts et privilèges' })).toHaveCount(0);
  await memberPage.goto('/organization/contacts');
  await expect(memberPage.getByRole('heading', { name: 'Accès refusé' })).toBeVisible();

  // The secondary contact denies a request with a reason.
  await memberPage.goto('/welcome');
  await memberNav.getByRole('link', { name: /Demandes d’accès/ }).click();
  await expect(memberPage.getByRole('heading', { name: 'Demandes d’accès', level: 1 })).toBeVisible();
  await memberPage.getByRole('button', { name: `Refuser l’accès à ${refused.firstName} ${refused.lastName}` }).click();
  const denyDialog = memberPage.getByRole('dialog', { name: 'Refuser l’accès' });
  await denyDialog.getByRole('textbox', { name: 'Motif du refus' }).fill(reason);
  await denyDialog.getByRole('button', { name: 'Refuser l’accès' }).click();
  await expect(denyDialog).toBeHidden();

  // The requester receives the reason, and their link shows it.
  const decision = await waitForMail(refused.email, /n’a pas été acceptée/);
  expect(decision.text).toContain(reason);
  await refusedVisit.page.goto(refusedVisit.link);
  await expect(refusedVisit.page.getByTestId('access-request-state')).toHaveText('Refusée');
  await expect(refusedVisit.page.getByTestId('access-request-reason')).toContainText(reason);
  await refusedVisit.context.close();

  // Decided meanwhile by the primary contact: the secondary contact is told who decided.
  await memberPage.getByRole('button', { name: `Refuser l’accès à ${raced.firstName} ${raced.lastName}` }).click();
  await denyDialog.getByRole('textbox', { name: 'Motif du refus' }).fill('Doublon');
  const racedId = await pendingRequestId(page.request, raced.email);
  const first = await apiWrite(page.request, 'POST', `/api/access-requests/${racedId}/deny`, { reason: 'Déjà traité par téléphone' });
  expect(first.status(), await first.text()).toBe(200);
  await denyDialog.getByRole('button', { name: 'Refuser l’accès' }).click();
  await expect(denyDialog.getByTestId('already-decided')).toContainText('Cette demande a déjà été refusée par Alex Administrateur (admin) le');
  await denyDialog.getByRole('button', { name: 'Annuler' }).click();

  // Reporting is readable (View): the activity log lists the denial.
  await memberNav.getByRole('link', { name: 'Activité' }).click();
  await expect(memberPage.getByRole('heading', { level: 1, name: 'Activité' })).toBeVisible();
  await expect(memberPage.getByRole('table', { name: 'Journal d’activité' }).locator('tbody tr', { hasText: 'Demande d’accès refusée' }).first()).toBeVisible();

  // Update on manage access: the contact also adds a member directly, without a request.
  const direct = { firstName: 'Elise', lastName: `Directe${suffix}`, email: `elise.directe.${suffix}@example.net`, username: `elise.directe${suffix}`.toLowerCase() };
  await memberNav.getByRole('link', { name: 'Ajouter des membres' }).click();
  await expect(wizardStep(memberPage, 'Méthode')).toBeVisible();
  await chooseMode(memberPage, 'invite');
  await next(memberPage);
  await memberPage.getByRole('textbox', { name: 'Prénom' }).fill(direct.firstName);
  await memberPage.getByRole('textbox', { name: 'Nom', exact: true }).fill(direct.lastName);
  await memberPage.getByRole('textbox', { name: 'Adresse e\u2011mail' }).fill(direct.email);
  await memberPage.getByRole('textbox', { name: 'Nom d’utilisateur' }).fill(direct.username);
  // Only roles within the contact's own levels are offered: Viewer, not the organization's default User.
  await expect(memberPage.getByRole('combobox', { name: 'Rôle', exact: true })).toHaveValue('Lecteur');
  await memberPage.getByRole('combobox', { name: 'Rôle', exact: true }).click();
  await expect(memberPage.getByRole('option', { name: 'Lecteur' })).toBeVisible();
  await expect(memberPage.getByRole('option', { name: 'Utilisateur' })).toHaveCount(0);
  await memberPage.keyboard.press('Escape');
  await next(memberPage);
  await expect(wizardStep(memberPage, 'Compiler la liste des membres')).toBeVisible();
  await next(memberPage);
  await expect(wizardStep(memberPage, 'Définir les propriétés des membres')).toBeVisible();
  await next(memberPage);
  await expect(wizardStep(memberPage, 'Résumé')).toBeVisible();
  await memberPage.getByRole('button', { name: 'Ajouter des membres' }).click();
  await expect(memberPage.getByTestId('wizard-result-title')).toBeVisible();
  await waitForMail(direct.email, /Invitation/);
  await member.close();
});
