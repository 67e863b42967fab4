import type { vigil } from '@vigil/proto';
import type { LocksSnapshot } from '../state/postgres-locks-state.js';

/** A locks snapshot taken at `tsMs` → its wire record. */
export function locksToWire(snapshot: LocksSnapshot, tsMs: number): vigil.v1.IPgLockSnapshot {
  return {
    tsMs,
    locks: snapshot.locks.map((l) => ({
      pid: l.pid,
      locktype: l.locktype,
      mode: l.mode,
      granted: l.granted,
      fastpath: l.fastpath,
      datname: l.datname,
      relation: l.relation,
      relationOid: l.relationOid,
      page: l.page,
      tuple: l.tuple,
      virtualxid: l.virtualxid,
      transactionid: l.transactionid,
      classid: l.classid,
      objid: l.objid,
      objsubid: l.objsubid,
      blockingPids: [...l.blockingPids],
      waitDurationMs: l.waitDurationMs,
    })),
    locksOmitted: Math.max(0, snapshot.locksTotal - snapshot.locks.length),
    counts: snapshot.counts.map((c) => ({ locktype: c.locktype, mode: c.mode, granted: c.granted, count: c.count })),
  };
}
