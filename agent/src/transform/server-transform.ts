import type { vigil } from '@vigil/proto';
import { ioKey, type DiffedServer } from '../state/postgres-server-state.js';
import { wireFields } from './wire-fields.js';

const databaseCounters = wireFields<vigil.v1.IPgDatabaseStat>();
const checkpointerCounters = wireFields<vigil.v1.IPgCheckpointerStat>();
const walCounters = wireFields<vigil.v1.IPgWalStat>();
const ioCounters = wireFields<vigil.v1.IPgIoStat>();

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
        ...(delta && databaseCounters(delta)),
      };
    }),
    checkpointer: c && checkpointerCounters(c),
    wal: w && walCounters(w),
    io: (snapshot.io ?? []).flatMap((row) => {
      const delta = d.ioDeltas.get(ioKey(row));
      if (!delta || !Object.values(delta).some((value) => value !== null && value > 0)) return [];
      return [
        {
          backendType: row.backendType,
          object: row.object,
          context: row.context,
          opBytes: row.opBytes,
          ...ioCounters(delta),
        },
      ];
    }),
    settings: d.settingsChanged
      ? snapshot.settings.map((s) => ({ name: s.name, setting: s.setting, unit: s.unit, source: s.source, pendingRestart: s.pendingRestart }))
      : [],
  };
}
