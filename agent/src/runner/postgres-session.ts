import pg from 'pg';
import { AGENT_QUERY_MARKER } from '@vigil/shared';
import { isQueryRefused, type PgArrayQuery, type PgDatabaseScope, type PgOtherDatabases, type PgQueryClient, type PgTaskClient } from '../collectors/postgres/pg-query-client.js';
import type { DatabaseConfig } from '../config/agent-config.js';
import { RunCancelledError, raceAbort, type DatabaseSession, type RunContext, type SessionOptions } from './database-session.js';

const SERVER_VERSION_SQL = `${AGENT_QUERY_MARKER} SELECT current_setting('server_version') AS server_version`;

const CONNECT_TIMEOUT_MS = 10_000;

interface Connection {
  readonly client: pg.Client;
  /** The statement_timeout the session has now, so it is set again only when a run needs another. */
  statementTimeoutMs: number | undefined;
  /** The last query handed to the connection: the next waits for it (pg refuses overlapping queries from pg 9 on). */
  tail: Promise<unknown>;
}

export interface PostgresSessionOptions extends SessionOptions {
  /** The entry's `databases:` setting, when it covers databases beyond the one in its URL. */
  readonly scope?: PgDatabaseScope;
}

/**
 * The agent's one connection to a monitored PostgreSQL server: opened on first use, dropped
 * after a connection failure and reopened on the next use, so a server that goes away and
 * comes back needs nothing from the operator. Tasks share it and their queries run one at a
 * time, in call order, which is what a monitoring agent should cost the server.
 */
export class PostgresSession implements DatabaseSession<PgTaskClient> {
  readonly #database: DatabaseConfig;
  readonly #options: PostgresSessionOptions;
  #connection: Promise<Connection> | undefined;
  #serverVersion: string | undefined;
  // Other databases are visited one at a time, each on a short-lived connection.
  #otherDatabaseTurn: Promise<unknown> = Promise.resolve();

  constructor(database: DatabaseConfig, options: PostgresSessionOptions) {
    this.#database = database;
    this.#options = options;
  }

  /** The server's version string as of the last connect, e.g. "15.8"; undefined before the first. */
  get serverVersion(): string | undefined {
    return this.#serverVersion;
  }

  async client(run: RunContext): Promise<PgTaskClient> {
    this.#connection ??= this.#connect();
    const connection = await raceAbort(this.#connection, run.signal);
    const client: PgTaskClient = { query: this.#queryOn(connection, run) };
    if (this.#options.scope === undefined) return client;
    const otherDatabases: PgOtherDatabases = { scope: this.#options.scope, withDatabase: (dbname, use) => this.#withDatabase(dbname, run, use) };
    return { ...client, otherDatabases };
  }

  failed(err: unknown): void {
    // A query PostgreSQL refused (syntax, privilege, statement timeout) leaves the connection fine.
    if (isQueryRefused(err)) return;
    if (err instanceof RunCancelledError) return;
    this.#reset();
  }

  /** Closes the connection for good (at shutdown). */
  async close(): Promise<void> {
    const connection = this.#connection;
    this.#connection = undefined;
    await connection?.then(({ client }) => client.end()).catch(() => undefined);
  }

  #reset(): void {
    const connection = this.#connection;
    this.#connection = undefined;
    void connection?.then(({ client }) => client.end()).catch(() => undefined);
  }

  /** PgQueryClient.query for one run on `connection`, in either of its forms. */
  #queryOn(connection: Connection, run: RunContext): PgQueryClient['query'] {
    return ((query: string | PgArrayQuery, values?: unknown[]) => this.#query(connection, run, query, values)) as PgQueryClient['query'];
  }

  #query(connection: Connection, run: RunContext, query: string | PgArrayQuery, values?: unknown[]): Promise<{ rows: unknown[] }> {
    if (run.signal.aborted) return Promise.reject(run.signal.reason as Error);
    const turn = connection.tail.then(async () => {
      // A run cancelled while its query waited never sends it.
      run.signal.throwIfAborted();
      const { client } = connection;
      if (connection.statementTimeoutMs !== run.statementTimeoutMs) {
        // In the same turn as the query, so no other task's query runs under this run's timeout.
        await client.query(`${AGENT_QUERY_MARKER} SET statement_timeout = ${Math.round(run.statementTimeoutMs)}`).then(
          () => (connection.statementTimeoutMs = run.statementTimeoutMs),
          () => (connection.statementTimeoutMs = undefined),
        );
      }
      return typeof query === 'string' ? client.query(query, values) : client.query(query);
    });
    connection.tail = turn.catch(() => undefined);
    return raceAbort(turn, run.signal);
  }

  async #withDatabase<T>(dbname: string, run: RunContext, use: (client: PgQueryClient) => Promise<T>): Promise<T> {
    const turn = this.#otherDatabaseTurn.then(async () => {
      run.signal.throwIfAborted();
      const url = new URL(this.#database.url);
      url.pathname = `/${encodeURIComponent(dbname)}`;
      const client = newClient(url.toString(), run.statementTimeoutMs);
      client.on('error', () => undefined);
      try {
        await raceAbort(client.connect(), run.signal);
        const connection: Connection = { client, statementTimeoutMs: run.statementTimeoutMs, tail: Promise.resolve() };
        return await use({ query: this.#queryOn(connection, run) });
      } finally {
        await client.end().catch(() => undefined);
      }
    });
    this.#otherDatabaseTurn = turn.catch(() => undefined);
    return turn;
  }

  #connect(): Promise<Connection> {
    const client = newClient(this.#database.url, this.#options.statementTimeoutMs);
    // Without a listener a dropped connection would crash the agent; the next use reconnects instead.
    client.on('error', () => {
      if (this.#connection === pending) this.#connection = undefined;
    });
    const pending = client
      .connect()
      .then(() => client.query(SERVER_VERSION_SQL))
      .then(({ rows }) => {
        this.#serverVersion = String(rows[0]?.server_version ?? '');
        return { client, statementTimeoutMs: this.#options.statementTimeoutMs, tail: Promise.resolve() as Promise<unknown> };
      })
      .catch(async (err: unknown) => {
        if (this.#connection === pending) this.#connection = undefined;
        await client.end().catch(() => undefined);
        throw err;
      });
    return pending;
  }
}

function newClient(connectionString: string, statementTimeoutMs: number): pg.Client {
  return new pg.Client({
    connectionString,
    application_name: 'vigil-agent',
    statement_timeout: statementTimeoutMs,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
  });
}
