import { Readable } from 'node:stream';
import { createClient, ClickHouseLogLevel, type ClickHouseClient } from '@clickhouse/client';
import type { SqlFragment } from '../clickhouse-sql.js';
import { SqlTelemetryStore } from '../sql-telemetry-store.js';
import type { TelemetrySqlClient } from '../telemetry-sql-client.js';
import { checkWriteFence } from '../write-fence.js';

/**
 * The server telemetry backend: a ClickHouse server over HTTP (CLICKHOUSE_URL), through the official
 * @clickhouse/client. It talks to servers as old as Debian's 18.16 because we use nothing of it that
 * release lacks: no query parameters (values are escaped literals, see clickhouse-sql.ts) and no
 * client-side settings but `wait_end_of_query`, an HTTP-interface option every release accepts.
 */
export class ClickHouseTelemetryStore extends SqlTelemetryStore {
  /** `url`: http(s)://[user:password@]host:port[/database]; credentials go in the Authorization header, never a log. */
  constructor(url: string) {
    super(new ClickHouseHttpSqlClient(url));
  }
}

/**
 * Every release from 18.16 on has it: the materialized views an insert feeds (the statement rollups)
 * are written by threads of their own instead of one after the other, so a flush's insert returns
 * sooner (the same CPU, less of the ack's latency).
 */
const INSERT_SETTINGS = { parallel_view_processing: 1 } as const;

/**
 * TelemetrySqlClient over ClickHouse's HTTP interface. The client's defaults are what the ingest path
 * wants: keep-alive on (idle sockets dropped after 2.5 s, before ClickHouse closes them at 3 s) and
 * request bodies uncompressed (on the loopback or a LAN, gzip would cost both sides more CPU per row
 * than RowBinary's bytes cost to send; see the README's ingest throughput).
 */
export class ClickHouseHttpSqlClient implements TelemetrySqlClient {
  readonly #client: ClickHouseClient;

  constructor(url: string) {
    this.#client = createClient({
      url,
      application: 'vigil-server',
      // Failures reach the caller as rejections; the library's own console logger would bypass pino.
      log: { level: ClickHouseLogLevel.OFF },
      // A socket idle past its TTL is dropped before reuse even when a busy event loop ran the idle
      // timer late: ClickHouse (3 s keep-alive before 23.11) may have closed it, and an insert written
      // into a closed socket fails with EPIPE (seen under load in bench:ingest-throughput).
      keep_alive: { enabled: true, eagerly_destroy_stale_sockets: true },
    });
  }

  async command(statement: SqlFragment): Promise<void> {
    await this.#client.command({ query: statement.text });
  }

  async select<T>(query: SqlFragment): Promise<T[]> {
    // Buffer the whole result server-side, so an error mid-query is an HTTP error, not a truncated 200.
    const result = await this.#client.query({ query: query.text, format: 'JSONEachRow', clickhouse_settings: { wait_end_of_query: 1 } });
    return result.json<T>();
  }

  async insert(table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    checkWriteFence();
    await this.#client.insert({ table, values: rows, format: 'JSONEachRow' });
  }

  async insertRowBinary(table: string, columns: readonly string[], data: Buffer): Promise<void> {
    if (data.length === 0) return;
    checkWriteFence();
    // The client's insert() speaks JSON and text formats only; exec() sends the bytes as they are.
    const { stream } = await this.#client.exec({
      query: `INSERT INTO ${table} (${columns.join(', ')}) FORMAT RowBinary`,
      values: Readable.from([data]),
      clickhouse_settings: INSERT_SETTINGS,
    });
    // The answer to an INSERT is empty once the rows are written; reading it to the end frees the socket.
    for await (const _chunk of stream) {
      // nothing to read
    }
  }

  async close(): Promise<void> {
    await this.#client.close();
  }
}
