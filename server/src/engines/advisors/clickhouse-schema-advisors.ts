import { type Advisor, type AdviceObject, chIdent, type Finding, mb, objectKey } from './advisor.js';
import type { ChScanInput, ChTableInput, ChTableSchemaInput } from './clickhouse-input.js';
import { tokens } from './clickhouse-tokens.js';

/**
 * The ClickHouse advisors that read table definitions (the agent's table_schemas, hourly): sorting
 * key against what heavy queries filter on, time columns without a delta codec, large tables
 * with no TTL. A release without codecs (before 19.1) or TTLs (before 19.6) gets no advice it
 * could not follow.
 */
export const CH_SCHEMA_THRESHOLDS = {
  heavyQueryCalls: 10,
  heavyQueryReadRows: 10_000_000,
  codecMinRows: 1_000_000,
  ttlMinBytes: 10 * 1024 ** 3,
  lowCardinalityMaxDistinct: 10_000,
  lowCardinalityMinSampled: 10_000,
  lowCardinalityMinRows: 1_000_000,
} as const;

/** LowCardinality left experimental in 19.0. */
const LOW_CARDINALITY_SINCE: readonly [number, number] = [19, 0];
const CODECS_SINCE: readonly [number, number] = [19, 1];
const TTL_SINCE: readonly [number, number] = [19, 6];

function releaseAtLeast(version: string | null, since: readonly [number, number]): boolean {
  if (version === null) return false;
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > since[0] || (major === since[0] && minor >= since[1]);
}

const CLAUSE_END = new Set(['GROUP', 'ORDER', 'LIMIT', 'SETTINGS', 'FORMAT', 'HAVING', 'UNION', 'WITH']);

/** The table a SELECT reads FROM (database-qualified when written so) and the identifiers of its WHERE/PREWHERE. */
function filteredColumns(sql: string): { database: string | null; table: string; words: Set<string> } | null {
  const t = tokens(sql);
  const from = t.findIndex((x) => x.upper === 'FROM');
  if (from < 0 || t[0]?.upper !== 'SELECT' || !t[from + 1] || t[from + 1]!.text === '(') return null;
  const qualified = t[from + 2]?.text === '.';
  const database = qualified ? t[from + 1]!.text : null;
  const table = qualified ? t[from + 3]?.text : t[from + 1]!.text;
  if (!table) return null;
  const words = new Set<string>();
  let inWhere = false;
  for (const x of t.slice(from)) {
    if (x.upper === 'WHERE' || x.upper === 'PREWHERE') inWhere = true;
    else if (CLAUSE_END.has(x.upper)) inWhere = false;
    else if (inWhere && x.upper !== '.' && x.upper !== '(' && x.upper !== '*') words.add(x.text);
  }
  return words.size > 0 ? { database, table, words } : null;
}

function schemaObject(s: ChTableSchemaInput): AdviceObject {
  return { kind: 'table', database: s.database, schema: null, table: s.name, name: s.name };
}

function findSchema(input: ChScanInput, o: AdviceObject): ChTableSchemaInput | undefined {
  return input.schemas.find((s) => s.database === o.database && s.name === o.name);
}

function partsOf(input: ChScanInput, s: ChTableSchemaInput): ChTableInput | undefined {
  return input.tables.find((t) => t.database === s.database && t.name === s.name);
}

/** Column names in the sorting key's first element (`toStartOfHour(ts), id` → ts). */
function leadingKeyColumns(s: ChTableSchemaInput): Set<string> {
  const first = s.sortingKey.split(',')[0] ?? '';
  const columns = new Set(s.columns.map((c) => c.name));
  return new Set(tokens(first).filter((x) => columns.has(x.text)).map((x) => x.text));
}

export const orderByMismatch: Advisor<ChScanInput> = {
  type: 'order_by_mismatch',
  engine: 'clickhouse',
  detect(input) {
    const byTable = new Map<string, { schema: ChTableSchemaInput; filters: Map<string, number>; calls: number; readRows: number; hashes: string[] }>();
    for (const q of input.queries) {
      if (q.calls < CH_SCHEMA_THRESHOLDS.heavyQueryCalls || q.readRows < CH_SCHEMA_THRESHOLDS.heavyQueryReadRows) continue;
      const f = filteredColumns(q.text);
      if (!f) continue;
      const schema = input.schemas.find((s) => s.name === f.table && (f.database === null || s.database === f.database));
      if (!schema || schema.sortingKey === '') continue;
      const columns = new Set(schema.columns.map((c) => c.name));
      const filtered = [...f.words].filter((w) => columns.has(w));
      const lead = leadingKeyColumns(schema);
      if (filtered.length === 0 || filtered.some((c) => lead.has(c))) continue;
      const key = `${schema.database}.${schema.name}`;
      const entry = byTable.get(key) ?? { schema, filters: new Map<string, number>(), calls: 0, readRows: 0, hashes: [] as string[] };
      for (const c of filtered) entry.filters.set(c, (entry.filters.get(c) ?? 0) + q.calls);
      entry.calls += q.calls;
      entry.readRows += q.readRows;
      entry.hashes.push(q.queryHash);
      byTable.set(key, entry);
    }
    return [...byTable.values()].map(({ schema, filters, calls, readRows, hashes }): Finding => {
      const object = schemaObject(schema);
      const top = [...filters].sort((a, b) => b[1] - a[1])[0]![0];
      return {
        type: 'order_by_mismatch',
        severity: readRows >= 100 * CH_SCHEMA_THRESHOLDS.heavyQueryReadRows ? 'high' : 'medium',
        objectKey: objectKey(object),
        object,
        title: `Heavy queries on ${schema.database}.${schema.name} filter outside its sorting key`,
        message: `${hashes.length} heavy quer${hashes.length === 1 ? 'y filters' : 'ies filter'} ${schema.name} on ${[...filters.keys()].join(', ')}, but the sorting key (${schema.sortingKey}) starts elsewhere, so the primary index cannot skip granules: they read ${readRows} rows over ${calls} calls.`,
        evidence: { window: input.window, figures: { sorting_key: schema.sortingKey, filter_columns: [...filters.keys()].join(','), calls, read_rows: readRows, query_hashes: hashes.join(',') }, notes: ['The sorting key can only be changed by rebuilding the table; a data-skipping index or a projection (21.6+) are lighter options.'] },
        runbook: {
          steps: [`Put ${top} first in the sorting key (lower cardinality columns first), by creating a new table and copying the data, or`, `add a data-skipping index on ${top} (minmax for ranges, set or bloom_filter for equality) and materialize it.`],
          sql: `ALTER TABLE ${chIdent(schema.database, schema.name)} ADD INDEX ${chIdent(`${top}_idx`)} ${chIdent(top)} TYPE minmax GRANULARITY 4;\nALTER TABLE ${chIdent(schema.database, schema.name)} MATERIALIZE INDEX ${chIdent(`${top}_idx`)};\n-- or rebuild: CREATE TABLE … ORDER BY (${top}, ${schema.sortingKey}); INSERT INTO … SELECT * FROM ${chIdent(schema.database, schema.name)};`,
        },
        impact: { summary: 'Queries filtering on the column read only matching granules instead of the whole table.', bytes_reclaimed: null, time_saved_ms_per_day: null },
      };
    });
  },
  closure(prior, input) {
    const s = findSchema(input, prior.object);
    if (!s) return { outcome: 'resolved', reason: `table ${prior.object.name} no longer exists` };
    if (s.sortingKey !== prior.evidence.figures.sorting_key) return { outcome: 'applied', reason: `the sorting key is now ${s.sortingKey}` };
    return { outcome: 'resolved', reason: 'the heavy queries filtering outside the sorting key no longer run' };
  },
};

const TIME_TYPE = /^(Nullable\()?(Date|DateTime|DateTime64)(\(|$)/;

export const codecAdvice: Advisor<ChScanInput> = {
  type: 'codec',
  engine: 'clickhouse',
  detect(input) {
    if (!releaseAtLeast(input.serverVersion, CODECS_SINCE)) return [];
    const findings: Finding[] = [];
    for (const s of input.schemas) {
      const rows = partsOf(input, s)?.rows ?? 0;
      if (rows < CH_SCHEMA_THRESHOLDS.codecMinRows) continue;
      for (const c of s.columns) {
        if (!TIME_TYPE.test(c.type) || /Delta/i.test(c.codec)) continue;
        const object: AdviceObject = { kind: 'column', database: s.database, schema: null, table: s.name, name: c.name };
        findings.push({
          type: 'codec',
          severity: 'low',
          objectKey: objectKey(object),
          object,
          title: `Time column ${s.database}.${s.name}.${c.name} without a delta codec`,
          message: `${c.name} (${c.type}) is stored with ${c.codec === '' ? 'the default codec' : c.codec}; times that rise steadily compress far better as deltas (DoubleDelta) before ZSTD.`,
          evidence: { window: { since: input.window.until, until: input.window.until }, figures: { type: c.type, codec: c.codec, rows }, notes: [] },
          runbook: { steps: ['Change the column codec (new parts use it; existing parts take it when merged, or OPTIMIZE … FINAL now).'], sql: `ALTER TABLE ${chIdent(s.database, s.name)} MODIFY COLUMN ${chIdent(c.name)} ${c.type} CODEC(DoubleDelta, ZSTD(1));` },
          impact: { summary: 'Smaller column files for the time column (often several times smaller), so less read per query.', bytes_reclaimed: null, time_saved_ms_per_day: null },
        });
      }
    }
    return findings;
  },
  closure(prior, input) {
    const s = input.schemas.find((x) => x.database === prior.object.database && x.name === prior.object.table);
    const c = s?.columns.find((x) => x.name === prior.object.name);
    if (!c) return { outcome: 'resolved', reason: `column ${prior.object.name} no longer exists` };
    return /Delta/i.test(c.codec) ? { outcome: 'applied', reason: `${c.name} now uses ${c.codec}` } : { outcome: 'resolved', reason: 'the table no longer meets the size condition' };
  },
};

export const lowCardinality: Advisor<ChScanInput> = {
  type: 'low_cardinality',
  engine: 'clickhouse',
  detect(input) {
    if (!releaseAtLeast(input.serverVersion, LOW_CARDINALITY_SINCE)) return [];
    const findings: Finding[] = [];
    for (const s of input.schemas) {
      const rows = partsOf(input, s)?.rows ?? 0;
      if (rows < CH_SCHEMA_THRESHOLDS.lowCardinalityMinRows) continue;
      for (const c of s.columns) {
        if (!/^(Nullable\()?String\)?$/.test(c.type) || c.sampledRows < CH_SCHEMA_THRESHOLDS.lowCardinalityMinSampled) continue;
        if (c.distinctEstimate === 0 || c.distinctEstimate > CH_SCHEMA_THRESHOLDS.lowCardinalityMaxDistinct) continue;
        const object: AdviceObject = { kind: 'column', database: s.database, schema: null, table: s.name, name: c.name };
        findings.push({
          type: 'low_cardinality',
          severity: 'low',
          objectKey: objectKey(object),
          object,
          title: `${s.database}.${s.name}.${c.name} has few distinct values: LowCardinality(String)`,
          message: `${c.name} (${c.type}) held about ${c.distinctEstimate} distinct values in ${c.sampledRows} sampled rows; dictionary encoding stores and compares such strings as small integers.`,
          evidence: { window: { since: input.window.until, until: input.window.until }, figures: { type: c.type, distinct_estimate: c.distinctEstimate, sampled_rows: c.sampledRows, table_rows: rows }, notes: ['Estimated from the first rows of the table: check count(DISTINCT) over the whole column before changing it.'] },
          runbook: { steps: ['Change the column type (a mutation rewrites the column in every part; run it off-peak).'], sql: `ALTER TABLE ${chIdent(s.database, s.name)} MODIFY COLUMN ${chIdent(c.name)} ${c.type.startsWith('Nullable') ? 'LowCardinality(Nullable(String))' : 'LowCardinality(String)'};` },
          impact: { summary: 'Smaller column and faster filters and GROUP BY on it.', bytes_reclaimed: null, time_saved_ms_per_day: null },
        });
      }
    }
    return findings;
  },
  closure(prior, input) {
    const s = input.schemas.find((x) => x.database === prior.object.database && x.name === prior.object.table);
    const c = s?.columns.find((x) => x.name === prior.object.name);
    if (!c) return { outcome: 'resolved', reason: `column ${prior.object.name} no longer exists` };
    return c.type.startsWith('LowCardinality') ? { outcome: 'applied', reason: `${c.name} is now ${c.type}` } : { outcome: 'resolved', reason: 'the column has more distinct values now' };
  },
};

export const missingTtl: Advisor<ChScanInput> = {
  type: 'missing_ttl',
  engine: 'clickhouse',
  detect(input) {
    if (!releaseAtLeast(input.serverVersion, TTL_SINCE)) return [];
    return input.schemas.flatMap((s): Finding[] => {
      const parts = partsOf(input, s);
      const time = s.columns.find((c) => TIME_TYPE.test(c.type));
      if (s.hasTtl || !parts || parts.bytesOnDisk < CH_SCHEMA_THRESHOLDS.ttlMinBytes || !time) return [];
      const object = schemaObject(s);
      return [
        {
          type: 'missing_ttl',
          severity: 'low',
          objectKey: objectKey(object),
          object,
          title: `${s.database}.${s.name} (${mb(parts.bytesOnDisk)}) keeps its data forever`,
          message: `${s.name} holds ${parts.rows} rows in ${mb(parts.bytesOnDisk)} and has no TTL: nothing ever expires, so it only grows.`,
          evidence: { window: { since: input.window.until, until: input.window.until }, figures: { bytes_on_disk: parts.bytesOnDisk, rows: parts.rows, time_column: time.name }, notes: ['Choose the retention with the data\'s owners; a TTL deletes data.'] },
          runbook: { steps: [`Decide how long rows must be kept, by ${time.name}.`, 'Set a table TTL (expired rows go at merges; ttl_only_drop_parts = 1 drops whole parts cheaply when partitions follow time).'], sql: `ALTER TABLE ${chIdent(s.database, s.name)} MODIFY TTL ${chIdent(time.name)} + INTERVAL 90 DAY;` },
          impact: { summary: 'Bounded storage: rows older than the retention are removed in the background.', bytes_reclaimed: null, time_saved_ms_per_day: null },
        },
      ];
    });
  },
  closure(prior, input) {
    const s = findSchema(input, prior.object);
    if (!s) return { outcome: 'resolved', reason: `table ${prior.object.name} no longer exists` };
    return s.hasTtl ? { outcome: 'applied', reason: `${s.name} has a TTL now` } : { outcome: 'resolved', reason: `${s.name} is below the size threshold` };
  },
};
