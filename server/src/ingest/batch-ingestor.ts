import type { vigil } from '@vigil/proto';
import { VigilError, isUuidV7 } from '@vigil/shared';
import type { Database, MetaStore } from '../storage/meta/meta-store.js';
import type { StatementRow, TelemetryStore } from '../storage/telemetry/telemetry-store.js';

/** Limits on one batch; a batch over them is refused whole with a reason, never half-stored. */
export const MAX_STATEMENTS_PER_BATCH = 50_000;
const MAX_QUERY_TEXT = 64 * 1024;
const MAX_HASH = 128;

export interface IngestResult {
  readonly duplicate: boolean;
  readonly rows: number;
}

function bad(message: string): VigilError {
  return new VigilError('INGEST_BAD_BATCH', message);
}

function counter(value: number | null | undefined, field: string): number {
  const n = value ?? 0;
  // The upper bound also catches a negative count wrapped into a uint64 on the wire.
  if (!Number.isFinite(n) || n < 0 || n > Number.MAX_SAFE_INTEGER) throw bad(`${field}: must be a non-negative number below 2^53`);
  return n;
}

function toRows(batch: vigil.v1.IBatch, db: Database): StatementRow[] {
  const statements = batch.statements ?? [];
  if (statements.length > MAX_STATEMENTS_PER_BATCH) throw bad(`statements: at most ${MAX_STATEMENTS_PER_BATCH} per batch, got ${statements.length}`);
  const ts = batch.windowEndMs ?? 0;
  return statements.map((s, i) => {
    const at = `statements[${i}]`;
    if (!s.queryHash || s.queryHash.length > MAX_HASH) throw bad(`${at}.query_hash: must be 1 to ${MAX_HASH} characters`);
    return {
      org_id: db.org_id,
      database_id: db.id,
      batch_id: batch.batchId!,
      ts,
      window_start: batch.windowStartMs ?? 0,
      query_hash: s.queryHash,
      query_text: (s.queryText ?? '').slice(0, MAX_QUERY_TEXT),
      dbid: s.dbid ?? 0,
      userid: s.userid ?? 0,
      username: s.username ?? '',
      toplevel: s.toplevel ?? true,
      calls: counter(s.calls, `${at}.calls`),
      total_time_ms: counter(s.totalTimeMs, `${at}.total_time_ms`),
      rows: counter(s.rows, `${at}.rows`),
      shared_blks_hit: counter(s.sharedBlksHit, `${at}.shared_blks_hit`),
      shared_blks_read: counter(s.sharedBlksRead, `${at}.shared_blks_read`),
      shared_blks_dirtied: counter(s.sharedBlksDirtied, `${at}.shared_blks_dirtied`),
      shared_blks_written: counter(s.sharedBlksWritten, `${at}.shared_blks_written`),
      temp_blks_read: counter(s.tempBlksRead, `${at}.temp_blks_read`),
      temp_blks_written: counter(s.tempBlksWritten, `${at}.temp_blks_written`),
      blk_read_time_ms: counter(s.blkReadTimeMs, `${at}.blk_read_time_ms`),
      blk_write_time_ms: counter(s.blkWriteTimeMs, `${at}.blk_write_time_ms`),
      total_plan_time_ms: counter(s.totalPlanTimeMs, `${at}.total_plan_time_ms`),
    };
  });
}

/**
 * Stores batches exactly once: a batch id already in the ledger is acknowledged as a duplicate
 * without writing; otherwise its rows are written (durably) and then the id is recorded.
 * Concurrent deliveries of one id in this process wait for the first instead of racing it.
 */
export class BatchIngestor {
  readonly #meta: MetaStore;
  readonly #telemetry: TelemetryStore;
  readonly #inFlight = new Map<string, Promise<IngestResult>>();

  constructor(meta: MetaStore, telemetry: TelemetryStore) {
    this.#meta = meta;
    this.#telemetry = telemetry;
  }

  /** Validates and stores one batch for `db`; throws INGEST_BAD_BATCH naming the bad field. */
  async ingest(batch: vigil.v1.IBatch, db: Database): Promise<IngestResult> {
    const batchId = batch.batchId ?? '';
    if (!isUuidV7(batchId)) throw bad('batch_id: must be a lowercase UUIDv7');
    if (!batch.seq || batch.seq < 1) throw bad('seq: must be a positive integer');
    const start = batch.windowStartMs ?? 0;
    const end = batch.windowEndMs ?? 0;
    if (!(end > 0) || !(start > 0) || start > end) throw bad('window_start_ms/window_end_ms: must be positive Unix milliseconds with start <= end');
    const rows = toRows(batch, db);

    const pending = this.#inFlight.get(batchId);
    if (pending) return pending.then((r) => ({ ...r, duplicate: true }));
    const work = this.#store(batchId, batch.seq, db, rows);
    this.#inFlight.set(batchId, work);
    try {
      return await work;
    } finally {
      this.#inFlight.delete(batchId);
    }
  }

  async #store(batchId: string, seq: number, db: Database, rows: StatementRow[]): Promise<IngestResult> {
    const existing = await this.#meta.getIngestedBatch(batchId);
    if (existing) return { duplicate: true, rows: existing.rows };
    await this.#telemetry.insertStatements(rows);
    await this.#meta.recordIngestedBatch({ batch_id: batchId, org_id: db.org_id, database_id: db.id, seq, rows: rows.length, ingested_at: new Date().toISOString() });
    return { duplicate: false, rows: rows.length };
  }
}
