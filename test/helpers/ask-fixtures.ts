import type { StatementRow } from '../../server/src/storage/telemetry/telemetry-store.js';

/** A statement stats row a minute old (calls, 3 ms a call), for the Ask suites to ask about. */
export function statementRow(org: string, db: string, hash: string, calls: number): StatementRow {
  const ts = Date.now() - 60_000;
  return {
    org_id: org, database_id: db, batch_id: `${db}-${hash}`, ts, window_start: ts - 60_000, query_hash: hash, dbid: 1, userid: 1, username: 'app', toplevel: true,
    calls, total_time_ms: calls * 3, rows: calls, shared_blks_hit: 0, shared_blks_read: 0, shared_blks_dirtied: 0, shared_blks_written: 0, temp_blks_read: 0, temp_blks_written: 0,
    blk_read_time_ms: 0, blk_write_time_ms: 0, total_plan_time_ms: 0, query_text: `SELECT ${hash}`, datname: 'app',
  } as StatementRow;
}
