// A separate process that commits an import and is killed (SIGKILL) by imports-restart.test.ts
// at a point it announces on stdout: `hashed <n>` after a batch of passwords, `in-transaction`
// once the members are inserted but not committed. Then it waits to be killed.
// Usage: node --import tsx imports-commit-child.ts <databaseUrl> <jobId> <organizationId> <memberId> <username> <hash|transaction>
import { createDb } from '@sesame/db';
import { runCommit } from '../src/features/imports/commit.ts';

const [databaseUrl, jobId, organizationId, memberId, username, stopAt] = process.argv.slice(2) as [string, string, string, string, string, string];
const db = createDb(databaseUrl, { max: 3 });
const forever = () => new Promise<void>(() => setInterval(() => {}, 60_000));

const [started] = await db.$queryRaw<Array<{ commitAttempt: number }>>`
  UPDATE "ImportJob" SET "status" = 'committing', "commitAttempt" = "commitAttempt" + 1, "heartbeatAt" = now(), "properties" = '{}'::jsonb
  WHERE id = ${jobId}::uuid AND "status" = 'validated' RETURNING "commitAttempt"`;
if (!started) throw new Error('job not committable');

await runCommit(
  db,
  { jobId, organizationId, attempt: started.commitAttempt, actor: { memberId, username }, ip: '127.0.0.1', baseUrl: 'http://localhost' },
  {
    afterHashBatch: async (n) => {
      console.log(`hashed ${n}`);
      if (stopAt === 'hash') await forever();
    },
    insideTransaction: async () => {
      console.log('in-transaction');
      await forever();
    },
  },
);
console.log('finished');
process.exit(0);
