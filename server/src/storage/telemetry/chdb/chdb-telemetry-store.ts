import { mkdirSync } from 'node:fs';
import { Session } from 'chdb';
import type { SqlFragment } from '../clickhouse-sql.js';
import { SqlTelemetryStore } from '../sql-telemetry-store.js';
import type { TelemetrySqlClient } from '../telemetry-sql-client.js';

/**
 * The embedded telemetry backend: chDB (a current ClickHouse, in-process) over a data directory.
 * chDB binds one data directory per process, so one server process owns one store.
 */
export class ChdbTelemetryStore extends SqlTelemetryStore {
  constructor(dir: string) {
    super(new ChdbSqlClient(dir));
  }
}

/** TelemetrySqlClient over a chDB session. */
export class ChdbSqlClient implements TelemetrySqlClient {
  readonly #session: Session;

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.#session = new Session(dir);
  }

  async command(statement: SqlFragment): Promise<void> {
    await this.#session.queryAsync(statement.text, { format: 'TabSeparated' });
  }

  async select<T>(query: SqlFragment): Promise<T[]> {
    const result = await this.#session.queryAsync(query.text, { format: 'JSONEachRow' });
    return parseJsonEachRow<T>(result.text());
  }

  async insert(table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    const payload = Buffer.from(rows.map((row) => JSON.stringify(row)).join('\n'));
    await this.#session.insert({ table, values: payload, format: 'JSONEachRow' });
  }

  async close(): Promise<void> {
    this.#session.close();
  }
}

function parseJsonEachRow<T>(text: string): T[] {
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as T);
}
