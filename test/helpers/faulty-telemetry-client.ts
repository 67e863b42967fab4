import type { SqlFragment } from '../../server/src/storage/telemetry/clickhouse-sql.js';
import type { TelemetrySqlClient } from '../../server/src/storage/telemetry/telemetry-sql-client.js';

/**
 * Fault injection below the telemetry store: a real client (chDB or a ClickHouse server) whose
 * inserts a test can fail, stall, or follow with a hook (a child process kills itself there), by
 * their number counted from when the fault was armed. Everything that proceeds reaches the real store.
 */
export type InsertFault =
  /** The insert is refused before it reaches the store. */
  | { readonly kind: 'fail' }
  /** The insert waits for `until`, then goes on (or is fenced off by then). */
  | { readonly kind: 'stall'; readonly until: Promise<void> }
  /** The insert is stored, then `run` runs before the caller hears of it. */
  | { readonly kind: 'after'; readonly run: () => void };

export class FaultyTelemetryClient implements TelemetrySqlClient {
  readonly #inner: TelemetrySqlClient;
  #count = 0;
  readonly #faults = new Map<number, InsertFault>();
  /** Tables of the inserts made since the last arm(), in call order (including failed and stalled ones). */
  readonly tables: string[] = [];

  constructor(inner: TelemetrySqlClient) {
    this.#inner = inner;
    const rowBinary = inner.insertRowBinary?.bind(inner);
    if (rowBinary) this.insertRowBinary = (table, columns, data) => this.#faulted(table, () => rowBinary(table, columns, data));
  }

  /** Injects `fault` into the `n`-th insert from now (1-based); clears earlier faults. */
  arm(n: number, fault: InsertFault): void {
    this.reset();
    this.#faults.set(this.#count + n, fault);
  }

  /** Counts inserts from now on, without faults. */
  reset(): void {
    this.#faults.clear();
    this.tables.length = 0;
  }

  command(statement: SqlFragment): Promise<void> {
    return this.#inner.command(statement);
  }

  select<T>(query: SqlFragment): Promise<T[]> {
    return this.#inner.select<T>(query);
  }

  async insert(table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    await this.#faulted(table, () => this.#inner.insert(table, rows));
  }

  /** Present when the real client has it, so the store writes RowBinary through here as it would without the wrapper. */
  readonly insertRowBinary?: (table: string, columns: readonly string[], data: Buffer) => Promise<void>;

  async #faulted(table: string, write: () => Promise<void>): Promise<void> {
    this.#count += 1;
    this.tables.push(table);
    const fault = this.#faults.get(this.#count);
    if (fault?.kind === 'fail') throw new Error(`injected: insert #${this.#count} (${table}) failed`);
    if (fault?.kind === 'stall') await fault.until;
    await write();
    if (fault?.kind === 'after') fault.run();
  }

  close(): Promise<void> {
    return this.#inner.close();
  }
}
