import type { vigil } from '@vigil/proto';
import type { ReplicationSnapshot } from '../state/postgres-replication-state.js';

/** A replication snapshot taken at `tsMs` → its wire record. */
export function replicationToWire(snapshot: ReplicationSnapshot, tsMs: number): vigil.v1.IPgReplicationSnapshot {
  const receiver = snapshot.receiver;
  return {
    tsMs,
    inRecovery: snapshot.inRecovery,
    upstreamHost: receiver?.upstreamHost ?? null,
    upstreamPort: receiver?.upstreamPort ?? null,
    receiverStatus: receiver?.status ?? null,
    receiveLagBytes: receiver?.receiveLagBytes ?? null,
    upstreamLastMsgAgeMs: receiver?.lastMsgAgeMs ?? null,
    replayLagBytes: snapshot.replayLagBytes,
    replayLagMs: snapshot.replayLagMs,
    standbys: snapshot.standbys.map((s) => ({
      pid: s.pid,
      applicationName: s.applicationName,
      clientAddr: s.clientAddr,
      state: s.state,
      syncState: s.syncState,
      sentLagBytes: s.sentLagBytes,
      writeLagBytes: s.writeLagBytes,
      flushLagBytes: s.flushLagBytes,
      replayLagBytes: s.replayLagBytes,
      writeLagMs: s.writeLagMs,
      flushLagMs: s.flushLagMs,
      replayLagMs: s.replayLagMs,
    })),
    slots: snapshot.slots.map((s) => ({
      slotName: s.slotName,
      slotType: s.slotType,
      plugin: s.plugin,
      datname: s.datname,
      active: s.active,
      activePid: s.activePid,
      temporary: s.temporary,
      retainedBytes: s.retainedBytes,
      walStatus: s.walStatus,
      hasSafeWalSize: s.safeWalSizeBytes !== null,
      safeWalSizeBytes: s.safeWalSizeBytes,
      confirmedFlushLagBytes: s.confirmedFlushLagBytes,
      xminAge: s.xminAge,
      catalogXminAge: s.catalogXminAge,
    })),
  };
}
