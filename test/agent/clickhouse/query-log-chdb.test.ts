import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { ClickHouseQueryClient, ClickHouseRow } from '../../../agent/src/collectors/clickhouse/clickhouse-query-client.js';
import { collectQueryLog } from '../../../agent/src/collectors/clickhouse/query-log-collector.js';
import type { QueryGroup, QueryLogWatermark } from '../../../agent/src/state/clickhouse-query-log-state.js';
import { ChdbSqlClient } from '../../../server/src/storage/telemetry/chdb/chdb-telemetry-store.js';
import { rawSql } from '../../../server/src/storage/telemetry/clickhouse-sql.js';

/**
 * The query-log collector's SQL on a current ClickHouse. chDB (26.x, in-process) has no query log of
 * its own, so fixture tables with system.query_log's current column set (ClickHouse docs,
 * operations/system-tables/query_log; hostname, event_time_microseconds, normalized_query_hash,
 * query_kind, exception_code, ProfileEvents, …) stand in for it, and the collector reads them through
 * its `source` option. The agent runs its real SQL, unchanged, against chDB's engine and catalog.
 */

const FIXTURES = 'vigil_qlog_fixture';

/** system.query_log as current releases create it (the columns that matter here, with their current types, plus the usual neighbours). */
const CURRENT_QUERY_LOG_COLUMNS = `
  hostname LowCardinality(String),
  type Enum8('QueryStart' = 1, 'QueryFinish' = 2, 'ExceptionBeforeStart' = 3, 'ExceptionWhileProcessing' = 4),
  event_date Date,
  event_time DateTime,
  event_time_microseconds DateTime64(6),
  query_start_time DateTime,
  query_start_time_microseconds DateTime64(6),
  query_duration_ms UInt64,
  read_rows UInt64,
  read_bytes UInt64,
  written_rows UInt64,
  written_bytes UInt64,
  result_rows UInt64,
  result_bytes UInt64,
  memory_usage UInt64,
  current_database LowCardinality(String),
  query String,
  formatted_query String,
  normalized_query_hash UInt64,
  query_kind LowCardinality(String),
  databases Array(LowCardinality(String)),
  tables Array(LowCardinality(String)),
  exception_code Int32,
  exception String,
  stack_trace String,
  is_initial_query UInt8,
  user LowCardinality(String),
  query_id String,
  initial_user String,
  initial_query_id String,
  ProfileEvents Map(LowCardinality(String), UInt64),
  Settings Map(LowCardinality(String), LowCardinality(String))`;

/** Releases between 20.x and 21.x: exception_code and is_initial_query, but no normalized_query_hash column (the function exists). */
const NO_HASH_COLUMN_QUERY_LOG_COLUMNS = CURRENT_QUERY_LOG_COLUMNS.replace(/\n\s*normalized_query_hash UInt64,/, '');

interface LogRow {
  readonly secondsAfterStart: number;
  readonly query: string;
  readonly type?: 'QueryStart' | 'QueryFinish' | 'ExceptionBeforeStart' | 'ExceptionWhileProcessing';
  readonly durationMs?: number;
  readonly readRows?: number;
  readonly memory?: number;
  readonly exceptionCode?: number;
  readonly initial?: boolean;
  readonly queryId?: string;
}

let queryIds = 0;

describe('agent/collectors/clickhouse/query-log-collector on current ClickHouse (chDB)', () => {
  let dir: string;
  let chdb: ChdbSqlClient;
  let client: ClickHouseQueryClient;
  // A minute start well inside the last hour, so every row is in one day or the next and in the past.
  let startS: number;

  /** Appends rows to a fixture table as ClickHouse would log them; the hash column is filled the way the server fills it. */
  async function log(table: string, rows: readonly LogRow[], withHashColumn = true): Promise<void> {
    const values = rows.map((row) => {
      const at = startS + row.secondsAfterStart;
      const type = row.type ?? 'QueryFinish';
      const failed = type === 'ExceptionBeforeStart' || type === 'ExceptionWhileProcessing';
      const query = quote(row.query);
      return [
        "'vigil-test'",
        quote(type),
        `toDate(toDateTime(${at}))`,
        `toDateTime(${at})`,
        `toDateTime64(${at}, 6)`,
        `toDateTime(${at})`,
        `toDateTime64(${at}, 6)`,
        row.durationMs ?? 1,
        row.readRows ?? 10,
        (row.readRows ?? 10) * 8,
        0,
        0,
        1,
        8,
        row.memory ?? 1024,
        "'default'",
        query,
        "''",
        ...(withHashColumn ? [`normalizedQueryHash(${query})`] : []),
        "'Select'",
        '[]',
        '[]',
        failed ? (row.exceptionCode ?? 0) : 0,
        failed ? quote(`Code: ${row.exceptionCode ?? 0}. DB::Exception: value 'secret-in-error'`) : "''",
        "''",
        row.initial === false ? 0 : 1,
        "'default'",
        quote(row.queryId ?? `qid-${++queryIds}`),
        "'default'",
        "''",
        'map()',
        'map()',
      ].join(', ');
    });
    await chdb.command(rawSql(`INSERT INTO ${FIXTURES}.${table} VALUES ${values.map((v) => `(${v})`).join(', ')}`));
  }

  async function hashOf(query: string): Promise<string> {
    const [row] = await client.query(`SELECT toString(normalizedQueryHash(${quote(query)})) AS h`);
    return String(row!.h);
  }

  function byText(groups: readonly QueryGroup[], fragment: string): QueryGroup[] {
    return groups.filter((g) => g.queryText.includes(fragment)).sort((a, b) => a.minuteStartMs - b.minuteStartMs);
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-chdb-qlog-'));
    chdb = new ChdbSqlClient(dir);
    client = { query: (text: string) => chdb.select<ClickHouseRow>(rawSql(text)) };
    const [now] = await chdb.select<{ s: number }>(rawSql('SELECT toUInt32(now()) AS s'));
    startS = Math.floor((Number(now!.s) - 1800) / 60) * 60;
    await chdb.command(rawSql(`CREATE DATABASE ${FIXTURES}`));
    for (const [table, columns] of [
      ['query_log', CURRENT_QUERY_LOG_COLUMNS],
      ['query_log_no_hash_column', NO_HASH_COLUMN_QUERY_LOG_COLUMNS],
    ] as const) {
      // The engine clause of the real table: partitioned by month, ordered by date and time.
      await chdb.command(rawSql(`CREATE TABLE ${FIXTURES}.${table} (${columns}) ENGINE = MergeTree PARTITION BY toYYYYMM(event_date) ORDER BY (event_date, event_time)`));
    }
  });

  after(async () => {
    await chdb?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('groups by the normalized_query_hash column per minute, with exact counters, error codes, percentiles and literal-free text', async () => {
    const source = { database: FIXTURES, table: 'query_log' };
    const select = (id: number) => `SELECT name, total FROM shop.orders WHERE customer_id = ${id} AND note = 'secret-${id}'`;
    const rows: LogRow[] = [];
    // Minute 1: 40 finished calls, durations 1..40 ms; their QueryStart rows must not count.
    for (let i = 1; i <= 40; i++) {
      rows.push({ secondsAfterStart: i, query: select(1000 + i), type: 'QueryStart', durationMs: 0 });
      rows.push({ secondsAfterStart: i, query: select(1000 + i), durationMs: i, readRows: 100, memory: 1000 * i });
    }
    // Minute 2: 10 more calls, 3 of them failing (two codes).
    for (let i = 1; i <= 7; i++) rows.push({ secondsAfterStart: 60 + i, query: select(2000 + i), durationMs: 5 });
    rows.push({ secondsAfterStart: 70, query: select(3001), type: 'ExceptionWhileProcessing', exceptionCode: 241, durationMs: 9 });
    rows.push({ secondsAfterStart: 71, query: select(3002), type: 'ExceptionWhileProcessing', exceptionCode: 241, durationMs: 9 });
    rows.push({ secondsAfterStart: 72, query: select(3003), type: 'ExceptionBeforeStart', exceptionCode: 62, durationMs: 0 });
    // Neither a distributed sub-query nor the agent's own reads are the user's workload.
    rows.push({ secondsAfterStart: 73, query: select(4001), initial: false });
    rows.push({ secondsAfterStart: 74, query: `${AGENT_QUERY_MARKER}\nSELECT 1 FROM system.parts WHERE database = 'x'` });
    await log('query_log', rows);

    const reading = await collectQueryLog(client, { eventTimeS: startS, boundaryQueryIds: [] }, { source });
    expect(reading.statuses).to.deep.equal([]);
    expect(reading.fingerprint).to.equal('normalized_query_hash column');
    expect(reading.groups.some((g) => g.queryText.includes('system.parts'))).to.equal(false);

    const hash = await hashOf(select(1));
    const [first, second] = byText(reading.groups, 'shop.orders');
    expect(byText(reading.groups, 'shop.orders')).to.have.length(2);
    for (const group of [first!, second!]) {
      expect(group).to.include({ queryHash: hash, hashSource: 'server', queryText: 'SELECT name, total FROM shop.orders WHERE customer_id = ? AND note = ?' });
    }
    expect(first).to.deep.include({
      minuteStartMs: startS * 1000,
      calls: 40,
      errors: 0,
      errorsByCode: {},
      totalDurationMs: (40 * 41) / 2,
      readRows: 4000,
      readBytes: 32_000,
      resultRows: 40,
      peakMemoryBytes: 40_000,
      totalMemoryBytes: 1000 * ((40 * 41) / 2),
    });
    // ClickHouse's quantiles interpolate; the nearest values of 1..40 bound them.
    expect(first!.p50DurationMs).to.be.within(20, 21);
    expect(first!.p95DurationMs).to.be.within(38, 39);
    expect(first!.p99DurationMs).to.be.within(39, 40);
    expect(second).to.deep.include({ minuteStartMs: (startS + 60) * 1000, calls: 10, errors: 3, errorsByCode: { 241: 2, 62: 1 }, totalDurationMs: 7 * 5 + 18 });
    expect(JSON.stringify(reading.groups)).not.to.match(/secret|1001|3001/);
    expect(reading.watermark?.eventTimeS).to.equal(startS + 74);
  });

  it('reads each row once across runs, including rows of the boundary second that arrive after a read', async () => {
    const source = { database: FIXTURES, table: 'query_log' };
    const query = (n: number) => `SELECT count() FROM shop.boundary_probe WHERE n = ${n}`;
    const base = 600;
    await log('query_log', [
      { secondsAfterStart: base, query: query(1), queryId: 'boundary-1' },
      { secondsAfterStart: base + 1, query: query(2), queryId: 'boundary-2' },
    ]);
    const calls = (groups: readonly QueryGroup[]) => byText(groups, 'boundary_probe').reduce((sum, g) => sum + g.calls, 0);

    const from: QueryLogWatermark = { eventTimeS: startS + base, boundaryQueryIds: [] };
    const first = await collectQueryLog(client, from, { source });
    expect(calls(first.groups)).to.equal(2);
    expect(first.watermark).to.deep.equal({ eventTimeS: startS + base + 1, boundaryQueryIds: ['boundary-2'] });

    // A later flush adds another query that ended in the boundary second, and one after it.
    await log('query_log', [
      { secondsAfterStart: base + 1, query: query(3), queryId: 'boundary-3' },
      { secondsAfterStart: base + 2, query: query(4), queryId: 'boundary-4' },
    ]);
    const second = await collectQueryLog(client, first.watermark, { source });
    expect(calls(second.groups)).to.equal(2);
    expect(second.watermark).to.deep.equal({ eventTimeS: startS + base + 2, boundaryQueryIds: ['boundary-4'] });

    const third = await collectQueryLog(client, second.watermark, { source });
    expect(calls(third.groups)).to.equal(0);
    expect(third.watermark).to.deep.equal(second.watermark);
  });

  it('falls back to the normalizedQueryHash function where the column is missing', async () => {
    const source = { database: FIXTURES, table: 'query_log_no_hash_column' };
    const query = (id: number) => `SELECT * FROM shop.items WHERE id IN (${id}, ${id + 1}, ${id + 2})`;
    await log('query_log_no_hash_column', [1, 2, 3].map((i) => ({ secondsAfterStart: i, query: query(i * 10) })), false);

    const reading = await collectQueryLog(client, { eventTimeS: startS, boundaryQueryIds: [] }, { source });
    expect(reading.fingerprint).to.equal('normalizedQueryHash function');
    expect(reading.groups).to.have.length(1);
    expect(reading.groups[0]).to.include({ calls: 3, queryHash: await hashOf(query(1)), hashSource: 'server', queryText: 'SELECT * FROM shop.items WHERE id IN (?..)' });
  });
});

function quote(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}
