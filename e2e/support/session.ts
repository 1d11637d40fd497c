import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN_INITIAL_PASSWORD, ADMIN_NEW_PASSWORD, ADMIN_USERNAME } from './constants.ts';

/**
 * Signs the page's browser context in as the seeded admin through the API (the cookie
 * jar is shared with the page). The first-sign-in spec normally changed the password
 * already; if it did not run, the change is made here so the session is usable.
 */
export async function signInAsAdmin(page: Page) {
  await signInAsAdminThrough(page.request);
}

/** The same, for any request context (its cookie jar gets the admin's session). */
export async function signInAsAdminThrough(request: APIRequestContext) {
  const signIn = (password: string) =>
    request.post('/api/auth/sign-in', { data: { username: ADMIN_USERNAME, password } });

  let response = await signIn(ADMIN_NEW_PASSWORD);
  if (response.status() === 401) {
    response = await signIn(ADMIN_INITIAL_PASSWORD);
    expect(response.status(), await response.text()).toBe(200);
    const { token } = (await (await request.get('/api/auth/csrf')).json()) as { token: string };
    const change = await request.post('/api/auth/change-password', {
      headers: { 'X-CSRF-Token': token },
      data: { currentPassword: ADMIN_INITIAL_PASSWORD, newPassword: ADMIN_NEW_PASSWORD },
    });
    expect(change.status(), await change.text()).toBe(200);
    return;
  }
  expect(response.status(), await response.text()).toBe(200);
}
