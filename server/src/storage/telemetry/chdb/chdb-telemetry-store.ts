import type { SqlFragment } from '../clickhouse-sql.js';
import { SqlTelemetryStore } from '../sql-telemetry-store.js';
import type { TelemetrySqlClient } from '../telemetry-sql-client.js';
import { checkWriteFence } from '../write-fence.js';
import { acquireChdb, type ChdbHandle } from './chdb-worker.js';

/**
 * The embedded telemetry backend: chDB (a current ClickHouse, in-process) over a data directory.
 * chDB binds one data directory per process, so one server process owns one store.
 */
export class ChdbTelemetryStore extends SqlTelemetryStore {
  constructor(dir: string) {
    super(new ChdbSqlClient(dir));
  }
}

/**
 * TelemetrySqlClient over chDB sessions in worker threads (chdb-worker.ts): statements and inserts on
 * the write session, selects on the read session. A failure to open the directory surfaces on the
 * first call.
 */
export class ChdbSqlClient implements TelemetrySqlClient {
  readonly #chdb: ChdbHandle;

  constructor(dir: string) {
    this.#chdb = acquireChdb(dir);
  }

  async command(statement: SqlFragment): Promise<void> {
    await this.#chdb.worker.query('write', statement.text, 'TabSeparated');
  }

  async select<T>(query: SqlFragment): Promise<T[]> {
    return parseJsonEachRow<T>(await this.#chdb.worker.query('read', query.text, 'JSONEachRow'));
  }

  async insert(table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    checkWriteFence();
    await this.#chdb.worker.insert(table, rows.map((row) => JSON.stringify(row)).join('\n'), 'JSONEachRow');
  }

  async close(): Promise<void> {
    await this.#chdb.release();
  }
}

function parseJsonEachRow<T>(text: string): T[] {
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as T);
}
