import type {
  DatabaseObjectsBaseline,
  DatabaseObjectsSnapshot,
  DiffedDatabaseObjects,
  IndexCounters,
  TableCounters,
} from '../state/postgres-tables-state.js';
import { counterDeltas, wasReset, type CounterDeltas } from './counter-diff.js';

export interface TablesDiff {
  readonly diffed: DiffedDatabaseObjects;
  /** What this database's next run diffs against. */
  readonly baseline: DatabaseObjectsBaseline;
}

/**
 * One database's table and index counters as deltas against its previous reading. Nothing is
 * invented: on the database's first reading, after pg_stat_reset() on it, and for an object
 * seen for the first time or whose counters went down, there are no deltas (gauges still go
 * out). Unlike pg_stat_statements entries, a table first seen now is not counted from zero: it
 * may well have existed before (the database just entered the agent's scope, or the table the
 * largest-tables cap), so its counters hold more than this window.
 */
export function diffDatabaseObjects(
  previous: DatabaseObjectsBaseline | undefined,
  snapshot: DatabaseObjectsSnapshot,
  collectedAtMs: number,
): TablesDiff {
  const comparable = previous !== undefined && !wasReset(previous.statsResetMs, snapshot.tables.statsResetMs) ? previous : undefined;
  const tableDeltas = new Map<number, CounterDeltas<TableCounters>>();
  const indexDeltas = new Map<number, CounterDeltas<IndexCounters>>();
  const tables: Record<string, TableCounters> = {};
  const indexes: Record<string, IndexCounters> = {};
  for (const table of snapshot.tables.tables) {
    tables[table.relid] = table.counters;
    const deltas = counterDeltas(comparable?.tables[table.relid], table.counters);
    if (deltas) tableDeltas.set(table.relid, deltas);
  }
  for (const index of snapshot.indexes) {
    indexes[index.indexrelid] = index.counters;
    const deltas = counterDeltas(comparable?.indexes[index.indexrelid], index.counters);
    if (deltas) indexDeltas.set(index.indexrelid, deltas);
  }
  return {
    diffed: { snapshot, collectedAtMs, windowStartMs: comparable?.collectedAtMs ?? null, tableDeltas, indexDeltas },
    baseline: { collectedAtMs, statsResetMs: snapshot.tables.statsResetMs, tables, indexes },
  };
}
