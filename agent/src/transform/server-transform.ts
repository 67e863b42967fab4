import type { vigil } from '@vigil/proto';
import { ioKey, type DiffedServer } from '../state/postgres-server-state.js';

/** Diffed server statistics → the wire record. I/O rows with nothing in the window are left out: most combinations never see any. */
export function serverToWire(d: DiffedServer): vigil.v1.IPgServerSnapshot {
  const { snapshot } = d;
  const c = d.checkpointerDeltas;
  const w = d.walDeltas;
  return {
    tsMs: d.collectedAtMs,
    windowStartMs: d.windowStartMs,
    connections: snapshot.connections.connections,
    maxConnections: snapshot.connections.maxConnections,
    superuserReservedConnections: snapshot.connections.superuserReservedConnections,
    reservedConnections: snapshot.connections.reservedConnections,
    postmasterStartMs: Math.round(snapshot.connections.postmasterStartMs),
    databases: snapshot.databases.map((db) => {
      const delta = d.databaseDeltas.get(db.datname);
      return {
        datname: db.datname,
        sizeBytes: db.sizeBytes,
        numbackends: db.numbackends,
        xidAge: db.xidAge,
        mxidAge: db.mxidAge,
        hasDeltas: delta !== undefined,
        ...(delta && {
          xactCommit: delta.xactCommit,
          xactRollback: delta.xactRollback,
          blksRead: delta.blksRead,
          blksHit: delta.blksHit,
          tupReturned: delta.tupReturned,
          tupFetched: delta.tupFetched,
          tupInserted: delta.tupInserted,
          tupUpdated: delta.tupUpdated,
          tupDeleted: delta.tupDeleted,
          conflicts: delta.conflicts,
          tempFiles: delta.tempFiles,
          tempBytes: delta.tempBytes,
          deadlocks: delta.deadlocks,
          checksumFailures: delta.checksumFailures,
          blkReadTimeMs: delta.blkReadTimeMs,
          blkWriteTimeMs: delta.blkWriteTimeMs,
          sessionTimeMs: delta.sessionTimeMs,
          activeTimeMs: delta.activeTimeMs,
          idleInTransactionTimeMs: delta.idleInTransactionTimeMs,
          sessions: delta.sessions,
          sessionsAbandoned: delta.sessionsAbandoned,
          sessionsFatal: delta.sessionsFatal,
          sessionsKilled: delta.sessionsKilled,
        }),
      };
    }),
    checkpointer: c && {
      checkpointsTimed: c.checkpointsTimed,
      checkpointsRequested: c.checkpointsRequested,
      checkpointWriteTimeMs: c.checkpointWriteTimeMs,
      checkpointSyncTimeMs: c.checkpointSyncTimeMs,
      buffersCheckpoint: c.buffersCheckpoint,
      buffersClean: c.buffersClean,
      maxwrittenClean: c.maxwrittenClean,
      buffersAlloc: c.buffersAlloc,
      buffersBackend: c.buffersBackend,
      buffersBackendFsync: c.buffersBackendFsync,
      restartpointsTimed: c.restartpointsTimed,
      restartpointsRequested: c.restartpointsRequested,
      restartpointsDone: c.restartpointsDone,
    },
    wal: w && {
      walRecords: w.walRecords,
      walFpi: w.walFpi,
      walBytes: w.walBytes,
      walBuffersFull: w.walBuffersFull,
      walWrite: w.walWrite,
      walSync: w.walSync,
      walWriteTimeMs: w.walWriteTimeMs,
      walSyncTimeMs: w.walSyncTimeMs,
    },
    io: (snapshot.io ?? []).flatMap((row) => {
      const delta = d.ioDeltas.get(ioKey(row));
      if (!delta || !Object.values(delta).some((value) => value !== null && value > 0)) return [];
      return [
        {
          backendType: row.backendType,
          object: row.object,
          context: row.context,
          opBytes: row.opBytes,
          reads: delta.reads,
          readTimeMs: delta.readTimeMs,
          writes: delta.writes,
          writeTimeMs: delta.writeTimeMs,
          writebacks: delta.writebacks,
          writebackTimeMs: delta.writebackTimeMs,
          extends: delta.extends,
          extendTimeMs: delta.extendTimeMs,
          hits: delta.hits,
          evictions: delta.evictions,
          reuses: delta.reuses,
          fsyncs: delta.fsyncs,
          fsyncTimeMs: delta.fsyncTimeMs,
        },
      ];
    }),
    settings: d.settingsChanged
      ? snapshot.settings.map((s) => ({ name: s.name, setting: s.setting, unit: s.unit, source: s.source, pendingRestart: s.pendingRestart }))
      : [],
  };
}
