import { z } from 'zod';
import { CaughtMail, CaughtMailList, CaughtMailParams, CaughtMailQuery } from '@sesame/contracts';
import type { Db } from '@sesame/db';
import { notFound } from '../../lib/errors.ts';
import { problems, type App } from '../../lib/route-types.ts';
import { sameText } from '../../lib/text-match.ts';

const select = { id: true, to: true, subject: true, text: true, html: true, receivedAt: true } as const;
type Row = { id: string; to: string; subject: string; text: string; html: string; receivedAt: Date };
const toDto = (row: Row): CaughtMail => ({ ...row, receivedAt: row.receivedAt.toISOString() });

/**
 * What the development mail catcher caught. Registered only while the catcher runs, which
 * is never in production. Caught mail holds invitation and activation links, which take
 * over the invited accounts: only administrators read or clear it.
 */
export async function devMailRoutes(app: App, { db }: { db: Db }) {
  const tags = ['development'];
  const config = { administratorOnly: true };

  app.get('/api/dev/mail', {
    config,
    schema: { operationId: 'listCaughtMail', tags, querystring: CaughtMailQuery, response: { 200: CaughtMailList, ...problems(400, 401, 403) } },
    handler: async (req) => {
      // Newest first; older messages stay in the table but are not listed.
      const { to, limit } = req.query;
      const rows = await db.caughtMail.findMany({
        where: to ? { to: sameText(to) } : {},
        orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
        take: limit,
        select,
      });
      return rows.map(toDto);
    },
  });

  app.get('/api/dev/mail/:id', {
    config,
    schema: { operationId: 'getCaughtMail', tags, params: CaughtMailParams, response: { 200: CaughtMail, ...problems(400, 401, 403, 404) } },
    handler: async (req) => {
      const row = await db.caughtMail.findUnique({ where: { id: req.params.id }, select });
      if (!row) throw notFound('message');
      return toDto(row);
    },
  });

  app.delete('/api/dev/mail', {
    config,
    schema: { operationId: 'clearCaughtMail', tags, response: { 204: z.null(), ...problems(401, 403) } },
    handler: async (_req, reply) => {
      await db.caughtMail.deleteMany({});
      return reply.status(204).send(null);
    },
  });
}
