import pg from 'pg';

/**
 * Runs one administrative statement (CREATE or DROP DATABASE) on its own connection, which
 * is closed whatever happens; errors of a connection the server drops are not unhandled.
 */
export async function runAdminStatement(config: pg.ClientConfig, sql: string): Promise<void> {
  const client = new pg.Client(config);
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}
