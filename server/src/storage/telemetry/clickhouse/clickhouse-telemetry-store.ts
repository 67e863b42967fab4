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

/** TelemetrySqlClient over ClickHouse's HTTP interface. */
export class ClickHouseHttpSqlClient implements TelemetrySqlClient {
  readonly #client: ClickHouseClient;

  constructor(url: string) {
    this.#client = createClient({
      url,
      application: 'vigil-server',
      // Failures reach the caller as rejections; the library's own console logger would bypass pino.
      log: { level: ClickHouseLogLevel.OFF },
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
    const { stream } = await this.#client.exec({ query: `INSERT INTO ${table} (${columns.join(', ')}) FORMAT RowBinary`, values: Readable.from([data]) });
    // The answer to an INSERT is empty once the rows are written; reading it to the end frees the socket.
    for await (const _chunk of stream) {
      // nothing to read
    }
  }

  async close(): Promise<void> {
    await this.#client.close();
  }
}
