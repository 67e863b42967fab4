import type { vigil } from '@vigil/proto';
import type { ReplicaRow, ReplicationQueueGroup } from '../state/clickhouse-replicas-state.js';

/** Replicated tables at `tsMs` → the wire record. */
export function replicasToWire(replicas: readonly ReplicaRow[], tsMs: number): vigil.v1.IClickHouseReplicasSnapshot {
  return {
    tsMs,
    replicas: replicas.map((r) => ({
      database: r.database,
      table: r.table,
      isLeader: r.isLeader,
      isReadonly: r.isReadonly,
      isSessionExpired: r.isSessionExpired,
      absoluteDelayS: r.absoluteDelayS,
      queueSize: r.queueSize,
      insertsInQueue: r.insertsInQueue,
      mergesInQueue: r.mergesInQueue,
      partMutationsInQueue: r.partMutationsInQueue,
      futureParts: r.futureParts,
      partsToCheck: r.partsToCheck,
      queueOldestTimeMs: r.queueOldestTimeMs,
      lastQueueUpdateMs: r.lastQueueUpdateMs,
    })),
  };
}

/** The replication queue by table and type at `tsMs` → the wire record. */
export function replicationQueueToWire(groups: readonly ReplicationQueueGroup[], tsMs: number): vigil.v1.IClickHouseReplicationQueueSnapshot {
  return {
    tsMs,
    groups: groups.map((g) => ({
      database: g.database,
      table: g.table,
      type: g.type,
      entries: g.entries,
      executing: g.executing,
      maxNumTries: g.maxNumTries,
      entriesWithException: g.entriesWithException,
      numPostponed: g.numPostponed,
      oldestCreateTimeMs: g.oldestCreateTimeMs,
      lastException: g.lastException,
      lastExceptionTimeMs: g.lastExceptionTimeMs,
    })),
  };
}
