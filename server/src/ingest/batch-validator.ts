import type { vigil } from '@vigil/proto';
import { VigilError, isUuidV7 } from '@vigil/shared';
import type { Database } from '../storage/meta/meta-store.js';
import { RECORD_KINDS } from '../storage/telemetry/kinds/index.js';
import type { KindRows } from '../storage/telemetry/record-kind.js';
import type { StatementRow, StatementTextRow } from '../storage/telemetry/telemetry-store.js';

/** Limits on one batch; a batch over them is refused whole with a reason, never half-stored. */
export const MAX_STATEMENTS_PER_BATCH = 50_000;
const MAX_QUERY_TEXT = 64 * 1024;
const MAX_HASH = 128;
const MAX_USERNAME = 256;
/** Windows before this are not monitoring data (and would fall outside DateTime64's range). */
const EARLIEST_WINDOW_MS = Date.UTC(2000, 0, 1);
/** Agent clocks may run ahead a little; a window further in the future is a broken clock. */
const MAX_CLOCK_AHEAD_MS = 24 * 3600 * 1000;

/** A batch that passed validation: what the ingest queue stores. */
export interface ValidBatch {
  readonly batchId: string;
  readonly seq: number;
  readonly database: Database;
  readonly rows: readonly StatementRow[];
  /** Statement texts sent on their own (StatementText), each stored once per statement. */
  readonly texts: readonly StatementTextRow[];
  /** Every other record kind the batch carries, each already validated into rows. */
  readonly records: readonly KindRows[];
}

/** Rows a batch stores across all kinds (ledger and metrics count these). */
export function batchRowCount(batch: ValidBatch): number {
  return batch.rows.length + batch.texts.length + batch.records.reduce((sum, r) => sum + r.rows.length, 0);
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

function toRows(batch: vigil.v1.IBatch, db: Database, batchId: string, windowStart: number, windowEnd: number): StatementRow[] {
  const statements = batch.statements ?? [];
  if (statements.length > MAX_STATEMENTS_PER_BATCH) throw bad(`statements: at most ${MAX_STATEMENTS_PER_BATCH} per batch, got ${statements.length}`);
  return statements.map((s, i) => {
    const at = `statements[${i}]`;
    if (!s.queryHash || s.queryHash.length > MAX_HASH) throw bad(`${at}.query_hash: must be 1 to ${MAX_HASH} characters`);
    if ((s.username ?? '').length > MAX_USERNAME) throw bad(`${at}.username: must be at most ${MAX_USERNAME} characters`);
    // PostgreSQL names are at most 63 bytes; the bound is the user name's, generous for any server's build.
    if ((s.datname ?? '').length > MAX_USERNAME) throw bad(`${at}.datname: must be at most ${MAX_USERNAME} characters`);
    return {
      org_id: db.org_id,
      database_id: db.id,
      batch_id: batchId,
      ts: windowEnd,
      window_start: windowStart,
      query_hash: s.queryHash,
      query_text: (s.queryText ?? '').slice(0, MAX_QUERY_TEXT),
      dbid: s.dbid ?? 0,
      userid: s.userid ?? 0,
      username: s.username ?? '',
      datname: s.datname ?? '',
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

function toTexts(batch: vigil.v1.IBatch, db: Database, windowEnd: number): StatementTextRow[] {
  const texts = batch.statementTexts ?? [];
  if (texts.length > MAX_STATEMENTS_PER_BATCH) throw bad(`statement_texts: at most ${MAX_STATEMENTS_PER_BATCH} per batch, got ${texts.length}`);
  texts.forEach((t, i) => {
    if (!t.queryHash || t.queryHash.length > MAX_HASH) throw bad(`statement_texts[${i}].query_hash: must be 1 to ${MAX_HASH} characters`);
  });
  // An empty text carries nothing to keep; it must never replace one already stored.
  return texts
    .filter((t) => (t.queryText ?? '') !== '')
    .map((t) => ({ org_id: db.org_id, database_id: db.id, query_hash: t.queryHash!, query_text: t.queryText!.slice(0, MAX_QUERY_TEXT), last_seen: windowEnd }));
}

/**
 * Checks a decoded Batch for `db` and turns it into rows; throws INGEST_BAD_BATCH naming the
 * first bad field. Everything the stores could choke on is refused here, before the batch is
 * queued, so one agent's bad batch can never fail a grouped insert holding other agents' rows.
 */
export function validateBatch(batch: vigil.v1.IBatch, db: Database, now: number = Date.now()): ValidBatch {
  const batchId = batch.batchId ?? '';
  if (!isUuidV7(batchId)) throw bad('batch_id: must be a lowercase UUIDv7');
  const seq = batch.seq ?? 0;
  if (!Number.isSafeInteger(seq) || seq < 1) throw bad('seq: must be a positive integer below 2^53');
  const start = batch.windowStartMs ?? 0;
  const end = batch.windowEndMs ?? 0;
  if (!(start >= EARLIEST_WINDOW_MS) || !(end <= now + MAX_CLOCK_AHEAD_MS) || !(start <= end)) {
    throw bad('window_start_ms/window_end_ms: must be Unix milliseconds from the year 2000 to no more than a day ahead of the server clock, with start <= end');
  }
  const at = { org_id: db.org_id, database_id: db.id, batch_id: batchId, window_start: start, window_end: end };
  const records = RECORD_KINDS.map((kind) => ({ kind, rows: kind.fromBatch(batch, at) })).filter((r) => r.rows.length > 0);
  return { batchId, seq, database: db, rows: toRows(batch, db, batchId, start, end), texts: toTexts(batch, db, end), records };
}
