import type { vigil } from '@vigil/proto';
import type { DiffedServer } from '../state/clickhouse-server-state.js';
import { wireFields } from './wire-fields.js';

const serverCounters = wireFields<vigil.v1.IClickHouseServerSnapshot>();

/** Diffed server essentials → the wire record; counter fields only when there are deltas. */
export function clickHouseServerToWire(d: DiffedServer): vigil.v1.IClickHouseServerSnapshot {
  const g = d.reading.gauges;
  const c = d.deltas;
  return {
    tsMs: d.collectedAtMs,
    windowStartMs: d.windowStartMs,
    uptimeS: d.uptimeS,
    queriesRunning: g.queriesRunning,
    mergesRunning: g.mergesRunning,
    tcpConnections: g.tcpConnections,
    httpConnections: g.httpConnections,
    interserverConnections: g.interserverConnections,
    memoryTrackingBytes: g.memoryTrackingBytes,
    memoryResidentBytes: g.memoryResidentBytes,
    readonlyReplicas: g.readonlyReplicas,
    maxPartsInPartition: g.maxPartsInPartition,
    memoryLimitBytes: g.memoryLimitBytes,
    hasDeltas: c !== undefined,
    ...(c && serverCounters(c)),
  };
}
