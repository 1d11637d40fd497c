import { present } from '@sesame/contracts';
import type { Db } from '@sesame/db';
import type { EnqueueEmail } from '../../lib/mail-port.ts';
import type { PeriodicTask } from '../../lib/maintenance.ts';
import { effectivePrivileges, hasLevel } from '../../lib/privileges.ts';

/** Checked every hour; each organization gets at most one digest a day. */
export const REMINDER_CHECK_MS = 60 * 60_000;
const DAY_MS = 86_400_000;

/**
 * Emails each contact of an organization (primary and secondary, active, with View on
 * manage access) one digest of the confirmed requests that have waited longer than the
 * organization's `requestReminderHours`, at most once a day per organization: the
 * requests' `lastReminderAt` records when a digest last went out. Returns digests queued.
 */
export async function sendAccessRequestReminders({ db, enqueueEmail, baseUrl }: { db: Db; enqueueEmail: EnqueueEmail; baseUrl: string }, now = new Date()): Promise<number> {
  const due = await db.$queryRaw<{ organizationId: string }[]>`
    SELECT r."organizationId"
    FROM "AccessRequest" r JOIN "Organization" o ON o.id = r."organizationId"
    WHERE r.status = 'pending'
    GROUP BY r."organizationId", o."requestReminderHours"
    HAVING min(r."confirmedAt") <= ${now}::timestamptz - make_interval(hours => o."requestReminderHours")
       AND (max(r."lastReminderAt") IS NULL OR max(r."lastReminderAt") <= ${now}::timestamptz - interval '23 hours 30 minutes')`;
  let sent = 0;
  for (const { organizationId } of due) {
    sent += await db.$transaction(async (tx) => {
      // One process sends an organization's digest; the others skip it.
      const [lock] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext(${`access-request-reminders:${organizationId}`})) AS ok`;
      if (!lock?.ok) return 0;
      const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true, requestReminderHours: true } });
      const recent = await tx.accessRequest.count({ where: { organizationId, lastReminderAt: { gt: new Date(now.getTime() - DAY_MS + 30 * 60_000) } } });
      if (recent) return 0;
      const requests = await tx.accessRequest.findMany({
        where: { organizationId, status: 'pending', confirmedAt: { lte: new Date(now.getTime() - org.requestReminderHours * 3_600_000) } },
        orderBy: { confirmedAt: 'asc' },
        select: { id: true, firstName: true, lastName: true, email: true, confirmedAt: true },
      });
      if (!requests.length) return 0;
      const contacts = await tx.organizationContact.findMany({
        where: { organizationId, member: { status: 'active' } },
        select: {
          member: {
            select: {
              email: true,
              firstName: true,
              language: true,
              role: { select: { privileges: { select: { area: true, level: true } } } },
              privileges: { select: { area: true, level: true } },
            },
          },
        },
      });
      const recipients = contacts.map((c) => c.member).filter((m) => hasLevel(effectivePrivileges(m.role.privileges, m.privileges), 'manage_access', 'view'));
      for (const m of recipients) {
        await enqueueEmail(tx, {
          organizationId,
          to: m.email,
          kind: 'access_request_reminder',
          language: m.language,
          data: {
            firstName: m.firstName,
            organizationName: org.name,
            link: `${baseUrl}/access-requests`,
            hours: org.requestReminderHours,
            requests: requests.map((r) => ({ name: `${r.firstName} ${r.lastName}`.trim(), email: r.email, waitingSince: present(r.confirmedAt, 'a pending request\'s confirmation') })),
          },
        });
      }
      await tx.accessRequest.updateMany({ where: { organizationId, id: { in: requests.map((r) => r.id) } }, data: { lastReminderAt: now } });
      return recipients.length;
    });
  }
  return sent;
}

/**
 * {@link sendAccessRequestReminders} every hour, as the maintenance loop of every API process
 * runs it (main.ts): the digests are queued in the outbox like every email, and an
 * organization's advisory lock and `lastReminderAt` keep two processes from sending it twice.
 */
export function accessRequestRemindersTask(deps: { db: Db; enqueueEmail: EnqueueEmail; baseUrl: string }, log: { info: (o: object, m: string) => void }): PeriodicTask {
  const baseUrl = deps.baseUrl.replace(/\/+$/, '');
  return {
    name: 'access-request reminders',
    everyMs: REMINDER_CHECK_MS,
    run: async () => {
      const sent = await sendAccessRequestReminders({ ...deps, baseUrl });
      if (sent) log.info({ sent }, 'access-request reminders queued');
    },
  };
}
