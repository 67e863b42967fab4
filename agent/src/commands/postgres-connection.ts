import pg from 'pg';

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * A connection of its own for one command. Collector tasks share one connection per server and
 * pg runs their queries in call order on it, so a command's transaction and session settings
 * would leak into them: a command never borrows it. `dbname` reaches another database of the
 * same server with the entry's credentials; every query is limited to `statementTimeoutMs`.
 */
export async function connectPostgres(url: string, statementTimeoutMs: number, dbname?: string): Promise<pg.Client> {
  const target = new URL(url);
  if (dbname !== undefined) target.pathname = `/${encodeURIComponent(dbname)}`;
  const client = new pg.Client({
    connectionString: target.toString(),
    application_name: 'vigil-agent',
    connectionTimeoutMillis: Math.min(CONNECT_TIMEOUT_MS, statementTimeoutMs),
    // No query of a command may outlive the command.
    statement_timeout: Math.max(1, Math.round(statementTimeoutMs)),
  });
  // Without a listener a connection dropped mid-command would crash the agent.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw err;
  }
  return client;
}
