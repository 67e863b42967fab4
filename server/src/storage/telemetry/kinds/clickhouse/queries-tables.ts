import type { RecordKind } from '../../record-kind.js';
import type { TelemetrySqlClient } from '../../telemetry-sql-client.js';
import { columnsOf, fromWire, identity, IDENTITY_COLUMNS, kindTable, recordKind, tableRow, type TableRow } from '../kind-table.js';
import { nonNegative, counter, hashSource, int32, items, name, text, timestamp, MAX_TEXT } from '../wire-checks.js';

/**
 * ClickHouse query statistics: per minute and fingerprint from system.query_log (ClickHouseQueryStat).
 * Counters are summed over whatever records arrive for a minute; percentiles cannot be summed, so a
 * range's p95/p99 is the calls-weighted 95th/99th percentile of the per-record values (exact when
 * each record holds one call or every record the same distribution, an estimate otherwise).
 */

export const CLICKHOUSE_QUERY_STATS = kindTable({
  name: 'clickhouse_query_stats',
  columns: [
    // ts: the minute's start, Unix ms (server clock).
    ...IDENTITY_COLUMNS,
    ['query_hash', 'string'],
    ['hash_source', 'uint32'],
    ['calls', 'counter', counter],
    ['errors', 'counter', counter],
    ...columnsOf('duration', nonNegative, ['total_duration_ms', 'p50_duration_ms', 'p95_duration_ms', 'p99_duration_ms']),
    ...columnsOf('counter', counter, ['read_rows', 'read_bytes', 'written_rows', 'written_bytes', 'result_rows']),
    ['peak_memory_bytes', 'gauge', counter],
    ['total_memory_bytes', 'counter', counter],
    /** errors_by_code as two parallel arrays: atomic with the counters, and ARRAY JOIN-able on 18.16. */
    ['error_codes', 'int32_array'],
    ['error_counts', 'uint64_array'],
  ],
  orderBy: ['org_id', 'database_id', 'query_hash', 'ts'],
});

export const CLICKHOUSE_QUERY_TEXTS = kindTable({
  name: 'clickhouse_query_texts',
  columns: [
    ['org_id', 'tag'],
    ['database_id', 'tag'],
    ['query_hash', 'string'],
    ['hash_source', 'uint32'],
    ['query_text', 'string'],
    /** When the text was last sent, Unix ms: the newest wins. */
    ['ts', 'time'],
  ],
  orderBy: ['org_id', 'database_id', 'query_hash'],
  engine: 'ReplacingMergeTree(ts)',
});

const MAX_HASH = 128;
const MAX_ERROR_CODES = 1000;
const DAY_MS = 24 * 3600 * 1000;

const baseKind = recordKind({
  name: 'clickhouse_queries',
  version: 200,
  // Texts first: if the stats insert fails the batch comes again, and all the first left is a text.
  tables: [CLICKHOUSE_QUERY_TEXTS, CLICKHOUSE_QUERY_STATS],
  fromBatch(batch, at) {
    const rows: TableRow[] = [];
    const texts = new Map<string, TableRow>();
    items(batch.clickhouseQueries, 'clickhouse_queries').forEach((q, i) => {
      const field = `clickhouse_queries[${i}]`;
      const ts = timestamp(q.minuteStartMs, `${field}.minute_start_ms`, at);
      const queryHash = name(q.queryHash, `${field}.query_hash`, MAX_HASH);
      const source = hashSource(q.hashSource, `${field}.hash_source`);
      const errorsByCode = items(q.errorsByCode, `${field}.errors_by_code`, MAX_ERROR_CODES);
      rows.push(
        tableRow(CLICKHOUSE_QUERY_STATS, {
          ...identity(at, ts),
          query_hash: queryHash,
          hash_source: source,
          ...fromWire(CLICKHOUSE_QUERY_STATS, q, field),
          error_codes: errorsByCode.map((e, j) => int32(e.code, `${field}.errors_by_code[${j}].code`)),
          error_counts: errorsByCode.map((e, j) => counter(e.count, `${field}.errors_by_code[${j}].count`)),
        }),
      );
      const queryText = text(q.queryText, MAX_TEXT);
      if (queryText !== '') {
        texts.set(queryHash, tableRow(CLICKHOUSE_QUERY_TEXTS, { org_id: at.org_id, database_id: at.database_id, query_hash: queryHash, hash_source: source, query_text: queryText, ts: at.window_end }));
      }
    });
    return [...texts.values(), ...rows];
  },
});

/**
 * Texts already written today, per store client. The agent sends a query's text with every
 * per-minute record; writing it once per fingerprint and UTC day (the table's partition) keeps the
 * texts table near one row per fingerprint per day instead of one per minute.
 */
const writtenTexts = new WeakMap<TelemetrySqlClient, Set<string>>();
const MAX_REMEMBERED_TEXTS = 200_000;

function textKey(row: TableRow): string {
  const v = row.values;
  return `${String(v.org_id)}\0${String(v.database_id)}\0${String(v.query_hash)}\0${Math.floor(Number(v.ts) / DAY_MS)}`;
}

export const clickHouseQueriesKind: RecordKind<TableRow> = {
  ...baseKind,
  async insert(ctx, rows) {
    let written = writtenTexts.get(ctx.client);
    if (!written) writtenTexts.set(ctx.client, (written = new Set()));
    const seen = written;
    const fresh = rows.filter((r) => r.table !== CLICKHOUSE_QUERY_TEXTS || !seen.has(textKey(r)));
    await baseKind.insert(ctx, fresh);
    // Remembered only once stored: a failed insert is retried with its texts.
    if (seen.size > MAX_REMEMBERED_TEXTS) seen.clear();
    for (const r of fresh) if (r.table === CLICKHOUSE_QUERY_TEXTS) seen.add(textKey(r));
  },
};
