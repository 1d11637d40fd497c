import { expect, test } from '@playwright/test';
import { uniqueSuffix } from '../support/add-members.ts';
import { confirmLink, requestAndConfirm } from '../support/access-requests.ts';
import { waitForMail } from '../support/mail.ts';
import { signInAsAdmin } from '../support/session.ts';

test('someone else submitting a confirmed request again changes nothing until its owner confirms the change from the email', async ({ page, browser, baseURL }) => {
  const suffix = uniqueSuffix();
  const owner = { firstName: 'Apolline', lastName: `Origine${suffix}`, email: `apolline.${suffix}@example.net`, message: `Équipe hydrologie (${suffix})` };
  const rewrite = { firstName: 'Usurpateur', lastName: `Faux${suffix}`, message: `Donnez-moi tous les droits (${suffix})` };

  const requester = await requestAndConfirm(browser, baseURL, owner);
  const firstMail = await waitForMail(owner.email, /Confirmez votre demande d’accès/);

  // A third party, in a browser of their own, submits the same address with other details.
  const stranger = await browser.newContext({ baseURL, locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const strangerPage = await stranger.newPage();
  await strangerPage.goto('/request-access?organization=demo');
  await strangerPage.getByRole('textbox', { name: 'Prénom' }).fill(rewrite.firstName);
  await strangerPage.getByRole('textbox', { name: 'Nom', exact: true }).fill(rewrite.lastName);
  await strangerPage.getByRole('textbox', { name: 'Adresse e\u2011mail' }).fill(owner.email);
  await strangerPage.getByRole('textbox', { name: 'Message (facultatif)' }).fill(rewrite.message);
  await strangerPage.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(strangerPage.getByRole('heading', { name: 'Vérifiez votre messagerie' })).toBeVisible();
  await stranger.close();

  // The contacts still see the owner's request as it was, and the owner's status link still works.
  await signInAsAdmin(page);
  await page.goto('/access-requests');
  const row = page.getByTestId('access-request-row').filter({ hasText: owner.email });
  await expect(row).toContainText(owner.message);
  await expect(row).toContainText(owner.lastName);
  await expect(row).not.toContainText(rewrite.message);
  await requester.page.goto(requester.link);
  await expect(requester.page.getByTestId('access-request-state')).toHaveText('En attente de décision');

  // The owner is asked, at the stored address, whether the new details are theirs.
  const changeMail = await waitForMail(owner.email, /Confirmez votre demande d’accès/, { after: [firstMail.id] });
  expect(changeMail.text).toContain('Confirmer les modifications');
  expect(changeMail.text).toContain(rewrite.message);
  expect(changeMail.text).toContain('votre demande reste inchangée');

  // Only once the owner opens that link do the contacts see the new details.
  await requester.page.goto(confirmLink(changeMail.text));
  await expect(requester.page.getByTestId('access-request-state')).toHaveText('En attente de décision');
  await page.reload();
  await expect(row).toContainText(rewrite.message);
  await expect(row).toContainText(rewrite.lastName);
  await expect(row).not.toContainText(owner.message);
  // The first link still shows the request.
  await requester.page.goto(requester.link);
  await expect(requester.page.getByTestId('access-request-state')).toHaveText('En attente de décision');
  await requester.context.close();
});
