import { expect, test, type Browser } from '@playwright/test';
import { uniqueSuffix } from '../support/add-members.ts';
import { activationLink, waitForMail } from '../support/mail.ts';
import { signInAsAdmin } from '../support/session.ts';
import { expectAccessible } from '../support/axe.ts';

function confirmLink(text: string): string {
  const link = /https?:\/\/\S+\/access-requests\/confirm\/[\w-]+/.exec(text)?.[0];
  if (!link) throw new Error(`No confirmation link in: ${text}`);
  return link;
}

/** A visitor, in a browser of their own, asks for access and confirms through the emailed link. */
async function requestAndConfirm(browser: Browser, baseURL: string | undefined, person: { firstName: string; lastName: string; email: string; message: string }, checkAccessibility = false) {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Demander un accès' }).click();
  await expect(page.getByRole('heading', { name: 'Demander l’accès' })).toBeVisible();
  await page.goto('/request-access?organization=demo');
  await expect(page.getByRole('textbox', { name: 'Organisation' })).toHaveValue('demo');
  if (checkAccessibility) await expectAccessible(page, 'public access request');
  await page.getByRole('textbox', { name: 'Prénom' }).fill(person.firstName);
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill(person.lastName);
  await page.getByRole('textbox', { name: 'Adresse e\u2011mail' }).fill(person.email);
  await page.getByRole('textbox', { name: 'Message (facultatif)' }).fill(person.message);
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page.getByRole('heading', { name: 'Vérifiez votre messagerie' })).toBeVisible();
  await expect(page.getByTestId('access-request-sent')).toContainText('qu’après avoir cliqué sur ce lien');
  await expect(page.getByTestId('access-request-sent')).toContainText(person.email);
  if (checkAccessibility) await expectAccessible(page, 'access request sent');

  const mail = await waitForMail(person.email, /Confirmez votre demande d’accès/);
  const link = confirmLink(mail.text);
  await page.goto(link);
  await expect(page.getByTestId('access-request-confirmed')).toBeVisible();
  await expect(page.getByTestId('access-request-state')).toHaveText('En attente de décision');
  if (checkAccessibility) await expectAccessible(page, 'access request confirmed');
  return { context, page, link };
}

test('a visitor requests access and confirms; a contact denies one request with a reason and grants another', async ({ page, browser, baseURL }) => {
  // Many steps, each page checked with axe-core on the way.
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  const denied = { firstName: 'Capucine', lastName: `Refus${suffix}`, email: `capucine.${suffix}@example.net`, message: `Stage d’été (${suffix})` };
  const granted = { firstName: 'Bastien', lastName: `Accord${suffix}`, email: `bastien.${suffix}@example.net`, message: 'Équipe cartographie' };
  const reason = `Aucun contrat en cours avec votre société (${suffix}).`;

  const first = await requestAndConfirm(browser, baseURL, denied, true);
  const second = await requestAndConfirm(browser, baseURL, granted);

  // The admin is the demo organization's primary contact: the queue is in the navigation with its count.
  await signInAsAdmin(page);
  await page.goto('/members');
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link', { name: /Demandes d’accès/ })).toBeVisible();
  await expect(nav.getByTestId('access-requests-badge')).toBeVisible();
  await nav.getByRole('link', { name: /Demandes d’accès/ }).click();
  await expect(page).toHaveURL(/\/access-requests$/);
  await expect(page.getByRole('heading', { name: 'Demandes d’accès', level: 1 })).toBeVisible();
  const deniedRow = page.getByTestId('access-request-row').filter({ hasText: denied.email });
  await expect(deniedRow).toContainText(denied.message);
  await expectAccessible(page, 'access requests queue');

  // Deny: a reason is required.
  await page.getByRole('button', { name: `Refuser l’accès à ${denied.firstName} ${denied.lastName}` }).click();
  const denyDialog = page.getByRole('dialog', { name: 'Refuser l’accès' });
  await denyDialog.getByRole('button', { name: 'Refuser l’accès' }).click();
  await expect(denyDialog.getByText('Indiquez le motif du refus.')).toBeVisible();
  await expectAccessible(page, 'access requests: deny dialog');
  await denyDialog.getByRole('textbox', { name: 'Motif du refus' }).fill(reason);
  await denyDialog.getByRole('button', { name: 'Refuser l’accès' }).click();
  await expect(denyDialog).toBeHidden();
  await expect(deniedRow).toHaveCount(0);

  const decision = await waitForMail(denied.email, /n’a pas été acceptée/);
  expect(decision.text).toContain(reason);

  // The requester's link now shows the decision and its reason.
  await first.page.goto(first.link);
  await expect(first.page.getByTestId('access-request-state')).toHaveText('Refusée');
  await expect(first.page.getByTestId('access-request-reason')).toContainText(reason);
  await first.context.close();

  await page.getByRole('tab', { name: 'Refusées' }).click();
  await expect(page.getByTestId('access-request-row').filter({ hasText: denied.email })).toContainText(reason);
  await page.getByRole('tab', { name: /En attente/ }).click();

  // Grant with the organization's defaults.
  await page.getByRole('button', { name: `Accorder l’accès à ${granted.firstName} ${granted.lastName}` }).click();
  const grantDialog = page.getByRole('dialog', { name: 'Accorder l’accès' });
  await expect(grantDialog.getByRole('combobox', { name: 'Type d’utilisateur' })).toHaveValue('Créateur');
  await expect(grantDialog.getByRole('combobox', { name: 'Rôle', exact: true })).toHaveValue('Utilisateur');
  await expect(grantDialog.getByRole('radio', { name: 'Mettre à jour' })).toHaveCount(8);
  await expectAccessible(page, 'access requests: grant dialog');
  await grantDialog.getByRole('button', { name: 'Accorder l’accès' }).click();
  await expect(grantDialog).toBeHidden();
  await expect(page.getByTestId('access-request-row').filter({ hasText: granted.email })).toHaveCount(0);

  const invitation = await waitForMail(granted.email, /Invitation/);
  expect(activationLink(invitation)).toMatch(/\/activate\//);

  await second.page.goto(second.link);
  await expect(second.page.getByTestId('access-request-state')).toHaveText('Accordée');
  await second.context.close();

  await page.getByRole('tab', { name: 'Accordées' }).click();
  await expect(page.getByTestId('access-request-row').filter({ hasText: granted.email })).toContainText('Alex Administrateur');
  await expectAccessible(page, 'access requests: granted tab');
});
