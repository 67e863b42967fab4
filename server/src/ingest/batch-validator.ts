import type { vigil } from '@vigil/proto';
import { VigilError, isUuidV7 } from '@vigil/shared';
import type { Database } from '../storage/meta/meta-store.js';
import { RECORD_KINDS } from '../storage/telemetry/kinds/index.js';
import { items, label, MAX_TEXT, name, text, wireNumbers } from '../storage/telemetry/kinds/wire-checks.js';
import type { KindRows } from '../storage/telemetry/record-kind.js';
import { STATEMENT_SUM_COLUMNS } from '../storage/telemetry/kinds/statements/statements-tables.js';
import type { StatementRow, StatementTextRow } from '../storage/telemetry/telemetry-store.js';

/** Limits on one batch; a batch over them is refused whole with a reason, never half-stored. */
export const MAX_STATEMENTS_PER_BATCH = 50_000;
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

function toRows(batch: vigil.v1.IBatch, db: Database, batchId: string, windowStart: number, windowEnd: number): StatementRow[] {
  return items(batch.statements, 'statements', MAX_STATEMENTS_PER_BATCH).map((s, i) => {
    const at = `statements[${i}]`;
    return {
      org_id: db.org_id,
      database_id: db.id,
      batch_id: batchId,
      ts: windowEnd,
      window_start: windowStart,
      query_hash: name(s.queryHash, `${at}.query_hash`, MAX_HASH),
      query_text: text(s.queryText, MAX_TEXT),
      dbid: s.dbid ?? 0,
      userid: s.userid ?? 0,
      username: label(s.username, `${at}.username`, MAX_USERNAME),
      // PostgreSQL names are at most 63 bytes; the bound is the user name's, generous for any server's build.
      datname: label(s.datname, `${at}.datname`, MAX_USERNAME),
      toplevel: s.toplevel ?? true,
      // Counts as uint64 counters, *_ms sums as non-negative doubles: the kinds' own checks.
      ...wireNumbers(STATEMENT_SUM_COLUMNS, s, at),
    };
  });
}

function toTexts(batch: vigil.v1.IBatch, db: Database, windowEnd: number): StatementTextRow[] {
  const texts = items(batch.statementTexts, 'statement_texts', MAX_STATEMENTS_PER_BATCH).map((t, i) => ({ hash: name(t.queryHash, `statement_texts[${i}].query_hash`, MAX_HASH), text: t.queryText ?? '' }));
  // An empty text carries nothing to keep; it must never replace one already stored.
  return texts
    .filter((t) => t.text !== '')
    .map((t) => ({ org_id: db.org_id, database_id: db.id, query_hash: t.hash, query_text: t.text.slice(0, MAX_TEXT), last_seen: windowEnd }));
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
