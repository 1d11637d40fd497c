import { expect, test } from '@playwright/test';
import { requestAndConfirm } from '../support/access-requests.ts';
import { uniqueSuffix } from '../support/add-members.ts';
import { activationLink, waitForMail } from '../support/mail.ts';
import { signInAsAdmin } from '../support/session.ts';

// Both browsers and the emails (the organization's default zone) read Paris time.
const timeZone = 'Europe/Paris';
test.use({ timezoneId: timeZone });

/** A time written with its zone, as every page and email writes it: "… 23:28 UTC+1". */
const withZone = /\d{2}:\d{2} UTC(?:[+-]\d{1,2}(?::\d{2})?)?$/;

test('the same instant reads the same on the contacts’ queue, the requester’s status page and in the email, with its zone', async ({ page, browser, baseURL }) => {
  const suffix = uniqueSuffix();
  const person = { firstName: 'Horace', lastName: `Horloge${suffix}`, email: `horace.${suffix}@example.net`, message: `Heure (${suffix})` };
  const requester = await requestAndConfirm(browser, baseURL, person, { timezoneId: timeZone });

  // The requester's status page says when the request was made, with the zone.
  const requestedOnStatus = (await requester.page.getByTestId('access-request-requested-at').textContent())!.trim();
  expect(requestedOnStatus).toMatch(withZone);

  // The queue says the same instant in the same words (it used to show the confirmation time, rounded differently).
  await signInAsAdmin(page);
  await page.goto('/access-requests');
  const row = page.getByTestId('access-request-row').filter({ hasText: person.email });
  await expect(row.getByTestId('access-request-requested-at')).toHaveText(requestedOnStatus);

  // Granting sends the invitation email; its expiry reads as the activation page writes it.
  await row.getByRole('button', { name: `Accorder l’accès à ${person.firstName} ${person.lastName}` }).click();
  const grantDialog = page.getByRole('dialog', { name: 'Accorder l’accès' });
  await grantDialog.getByRole('button', { name: 'Accorder l’accès' }).click();
  await expect(grantDialog).toBeHidden();
  const invitation = await waitForMail(person.email, /Invitation/);
  const expiresInEmail = /valable jusqu’au (.+?)\.(?:\s|$)/.exec(invitation.text)?.[1];
  expect(expiresInEmail, invitation.text).toMatch(withZone);

  await requester.page.goto(activationLink(invitation));
  await expect(requester.page.getByText(`Invitation valable jusqu’au ${expiresInEmail}.`)).toBeVisible();

  // The decision: the same instant on the status page and in the queue's granted tab.
  await requester.page.goto(requester.link);
  await expect(requester.page.getByTestId('access-request-state')).toHaveText('Accordée');
  const decidedOnStatus = (await requester.page.getByTestId('access-request-decided-at').textContent())!.trim();
  expect(decidedOnStatus).toMatch(withZone);
  await requester.context.close();
  await page.getByRole('tab', { name: 'Accordées' }).click();
  await expect(page.getByTestId('access-request-row').filter({ hasText: person.email })).toContainText(`le ${decidedOnStatus}`);
});
