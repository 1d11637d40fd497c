import { expect, type APIRequestContext } from '@playwright/test';
import { CaughtMailList, type CaughtMail } from '../../packages/contracts/src/index.ts';

/** Waits for the development mail catcher to hold a message for `to` whose subject matches. */
export async function waitForMail(request: APIRequestContext, to: string, subject: RegExp, options: { after?: string[] } = {}): Promise<CaughtMail> {
  let found: CaughtMail | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/dev/mail?to=${encodeURIComponent(to)}`);
        if (response.status() !== 200) return undefined;
        const list = CaughtMailList.parse(await response.json());
        found = list.find((mail) => subject.test(mail.subject) && !(options.after ?? []).includes(mail.id));
        return found?.id;
      },
      { timeout: 30_000, message: `an email to ${to}` },
    )
    .toBeTruthy();
  return found!;
}

export function activationLink(mail: CaughtMail): string {
  const link = /https?:\/\/\S+\/activate\/[\w-]+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`No activation link in: ${mail.text}`);
  return link;
}
