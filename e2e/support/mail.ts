import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { CaughtMailList, type CaughtMail } from '../../packages/contracts/src/index.ts';
import { E2E_PORT } from './constants.ts';
import { signInAsAdminThrough } from './session.ts';

/**
 * The caught mail is for administrators only: the helpers read it through a request context
 * of their own, signed in as the seeded admin, whoever the spec's page is (a visitor, a new
 * member…).
 */
async function withAdmin<T>(use: (admin: APIRequestContext) => Promise<T>): Promise<T> {
  const admin = await playwrightRequest.newContext({ baseURL: `http://127.0.0.1:${E2E_PORT}` });
  try {
    await signInAsAdminThrough(admin);
    return await use(admin);
  } finally {
    await admin.dispose();
  }
}

/** Waits for the development mail catcher to hold a message for `to` whose subject matches. */
export async function waitForMail(to: string, subject: RegExp, options: { after?: string[] } = {}): Promise<CaughtMail> {
  return withAdmin(async (admin) => {
    let found: CaughtMail | undefined;
    await expect
      .poll(
        async () => {
          const response = await admin.get(`/api/dev/mail?to=${encodeURIComponent(to)}`);
          expect(response.status(), 'the admin reads the caught mail').toBe(200);
          const list = CaughtMailList.parse(await response.json());
          found = list.find((mail) => subject.test(mail.subject) && !(options.after ?? []).includes(mail.id));
          return found?.id;
        },
        { timeout: 30_000, message: `an email to ${to}` },
      )
      .toBeTruthy();
    return found!;
  });
}

export function activationLink(mail: CaughtMail): string {
  const link = /https?:\/\/\S+\/activate\/[\w-]+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`No activation link in: ${mail.text}`);
  return link;
}
