import path from 'node:path';

export type DatabaseChoice = {
  databaseUrl?: string;
  /** SESAME_DATA_DIR, resolved: the embedded PostgreSQL keeps its cluster in <dataDir>/postgres. */
  dataDir: string;
  env: 'development' | 'production' | 'test';
  log?: (message: string) => void;
};

/**
 * The database the server and the command line use: DATABASE_URL, or else (never in
 * production) the embedded PostgreSQL in the data directory, started or joined if another
 * process already runs it.
 */
export async function resolveDatabase(choice: DatabaseChoice): Promise<{ url: string; embedded: boolean; stop?: () => Promise<void> }> {
  if (choice.databaseUrl) return { url: choice.databaseUrl, embedded: false };
  if (choice.env === 'production') throw new Error('DATABASE_URL is required in production');
  const { startEmbeddedPostgres } = await import('./embedded.ts');
  const dataDir = path.join(choice.dataDir, 'postgres');
  choice.log?.(`No DATABASE_URL: using the embedded PostgreSQL in ${dataDir} (started if it is not running)`);
  const handle = await startEmbeddedPostgres({ dataDir });
  return { url: handle.url, embedded: true, stop: handle.stop };
}
