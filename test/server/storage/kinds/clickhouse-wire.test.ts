import { expect } from 'chai';
import type { vigil } from '@vigil/proto';
import { CLICKHOUSE_KINDS } from '../../../../server/src/storage/telemetry/kinds/clickhouse/index.js';
import type { BatchIdentity } from '../../../../server/src/storage/telemetry/record-kind.js';
import { clickHouseRecords, emptySnapshots } from './clickhouse-batches.js';

const END = Date.parse('2026-11-01T12:00:30Z');
const AT: BatchIdentity = { org_id: 'org', database_id: 'db', batch_id: 'b', window_start: END - 60_000, window_end: END };

function rowsOf(batch: vigil.v1.IBatch): number {
  return CLICKHOUSE_KINDS.reduce((sum, kind) => sum + kind.fromBatch(batch, AT).length, 0);
}

/** The INGEST_BAD_BATCH message validating `batch` raises. */
function refusal(batch: vigil.v1.IBatch): string {
  try {
    rowsOf(batch);
  } catch (err) {
    expect(err).to.have.property('code', 'INGEST_BAD_BATCH');
    return (err as Error).message;
  }
  throw new Error('batch was accepted');
}

describe('ClickHouse record kinds: wire validation', () => {
  it('turns every record into rows, one per item and one marker per empty snapshot', () => {
    // 4 stats + 3 texts, 2 tables + 3 partitions + 3 detached, 2 merges, 2 mutations, 2 replicas + 2 queue groups, 2 disks, 2 errors, 1 server, 2 processes.
    expect(rowsOf(clickHouseRecords(END))).to.equal(7 + 8 + 2 + 2 + 4 + 2 + 2 + 1 + 2);
    expect(rowsOf(emptySnapshots(END))).to.equal(7);
    expect(rowsOf({})).to.equal(0);
  });

  it('names the first bad field by its wire path', () => {
    const records = clickHouseRecords(END);
    const cases: Array<[vigil.v1.IBatch, RegExp]> = [
      [{ clickhouseQueries: [{ ...records.clickhouseQueries![0], queryHash: '' }] }, /^clickhouse_queries\[0\]\.query_hash: /],
      [{ clickhouseQueries: [{ ...records.clickhouseQueries![0], calls: -1 }] }, /^clickhouse_queries\[0\]\.calls: /],
      [{ clickhouseQueries: [{ ...records.clickhouseQueries![0], p95DurationMs: Number.NaN }] }, /^clickhouse_queries\[0\]\.p95_duration_ms: /],
      [{ clickhouseQueries: [{ ...records.clickhouseQueries![0], hashSource: 7 as vigil.v1.ClickHouseQueryHashSource }] }, /^clickhouse_queries\[0\]\.hash_source: /],
      [{ clickhouseQueries: [{ ...records.clickhouseQueries![0], errorsByCode: [{ code: 2 ** 40, count: 1 }] }] }, /^clickhouse_queries\[0\]\.errors_by_code\[0\]\.code: /],
      [{ clickhouseQueries: [{ ...records.clickhouseQueries![0], minuteStartMs: END + 2 * 86_400_000 }] }, /^clickhouse_queries\[0\]\.minute_start_ms: /],
      [{ clickhouseParts: [{ tsMs: END, tables: [records.clickhouseParts![0]!.tables![0]!, { table: 'x', database: '' }] }] }, /^clickhouse_parts\[0\]\.tables\[1\]\.database: /],
      [{ clickhouseParts: [{ tsMs: END, tables: [{ database: 'd', table: 't', partitionStats: [{ partitionId: 'p', rows: 2 ** 60 }] }] }] }, /^clickhouse_parts\[0\]\.tables\[0\]\.partition_stats\[0\]\.rows: /],
      [{ clickhouseMerges: [{ tsMs: 0, merges: [] }] }, /^clickhouse_merges\[0\]\.ts_ms: /],
      [{ clickhouseMerges: [{ tsMs: END, merges: [{ database: 'd', table: 't', progress: -0.5 }] }] }, /^clickhouse_merges\[0\]\.merges\[0\]\.progress: /],
      [{ clickhouseMutations: [{ tsMs: END, mutations: [{ database: 'd', table: 't', mutationId: '' }] }] }, /^clickhouse_mutations\[0\]\.mutations\[0\]\.mutation_id: /],
      [{ clickhouseReplicationQueue: [{ tsMs: END, groups: [{ database: 'd', table: 't', type: 'x'.repeat(2000) }] }] }, /^clickhouse_replication_queue\[0\]\.groups\[0\]\.type: /],
      [{ clickhouseDisks: [{ tsMs: END, disks: [{ name: 'default', freeBytes: 1.5 }] }] }, /^clickhouse_disks\[0\]\.disks\[0\]\.free_bytes: /],
      [{ clickhouseErrors: [{ tsMs: END, errors: [{ name: 'X', code: 1, count: -3 }] }] }, /^clickhouse_errors\[0\]\.errors\[0\]\.count: /],
      [{ clickhouseServer: [{ tsMs: END, hasDeltas: true, failedQueries: -1 }] }, /^clickhouse_server\[0\]\.failed_queries: /],
      [{ clickhouseProcesses: [{ tsMs: END, queries: [{ queryId: 'q', elapsedS: Infinity }] }] }, /^clickhouse_processes\[0\]\.queries\[0\]\.elapsed_s: /],
    ];
    for (const [batch, message] of cases) expect(refusal(batch)).to.match(message);
  });

  it('cuts long free text instead of refusing the batch', () => {
    const [kind] = CLICKHOUSE_KINDS;
    const rows = kind!.fromBatch({ clickhouseQueries: [{ ...clickHouseRecords(END).clickhouseQueries![0], queryText: 'x'.repeat(100_000) }] }, AT);
    const text = rows.map((r) => (r as { values: { query_text?: string } }).values.query_text).find((t) => t !== undefined);
    expect(text).to.have.length(64 * 1024);
  });

  it('ignores counters of a server reading without deltas', () => {
    const server = CLICKHOUSE_KINDS.find((k) => k.name === 'clickhouse_server')!;
    const [row] = server.fromBatch({ clickhouseServer: [{ tsMs: END, hasDeltas: false, queries: 5 }] }, AT) as Array<{ values: { queries: number } }>;
    expect(row!.values.queries).to.equal(0);
  });
});
