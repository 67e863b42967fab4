import { type Advisor, type AdviceObject, chIdent, type Finding, mb, objectKey } from './advisor.js';
import type { ChQueryInput, ChScanInput, ChTableInput } from './clickhouse-input.js';
import { codecAdvice, lowCardinality, missingTtl, orderByMismatch } from './clickhouse-schema-advisors.js';
import { tokens } from './clickhouse-tokens.js';

/**
 * The ClickHouse advisors over parts and query-log telemetry. Parts per partition 150 / 300 are the
 * guide's (inserts are delayed from parts_to_delay_insert = 150).
 */
export const CH_THRESHOLDS = {
  partsPerPartition: 150,
  partsPerPartitionHigh: 300,
  maxPartitions: 1_000,
  minRowsPerPartition: 1_000_000,
  smallInsertsPerHour: 60,
  heavyReadBytes: 10 * 1024 ** 3,
  heavyCalls: 10,
} as const;

function tableObject(t: { database: string; name: string }): AdviceObject {
  return { kind: 'table', database: t.database, schema: null, table: t.name, name: t.name };
}

function findTable(input: ChScanInput, o: AdviceObject): ChTableInput | undefined {
  return input.tables.find((t) => t.database === o.database && t.name === o.name);
}

/** The keywords and unquoted names of a query, upper-cased, with `*`: what the text advisors look for. */
export function keywords(sql: string): string[] {
  return tokens(sql)
    .filter((t) => t.upper !== '' && t.upper !== '.' && t.upper !== '(')
    .map((t) => t.upper);
}

function selectsStar(words: readonly string[]): boolean {
  return words.some((w, i) => w === 'SELECT' && (words[i + 1] === '*' || (words[i + 1] === 'DISTINCT' && words[i + 2] === '*')));
}

function queryObject(q: ChQueryInput): AdviceObject {
  return { kind: 'statement', database: '', schema: null, table: null, name: q.queryHash };
}

function heavy(q: ChQueryInput): boolean {
  return q.calls >= CH_THRESHOLDS.heavyCalls && q.readBytes >= CH_THRESHOLDS.heavyReadBytes / 10;
}

function stillRuns(input: ChScanInput, hash: string): boolean {
  return input.queries.some((q) => q.queryHash === hash);
}

export const tooManyParts: Advisor<ChScanInput> = {
  type: 'too_many_parts',
  engine: 'clickhouse',
  detect(input) {
    return input.tables
      .filter((t) => t.maxPartsInPartition >= CH_THRESHOLDS.partsPerPartition)
      .map((t): Finding => {
        const object = tableObject(t);
        return {
          type: 'too_many_parts',
          severity: t.maxPartsInPartition >= CH_THRESHOLDS.partsPerPartitionHigh ? 'high' : 'medium',
          objectKey: objectKey(object),
          object,
          title: `${t.database}.${t.name} has ${t.maxPartsInPartition} parts in one partition`,
          message: `Merges are not keeping up with inserts on ${t.database}.${t.name}: ${t.activeParts} active parts, up to ${t.maxPartsInPartition} in one partition. From ${CH_THRESHOLDS.partsPerPartition} (parts_to_delay_insert) inserts are delayed, and at parts_to_throw_insert refused.`,
          evidence: { window: { since: input.window.until, until: input.window.until }, figures: { max_parts_in_partition: t.maxPartsInPartition, active_parts: t.activeParts, partitions: t.partitions, rows: t.rows }, notes: [] },
          runbook: {
            steps: ['Batch inserts (thousands of rows or more per INSERT) or enable async_insert, so fewer parts are created.', 'Check merges are not stopped or starved (system.merges, background pool).', 'Merge the crowded partition now.'],
            sql: `OPTIMIZE TABLE ${chIdent(t.database, t.name)} FINAL;`,
          },
          impact: { summary: 'Fewer parts: no delayed or refused inserts, fewer files opened per query.', bytes_reclaimed: null, time_saved_ms_per_day: null },
        };
      });
  },
  closure(prior, input) {
    const t = findTable(input, prior.object);
    if (!t) return { outcome: 'resolved', reason: `table ${prior.object.name} no longer exists` };
    return { outcome: 'applied', reason: `parts merged: at most ${t.maxPartsInPartition} parts per partition now (was ${String(prior.evidence.figures.max_parts_in_partition)})` };
  },
};

export const partitionGranularity: Advisor<ChScanInput> = {
  type: 'partition_granularity',
  engine: 'clickhouse',
  detect(input) {
    return input.tables
      .filter((t) => t.partitions > CH_THRESHOLDS.maxPartitions || (t.partitions > 100 && t.rows / t.partitions < CH_THRESHOLDS.minRowsPerPartition / 100))
      .map((t): Finding => {
        const object = tableObject(t);
        return {
          type: 'partition_granularity',
          severity: t.partitions > CH_THRESHOLDS.maxPartitions ? 'high' : 'medium',
          objectKey: objectKey(object),
          object,
          title: `${t.database}.${t.name} is split into ${t.partitions} partitions`,
          message: `${t.partitions} partitions averaging ${Math.round(t.rows / Math.max(1, t.partitions))} rows: parts never merge across partitions, so a fine partition key multiplies parts and files. A partition is a unit of data management (dropping by month), not an index.`,
          evidence: { window: { since: input.window.until, until: input.window.until }, figures: { partitions: t.partitions, rows: t.rows, rows_per_partition: t.rows / Math.max(1, t.partitions), active_parts: t.activeParts }, notes: [] },
          runbook: {
            steps: ['Choose a coarser partition key (toYYYYMM(ts) rather than a day or an id).', 'Create a new table with it, copy the data (INSERT … SELECT), and swap the names.'],
            sql: `CREATE TABLE ${chIdent(t.database, `${t.name}_repartitioned`)} AS ${chIdent(t.database, t.name)} ENGINE = MergeTree PARTITION BY toYYYYMM(<time column>) ORDER BY <sorting key>;\nINSERT INTO ${chIdent(t.database, `${t.name}_repartitioned`)} SELECT * FROM ${chIdent(t.database, t.name)};\nRENAME TABLE ${chIdent(t.database, t.name)} TO ${chIdent(t.database, `${t.name}_old`)}, ${chIdent(t.database, `${t.name}_repartitioned`)} TO ${chIdent(t.database, t.name)};`,
          },
          impact: { summary: 'Fewer partitions: fewer parts, better merges and faster queries across ranges.', bytes_reclaimed: null, time_saved_ms_per_day: null },
        };
      });
  },
  closure(prior, input) {
    const t = findTable(input, prior.object);
    if (!t) return { outcome: 'resolved', reason: `table ${prior.object.name} no longer exists` };
    return { outcome: 'applied', reason: `${t.partitions} partitions now (was ${String(prior.evidence.figures.partitions)})` };
  },
};

function insertsOf(input: ChScanInput): ChQueryInput[] {
  const hours = Math.max(1, (input.window.until - input.window.since) / 3_600_000);
  return input.queries.filter((q) => keywords(q.text)[0] === 'INSERT' && q.calls / hours >= CH_THRESHOLDS.smallInsertsPerHour && q.resultRows / Math.max(1, q.calls) < 1_000);
}

export const smallInserts: Advisor<ChScanInput> = {
  type: 'small_inserts',
  engine: 'clickhouse',
  detect(input) {
    const hours = Math.max(1, (input.window.until - input.window.since) / 3_600_000);
    return insertsOf(input).map((q): Finding => {
      const object = queryObject(q);
      return {
        type: 'small_inserts',
        severity: q.calls / hours >= 3600 ? 'high' : 'medium',
        objectKey: objectKey(object),
        object,
        title: `${Math.round(q.calls / hours)} small INSERTs an hour`,
        message: `This INSERT runs ${q.calls} times in the window with about ${Math.round(q.resultRows / Math.max(1, q.calls))} rows each: every INSERT creates a part, and many tiny parts are what merges cannot keep up with.`,
        evidence: { window: input.window, figures: { calls: q.calls, calls_per_hour: q.calls / hours, rows_per_insert: q.resultRows / Math.max(1, q.calls), query: q.text.slice(0, 500) }, notes: [] },
        runbook: {
          steps: ['Batch rows in the client (a buffer flushed every few seconds or every 10k+ rows), or', 'let the server batch them: async_insert = 1 (ClickHouse 21.11+), with wait_for_async_insert = 1 to keep the acknowledgement.'],
          sql: 'SET async_insert = 1, wait_for_async_insert = 1;\n-- or per user: ALTER USER <user> SETTINGS async_insert = 1, wait_for_async_insert = 1;',
        },
        impact: { summary: 'Far fewer parts created and merged; inserts no longer delayed.', bytes_reclaimed: null, time_saved_ms_per_day: null },
      };
    });
  },
  closure(prior, input) {
    return stillRuns(input, prior.object.name)
      ? { outcome: 'applied', reason: 'the INSERT now runs less often with more rows each (batched)' }
      : { outcome: 'resolved', reason: 'the INSERT no longer runs' };
  },
};

function textAdvisor(type: 'select_star_heavy' | 'final_usage', matches: (words: readonly string[]) => boolean, words: { title: string; message: string; steps: string[]; sql: string; fixed: string }): Advisor<ChScanInput> {
  return {
    type,
    engine: 'clickhouse',
    detect(input) {
      return input.queries
        .filter((q) => heavy(q) && matches(keywords(q.text)))
        .map((q): Finding => {
          const object = queryObject(q);
          return {
            type,
            severity: q.readBytes >= CH_THRESHOLDS.heavyReadBytes ? 'high' : 'medium',
            objectKey: objectKey(object),
            object,
            title: words.title,
            message: `${words.message} It ran ${q.calls} times and read ${mb(q.readBytes)} in the window.`,
            evidence: { window: input.window, figures: { calls: q.calls, read_bytes: q.readBytes, read_rows: q.readRows, mean_ms: q.meanMs, query: q.text.slice(0, 500) }, notes: [] },
            runbook: { steps: words.steps, sql: words.sql },
            impact: { summary: 'Less data read per call.', bytes_reclaimed: null, time_saved_ms_per_day: null },
          };
        });
    },
    closure(prior, input) {
      return stillRuns(input, prior.object.name) ? { outcome: 'resolved', reason: 'the query reads less now' } : { outcome: 'applied', reason: words.fixed };
    },
  };
}

export const selectStarHeavy = textAdvisor('select_star_heavy', selectsStar, {
  title: 'Heavy query reads every column (SELECT *)',
  message: 'ClickHouse stores each column apart: SELECT * reads all of them, where the query probably needs a few.',
  steps: ['List only the columns the caller uses.', 'Check read_bytes of the new query in system.query_log.'],
  sql: '-- rewrite: SELECT <needed columns> FROM … instead of SELECT *',
  fixed: 'the SELECT * query no longer runs (rewritten with its columns)',
});

export const finalUsage = textAdvisor('final_usage', (w) => w.includes('FINAL'), {
  title: 'Heavy query uses FINAL',
  message: 'FINAL merges rows at read time, single-threaded per partition on older releases, and reads every column of the sorting key.',
  steps: ['Aggregate instead (argMax(value, version) GROUP BY key), or', 'keep FINAL but restrict by partition (do_not_merge_across_partitions_select_final = 1 on 20.10+), or', 'run OPTIMIZE … FINAL off-peak so fewer rows need merging.'],
  sql: '-- rewrite: SELECT key, argMax(value, version) FROM <table> GROUP BY key',
  fixed: 'the FINAL query no longer runs (rewritten)',
});

/** Every ClickHouse advisor, in the order findings are listed. */
export const CLICKHOUSE_ADVISORS: readonly Advisor<ChScanInput>[] = [tooManyParts, partitionGranularity, smallInserts, selectStarHeavy, finalUsage, orderByMismatch, lowCardinality, codecAdvice, missingTtl];
