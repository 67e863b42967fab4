import type { vigil } from '@vigil/proto';
import { stripLiterals } from '@vigil/shared';
import type { DiffedDatabaseObjects } from '../state/postgres-tables-state.js';

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
        ...(delta && {
          seqScan: delta.seqScan,
          seqTupRead: delta.seqTupRead,
          idxScan: delta.idxScan,
          idxTupFetch: delta.idxTupFetch,
          nTupIns: delta.nTupIns,
          nTupUpd: delta.nTupUpd,
          nTupDel: delta.nTupDel,
          nTupHotUpd: delta.nTupHotUpd,
          nTupNewpageUpd: delta.nTupNewpageUpd,
          heapBlksRead: delta.heapBlksRead,
          heapBlksHit: delta.heapBlksHit,
          idxBlksRead: delta.idxBlksRead,
          idxBlksHit: delta.idxBlksHit,
          toastBlksRead: delta.toastBlksRead,
          toastBlksHit: delta.toastBlksHit,
          tidxBlksRead: delta.tidxBlksRead,
          tidxBlksHit: delta.tidxBlksHit,
          vacuumCount: delta.vacuumCount,
          autovacuumCount: delta.autovacuumCount,
          analyzeCount: delta.analyzeCount,
          autoanalyzeCount: delta.autoanalyzeCount,
        }),
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
        definition: stripLiterals(i.definition),
        lastIdxScanMs: roundMs(i.lastIdxScanMs),
        hasDeltas: delta !== undefined,
        ...(delta && {
          idxScan: delta.idxScan,
          idxTupRead: delta.idxTupRead,
          idxTupFetch: delta.idxTupFetch,
          idxBlksRead: delta.idxBlksRead,
          idxBlksHit: delta.idxBlksHit,
        }),
      };
    }),
    sequences: snapshot.sequences.sequences.map((s) => ({
      schema: s.schema,
      name: s.name,
      dataType: s.dataType,
      lastValue: s.lastValue,
      minValue: s.minValue,
      maxValue: s.maxValue,
      incrementBy: s.incrementBy,
      cycle: s.cycle,
      ownedBy: s.ownedBy,
      columnType: s.columnType,
      usedFraction: s.usedFraction,
    })),
  };
}

function roundMs(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms);
}
