import type { vigil } from '@vigil/proto';
import type { ReplicaRow, ReplicationQueueGroup } from '../state/clickhouse-replicas-state.js';
import { wireFields } from './wire-fields.js';

const replicaFields = wireFields<vigil.v1.IClickHouseReplica>();
const queueGroupFields = wireFields<vigil.v1.IClickHouseReplicationQueueGroup>();

/** Replicated tables at `tsMs` → the wire record. */
export function replicasToWire(replicas: readonly ReplicaRow[], tsMs: number): vigil.v1.IClickHouseReplicasSnapshot {
  return {
    tsMs,
    replicas: replicas.map((r) => replicaFields(r)),
  };
}

/** The replication queue by table and type at `tsMs` → the wire record. */
export function replicationQueueToWire(groups: readonly ReplicationQueueGroup[], tsMs: number): vigil.v1.IClickHouseReplicationQueueSnapshot {
  return {
    tsMs,
    groups: groups.map((g) => queueGroupFields(g)),
  };
}
