import { expect, test, type Locator, type Page } from '@playwright/test';
import { apiWrite, uniqueSuffix } from '../support/add-members.ts';
import { expectNoHorizontalScroll } from '../support/layout.ts';
import { activationLink, waitForMail } from '../support/mail.ts';
import { createActiveMember } from '../support/manage-members.ts';
import { signInAsAdmin } from '../support/session.ts';

// Issue 13, item 8: every rule the server applies to a new password is listed and checked as
// the member types; a refusal names the rule that failed.

const rules = (page: Page) => page.getByRole('list', { name: 'Exigences du mot de passe' });
const rule = (list: Locator, text: string) => list.getByRole('listitem').filter({ hasText: text });

async function expectRules(list: Locator, states: Record<string, 'met' | 'unmet' | 'server' | 'refused'>) {
  await expect(list.getByRole('listitem')).toHaveCount(Object.keys(states).length);
  for (const [text, state] of Object.entries(states)) await expect(rule(list, text), text).toHaveAttribute('data-state', state);
}

const allMet = { 'Au moins 8\u00A0caractères': 'met', 'Au plus 256\u00A0caractères': 'met', 'Au moins une lettre': 'met', 'Au moins un chiffre': 'met' } as const;

test('changing one’s password shows each rule live, refuses a password containing the username naming that rule, and a common one once the server says so', async ({ page, baseURL }) => {
  const s = uniqueSuffix();
  const username = `regle${s}`;
  await signInAsAdmin(page);
  const member = await createActiveMember(page.request, baseURL!, { firstName: 'Rémi', lastName: `Regle${s}`, username }, 'Lune-claire-2026');
  await page.context().clearCookies();
  expect((await page.request.post('/api/auth/sign-in', { data: { username, password: member.password } })).status()).toBe(200);

  await page.goto('/change-password');
  await page.getByRole('textbox', { name: 'Mot de passe actuel' }).fill(member.password);
  const next = page.getByRole('textbox', { name: 'Nouveau mot de passe' });
  const list = rules(page);

  // Live: nothing typed yet, then a password that contains the username.
  await expect(rule(list, 'Au moins 8\u00A0caractères')).toHaveAttribute('data-state', 'unmet');
  await next.fill(`${username.toUpperCase()}-42`);
  await expectRules(list, { ...allMet, 'Ne contient pas le nom d’utilisateur': 'unmet', 'N’est pas un mot de passe courant': 'server' });
  await expect(rule(list, 'Ne contient pas le nom d’utilisateur')).toContainText('non respectée');
  await expect(rule(list, 'N’est pas un mot de passe courant')).toContainText('vérifiée par le serveur à l’envoi');
  await expectNoHorizontalScroll(page);

  await page.getByRole('textbox', { name: 'Confirmation du mot de passe' }).fill(`${username.toUpperCase()}-42`);
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(page.getByText('Le mot de passe ne doit pas contenir le nom d’utilisateur')).toBeVisible();
  await expect(page).toHaveURL(/\/change-password$/);

  // A common password meets every rule the browser checks; the server refuses it, naming the rule.
  await next.fill('Password123');
  await page.getByRole('textbox', { name: 'Confirmation du mot de passe' }).fill('Password123');
  await expectRules(list, { ...allMet, 'Ne contient pas le nom d’utilisateur': 'met', 'N’est pas un mot de passe courant': 'server' });
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(page.getByText('Ce mot de passe est trop courant\u00A0; choisissez-en un autre')).toBeVisible();
  await expect(rule(list, 'N’est pas un mot de passe courant')).toHaveAttribute('data-state', 'refused');
  await expect(rule(list, 'N’est pas un mot de passe courant')).toContainText('refusée par le serveur');
  await expect(page.getByText('trop faible ou trop courant')).toHaveCount(0);

  // Another password: the server's rule is to be checked again; in English too.
  await next.fill('Maree-haute-77');
  await expect(rule(list, 'N’est pas un mot de passe courant')).toHaveAttribute('data-state', 'server');
  await page.getByRole('button', { name: /Changer de langue/ }).click();
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  const english = page.getByRole('list', { name: 'Password requirements' });
  await expect(rule(english, 'Does not contain the username')).toHaveAttribute('data-state', 'met');
  await expect(rule(english, 'Not a common password')).toContainText('checked by the server on submit');
  await page.getByRole('textbox', { name: 'Confirm password' }).fill('Maree-haute-77');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page).not.toHaveURL(/\/change-password$/);
});

test('activating an invitation shows each rule live and refuses a password containing the username, naming that rule', async ({ page, browser, baseURL }) => {
  const s = uniqueSuffix();
  const username = `active${s}`;
  const email = `${username}@example.org`;
  await signInAsAdmin(page);
  const invited = await apiWrite(page.request, 'POST', '/api/members/batch', {
    mode: 'invite',
    members: [{ firstName: 'Inès', lastName: `Active${s}`, email, username, role: 'viewer', userType: 'viewer' }],
    properties: {},
  });
  expect(invited.status(), await invited.text()).toBe(201);
  const link = activationLink(await waitForMail(email, /Invitation/));

  const context = await browser.newContext({ baseURL, locale: 'fr-FR', viewport: { width: 1440, height: 900 } });
  const memberPage = await context.newPage();
  await memberPage.goto(link);
  await expect(memberPage.getByRole('heading', { name: 'Activer votre compte' })).toBeVisible();
  const password = memberPage.getByRole('textbox', { name: 'Mot de passe', exact: true });
  const list = rules(memberPage);
  await password.fill(`x${username}9`);
  await expectRules(list, { ...allMet, 'Ne contient pas le nom d’utilisateur': 'unmet', 'N’est pas un mot de passe courant': 'server' });
  await expectNoHorizontalScroll(memberPage);
  await memberPage.getByRole('textbox', { name: 'Confirmation du mot de passe' }).fill(`x${username}9`);
  await memberPage.getByRole('button', { name: 'Activer mon compte' }).click();
  await expect(memberPage.getByText('Le mot de passe ne doit pas contenir le nom d’utilisateur')).toBeVisible();

  await password.fill('Vent-du-large-2026');
  await expect(rule(list, 'Ne contient pas le nom d’utilisateur')).toHaveAttribute('data-state', 'met');
  await memberPage.getByRole('textbox', { name: 'Confirmation du mot de passe' }).fill('Vent-du-large-2026');
  await memberPage.getByRole('button', { name: 'Activer mon compte' }).click();
  await expect(memberPage).toHaveURL(/\/welcome$/);
  await context.close();
});
