import type { vigil } from '@vigil/proto';
import { CLICKHOUSE_KINDS } from '../../../../server/src/storage/telemetry/kinds/clickhouse/index.js';
import type { BatchIdentity } from '../../../../server/src/storage/telemetry/record-kind.js';
import type { TelemetryStore } from '../../../../server/src/storage/telemetry/telemetry-store.js';

/**
 * Realistic ClickHouse record batches, as the agent's collectors send them, for the kind contract
 * suites and the API tests (which send them through a raw agent socket).
 */

export const MINUTE = 60_000;
const MIB = 2 ** 20;
const GIB = 2 ** 30;

/** Every ClickHouse record kind for one collection at `end` (Unix ms), the queries in the two minutes before it. */
export function clickHouseRecords(end: number): vigil.v1.Batch.$Properties {
  const m0 = Math.floor(end / MINUTE) * MINUTE - 2 * MINUTE;
  const m1 = m0 + MINUTE;
  return {
    clickhouseQueries: [
      query(m0, '1111', 'SELECT count() FROM events WHERE user_id = ?', { calls: 10, totalDurationMs: 100, p50DurationMs: 8, p95DurationMs: 20, p99DurationMs: 30, readRows: 1000, readBytes: 8000, resultRows: 10, peakMemoryBytes: MIB }),
      query(m1, '1111', 'SELECT count() FROM events WHERE user_id = ?', {
        calls: 30,
        errors: 2,
        errorsByCode: [{ code: 241, count: 2 }],
        totalDurationMs: 600,
        p50DurationMs: 15,
        p95DurationMs: 40,
        p99DurationMs: 50,
        readRows: 3000,
        readBytes: 24000,
        resultRows: 28,
        peakMemoryBytes: 2 * MIB,
      }),
      query(m1, '2222', 'INSERT INTO events FORMAT JSONEachRow', { calls: 5, errors: 1, errorsByCode: [{ code: 252, count: 1 }], totalDurationMs: 50, p95DurationMs: 12, p99DurationMs: 14, writtenRows: 5000, writtenBytes: 400_000, peakMemoryBytes: 4 * MIB }),
      query(m1, '3333', 'SELECT * FROM missing_table', { calls: 3, errors: 3, errorsByCode: [{ code: 60, count: 3 }], totalDurationMs: 3, p95DurationMs: 1, p99DurationMs: 1 }),
    ],
    clickhouseParts: [
      {
        tsMs: end,
        hasDetached: true,
        tables: [
          {
            database: 'analytics',
            table: 'events',
            partitions: 2,
            activeParts: 12,
            maxPartsInPartition: 8,
            rows: 1_000_000,
            bytesOnDisk: 120 * MIB,
            dataCompressedBytes: 100 * MIB,
            dataUncompressedBytes: 500 * MIB,
            partitionStats: [
              { partitionId: '202610', partition: '202610', activeParts: 8, rows: 200_000, bytesOnDisk: 4 * MIB, dataCompressedBytes: 3 * MIB, dataUncompressedBytes: 15 * MIB },
              { partitionId: '202611', partition: '202611', activeParts: 4, rows: 800_000, bytesOnDisk: 116 * MIB, dataCompressedBytes: 97 * MIB, dataUncompressedBytes: 485 * MIB },
            ],
          },
          {
            database: 'analytics',
            table: 'users',
            partitions: 1,
            activeParts: 1,
            maxPartsInPartition: 1,
            rows: 5000,
            bytesOnDisk: 2 * GIB,
            dataCompressedBytes: 2 * GIB,
            dataUncompressedBytes: 3 * GIB,
            partitionStats: [{ partitionId: 'all', partition: 'tuple()', activeParts: 1, rows: 5000, bytesOnDisk: 2 * GIB, dataCompressedBytes: 2 * GIB, dataUncompressedBytes: 3 * GIB }],
          },
        ],
        detached: [
          { database: 'analytics', table: 'events', reason: 'broken', parts: 2 },
          { database: 'analytics', table: 'events', reason: '', parts: 1 },
          { database: 'analytics', table: 'users', reason: 'unexpected', parts: 1 },
        ],
      },
    ],
    clickhouseMerges: [
      {
        tsMs: end,
        merges: [
          { database: 'analytics', table: 'events', partitionId: '202611', resultPartName: '202611_1_6_1', elapsedS: 30, progress: 0.25, numParts: 6, totalSizeBytesCompressed: 40 * MIB, rowsRead: 100, memoryBytes: MIB, mergeType: 'REGULAR' },
          { database: 'analytics', table: 'events', partitionId: '202610', resultPartName: '202610_1_9_2_10', elapsedS: 5, progress: 0, numParts: 1, totalSizeBytesCompressed: 2 * MIB, isMutation: true },
        ],
      },
    ],
    clickhouseMutations: [
      {
        tsMs: end,
        mutations: [
          { database: 'analytics', table: 'events', mutationId: 'mutation_10.txt', command: 'DELETE WHERE user_id = ?', createTimeMs: end - 7200_000, ageS: 7200, partsToDo: 3, latestFailReason: '' },
          { database: 'analytics', table: 'users', mutationId: 'mutation_3.txt', command: 'UPDATE name = ? WHERE id = ?', createTimeMs: end - 60_000, ageS: 60, partsToDo: 1, latestFailedPart: 'all_1_1_0', latestFailTimeMs: end - 30_000, latestFailReason: 'Code: 241 Memory limit exceeded' },
        ],
      },
    ],
    clickhouseReplicas: [
      {
        tsMs: end,
        replicas: [
          { database: 'analytics', table: 'events', isLeader: true, absoluteDelayS: 5, queueSize: 3, insertsInQueue: 2, mergesInQueue: 1, queueOldestTimeMs: end - 10_000, lastQueueUpdateMs: end - 1000 },
          { database: 'analytics', table: 'users', isReadonly: true, absoluteDelayS: 0 },
        ],
      },
    ],
    clickhouseReplicationQueue: [
      {
        tsMs: end,
        groups: [
          { database: 'analytics', table: 'events', type: 'GET_PART', entries: 2, executing: 1, maxNumTries: 4, entriesWithException: 1, oldestCreateTimeMs: end - 10_000, lastException: 'Code: 234 No active replica has part', lastExceptionTimeMs: end - 2000 },
          { database: 'analytics', table: 'events', type: 'MERGE_PARTS', entries: 1 },
        ],
      },
    ],
    clickhouseDisks: [
      {
        tsMs: end,
        disks: [
          { name: 'default', path: '/var/lib/clickhouse/', type: 'local', freeBytes: 40 * GIB, totalBytes: 100 * GIB, unreservedBytes: 39 * GIB, keepFreeBytes: 0 },
          { name: 'cold', path: '/mnt/cold/', type: 'local', freeBytes: 900 * GIB, totalBytes: 1000 * GIB, unreservedBytes: 900 * GIB },
        ],
      },
    ],
    clickhouseErrors: [
      {
        tsMs: end,
        windowStartMs: end - MINUTE,
        errors: [
          { name: 'UNKNOWN_TABLE', code: 60, count: 3, lastErrorTimeMs: end - 5000, lastErrorMessage: "Table analytics.missing_table doesn't exist" },
          { name: 'TOO_MANY_PARTS', code: 252, count: 1, lastErrorTimeMs: end - 20_000, lastErrorMessage: 'Too many parts (300)' },
        ],
      },
    ],
    clickhouseServer: [
      {
        tsMs: end,
        windowStartMs: end - MINUTE,
        uptimeS: 86_400,
        queriesRunning: 2,
        mergesRunning: 2,
        tcpConnections: 3,
        httpConnections: 5,
        memoryTrackingBytes: 512 * MIB,
        memoryResidentBytes: 900 * MIB,
        maxPartsInPartition: 8,
        hasDeltas: true,
        queries: 48,
        selectQueries: 43,
        insertQueries: 5,
        failedQueries: 6,
        failedSelectQueries: 5,
        failedInsertQueries: 1,
        insertedRows: 5000,
        insertedBytes: 400_000,
        delayedInserts: 1,
      },
    ],
    clickhouseProcesses: [
      {
        tsMs: end,
        queries: [
          { queryId: 'q-short', user: 'app', isInitialQuery: true, queryHash: '1111', hashSource: 1, queryText: 'SELECT count() FROM events WHERE user_id = ?', elapsedS: 0.5, memoryBytes: MIB, readRows: 10, readBytes: 80 },
          { queryId: 'q-long', user: 'etl', isInitialQuery: true, queryHash: '2222', hashSource: 1, queryText: 'INSERT INTO events SELECT * FROM staging', elapsedS: 12.5, memoryBytes: 64 * MIB, readRows: 1_000_000, readBytes: 80_000_000 },
        ],
        queriesOmitted: 0,
      },
    ],
  };
}

function query(minute: number, hash: string, text: string, stats: Partial<vigil.v1.ClickHouseQueryStat.$Properties>): vigil.v1.ClickHouseQueryStat.$Properties {
  const calls = stats.calls ?? 1;
  return { minuteStartMs: minute, queryHash: hash, hashSource: 1, queryText: text, meanDurationMs: (stats.totalDurationMs ?? 0) / calls, ...stats };
}

/** Snapshots of every kind with nothing in them (an idle server), at `ts`. */
export function emptySnapshots(ts: number): vigil.v1.Batch.$Properties {
  return {
    clickhouseParts: [{ tsMs: ts, hasDetached: false, tables: [], detached: [] }],
    clickhouseMerges: [{ tsMs: ts, merges: [] }],
    clickhouseMutations: [{ tsMs: ts, mutations: [] }],
    clickhouseReplicas: [{ tsMs: ts, replicas: [] }],
    clickhouseReplicationQueue: [{ tsMs: ts, groups: [] }],
    clickhouseDisks: [{ tsMs: ts, disks: [] }],
    clickhouseProcesses: [{ tsMs: ts, queries: [] }],
  };
}

/** Stores every ClickHouse kind of `batch` as the ingest queue would (org 'org', database 'db' unless `at` says otherwise). */
export async function storeRecords(store: TelemetryStore, batch: vigil.v1.IBatch, at: Partial<BatchIdentity> & { window_end: number }): Promise<void> {
  const identity: BatchIdentity = { org_id: 'org', database_id: 'db', batch_id: 'b1', window_start: at.window_end - MINUTE, ...at };
  for (const kind of CLICKHOUSE_KINDS) await store.insertRecords(kind, kind.fromBatch(batch, identity));
}
