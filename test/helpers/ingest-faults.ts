import type { vigil } from '@vigil/proto';
import type { VigilError } from '@vigil/shared';
import { createLogger } from '../../server/src/logger.js';
import type { ValidBatch } from '../../server/src/ingest/batch-validator.js';
import { IngestQueue, type IngestOutcome } from '../../server/src/ingest/ingest-queue.js';
import { ServerMetrics } from '../../server/src/ops/metrics.js';
import type { MetaStore } from '../../server/src/storage/meta/meta-store.js';
import { sql } from '../../server/src/storage/telemetry/clickhouse-sql.js';
import type { TelemetrySqlClient } from '../../server/src/storage/telemetry/telemetry-sql-client.js';
import type { TelemetryStore } from '../../server/src/storage/telemetry/telemetry-store.js';
import { until } from '../server/ingest/store-controls.js';

/** An ingest queue as one server process has it, flushing at once; `claimLeaseMs` shortens the claims' lease. */
export function faultQueue(meta: MetaStore, telemetry: TelemetryStore, claimLeaseMs?: number): IngestQueue {
  return new IngestQueue({
    meta,
    telemetry,
    limits: { queueMaxBatches: 1000, queueMaxBytes: 64 << 20, flushDelayMs: 5, flushRows: 50_000, rateMessagesPerSecond: 100, rateBytesPerSecond: 1 << 22 },
    metrics: new ServerMetrics(),
    logger: createLogger('silent'),
    claimLeaseMs,
  });
}

/** The agent's re-send, repeated while another claim on the batch is live (INGEST_BATCH_IN_PROGRESS). */
export async function resend(queue: IngestQueue, batch: ValidBatch): Promise<IngestOutcome> {
  let outcome: IngestOutcome | undefined;
  await until(async () => {
    outcome = await queue.submit(batch, 100).catch((err: unknown) => {
      if ((err as VigilError).code === 'INGEST_BATCH_IN_PROGRESS') return undefined;
      throw err;
    });
    return outcome !== undefined;
  }, 'the re-sent batch to be claimed');
  return outcome!;
}

/**
 * The batch the exactly-once tests write under faults, and what one clean write of it stores: two
 * record kinds, four inserts (statement texts, statement_stats with the rollups ClickHouse derives,
 * activity sessions, the activity snapshot row).
 */
export function faultBatch(batchId: string, windowEndMs: number): vigil.v1.IBatch {
  return {
    batchId,
    seq: 1,
    database: 'main',
    windowStartMs: windowEndMs - 60_000,
    windowEndMs,
    statements: [1, 2, 3].map((calls) => ({ queryHash: `q${calls}`, queryText: `SELECT ${calls}`, calls, totalTimeMs: calls / 2, rows: 10 * calls })),
    pgActivity: [{ tsMs: windowEndMs, sessions: [1, 2].map((pid) => ({ pid, datname: 'app', usename: 'alice', state: 'active', query: 'SELECT 1', queryDurationMs: pid, queryStartMs: windowEndMs - pid })) }],
  };
}

/** Inserts one clean write of faultBatch makes. */
export const FAULT_BATCH_INSERTS = 4;

/** What one write of faultBatch stores: calls per table (raw and both rollups), distinct texts, activity rows. */
export const FAULT_BATCH_STORED = { raw_calls: 6, raw_rows: 3, hourly_calls: 6, daily_calls: 6, texts: 3, sessions: 2, snapshots: 1 } as const;

export type StoredCounts = { -readonly [K in keyof typeof FAULT_BATCH_STORED]: number };

/** The counts FAULT_BATCH_STORED describes, as the database `databaseId` has them (read straight from the tables). */
export async function storedCounts(client: TelemetrySqlClient, databaseId: string): Promise<StoredCounts> {
  const one = async (query: ReturnType<typeof sql>) => Number((await client.select<{ n: number | string }>(query))[0]?.n ?? 0);
  return {
    raw_calls: await one(sql`SELECT sum(calls) AS n FROM statement_stats WHERE database_id = ${databaseId}`),
    raw_rows: await one(sql`SELECT count() AS n FROM statement_stats WHERE database_id = ${databaseId}`),
    hourly_calls: await one(sql`SELECT sum(calls) AS n FROM statement_stats_hourly WHERE database_id = ${databaseId}`),
    daily_calls: await one(sql`SELECT sum(calls) AS n FROM statement_stats_daily WHERE database_id = ${databaseId}`),
    // A ReplacingMergeTree: a text written twice is one text once merged.
    texts: await one(sql`SELECT uniqExact(query_hash) AS n FROM statement_texts WHERE database_id = ${databaseId}`),
    sessions: await one(sql`SELECT count() AS n FROM pg_activity_sessions WHERE database_id = ${databaseId}`),
    snapshots: await one(sql`SELECT count() AS n FROM pg_activity_snapshots WHERE database_id = ${databaseId}`),
  };
}
