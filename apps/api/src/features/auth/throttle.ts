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
 * An attempt is counted as a failure before its password is checked (and cleared if it
 * succeeds), so parallel attempts cannot overrun the limits.
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

/**
 * Counts an attempt on `account` from `source` as a failure, before its password is checked,
 * unless the throttle refuses it (then nothing is counted and the caller must not check it).
 * Attempts on one account are decided one at a time (the account's row is locked).
 */
export async function countAccountAttempt(db: Db, account: Account, source: string, policy: ThrottlePolicy): Promise<Refusal | null> {
  const accountCounter = accountKey(account);
  const pairCounter = pairKey(account, source);
  return db.$transaction(
    async (tx) => {
      const total = await lockCounter(tx, accountCounter, policy.windowSeconds);
      const pair = await readCounter(tx, pairCounter);
      if (pair && pair.count >= policy.maxFailures) return { retryAt: pair.expiresAt };
      // A source that has failed waits; once its own window ends it counts as clean again.
      if (pair && total.blocked && total.blockedUntil) {
        return { retryAt: total.blockedUntil < pair.expiresAt ? total.blockedUntil : pair.expiresAt };
      }
      await hitCounter(tx, pairCounter, policy.windowSeconds);
      const failures = total.count + 1;
      await setLockedCounter(tx, accountCounter, failures, { windowSeconds: policy.windowSeconds, waitSeconds: waitAfter(failures, policy) });
      return null;
    },
    { maxWait: 10_000, timeout: 10_000 },
  );
}

/** A success: the account's failures and this source's failures for it are forgotten. */
export async function clearAccount(db: Db, account: Account, source: string): Promise<void> {
  await resetCounter(db, accountKey(account), pairKey(account, source));
}
