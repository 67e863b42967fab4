import { type Advisor, type AdviceObject, type Closure, type Finding, mb, objectKey, pgIdent } from './advisor.js';
import type { PgIndexInput, PgScanInput, PgTableInput } from './postgres-input.js';
import { filterColumns, indexShape, type IndexShape } from './postgres-sql.js';

/**
 * The PostgreSQL advisors, one entry per recommendation type. Thresholds are the guide's
 * ("Engines"): unused index 0 scans and ≥ 1 MB (Basira); duplicate when the columns are a leading
 * prefix of another index with the same method, predicate and expressions; missing index when the
 * index share is < 95 % on ≥ 10k rows and statements average ≥ 20 ms over ≥ 50 calls; sequences
 * 75 / 90 % used.
 */
export const PG_THRESHOLDS = {
  unusedIndexMinBytes: 1024 * 1024,
  missingIndexMinRows: 10_000,
  missingIndexMaxIdxShare: 0.95,
  missingIndexMinMeanMs: 20,
  missingIndexMinCalls: 50,
  bloatMinDeadTuples: 10_000,
  bloatDeadShare: 0.2,
  bloatDeadShareHigh: 0.5,
  autovacuumMinLiveTuples: 1_000_000,
  autovacuumDeadShare: 0.1,
  autovacuumStaleMs: 24 * 3600 * 1000,
  sequenceUsed: 0.75,
  sequenceUsedHigh: 0.9,
  tempBytesForWorkMem: 64 * 1024 * 1024,
  sharedBuffersDefaultBytes: 128 * 1024 * 1024,
} as const;

const REPLICA_NOTE = 'Index statistics are per server: check every standby before dropping, a read replica may scan this index.';

/** An object's name as a title shows it: database.schema.name, since one agent watches several databases and each may hold the same schema. */
function shown(o: { database: string; schema: string; name: string }): string {
  return o.database ? `${o.database}.${o.schema}.${o.name}` : `${o.schema}.${o.name}`;
}

function indexObject(ix: { database: string; schema: string; table: string; name: string }): AdviceObject {
  return { kind: 'index', database: ix.database, schema: ix.schema, table: ix.table, name: ix.name };
}

function tableObject(t: PgTableInput): AdviceObject {
  return { kind: 'table', database: t.database, schema: t.schema, table: t.name, name: t.name };
}

function sameObject(o: AdviceObject, x: { database: string; schema: string; name: string }): boolean {
  return o.database === x.database && o.schema === x.schema && o.name === x.name;
}

function findIndex(input: PgScanInput, o: AdviceObject): PgIndexInput | undefined {
  return input.indexes.find((ix) => sameObject(o, ix));
}

function findTable(input: PgScanInput, o: AdviceObject): PgTableInput | undefined {
  return input.tables.find((t) => o.database === t.database && o.schema === t.schema && o.table === t.name);
}

function resetNote(input: PgScanInput): string {
  return input.statsResetMs === null
    ? 'Statistics of this database were never reset, so "no scans" covers the server\'s whole uptime since statistics were kept.'
    : `Statistics were last reset at ${new Date(input.statsResetMs).toISOString()}: "no scans" covers only the time since.`;
}

const gone = (what: string): Closure => ({ outcome: 'resolved', reason: `${what} no longer exists` });

export const unusedIndex: Advisor<PgScanInput> = {
  type: 'unused_index',
  engine: 'postgres',
  detect(input) {
    return input.indexes
      .filter(
        (ix) =>
          ix.valid &&
          !ix.primary &&
          !ix.unique &&
          !ix.backsConstraint &&
          ix.sizeBytes !== null &&
          ix.sizeBytes >= PG_THRESHOLDS.unusedIndexMinBytes &&
          ix.scansInWindow === 0 &&
          ix.scansSinceReset === 0,
      )
      .map((ix): Finding => {
        const object = indexObject(ix);
        const size = ix.sizeBytes ?? 0;
        return {
          type: 'unused_index',
          severity: size >= 100 * 1024 * 1024 ? 'medium' : 'low',
          objectKey: objectKey(object),
          object,
          title: `Unused index ${shown(ix)} (${mb(size)})`,
          message: `Index ${ix.name} on ${ix.schema}.${ix.table} has not been scanned since the statistics reset, yet costs ${mb(size)} of disk and slows every write to the table.`,
          evidence: {
            window: input.window,
            figures: { size_bytes: size, idx_scan_since_reset: ix.scansSinceReset, idx_scan_in_window: ix.scansInWindow, stats_reset_at: input.statsResetMs === null ? null : new Date(input.statsResetMs).toISOString(), definition: ix.definition },
            notes: [REPLICA_NOTE, resetNote(input)],
          },
          runbook: {
            steps: [
              'Confirm the index is unused on every standby too (pg_stat_user_indexes.idx_scan there).',
              'Keep its definition to recreate it if needed.',
              'Drop it without blocking writes (CONCURRENTLY cannot run inside a transaction block).',
            ],
            sql: `DROP INDEX CONCURRENTLY ${pgIdent(ix.schema, ix.name)};`,
          },
          impact: { summary: `Frees ${mb(size)} and removes its maintenance from every INSERT and UPDATE on ${ix.table}.`, bytes_reclaimed: size, time_saved_ms_per_day: null },
        };
      });
  },
  closure(prior, input) {
    const ix = findIndex(input, prior.object);
    if (!ix) return { outcome: 'applied', reason: `index ${prior.object.name} was dropped` };
    if (ix.scansSinceReset > 0 || (ix.scansInWindow ?? 0) > 0) return { outcome: 'applied', reason: `index ${prior.object.name} is now used (${ix.scansSinceReset} scans since the statistics reset)` };
    return { outcome: 'resolved', reason: `index ${prior.object.name} no longer meets the unused-index condition (size, validity or constraint changed)` };
  },
};

interface ShapedIndex {
  readonly ix: PgIndexInput;
  readonly shape: IndexShape;
}

function shapedByTable(input: PgScanInput): Map<string, ShapedIndex[]> {
  const byTable = new Map<string, ShapedIndex[]>();
  for (const ix of input.indexes) {
    if (!ix.valid) continue;
    const shape = indexShape(ix.definition);
    if (!shape) continue;
    const key = `${ix.database}\u0000${ix.schema}\u0000${ix.table}`;
    byTable.set(key, [...(byTable.get(key) ?? []), { ix, shape }]);
  }
  return byTable;
}

function protectedIndex(ix: PgIndexInput): boolean {
  return ix.primary || ix.unique || ix.backsConstraint;
}

/** Whether `a` is made redundant by `b`: same method and predicate, a's keys a leading prefix of b's; of two equal ones, the later name goes. */
function redundantTo(a: ShapedIndex, b: ShapedIndex): boolean {
  if (a.ix.name === b.ix.name || protectedIndex(a.ix)) return false;
  if (a.shape.method !== b.shape.method || a.shape.predicate !== b.shape.predicate) return false;
  if (a.shape.keys.length > b.shape.keys.length || !a.shape.keys.every((k, i) => b.shape.keys[i] === k)) return false;
  if (a.shape.keys.length < b.shape.keys.length) return true;
  return protectedIndex(b.ix) || a.ix.name > b.ix.name;
}

export const duplicateIndex: Advisor<PgScanInput> = {
  type: 'duplicate_index',
  engine: 'postgres',
  detect(input) {
    const findings: Finding[] = [];
    for (const group of shapedByTable(input).values()) {
      for (const a of group) {
        const cover = group.find((b) => redundantTo(a, b));
        if (!cover) continue;
        const object = indexObject(a.ix);
        const size = a.ix.sizeBytes ?? 0;
        findings.push({
          type: 'duplicate_index',
          severity: 'medium',
          objectKey: objectKey(object),
          object,
          title: `Duplicate index ${shown(a.ix)} (covered by ${cover.ix.name})`,
          message: `Index ${a.ix.name} on ${a.ix.schema}.${a.ix.table} indexes a leading prefix of ${cover.ix.name} with the same method and predicate: every query it serves, ${cover.ix.name} serves too.`,
          evidence: {
            window: input.window,
            figures: { size_bytes: size, covered_by: cover.ix.name, definition: a.ix.definition, covering_definition: cover.ix.definition, idx_scan_since_reset: a.ix.scansSinceReset },
            notes: [REPLICA_NOTE],
          },
          runbook: {
            steps: [`Check that ${cover.ix.name} is valid and stays (it serves the same lookups).`, `Drop ${a.ix.name} without blocking writes.`],
            sql: `DROP INDEX CONCURRENTLY ${pgIdent(a.ix.schema, a.ix.name)};`,
          },
          impact: { summary: `Frees ${mb(size)} and one index update per write on ${a.ix.table}.`, bytes_reclaimed: size, time_saved_ms_per_day: null },
        });
      }
    }
    return findings;
  },
  closure(prior, input) {
    if (!findIndex(input, prior.object)) return { outcome: 'applied', reason: `duplicate index ${prior.object.name} was dropped` };
    return { outcome: 'resolved', reason: `the index covering ${prior.object.name} changed or was dropped` };
  },
};

export const invalidIndex: Advisor<PgScanInput> = {
  type: 'invalid_index',
  engine: 'postgres',
  detect(input) {
    return input.indexes
      .filter((ix) => !ix.valid)
      .map((ix): Finding => {
        const object = indexObject(ix);
        const shape = indexShape(ix.definition);
        const rebuild = ix.definition.replace(/^CREATE (UNIQUE )?INDEX /, (m) => `${m}CONCURRENTLY `);
        return {
          type: 'invalid_index',
          severity: 'high',
          objectKey: objectKey(object),
          object,
          title: `Invalid index ${shown(ix)}`,
          message: `Index ${ix.name} on ${ix.schema}.${ix.table} is invalid (a CREATE INDEX CONCURRENTLY or REINDEX that failed): queries cannot use it, yet every write still maintains it${shape?.unique ? ' and a unique one keeps refusing duplicates it never fully checked' : ''}.`,
          evidence: { window: input.window, figures: { indisvalid: false, size_bytes: ix.sizeBytes, definition: ix.definition, unique: ix.unique }, notes: [] },
          runbook: {
            steps: [
              ...(ix.unique ? ['Find and fix the duplicate keys that made the unique build fail (GROUP BY the key columns HAVING count(*) > 1).'] : []),
              'Drop the invalid index without blocking writes.',
              'Recreate it concurrently if it is still wanted (literal values in a partial predicate show as $n: put them back).',
            ],
            sql: `DROP INDEX CONCURRENTLY ${pgIdent(ix.schema, ix.name)};\n${rebuild};`,
          },
          impact: { summary: 'Stops maintaining an index no query can use; a rebuilt index serves the queries it was made for.', bytes_reclaimed: ix.sizeBytes, time_saved_ms_per_day: null },
        };
      });
  },
  closure(prior, input) {
    const ix = findIndex(input, prior.object);
    return { outcome: 'applied', reason: ix ? `index ${prior.object.name} is valid now (rebuilt)` : `invalid index ${prior.object.name} was dropped` };
  },
};

function leadingColumns(input: PgScanInput, t: { database: string; schema: string; table: string }): Set<string> {
  const lead = new Set<string>();
  for (const ix of input.indexes) {
    if (!ix.valid || ix.database !== t.database || ix.schema !== t.schema || ix.table !== t.table) continue;
    const first = indexShape(ix.definition)?.columns[0];
    if (first) lead.add(first);
  }
  return lead;
}

export const missingIndex: Advisor<PgScanInput> = {
  type: 'missing_index',
  engine: 'postgres',
  detect(input) {
    const tables = new Map<string, PgTableInput[]>();
    for (const t of input.tables) tables.set(t.name, [...(tables.get(t.name) ?? []), t]);
    const candidates = new Map<string, { table: PgTableInput; column: string; statements: { hash: string; mean: number; calls: number; total: number }[] }>();
    for (const st of input.statements) {
      if (st.meanMs < PG_THRESHOLDS.missingIndexMinMeanMs || st.calls < PG_THRESHOLDS.missingIndexMinCalls) continue;
      for (const fc of filterColumns(st.text)) {
        const named = (tables.get(fc.table) ?? []).filter((t) => st.database === '' || t.database === st.database);
        const table = named.find((t) => (fc.schema ?? 'public') === t.schema) ?? (fc.schema === null ? named[0] : undefined);
        if (!table || table.liveTuples < PG_THRESHOLDS.missingIndexMinRows) continue;
        const seq = table.seqScans ?? 0;
        const idx = table.idxScans ?? 0;
        if (seq === 0 || idx / (seq + idx) >= PG_THRESHOLDS.missingIndexMaxIdxShare) continue;
        if (leadingColumns(input, { database: table.database, schema: table.schema, table: table.name }).has(fc.column)) continue;
        const key = `${table.database}\u0000${table.schema}\u0000${table.name}\u0000${fc.column}`;
        const entry = candidates.get(key) ?? { table, column: fc.column, statements: [] };
        entry.statements.push({ hash: st.queryHash, mean: st.meanMs, calls: st.calls, total: st.totalMs });
        candidates.set(key, entry);
      }
    }
    return [...candidates.values()].map(({ table, column, statements }): Finding => {
      const object: AdviceObject = { kind: 'column', database: table.database, schema: table.schema, table: table.name, name: column };
      const seq = table.seqScans ?? 0;
      const idx = table.idxScans ?? 0;
      const total = statements.reduce((s, x) => s + x.total, 0);
      const windowDays = Math.max(1 / 24, (input.window.until - input.window.since) / 86_400_000);
      return {
        type: 'missing_index',
        severity: total / windowDays >= 3_600_000 ? 'high' : 'medium',
        objectKey: objectKey(object),
        object,
        title: `Missing index on ${shown(table)} (${column})`,
        message: `${statements.length} slow statement(s) filter ${table.schema}.${table.name} (${table.liveTuples} rows) on ${column}, which no index leads with, and ${Math.round((seq / (seq + idx)) * 100)} % of its scans read the whole table.`,
        evidence: {
          window: input.window,
          figures: {
            live_tuples: table.liveTuples,
            seq_scan: seq,
            idx_scan: idx,
            idx_share: idx / (seq + idx),
            seq_tup_read: table.seqTuplesRead,
            statements: statements.length,
            slowest_mean_ms: Math.max(...statements.map((s) => s.mean)),
            calls: statements.reduce((s, x) => s + x.calls, 0),
            query_hashes: statements.map((s) => s.hash).join(','),
          },
          notes: ['Candidate column taken from the statements\' WHERE clauses with PostgreSQL\'s parser; check its selectivity before building.'],
        },
        runbook: {
          steps: [`Check the plan of the slowest statement (EXPLAIN) shows a sequential scan on ${table.name}.`, `Create the index concurrently (it does not block writes; it cannot run inside a transaction block).`, 'ANALYZE the table and check the plan uses the index.'],
          sql: `CREATE INDEX CONCURRENTLY ON ${pgIdent(table.schema, table.name)} (${pgIdent(column)});\nANALYZE ${pgIdent(table.schema, table.name)};`,
        },
        impact: { summary: `Should turn sequential scans of ${table.liveTuples} rows into index lookups for these statements (${Math.round(total)} ms of execution in the window).`, bytes_reclaimed: null, time_saved_ms_per_day: Math.round((total * 0.9) / windowDays) },
      };
    });
  },
  closure(prior, input) {
    const o = prior.object;
    if (o.table !== null && leadingColumns(input, { database: o.database, schema: o.schema ?? 'public', table: o.table }).has(o.name)) {
      return { outcome: 'applied', reason: `an index on ${o.table} now leads with ${o.name}` };
    }
    return { outcome: 'resolved', reason: `the slow statements filtering ${o.table} on ${o.name} no longer meet the condition` };
  },
};

function deadShare(t: PgTableInput): number {
  return t.deadTuples / Math.max(1, t.liveTuples + t.deadTuples);
}

export const tableBloat: Advisor<PgScanInput> = {
  type: 'table_bloat',
  engine: 'postgres',
  detect(input) {
    return input.tables
      .filter((t) => t.deadTuples >= PG_THRESHOLDS.bloatMinDeadTuples && deadShare(t) >= PG_THRESHOLDS.bloatDeadShare)
      .map((t): Finding => {
        const object = tableObject(t);
        const share = deadShare(t);
        const reclaim = t.tableBytes === null ? null : Math.round(t.tableBytes * share);
        return {
          type: 'table_bloat',
          severity: share >= PG_THRESHOLDS.bloatDeadShareHigh ? 'high' : 'medium',
          objectKey: objectKey(object),
          object,
          title: `Table ${shown(t)} is ${Math.round(share * 100)} % dead tuples`,
          message: `${t.deadTuples} dead tuples against ${t.liveTuples} live ones: scans read the dead rows too, and the space is not reused until a vacuum.`,
          evidence: { window: input.window, figures: { n_dead_tup: t.deadTuples, n_live_tup: t.liveTuples, dead_share: share, table_bytes: t.tableBytes, last_vacuum_at: iso(t.lastVacuumMs), last_autovacuum_at: iso(t.lastAutovacuumMs) }, notes: [] },
          runbook: {
            steps: ['Vacuum the table now (no exclusive lock).', 'If the file must shrink, rewrite it with pg_repack (online) or VACUUM FULL (exclusive lock for the duration).', 'If it recurs, lower its autovacuum scale factor.'],
            sql: `VACUUM (VERBOSE, ANALYZE) ${pgIdent(t.schema, t.name)};`,
          },
          impact: { summary: 'Marks the dead tuples\' space reusable and shortens scans of the table.', bytes_reclaimed: reclaim, time_saved_ms_per_day: null },
        };
      });
  },
  closure(prior, input) {
    const t = findTable(input, prior.object);
    if (!t) return gone(`table ${prior.object.name}`);
    if (t.lastVacuumMs !== null && t.lastVacuumMs > prior.firstSeenMs) return { outcome: 'applied', reason: `VACUUM ran on ${t.name} at ${iso(t.lastVacuumMs)}` };
    return { outcome: 'resolved', reason: `dead tuples on ${t.name} fell below the threshold without a manual VACUUM` };
  },
};

function numericSetting(input: PgScanInput, name: string): number | null {
  const s = input.settings.get(name);
  const n = s === undefined ? NaN : Number(s.setting);
  return Number.isFinite(n) ? n : null;
}

export const autovacuumTuning: Advisor<PgScanInput> = {
  type: 'autovacuum_tuning',
  engine: 'postgres',
  detect(input) {
    const scale = numericSetting(input, 'autovacuum_vacuum_scale_factor') ?? 0.2;
    if (scale < 0.05) return [];
    return input.tables
      .filter(
        (t) =>
          t.liveTuples >= PG_THRESHOLDS.autovacuumMinLiveTuples &&
          t.deadTuples >= t.liveTuples * PG_THRESHOLDS.autovacuumDeadShare &&
          (t.lastAutovacuumMs === null || input.window.until - t.lastAutovacuumMs > PG_THRESHOLDS.autovacuumStaleMs),
      )
      .map((t): Finding => {
        const object = tableObject(t);
        return {
          type: 'autovacuum_tuning',
          severity: 'medium',
          objectKey: objectKey(object),
          object,
          title: `Autovacuum falls behind on ${shown(t)}`,
          message: `With autovacuum_vacuum_scale_factor ${scale}, ${t.schema}.${t.name} (${t.liveTuples} rows) waits for about ${Math.round(t.liveTuples * scale)} dead tuples before a vacuum; it holds ${t.deadTuples} and was last autovacuumed ${t.lastAutovacuumMs === null ? 'never' : iso(t.lastAutovacuumMs)}.`,
          evidence: { window: input.window, figures: { n_live_tup: t.liveTuples, n_dead_tup: t.deadTuples, autovacuum_vacuum_scale_factor: scale, last_autovacuum_at: iso(t.lastAutovacuumMs) }, notes: [] },
          runbook: {
            steps: ['Give the table its own, lower thresholds so autovacuum visits it in proportion to its churn, not its size.', 'Watch last_autovacuum on the table afterwards.'],
            sql: `ALTER TABLE ${pgIdent(t.schema, t.name)} SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000, autovacuum_analyze_scale_factor = 0.02);`,
          },
          impact: { summary: 'Smaller, more frequent vacuums: less bloat and steadier scan times.', bytes_reclaimed: null, time_saved_ms_per_day: null },
        };
      });
  },
  closure(prior, input) {
    const t = findTable(input, prior.object);
    if (!t) return gone(`table ${prior.object.name}`);
    if (t.lastAutovacuumMs !== null && t.lastAutovacuumMs > prior.firstSeenMs) return { outcome: 'applied', reason: `autovacuum now visits ${t.name} (last at ${iso(t.lastAutovacuumMs)})` };
    return { outcome: 'resolved', reason: `dead tuples on ${t.name} fell below the threshold` };
  },
};

export const sequenceExhaustion: Advisor<PgScanInput> = {
  type: 'sequence_exhaustion',
  engine: 'postgres',
  detect(input) {
    return input.sequences
      .filter((s) => s.usedFraction >= PG_THRESHOLDS.sequenceUsed)
      .map((s): Finding => {
        const object: AdviceObject = { kind: 'sequence', database: s.database, schema: s.schema, table: null, name: s.name };
        const [colSchema, colTable, column] = s.ownedBy.split('.');
        const widen = column && colTable && s.columnType !== 'bigint' ? [`ALTER TABLE ${pgIdent(colSchema ?? null, colTable)} ALTER COLUMN ${pgIdent(column)} TYPE bigint;`] : [];
        return {
          type: 'sequence_exhaustion',
          severity: s.usedFraction >= PG_THRESHOLDS.sequenceUsedHigh ? 'high' : 'medium',
          objectKey: objectKey(object),
          object,
          title: `Sequence ${shown(s)} is ${Math.round(s.usedFraction * 100)} % used`,
          message: `Sequence ${s.name} (${s.dataType}${s.columnType ? `, feeding a ${s.columnType} column` : ''}) is at ${s.lastValue} of ${s.maxValue}: inserts fail once it runs out.`,
          evidence: { window: input.window, figures: { used_fraction: s.usedFraction, last_value: s.lastValue, max_value: s.maxValue, data_type: s.dataType, column_type: s.columnType, owned_by: s.ownedBy }, notes: [] },
          runbook: {
            steps: [
              ...(widen.length > 0 ? ['Widen the column to bigint (rewrites the table under an exclusive lock: plan a window, or migrate through a new column).'] : []),
              'Widen the sequence to bigint.',
            ],
            sql: [...widen, `ALTER SEQUENCE ${pgIdent(s.schema, s.name)} AS bigint;`].join('\n'),
          },
          impact: { summary: 'Removes the outage when the sequence reaches its maximum.', bytes_reclaimed: null, time_saved_ms_per_day: null },
        };
      });
  },
  closure(prior, input) {
    const s = input.sequences.find((x) => sameObject(prior.object, x));
    if (!s) return { outcome: 'resolved', reason: `sequence ${prior.object.name} is no longer among the most used (or was dropped)` };
    if (s.dataType !== prior.evidence.figures.data_type || s.columnType !== prior.evidence.figures.column_type) return { outcome: 'applied', reason: `sequence ${s.name} is now ${s.dataType}${s.columnType ? ` feeding ${s.columnType}` : ''}` };
    return { outcome: 'resolved', reason: `sequence ${s.name} is below the threshold (restarted?)` };
  },
};

const UNIT_BYTES: Record<string, number> = { B: 1, kB: 1024, '8kB': 8192, MB: 1024 ** 2, '16MB': 16 * 1024 ** 2, GB: 1024 ** 3 };

function settingBytes(input: PgScanInput, name: string): number | null {
  const s = input.settings.get(name);
  const unit = s?.unit ? UNIT_BYTES[s.unit] : undefined;
  const n = numericSetting(input, name);
  return n === null || unit === undefined ? null : n * unit;
}

/** Settings are the server's: no database, schema or table. */
function settingObject(name: string): AdviceObject {
  return { kind: 'setting', database: '', schema: null, table: null, name };
}

export const settingTuning: Advisor<PgScanInput> = {
  type: 'setting_tuning',
  engine: 'postgres',
  detect(input) {
    const findings: Finding[] = [];
    const workMem = settingBytes(input, 'work_mem');
    if (workMem !== null && input.tempBytes !== null && input.tempWindow !== null && input.tempBytes >= PG_THRESHOLDS.tempBytesForWorkMem) {
      const object = settingObject('work_mem');
      const proposed = Math.min(workMem * 4, 256 * 1024 ** 2);
      findings.push({
        type: 'setting_tuning',
        severity: 'medium',
        objectKey: objectKey(object),
        object,
        title: `work_mem ${mb(workMem)} spills sorts and hashes to disk`,
        message: `${input.tempFiles ?? 0} temporary files (${mb(input.tempBytes)}) were written in the window: sorts and hashes larger than work_mem spill to disk.`,
        evidence: { window: input.tempWindow, figures: { work_mem_bytes: workMem, temp_files: input.tempFiles, temp_bytes: input.tempBytes, setting: input.settings.get('work_mem')?.setting ?? null }, notes: ['work_mem applies per sort or hash node of each query: multiply by concurrent queries before raising it server-wide.'] },
        runbook: {
          steps: ['Find the statements that spill (pg_stat_statements.temp_blks_written) and consider raising work_mem for them only (SET in the session or role).', 'Or raise it server-wide if memory allows, and reload.'],
          sql: `ALTER SYSTEM SET work_mem = '${Math.round(proposed / 1024 ** 2)}MB';\nSELECT pg_reload_conf();`,
        },
        impact: { summary: 'Sorts and hashes stay in memory instead of temporary files.', bytes_reclaimed: null, time_saved_ms_per_day: null },
      });
    }
    const sharedBuffers = settingBytes(input, 'shared_buffers');
    if (sharedBuffers !== null && sharedBuffers <= PG_THRESHOLDS.sharedBuffersDefaultBytes) {
      const object = settingObject('shared_buffers');
      findings.push({
        type: 'setting_tuning',
        severity: 'low',
        objectKey: objectKey(object),
        object,
        title: `shared_buffers is ${mb(sharedBuffers)}, PostgreSQL's conservative default`,
        message: 'shared_buffers at the default 128 MB leaves most of the cache to the operating system; a quarter of the RAM is the usual starting point.',
        evidence: { window: input.window, figures: { shared_buffers_bytes: sharedBuffers, setting: input.settings.get('shared_buffers')?.setting ?? null, source: input.settings.get('shared_buffers')?.source ?? null }, notes: ['Needs a restart; size it against the host\'s RAM and other processes.'] },
        runbook: { steps: ['Set shared_buffers to about 25 % of the host\'s RAM (here 2GB for an 8 GB host).', 'Restart PostgreSQL.'], sql: `ALTER SYSTEM SET shared_buffers = '2GB';\n-- then restart the server` },
        impact: { summary: 'More of the working set cached inside PostgreSQL.', bytes_reclaimed: null, time_saved_ms_per_day: null },
      });
    }
    return findings;
  },
  closure(prior, input) {
    const now = input.settings.get(prior.object.name)?.setting ?? null;
    if (now !== null && now !== prior.evidence.figures.setting) return { outcome: 'applied', reason: `${prior.object.name} changed from ${String(prior.evidence.figures.setting)} to ${now}` };
    return { outcome: 'resolved', reason: `the condition behind ${prior.object.name} went away without a change of the setting` };
  },
};

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** Every PostgreSQL advisor, in the order findings are listed. */
export const POSTGRES_ADVISORS: readonly Advisor<PgScanInput>[] = [invalidIndex, unusedIndex, duplicateIndex, missingIndex, tableBloat, autovacuumTuning, sequenceExhaustion, settingTuning];

