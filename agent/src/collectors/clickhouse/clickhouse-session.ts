import { AGENT_QUERY_MARKER, isVigilError } from '@vigil/shared';
import type { DatabaseConfig } from '../../config/agent-config.js';
import type { DatabaseSession, RunContext, SessionOptions } from '../../runner/database-session.js';
import { ClickHouseHttpClient, type ClickHouseSettings } from './clickhouse-http-client.js';
import type { ClickHouseQueryClient, ClickHouseQueryOptions, ClickHouseRow, ClickHouseTaskClient } from './clickhouse-query-client.js';
import { num, str } from './clickhouse-values.js';

/**
 * What the agent may ask of this user, read once per connection: the server version and the
 * settings it would send. `SELECT *` because the per-setting `readonly` column (whether this
 * user may change it) exists only from 20.x; before that the user's readonly level decides.
 */
const PROBE_SQL = `${AGENT_QUERY_MARKER}
SELECT *, version() AS server_version
  FROM system.settings
 WHERE name IN ('readonly', 'max_execution_time', 'output_format_json_quote_64bit_integers', 'cancel_http_readonly_queries_on_client_close')`;

// The client gives up a little after the server would have, so the server's own timeout error wins the race.
const CLIENT_TIMEOUT_SLACK_MS = 2000;

/** The server version and the settings this user may send, from the probe's rows. */
export interface ClickHouseServerProfile {
  readonly serverVersion: string;
  /** The user's readonly level: 0 may write, 1 may neither write nor change settings, 2 may change settings. */
  readonly readonlyLevel: number;
  /** Settings this user may change and the agent wants changed. */
  readonly changeable: ReadonlySet<string>;
}

/** Reads the profile out of the probe's rows (pure, so the version branches are unit-tested). */
export function profileFromProbe(rows: readonly ClickHouseRow[]): ClickHouseServerProfile {
  const readonlyLevel = num(rows.find((row) => row.name === 'readonly')?.value);
  const changeable = new Set<string>();
  for (const row of rows) {
    const name = str(row.name);
    const mayChange = 'readonly' in row ? num(row.readonly) === 0 : readonlyLevel !== 1;
    if (mayChange) changeable.add(name);
  }
  return { serverVersion: str(rows[0]?.server_version), readonlyLevel, changeable };
}

/**
 * Settings for one query: read-only (readonly=2 still lets the agent set the rest), a server-side
 * time limit, exact 64-bit integers, and cancelling the query if the agent hangs up. A user with
 * readonly=1 may change none of them: its queries run on its profile's limits and the agent's own
 * timeout alone.
 */
export function querySettings(profile: ClickHouseServerProfile, timeoutMs: number): ClickHouseSettings {
  const settings: Record<string, string | number> = {};
  if (profile.readonlyLevel === 0 && profile.changeable.has('readonly')) settings.readonly = 2;
  if (profile.readonlyLevel === 1) return settings;
  if (profile.changeable.has('max_execution_time')) settings.max_execution_time = Math.max(1, Math.ceil(timeoutMs / 1000));
  if (profile.changeable.has('output_format_json_quote_64bit_integers')) settings.output_format_json_quote_64bit_integers = 1;
  if (profile.changeable.has('cancel_http_readonly_queries_on_client_close')) settings.cancel_http_readonly_queries_on_client_close = 1;
  return settings;
}

/**
 * The agent's connection to one monitored ClickHouse server: one kept-alive HTTP connection,
 * probed on first use and re-probed after a failure that was not ClickHouse refusing a query
 * (the server may have restarted or been upgraded meanwhile).
 */
export class ClickHouseSession implements DatabaseSession<ClickHouseQueryClient> {
  readonly #http: ClickHouseHttpClient;
  readonly #statementTimeoutMs: number;
  readonly #keeperNodes: ClickHouseTaskClient['keeperNodes'];
  #profile: Promise<ClickHouseServerProfile> | undefined;
  #serverVersion: string | undefined;

  constructor(database: DatabaseConfig, options: SessionOptions) {
    this.#http = new ClickHouseHttpClient({ url: database.url, timeoutMs: options.statementTimeoutMs + CLIENT_TIMEOUT_SLACK_MS });
    this.#statementTimeoutMs = options.statementTimeoutMs;
    this.#keeperNodes = database.keeperNodes;
  }

  /** version() as of the last probe, e.g. "18.16.1"; undefined before the first. */
  get serverVersion(): string | undefined {
    return this.#serverVersion;
  }

  async client(run: RunContext): Promise<ClickHouseTaskClient> {
    const profile = await this.#probe(run.signal);
    const timeoutMs = Math.min(run.statementTimeoutMs, this.#statementTimeoutMs);
    const settings = querySettings(profile, timeoutMs);
    const http = this.#http;
    return {
      ...(this.#keeperNodes && { keeperNodes: this.#keeperNodes }),
      query(sql: string, options: ClickHouseQueryOptions = {}) {
        const signal = options.signal ? AbortSignal.any([run.signal, options.signal]) : run.signal;
        return http.query(sql, { signal, settings, timeoutMs: timeoutMs + CLIENT_TIMEOUT_SLACK_MS });
      },
    };
  }

  failed(err: unknown): void {
    // ClickHouse answering with an error proves the connection works; anything else may mean a restart.
    if (!(isVigilError(err) && err.code === 'CLICKHOUSE_QUERY_FAILED')) this.#profile = undefined;
  }

  async close(): Promise<void> {
    this.#profile = undefined;
    this.#http.close();
  }

  #probe(signal: AbortSignal): Promise<ClickHouseServerProfile> {
    if (!this.#profile) {
      const pending = this.#http.query(PROBE_SQL, { signal, settings: {} }).then((rows) => {
        const profile = profileFromProbe(rows);
        this.#serverVersion = profile.serverVersion;
        return profile;
      });
      this.#profile = pending;
      pending.catch(() => {
        if (this.#profile === pending) this.#profile = undefined;
      });
    }
    return this.#profile;
  }
}
