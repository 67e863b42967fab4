import type { vigil } from '@vigil/proto';
import { stripLiterals } from '@vigil/shared';
import type { DiffedDatabaseObjects } from '../state/postgres-tables-state.js';
import { wireFields } from './wire-fields.js';

const tableCounters = wireFields<vigil.v1.IPgTableStat>();
const indexCounters = wireFields<vigil.v1.IPgIndexStat>();

/**
 * One database's diffed objects → its wire record. Index definitions can carry literals (a
 * partial index's predicate), so they are stripped like query texts.
 */
export function databaseObjectsToWire(d: DiffedDatabaseObjects): vigil.v1.IPgDatabaseObjects {
  const { snapshot } = d;
  return {
    datname: snapshot.datname,
    tsMs: d.collectedAtMs,
    windowStartMs: d.windowStartMs,
    tablesOmitted: Math.max(0, snapshot.tables.tablesTotal - snapshot.tables.tables.length),
    statsResetMs: roundMs(snapshot.tables.statsResetMs),
    tables: snapshot.tables.tables.map((t) => {
      const delta = d.tableDeltas.get(t.relid);
      return {
        relid: t.relid,
        schema: t.schema,
        name: t.name,
        hasSizes: t.sizes !== null,
        totalBytes: t.sizes?.totalBytes ?? null,
        tableBytes: t.sizes?.tableBytes ?? null,
        indexesBytes: t.sizes?.indexesBytes ?? null,
        toastBytes: t.sizes?.toastBytes ?? null,
        nLiveTup: t.nLiveTup,
        nDeadTup: t.nDeadTup,
        nModSinceAnalyze: t.nModSinceAnalyze,
        nInsSinceVacuum: t.nInsSinceVacuum,
        lastVacuumMs: roundMs(t.lastVacuumMs),
        lastAutovacuumMs: roundMs(t.lastAutovacuumMs),
        lastAnalyzeMs: roundMs(t.lastAnalyzeMs),
        lastAutoanalyzeMs: roundMs(t.lastAutoanalyzeMs),
        xidAge: t.xidAge,
        mxidAge: t.mxidAge,
        hasDeltas: delta !== undefined,
        ...(delta && tableCounters(delta)),
      };
    }),
    indexes: snapshot.indexes.map((i) => {
      const delta = d.indexDeltas.get(i.indexrelid);
      return {
        indexrelid: i.indexrelid,
        relid: i.relid,
        schema: i.schema,
        table: i.table,
        name: i.name,
        hasSize: i.sizeBytes !== null,
        sizeBytes: i.sizeBytes,
        valid: i.valid,
        unique: i.unique,
        primary: i.primary,
        backsConstraint: i.backsConstraint,
        idxScanTotal: i.counters.idxScan,
        definition: stripLiterals(i.definition),
        lastIdxScanMs: roundMs(i.lastIdxScanMs),
        hasDeltas: delta !== undefined,
        ...(delta && indexCounters(delta)),
      };
    }),
    sequences: snapshot.sequences.sequences.map((s) => ({
      schema: s.schema,
      name: s.name,
      dataType: s.dataType,
      lastValue: int64Number(s.lastValue),
      minValue: int64Number(s.minValue),
      maxValue: int64Number(s.maxValue),
      incrementBy: int64Number(s.incrementBy),
      lastValueText: s.exact.lastValue,
      minValueText: s.exact.minValue,
      maxValueText: s.exact.maxValue,
      incrementByText: s.exact.incrementBy,
      cycle: s.cycle,
      ownedBy: s.ownedBy,
      columnType: s.columnType,
      usedFraction: s.usedFraction,
    })),
  };
}

// The largest double below 2^63: 2^63 - 1 as a number rounds up to 2^63, which encodes as int64 -2^63.
const INT64_MAX_DOUBLE = 9223372036854774784;

/** A 64-bit value as the nearest number that stays inside int64 on the wire (the exact value travels as text). */
function int64Number(n: number): number {
  return Math.max(-INT64_MAX_DOUBLE, Math.min(INT64_MAX_DOUBLE, n));
}

function roundMs(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms);
}
