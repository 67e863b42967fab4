import type { vigil } from '@vigil/proto';
import { VigilError } from '@vigil/shared';
import { rawSql, sql } from '../../clickhouse-sql.js';
import type { BatchIdentity, KindContext } from '../../record-kind.js';
import { bucketStart, type DatabaseScope, identity, IDENTITY_COLUMNS, inRange, kindTable, recordKind, scope, type TableRow, tableRow, type TimeRange } from '../kind-table.js';
import { counter, items, text, timestamp } from '../wire-checks.js';

/**
 * Wait events sampled over one minute (Batch.pg_wait_events): one row per period and event, ts
 * being the period's start. count / samples is the average number of sessions in that wait.
 */

const WAITS = kindTable({
  name: 'pg_wait_events',
  columns: [...IDENTITY_COLUMNS, ['period_end', 'time'], ['samples', 'uint32'], ['wait_event_type', 'tag'], ['wait_event', 'tag'], ['count', 'uint32']],
  orderBy: ['org_id', 'database_id', 'ts', 'wait_event_type', 'wait_event'],
});

const MAX_PERIODS = 10_000;
const MAX_EVENTS = 2_000;

function fromBatch(batch: vigil.v1.IBatch, at: BatchIdentity): TableRow[] {
  return items(batch.pgWaitEvents, 'pg_wait_events', MAX_PERIODS).flatMap((period, i) => {
    const path = `pg_wait_events[${i}]`;
    const start = timestamp(period.periodStartMs, `${path}.period_start_ms`, at);
    const end = timestamp(period.periodEndMs, `${path}.period_end_ms`, at);
    if (end <= start) throw new VigilError('INGEST_BAD_BATCH', `${path}.period_end_ms: must be after period_start_ms`);
    const samples = counter(period.samples, `${path}.samples`);
    const events = items(period.events, `${path}.events`, MAX_EVENTS);
    if (samples === 0 && events.length > 0) throw new VigilError('INGEST_BAD_BATCH', `${path}.samples: must be at least 1 when events are counted`);
    return events.map((e): TableRow => (tableRow(WAITS, { ...identity(at, start), period_end: end, samples, wait_event_type: text(e.waitEventType, 64), wait_event: text(e.waitEvent, 128), count: e.count ?? 0 })));
  });
}

export const waitEventsKind = recordKind({ name: 'pg_wait_events', version: 120, tables: [WAITS], fromBatch });

/** One wait event within one bucket. */
export interface WaitBucket {
  /** Bucket start, Unix ms. */
  readonly ts: number;
  readonly wait_event_type: string;
  readonly wait_event: string;
  /** Sessions seen in this wait, summed over every sample in the bucket. */
  readonly count: number;
  /** Estimated session time spent in this wait: each period's average sessions times its length. */
  readonly total_duration_ms: number;
}

/** Wait events per bucket of `bucketMs` over a range: by bucket, then the most time first; at most `limit` rows. */
export async function waitBuckets(ctx: KindContext, at: DatabaseScope & TimeRange & { readonly bucketMs: number; readonly limit: number }): Promise<WaitBucket[]> {
  const time = ctx.schema.time;
  // LIMIT 1 BY: a batch stored twice (a retry after a partial write) counts once.
  const rows = await ctx.client.select<Record<string, number | string>>(sql`
    SELECT bucket AS ts, wait_event_type, wait_event, sum(seen) AS count,
      sum(if(samples = 0, 0, seen / samples * (end_ms - start_ms))) AS total_duration_ms
    FROM (
      SELECT batch_id, ${bucketStart(ctx, at.bucketMs)} AS bucket, ${time.toUnixMs(rawSql('ts'))} AS start_ms, ${time.toUnixMs(rawSql('period_end'))} AS end_ms,
        samples, wait_event_type, wait_event, count AS seen
      FROM pg_wait_events
      WHERE ${scope(at)} AND ${inRange(ctx, at.since, at.until)}
      LIMIT 1 BY batch_id, start_ms, wait_event_type, wait_event
    )
    GROUP BY bucket, wait_event_type, wait_event
    ORDER BY ts ASC, total_duration_ms DESC, wait_event_type ASC, wait_event ASC
    LIMIT ${at.limit}`);
  return rows.map((r) => ({
    ts: Number(r.ts),
    wait_event_type: String(r.wait_event_type),
    wait_event: String(r.wait_event),
    count: Number(r.count),
    total_duration_ms: Number(r.total_duration_ms),
  }));
}
