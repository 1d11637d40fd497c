import { Readable } from 'node:stream';
import { ActivityExportQuery, ActivityList, ActivityQuery } from '@sesame/contracts';
import { authOf } from '../../lib/auth.ts';
import { commonProblems, RawFile, type App } from '../../lib/route-types.ts';
import * as service from './service.ts';

export async function activityRoutes(app: App, deps: service.ActivityDeps) {
  const tags = ['activity'];
  app.get('/api/activity', {
    config: { privilege: ['reporting', 'view'] },
    schema: { operationId: 'listActivity', tags, querystring: ActivityQuery, response: { 200: ActivityList, ...commonProblems } },
    handler: (req) => service.listActivity(deps, authOf(req), req.query),
  });
  app.get('/api/activity/export.csv', {
    config: { privilege: ['reporting', 'view'] },
    schema: { operationId: 'exportActivity', tags, querystring: ActivityExportQuery, produces: ['text/csv'], response: { 200: RawFile, ...commonProblems } },
    handler: async (req, reply) => {
      const stamp = new Date().toISOString().slice(0, 10);
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="activity-${stamp}.csv"`)
        .header('cache-control', 'no-store');
      return reply.send(Readable.from(service.exportActivityCsv(deps, authOf(req), req.query)));
    },
  });
}
