import { createHash } from 'node:crypto';
import {
  ioKey,
  type CounterReading,
  type DatabaseCounters,
  type DiffedServer,
  type IoCounters,
  type ServerBaseline,
  type ServerSnapshot,
  type SettingRow,
} from '../state/postgres-server-state.js';
import { counterDeltas, wasReset, type CounterDeltas, type CounterValues } from './counter-diff.js';

export interface ServerDiff {
  readonly diffed: DiffedServer;
  readonly baseline: ServerBaseline;
}

/** Deltas of one view's counters, unless there is no earlier reading or its stats_reset moved. */
function readingDeltas<C extends CounterValues>(previous: CounterReading<C> | null | undefined, current: CounterReading<C>): CounterDeltas<C> | undefined {
  if (!previous || wasReset(previous.statsResetMs, current.statsResetMs)) return undefined;
  return counterDeltas(previous.counters, current.counters);
}

/** A digest of the settings, so the baseline stays small and a change anywhere shows. */
export function settingsFingerprint(settings: readonly SettingRow[]): string {
  return createHash('sha256').update(JSON.stringify(settings)).digest('base64url');
}

/**
 * Server counters (pg_stat_database per database, checkpointer, WAL, I/O) as deltas against the
 * previous reading; see counterDeltas for when there are none. Settings are compared by
 * fingerprint so they go out only when one changed.
 */
export function diffServer(previous: ServerBaseline | undefined, snapshot: ServerSnapshot, collectedAtMs: number): ServerDiff {
  const databases: Record<string, CounterReading<DatabaseCounters>> = {};
  const databaseDeltas = new Map<string, CounterDeltas<DatabaseCounters>>();
  for (const db of snapshot.databases) {
    const reading = { statsResetMs: db.statsResetMs, counters: db.counters };
    databases[db.datname] = reading;
    const deltas = readingDeltas(previous?.databases[db.datname], reading);
    if (deltas) databaseDeltas.set(db.datname, deltas);
  }
  const io: Record<string, CounterReading<IoCounters>> = {};
  const ioDeltas = new Map<string, CounterDeltas<IoCounters>>();
  for (const row of snapshot.io ?? []) {
    const key = ioKey(row);
    io[key] = { statsResetMs: row.statsResetMs, counters: row.counters };
    const deltas = readingDeltas(previous?.io[key], row);
    if (deltas) ioDeltas.set(key, deltas);
  }
  const fingerprint = settingsFingerprint(snapshot.settings);
  return {
    diffed: {
      snapshot,
      collectedAtMs,
      windowStartMs: previous?.collectedAtMs ?? null,
      databaseDeltas,
      checkpointerDeltas: readingDeltas(previous?.checkpointer, snapshot.checkpointer),
      walDeltas: snapshot.wal ? readingDeltas(previous?.wal, snapshot.wal) : undefined,
      ioDeltas,
      settingsChanged: previous?.settingsFingerprint !== fingerprint,
    },
    baseline: { collectedAtMs, databases, checkpointer: snapshot.checkpointer, wal: snapshot.wal, io, settingsFingerprint: fingerprint },
  };
}
