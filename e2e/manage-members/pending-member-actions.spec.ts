import { expect, test } from '@playwright/test';
import { MembersBatchResponse } from '../../packages/contracts/src/index.ts';
import { apiWrite, uniqueSuffix } from '../support/add-members.ts';
import { expectNoHorizontalScroll } from '../support/layout.ts';
import { activationLink, waitForMail } from '../support/mail.ts';
import { memberAction } from '../support/manage-members.ts';
import { openMemberPage } from '../support/member-page.ts';
import { signInAsAdmin } from '../support/session.ts';

const tokenOf = (link: string) => link.split('/activate/')[1] ?? '';

test('a pending member’s page Actions menu resends and revokes the invitation, as the list does', async ({ page }) => {
  const suffix = uniqueSuffix();
  const email = `pia.${suffix}@example.org`;
  const member = { fullName: `Pia Attente${suffix}` };
  await signInAsAdmin(page);
  const created = await apiWrite(page.request, 'POST', '/api/members/batch', {
    mode: 'invite',
    members: [{ firstName: 'Pia', lastName: `Attente${suffix}`, email, username: `pia.pending${suffix}`, role: 'viewer', userType: 'viewer' }],
  });
  expect(created.status(), await created.text()).toBe(201);
  const id = MembersBatchResponse.parse(await created.json()).created[0]!.id;
  const first = await waitForMail(email, /Invitation/);

  await openMemberPage(page, { id, ...member });
  await expect(page.getByTestId('member-status')).toHaveText('En attente');
  await expect(page.getByText('Invitation valable jusqu’au')).toBeVisible();
  await expectNoHorizontalScroll(page);

  // Resend: a new email is caught, and the first link stops working.
  await memberAction(page, 'Renvoyer l’invitation');
  await expect(page.getByRole('status').filter({ hasText: 'Invitation renvoyée' })).toContainText(email);
  const second = await waitForMail(email, /Invitation/, { after: [first.id] });
  expect(tokenOf(activationLink(second))).not.toBe(tokenOf(activationLink(first)));
  expect((await page.request.get(`/api/invitations/${tokenOf(activationLink(first))}`)).status()).toBe(410);
  expect((await page.request.get(`/api/invitations/${tokenOf(activationLink(second))}`)).status()).toBe(200);

  // Revoke, after the same confirmation as the list's: the page no longer shows an invitation.
  await memberAction(page, 'Révoquer l’invitation');
  const dialog = page.getByRole('dialog', { name: `Révoquer l’invitation de ${member.fullName}\u00A0?` });
  await expect(dialog).toContainText(email);
  await expect(dialog).toContainText('Le membre reste en attente');
  await dialog.getByRole('button', { name: 'Révoquer l’invitation' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Invitation révoquée' })).toContainText(email);
  await expect(page.getByText('Invitation valable jusqu’au')).toHaveCount(0);
  expect((await page.request.get(`/api/invitations/${tokenOf(activationLink(second))}`)).status()).toBe(410);
  await expect(page.getByTestId('member-status')).toHaveText('En attente');
  await expectNoHorizontalScroll(page);
});
