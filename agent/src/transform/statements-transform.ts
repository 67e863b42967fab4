import { stripLiterals, type StatementStat } from '@vigil/shared';
import type { StatementDelta } from '../state/postgres-statements-state.js';

/** Deltas → wire records. Query text leaves the host only after literal values are stripped. */
export function statementsToWire(deltas: readonly StatementDelta[]): StatementStat[] {
  return deltas.map((d) => ({
    queryHash: d.queryid,
    queryText: stripLiterals(d.query),
    dbid: d.dbid,
    userid: d.userid,
    username: d.rolname ?? '',
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
  }));
}
