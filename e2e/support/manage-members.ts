import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { MemberDetail, MemberListResponse, MembersBatchResponse } from '../../packages/contracts/src/index.ts';
import { apiWrite } from './add-members.ts';

export interface CreatedMember {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  fullName: string;
  password: string;
}

/**
 * Adds a built-in member through the API with a password of our choice, then signs them in
 * once (in a throwaway request context) to replace it, so they are an ordinary active member.
 */
export async function createActiveMember(
  request: APIRequestContext,
  baseURL: string,
  who: { firstName: string; lastName: string; username: string; role?: string; userType?: string },
  password: string,
): Promise<CreatedMember> {
  const initial = `Tmp-${who.username.slice(-6)}-42x`;
  const { role = 'user', userType = 'creator', ...names } = who;
  const created = await apiWrite(request, 'POST', '/api/members/batch', {
    mode: 'credentials',
    members: [{ ...names, email: `${who.username}@example.org`, role, userType, password: initial }],
    properties: {},
  });
  expect(created.status(), await created.text()).toBe(201);
  const member = MembersBatchResponse.parse(await created.json()).created[0]!;
  const { request: factory } = await import('@playwright/test');
  const own = await factory.newContext({ baseURL });
  const signIn = await own.post('/api/auth/sign-in', { data: { username: who.username, password: initial } });
  expect(signIn.status(), await signIn.text()).toBe(200);
  const { token } = (await (await own.get('/api/auth/csrf')).json()) as { token: string };
  const change = await own.post('/api/auth/change-password', { headers: { 'X-CSRF-Token': token }, data: { currentPassword: initial, newPassword: password } });
  expect(change.status(), await change.text()).toBe(200);
  await own.dispose();
  return { id: member.id, username: member.username, firstName: who.firstName, lastName: who.lastName, fullName: `${who.firstName} ${who.lastName}`, password };
}

export async function memberDetail(request: APIRequestContext, id: string) {
  const response = await request.get(`/api/members/${id}`);
  expect(response.status()).toBe(200);
  return MemberDetail.parse(await response.json());
}

/** A seeded, non-administrator member who owns content (the demo data gives some of them items). */
export async function findContentOwner(request: APIRequestContext, exclude: string[] = []) {
  const response = await request.get('/api/members?status=active&limit=200');
  expect(response.status()).toBe(200);
  const { items } = MemberListResponse.parse(await response.json());
  for (const member of items) {
    if (member.username === 'admin' || exclude.includes(member.id) || member.role.key === 'administrator') continue;
    const detail = await memberDetail(request, member.id);
    if (detail.ownedContent.length > 0 && !detail.isAdministrator) return detail;
  }
  throw new Error('No seeded member owns content');
}

/** Opens a member's page from the members list, through a search on their username. */
export async function openMemberFromList(page: Page, username: string, name: string) {
  await page.goto(`/members?q=${encodeURIComponent(username)}`);
  await page.getByRole('table', { name: 'Liste des membres' }).getByRole('link', { name, exact: true }).click();
  await expect(page).toHaveURL(/\/members\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

export async function memberAction(page: Page, action: string) {
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

export async function signInThroughForm(page: Page, username: string, password: string) {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Nom d’utilisateur' }).fill(username);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
}

export function newFrenchContext(browser: Browser, baseURL: string | undefined) {
  return browser.newContext({ ...(baseURL ? { baseURL } : {}), locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
}
