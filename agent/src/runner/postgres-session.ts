import pg from 'pg';
import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { PgQueryClient } from '../collectors/postgres/pg-query-client.js';
import type { DatabaseConfig } from '../config/agent-config.js';

const SERVER_VERSION_SQL = `${AGENT_QUERY_MARKER} SELECT current_setting('server_version') AS server_version`;

// Per session: a collector query must never weigh on a busy server for long.
const STATEMENT_TIMEOUT_MS = 5000;
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * The agent's one connection to a monitored PostgreSQL database: opened on first use, dropped
 * after any failure and reopened on the next use, so a database that goes away and comes back
 * needs nothing from the operator.
 */
export class PostgresSession {
  readonly #database: DatabaseConfig;
  #client: Promise<pg.Client> | undefined;
  #serverVersion: string | undefined;

  constructor(database: DatabaseConfig) {
    this.#database = database;
  }

  /** The server's version string as of the last connect, e.g. "15.8"; undefined before the first. */
  get serverVersion(): string | undefined {
    return this.#serverVersion;
  }

  /** The open connection, connecting first when there is none. */
  client(): Promise<PgQueryClient> {
    this.#client ??= this.#connect();
    return this.#client;
  }

  /** Drops the connection (after a failure); the next client() call reconnects. */
  reset(): void {
    const client = this.#client;
    this.#client = undefined;
    void client?.then((c) => c.end()).catch(() => undefined);
  }

  /** Closes the connection for good (at shutdown). */
  async close(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    await client?.then((c) => c.end()).catch(() => undefined);
  }

  #connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.#database.url,
      application_name: 'vigil-agent',
      statement_timeout: STATEMENT_TIMEOUT_MS,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
    });
    // Without a listener a dropped connection would crash the agent; the next use reconnects instead.
    client.on('error', () => {
      if (this.#client === pending) this.#client = undefined;
    });
    const pending = client
      .connect()
      .then(() => client.query(SERVER_VERSION_SQL))
      .then(({ rows }) => {
        this.#serverVersion = String(rows[0]?.server_version ?? '');
        return client;
      })
      .catch(async (err: unknown) => {
        if (this.#client === pending) this.#client = undefined;
        await client.end().catch(() => undefined);
        throw err;
      });
    return pending;
  }
}
