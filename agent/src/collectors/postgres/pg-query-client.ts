/**
 * The one method PostgreSQL collectors use: satisfied by pg.Client and pg.Pool, and by nothing
 * wider, so a collector cannot start transactions or hold connections behind the runner's back.
 */
export interface PgQueryClient {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /** Rows as arrays in column order: no object per row, for results of thousands of rows every interval. */
  query(config: PgArrayQuery): Promise<{ rows: unknown[][] }>;
}

/** A query whose rows come back as arrays (node-postgres's `rowMode: 'array'`). */
export interface PgArrayQuery {
  readonly text: string;
  readonly values?: unknown[];
  readonly rowMode: 'array';
}

/** Which databases of the server a monitored entry covers (config `databases:`); see DatabaseScope in agent-config.ts. */
export type PgDatabaseScope = 'all' | readonly string[];

/**
 * Reaching the server's other databases. A PostgreSQL connection sees the catalogs (tables,
 * indexes, sequences) of its own database only, so the tables task needs one connection per
 * database it covers. The runner provides this; it owns opening, reusing and closing those
 * connections (with the entry's credentials, the same statement_timeout and application_name).
 */
export interface PgOtherDatabases {
  /** The entry's `databases:` setting: every database that allows connections, or these names. */
  readonly scope: PgDatabaseScope;
  /** Runs `use` with a connection to database `dbname` of the same server; rejects when it cannot connect. */
  withDatabase<T>(dbname: string, use: (client: PgQueryClient) => Promise<T>): Promise<T>;
}

/**
 * What PostgreSQL tasks accept: the connection to the configured database, plus, when the entry
 * sets `databases:`, access to the other databases. Without `otherDatabases` the tables task
 * covers only the connected database, so a plain pg.Client is a valid PgTaskClient.
 */
export interface PgTaskClient extends PgQueryClient {
  readonly otherDatabases?: PgOtherDatabases;
}

// SQLSTATE classes after which the connection itself is gone: connection exceptions and operator intervention (shutdown, crash recovery).
const CONNECTION_LOST = /^(08|57P)/;

/** Whether PostgreSQL refused one query (syntax, privilege, statement timeout) on a connection that is still fine. */
export function isQueryRefused(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !CONNECTION_LOST.test(code);
}
