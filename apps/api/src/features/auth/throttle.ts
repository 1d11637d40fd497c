import type { Db } from '@sesame/db';
import type { Config } from '../../config.ts';
import { hitCounter, lockCounter, readCounter, resetCounter, setLockedCounter } from '../../lib/rate-limit.ts';

/**
 * Sign-in throttling (docs/decisions/010-sign-in-throttling.md). Three counters, all in
 * PostgreSQL so that every API process shares them:
 * - per source address: every attempt counts; above `maxPerIp` in a window, refused;
 * - per account and source: `maxFailures` failed attempts in a window, then that source is
 *   refused for this account until the window ends;
 * - per account, from every source: from the `maxFailures`-th failure on, each failure makes
 *   the sources that have failed for this account wait `waitSeconds`, doubled with each further
 *   failure, up to `maxWaitSeconds`. Sources that have not failed are still checked, so a
 *   stranger cannot lock the member out; a success clears the account and its source.
 * Attempts on one account are decided one at a time, from the throttle's decision to the
 * password check's outcome, so parallel attempts cannot overrun the limits and a right
 * password is never refused for attempts whose outcome is not known yet.
 */
export type ThrottlePolicy = Config['signIn'];

/** What the throttle knows an attempt by: a member, or a name no member has (guessing names costs too). */
export type Account = { memberId: string } | { unknownName: string; organization?: string };

export type Refusal = { retryAt: Date };

const accountKey = (a: Account) =>
  'memberId' in a ? `sign-in:account:member:${a.memberId}` : `sign-in:account:name:${a.organization ?? '*'}:${a.unknownName.toLowerCase()}`;
// An address never contains '|', so the pair key is unambiguous.
const pairKey = (a: Account, source: string) => `${accountKey(a)}|${source}`;

/** The wait that the `failures`-th failure of an account imposes on the sources that failed (seconds). */
export function waitAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.maxFailures) return 0;
  return Math.min(policy.waitSeconds * 2 ** (failures - policy.maxFailures), policy.maxWaitSeconds);
}

/** Counts an attempt from `source`; refused above the per-source cap. */
export async function countSourceAttempt(db: Db, source: string, policy: ThrottlePolicy): Promise<Refusal | null> {
  const { count, resetAt } = await hitCounter(db, `sign-in:ip:${source}`, policy.windowSeconds);
  return count > policy.maxPerIp ? { retryAt: resetAt } : null;
}

/** What became of an attempt on one account: refused by the throttle (not checked), or what its check found. */
export type AccountAttempt<T> = { refusal: Refusal } | { checked: T };

/**
 * Decides one attempt on `account` from `source`: refused by the throttle (then `check` is not
 * called and nothing is counted), or checked by `check`. A success (`check` answers
 * `success: true`) forgets the account's failures and this source's; anything else counts as
 * a failure.
 * Attempts on one account are decided one at a time: the account's counter row stays locked
 * from the decision to the outcome. So parallel wrong passwords never get more checks than
 * the limits, and a right password is never refused because of attempts still being checked
 * (it waits for their outcome instead). A check that dies with its process is not counted.
 */
export async function attemptAccount<T>(
  db: Db,
  account: Account,
  source: string,
  policy: ThrottlePolicy,
  check: () => Promise<{ success: boolean; found: T }>,
): Promise<AccountAttempt<T>> {
  const accountCounter = accountKey(account);
  const pairCounter = pairKey(account, source);
  return db.$transaction(
    async (tx): Promise<AccountAttempt<T>> => {
      const total = await lockCounter(tx, accountCounter, policy.windowSeconds);
      const pair = await readCounter(tx, pairCounter);
      if (pair && pair.count >= policy.maxFailures) return { refusal: { retryAt: pair.expiresAt } };
      // A source that has failed waits; once its own window ends it counts as clean again.
      if (pair && total.blocked && total.blockedUntil) {
        return { refusal: { retryAt: total.blockedUntil < pair.expiresAt ? total.blockedUntil : pair.expiresAt } };
      }
      const { success, found } = await check();
      if (success) {
        await resetCounter(tx, accountCounter, pairCounter);
        return { checked: found };
      }
      await hitCounter(tx, pairCounter, policy.windowSeconds);
      const failures = total.count + 1;
      await setLockedCounter(tx, accountCounter, failures, { windowSeconds: policy.windowSeconds, waitSeconds: waitAfter(failures, policy) });
      return { checked: found };
    },
    // Waiting attempts queue behind the row lock; each check is one hash (tens of ms).
    { maxWait: 10_000, timeout: 10_000 },
  );
}
