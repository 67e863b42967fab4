import type { vigil } from '@vigil/proto';
import { VigilError, isUuidV7 } from '@vigil/shared';
import type { Database } from '../storage/meta/meta-store.js';
import { RECORD_KINDS } from '../storage/telemetry/kinds/index.js';
import type { KindRows } from '../storage/telemetry/record-kind.js';

/** Windows before this are not monitoring data (and would fall outside DateTime64's range). */
const EARLIEST_WINDOW_MS = Date.UTC(2000, 0, 1);
/** Agent clocks may run ahead a little; a window further in the future is a broken clock. */
const MAX_CLOCK_AHEAD_MS = 24 * 3600 * 1000;

/** A batch that passed validation: what the ingest queue stores. */
export interface ValidBatch {
  readonly batchId: string;
  readonly seq: number;
  readonly database: Database;
  /** Every record kind the batch carries (statements, their texts, activity, parts, …), each already validated into rows. */
  readonly records: readonly KindRows[];
}

/** Rows a batch stores across all kinds (ledger and metrics count these). */
export function batchRowCount(batch: ValidBatch): number {
  return batch.records.reduce((sum, r) => sum + r.rows.length, 0);
}

function bad(message: string): VigilError {
  return new VigilError('INGEST_BAD_BATCH', message);
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
  return { batchId, seq, database: db, records };
}
