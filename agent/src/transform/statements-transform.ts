import type { vigil } from '@vigil/proto';
import { stripLiterals, type StatementStat } from '@vigil/shared';
import type { StatementDelta, StatementRow } from '../state/postgres-statements-state.js';

/**
 * Deltas → wire records. Query text leaves the host only after literal values are stripped; a
 * delta whose text was not read this run (its key was known) goes out with an empty text.
 */
export function statementsToWire(deltas: readonly StatementDelta[]): StatementStat[] {
  return deltas.map((d) => ({
    queryHash: d.queryid,
    queryText: d.query === '' ? '' : stripLiterals(d.query),
    dbid: d.dbid,
    userid: d.userid,
    username: d.rolname ?? '',
    datname: d.datname ?? '',
    toplevel: d.toplevel,
    calls: d.counters.calls,
    totalTimeMs: d.counters.totalExecTimeMs,
    rows: d.counters.rows,
    sharedBlksHit: d.counters.sharedBlksHit,
    sharedBlksRead: d.counters.sharedBlksRead,
    sharedBlksDirtied: d.counters.sharedBlksDirtied,
    sharedBlksWritten: d.counters.sharedBlksWritten,
    tempBlksRead: d.counters.tempBlksRead,
    tempBlksWritten: d.counters.tempBlksWritten,
    blkReadTimeMs: d.counters.blkReadTimeMs,
    blkWriteTimeMs: d.counters.blkWriteTimeMs,
    totalPlanTimeMs: d.counters.totalPlanTimeMs,
    plans: d.counters.plans,
    localBlksHit: d.counters.localBlksHit,
    localBlksRead: d.counters.localBlksRead,
    localBlksDirtied: d.counters.localBlksDirtied,
    localBlksWritten: d.counters.localBlksWritten,
    tempBlkReadTimeMs: d.counters.tempBlkReadTimeMs,
    tempBlkWriteTimeMs: d.counters.tempBlkWriteTimeMs,
    localBlkReadTimeMs: d.counters.localBlkReadTimeMs,
    localBlkWriteTimeMs: d.counters.localBlkWriteTimeMs,
    walRecords: d.counters.walRecords,
    walFpi: d.counters.walFpi,
    walBytes: d.counters.walBytes,
  }));
}

/** Texts read this run (rows of keys new to the agent), stripped, once per query hash. */
export function statementTextsToWire(rows: readonly StatementRow[]): vigil.v1.IStatementText[] {
  const texts = new Map<string, string>();
  for (const row of rows) if (row.query !== '' && !texts.has(row.queryid)) texts.set(row.queryid, stripLiterals(row.query));
  return [...texts].map(([queryHash, queryText]) => ({ queryHash, queryText }));
}
