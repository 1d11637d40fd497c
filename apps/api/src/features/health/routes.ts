import { HealthResponse, Problem } from '@sesame/contracts';
import type { Db } from '@sesame/db';
import { AppError } from '../../lib/errors.ts';
import type { App } from '../../lib/route-types.ts';

export async function healthRoutes(app: App, { db }: { db: Db }) {
  app.get('/api/health', {
    config: { public: true },
    schema: { operationId: 'getHealth', tags: ['health'], response: { 200: HealthResponse, 503: Problem } },
    handler: async () => {
      try {
        await db.$queryRaw`SELECT 1`;
      } catch {
        throw new AppError(503, 'internal_error', { params: { reason: 'database_unavailable' } });
      }
      return { status: 'ok' as const };
    },
  });
}
