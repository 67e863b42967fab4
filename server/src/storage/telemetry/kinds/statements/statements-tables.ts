import { hash } from 'node:crypto';
import type { vigil } from '@vigil/proto';
import type { BatchIdentity, KindContext, RecordKind } from '../../record-kind.js';
import { UINT64_MS, type TelemetryMigration, type TimeEncoding } from '../../telemetry-ddl.js';
import type { TelemetrySqlClient } from '../../telemetry-sql-client.js';
import { joinSql, rawSql, sql, type SqlFragment } from '../../clickhouse-sql.js';
import { addColumnsMigration, addedColumns, createTable, insertTableRows, kindTable, tableName, tableRow, type ColumnList, type KindTable, type RowOf, type RowOfTable, type TableRow } from '../kind-table.js';
import { items, label, MAX_TEXT, name, text, wireNumbers } from '../wire-checks.js';

/**
 * PostgreSQL statement stats (pg_stat_statements deltas per batch window) as a record kind: the
 * raw rows, the texts kept once per statement, and the hourly and daily rollups ClickHouse derives
 * from the raw insert. Declared with kind-table.ts like every kind; its migrations keep the versions 1–4
 * they shipped with (and the DDL each applied), so an existing deployment neither re-runs nor
 * misses one. Texts sent on their own (Batch.statement_texts) are a kind of their own,
 * statementTextsKind, writing into the statements kind's statement_texts table.
 */

/** The per-statement counters, which the rollups keep too (summed per bucket): counts as counters, times (ms) as durations. */
const SUM_COLUMNS = [
  ['calls', 'counter'],
  ['total_time_ms', 'duration'],
  ['rows', 'counter'],
  ['shared_blks_hit', 'counter'],
  ['shared_blks_read', 'counter'],
  ['shared_blks_dirtied', 'counter'],
  ['shared_blks_written', 'counter'],
  ['temp_blks_read', 'counter'],
  ['temp_blks_written', 'counter'],
  ['blk_read_time_ms', 'duration'],
  ['blk_write_time_ms', 'duration'],
  ['total_plan_time_ms', 'duration'],
] as const satisfies ColumnList;

/** The summed counters' names (the batch validator checks these wire fields). */
export const STATEMENT_SUM_COLUMNS = SUM_COLUMNS.map(([name]) => name);

/** One value per summed counter. */
export type StatementSums = RowOf<typeof SUM_COLUMNS>;

/** Partitioned by day so retention can drop whole partitions; `datname` came with version 4 (last, as its ALTER put it). */
export const STATEMENT_STATS = kindTable({
  name: 'statement_stats',
  columns: [
    ['org_id', 'tag'],
    ['database_id', 'tag'],
    ['batch_id', 'string'],
    // Window end: the row's point in time.
    ['ts', 'time'],
    ['window_start', 'time'],
    ['query_hash', 'string'],
    ['dbid', 'uint32'],
    ['userid', 'uint32'],
    ['username', 'tag'],
    ['toplevel', 'flag'],
    ...SUM_COLUMNS,
    // The PostgreSQL database it ran in (pg_stat_statements is cluster-wide); '' when not reported.
    ['datname', 'tag'],
  ],
  orderBy: ['org_id', 'database_id', 'query_hash', 'ts'],
});

/** Text is kept once per statement rather than on every per-minute row; the newest wins on merge. */
export const STATEMENT_TEXTS = kindTable({
  name: 'statement_texts',
  columns: [
    ['org_id', 'tag'],
    ['database_id', 'tag'],
    ['query_hash', 'string'],
    ['query_text', 'string'],
    ['last_seen', 'time'],
  ],
  orderBy: ['org_id', 'database_id', 'query_hash'],
  engine: 'ReplacingMergeTree(last_seen)',
  // One small row per statement with no time to expire by: an agent sends a text once, so its age
  // says nothing about whether the statement still runs.
  partitionByDay: false,
});

/**
 * One statement's counters over one batch window, as validated and written (ts is the window end).
 * It also carries the text sent with it ('' when sent before), and datname may be absent (older
 * agents, a dropped database): insertStatements writes '' then.
 */
export type StatementRow = Omit<RowOfTable<typeof STATEMENT_STATS>, 'datname'> & { readonly query_text: string; readonly datname?: string };

/** A statement's normalized text as an agent sent it (never empty: an empty text means "unchanged" on the wire); last_seen is the window end, and the newest wins. */
export type StatementTextRow = RowOfTable<typeof STATEMENT_TEXTS>;

const ROLLUP_COLUMNS = [
  ['org_id', 'tag'],
  ['database_id', 'tag'],
  ['query_hash', 'string'],
  // The bucket's start (an hour or a UTC day); raw rows fall in the bucket of their window end.
  ['ts', 'time'],
  ...SUM_COLUMNS,
] as const satisfies ColumnList;

/**
 * A rollup of statement_stats: one row per statement and bucket. Since version 5 ClickHouse derives
 * it (a materialized view per rollup, rollupView) from each insert into statement_stats, so a batch's
 * statements are one insert and either all of their counters are stored or none: a re-send after a
 * half-failed write never doubles a rollup (before 5 the rollups were separate inserts). SummingMergeTree
 * folds rows of one bucket together on merge; reads still sum(), so unmerged parts give the same
 * answer. Day partitions like every telemetry table.
 */
function rollupTable<const N extends string>(name: N) {
  return kindTable({ name, columns: ROLLUP_COLUMNS, orderBy: ['org_id', 'database_id', 'query_hash', 'ts'], engine: 'SummingMergeTree' });
}

export const STATEMENT_STATS_HOURLY = rollupTable('statement_stats_hourly');
export const STATEMENT_STATS_DAILY = rollupTable('statement_stats_daily');

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Where statement counters live, coarsest first: a range reads whole buckets from the coarsest table
 * and its partial buckets from the next finer one. Config keeps raw ≥ 2 days, hourly ≥ 30 and daily ≥
 * hourly, so a whole day is always in the daily table; it does not keep hourly ≥ raw, so a range starting
 * beyond the hourly retention misses its first partial day, as it did before.
 */
export const STATEMENT_TIERS = [
  { table: STATEMENT_STATS_DAILY, bucketMs: DAY_MS, retention: 'daily' },
  { table: STATEMENT_STATS_HOURLY, bucketMs: HOUR_MS, retention: 'hourly' },
  { table: STATEMENT_STATS, bucketMs: 1, retention: 'raw' },
] as const;
export type StatementTier = (typeof STATEMENT_TIERS)[number];

/** The counters a ranking of statements sums (topQueries reads these from every tier). */
export const RANKED_COLUMNS = ['query_hash', 'calls', 'total_time_ms', 'rows', 'shared_blks_hit', 'shared_blks_read'] as const;

/**
 * statement_stats ordered by time within a database, as a projection: the raw rows are ordered by
 * statement first, so reading the partial hour at the start of a ranged ranking scanned the database's
 * whole day partition (576,000 rows for 21,500 on bench:api's week; 7.2 M a day for 5,000 statements
 * reporting every minute). ClickHouse answers such a read from this copy instead, on the granules of
 * that hour; reads that need other columns, or find the statement order cheaper, keep the table's own.
 * Servers before 23.3 get none (the migration waits for a server that has projections) and read as before.
 */
const STATEMENTS_BY_TIME = 'by_time';
function statementsByTime(): SqlFragment[] {
  const key = ['org_id', 'database_id', 'ts'];
  return [
    rawSql(`ALTER TABLE ${STATEMENT_STATS.name} ADD PROJECTION IF NOT EXISTS ${STATEMENTS_BY_TIME} (SELECT ${[...key, ...RANKED_COLUMNS].join(', ')} ORDER BY ${key.join(', ')})`),
    // The parts already stored get it in the background (a mutation); until then reads of them use the table's order.
    rawSql(`ALTER TABLE ${STATEMENT_STATS.name} MATERIALIZE PROJECTION ${STATEMENTS_BY_TIME}`),
  ];
}

/** statement_stats as version 1 created it: version 4 adds datname to every table, so version 1 never changes. */
const STATEMENT_STATS_V1: KindTable = { ...STATEMENT_STATS, columns: STATEMENT_STATS.columns.filter(([name]) => name !== 'datname') };

/** Versions 1–6, as shipped. Never edit one: add the next version (1–99 are this kind's). */
const STATEMENT_MIGRATIONS: readonly TelemetryMigration[] = [
  { version: 1, name: 'statement_stats', statements: (f, time) => [createTable(STATEMENT_STATS_V1, f, time), createTable(STATEMENT_TEXTS, f, time)] },
  { version: 2, name: 'statement_stats_hourly', statements: (f, time) => [createTable(STATEMENT_STATS_HOURLY, f, time)] },
  { version: 3, name: 'statement_stats_daily', statements: (f, time) => [createTable(STATEMENT_STATS_DAILY, f, time)] },
  // For /queries?database=. Raw rows only: the rollups stay keyed by statement, so filtered reads are
  // bounded by raw retention. Rows stored before it read as '' (not reported).
  addColumnsMigration(addedColumns(4, 'statement_stats_datname', STATEMENT_STATS, ['datname'])),
  // The rollups derived inside ClickHouse from each statement_stats insert (one insert per batch, see rollupTable).
  { version: 5, name: 'statement_rollup_views', statements: (_f, time) => ROLLUP_TIERS.map((tier) => rollupView(tier, time)) },
  { version: 6, name: 'statement_stats_by_time', requires: 'projections', statements: statementsByTime },
];

/** The rollup tiers (hourly, daily): each filled by a materialized view over statement_stats. */
const ROLLUP_TIERS = STATEMENT_TIERS.filter((tier) => tier.table !== STATEMENT_STATS);

/**
 * The materialized view filling `tier`'s rollup from statement_stats inserts: each raw row in the
 * bucket of its window end (Unix ms rounded down, in the column's own encoding), its counters as
 * they are, summed on merge. `AS ts` over the column ts works on 18.16 and current releases alike.
 */
function rollupView(tier: (typeof ROLLUP_TIERS)[number], time: TimeEncoding): SqlFragment {
  const bucket = sql`intDiv(${time.toUnixMs(rawSql('ts'))}, ${tier.bucketMs}) * ${tier.bucketMs}`;
  const ts = time === UINT64_MS ? bucket : sql`fromUnixTimestamp64Milli(toInt64(${bucket}), 'UTC')`;
  const names = ROLLUP_COLUMNS.map(([name]) => (name === 'ts' ? `${ts.text} AS ts` : name)).join(', ');
  return rawSql(`CREATE MATERIALIZED VIEW IF NOT EXISTS ${tier.table.name}_mv TO ${tier.table.name} AS SELECT ${names} FROM ${STATEMENT_STATS.name}`);
}

/** Limits on one batch; a batch over them is refused whole with a reason, never half-stored. */
export const MAX_STATEMENTS_PER_BATCH = 50_000;
const MAX_HASH = 128;
const MAX_USERNAME = 256;

/** A batch's statement stats as rows, each field checked and named by its wire path. */
function fromBatch(batch: vigil.v1.IBatch, at: BatchIdentity): StatementRow[] {
  const list = items(batch.statements, 'statements', MAX_STATEMENTS_PER_BATCH);
  const rows = new Array<StatementRow>(list.length);
  for (let i = 0; i < list.length; i += 1) {
    const s = list[i]!;
    // Up to 50,000 rows a batch: a field's wire path is spelled out only when its check refuses it.
    const hash = s.queryHash ?? '';
    const username = s.username ?? '';
    const datname = s.datname ?? '';
    rows[i] = {
      org_id: at.org_id,
      database_id: at.database_id,
      batch_id: at.batch_id,
      ts: at.window_end,
      window_start: at.window_start,
      query_hash: hash.length > 0 && hash.length <= MAX_HASH ? hash : name(hash, `statements[${i}].query_hash`, MAX_HASH),
      query_text: text(s.queryText, MAX_TEXT),
      dbid: s.dbid ?? 0,
      userid: s.userid ?? 0,
      username: username.length <= MAX_USERNAME ? username : label(username, `statements[${i}].username`, MAX_USERNAME),
      // PostgreSQL names are at most 63 bytes; the bound is the user name's, generous for any server's build.
      datname: datname.length <= MAX_USERNAME ? datname : label(datname, `statements[${i}].datname`, MAX_USERNAME),
      toplevel: s.toplevel ?? true,
      // Counts as uint64 counters, *_ms sums as non-negative doubles: the kinds' own checks.
      ...wireNumbers(STATEMENT_SUM_COLUMNS, s, `statements[${i}]`),
    };
  }
  return rows;
}

/** A batch's statement texts sent on their own (StatementText), checked; an empty text is dropped. */
function statementTextsFromBatch(batch: vigil.v1.IBatch, at: BatchIdentity): StatementTextRow[] {
  const texts = items(batch.statementTexts, 'statement_texts', MAX_STATEMENTS_PER_BATCH).map((t, i) => ({ hash: name(t.queryHash, `statement_texts[${i}].query_hash`, MAX_HASH), text: t.queryText ?? '' }));
  // An empty text carries nothing to keep; it must never replace one already stored.
  return texts
    .filter((t) => t.text !== '')
    .map((t) => ({ org_id: at.org_id, database_id: at.database_id, query_hash: t.hash, query_text: t.text.slice(0, MAX_TEXT), last_seen: at.window_end }));
}

/** Statements whose text one process remembers having written (see textMark): at most about 600 bytes each. */
const WRITTEN_TEXTS_MAX = 100_000;

/**
 * Digests of the texts already written, by statement, per store client: agents that send the text
 * on every row (older ones, or after a restart) would otherwise rewrite the widest rows we store
 * on every batch. Nested by database so the per-row lookup keys on the statement hash alone.
 */
const writtenTexts = new WeakMap<TelemetrySqlClient, { byDatabase: Map<string, Map<string, string>>; size: number }>();

function writtenTextsOf(client: TelemetrySqlClient): { byDatabase: Map<string, Map<string, string>>; size: number } {
  let written = writtenTexts.get(client);
  if (!written) writtenTexts.set(client, (written = { byDatabase: new Map(), size: 0 }));
  return written;
}

/** Forgets the texts written through `client`: after a database's deletion, a statement seen again must have its text written again. */
export function forgetWrittenTexts(client: TelemetrySqlClient): void {
  writtenTexts.delete(client);
}

/**
 * Statement texts expire with the rows they describe: deletes the texts written before `cutoffMs`
 * of statements that no retained row (raw, hourly or daily) mentions any more, and forgets which
 * texts this process wrote, so a statement that comes back has its text written again. A text
 * newer than the cutoff stays even without rows: texts can arrive before their statement's rows.
 */
export async function expireStatementTexts(ctx: KindContext, cutoffMs: number): Promise<void> {
  const retained = joinSql(
    [STATEMENT_STATS, STATEMENT_STATS_HOURLY, STATEMENT_STATS_DAILY].map((t) => sql`SELECT org_id, database_id, query_hash FROM ${tableName(t)}`),
    ' UNION ALL ',
  );
  // A mutation: ClickHouse rewrites the (small, unpartitioned) table's parts in the background.
  await ctx.client.command(
    sql`ALTER TABLE ${tableName(STATEMENT_TEXTS)} DELETE WHERE last_seen < ${ctx.schema.time.literal(cutoffMs)} AND (org_id, database_id, query_hash) NOT IN (${retained})`,
  );
  forgetWrittenTexts(ctx.client);
}

/** Texts up to this long are remembered as they are (comparing them is cheaper than hashing), longer ones by digest. */
const TEXT_KEPT_WHOLE = 256;

/** What is remembered of a written text: itself when short, else its SHA-1 (marked so it never equals a text). */
function textMark(text: string): string {
  return text.length <= TEXT_KEPT_WHOLE ? text : `\0sha1:${hash('sha1', text, 'base64')}`;
}

/** Stores statement texts (the newest of a statement wins); an empty text is never written. */
export async function insertStatementTexts(ctx: KindContext, texts: readonly StatementTextRow[]): Promise<void> {
  await writeTexts(ctx, texts, (t) => t.last_seen);
}

/** What a text is written from: a StatementTextRow, or a statement row carrying its text. */
type Texted = Pick<StatementTextRow, 'org_id' | 'database_id' | 'query_hash' | 'query_text'>;

/** Writes the texts of `items` not yet written through this client (last_seen from `lastSeen`). */
async function writeTexts<T extends Texted>(ctx: KindContext, items: readonly T[], lastSeen: (item: T) => number): Promise<void> {
  const written = writtenTextsOf(ctx.client);
  const fresh: Array<{ item: T; database: string; digest: string }> = [];
  let org: string | undefined;
  let db: string | undefined;
  let key = '';
  let known: Map<string, string> | undefined;
  for (const t of items) {
    if (t.query_text === '') continue;
    // Rows come batch by batch (one org and database string each): one lookup per run of them.
    if (t.org_id !== org || t.database_id !== db) {
      org = t.org_id;
      db = t.database_id;
      key = `${org}\0${db}`;
      known = written.byDatabase.get(key);
    }
    const digest = textMark(t.query_text);
    if (known?.get(t.query_hash) !== digest) fresh.push({ item: t, database: key, digest });
  }
  if (fresh.length === 0) return;
  // One row per statement: the newest text of a statement in this call wins.
  const rows = new Map<string, TableRow>();
  for (const { item: t } of fresh) {
    rows.set(`${t.org_id}\0${t.database_id}\0${t.query_hash}`, tableRow(STATEMENT_TEXTS, { org_id: t.org_id, database_id: t.database_id, query_hash: t.query_hash, query_text: t.query_text, last_seen: lastSeen(t) }));
  }
  await insertTableRows(ctx, [STATEMENT_TEXTS], [...rows.values()]);
  for (const { item, database: key, digest } of fresh) {
    let map = written.byDatabase.get(key);
    if (!map) written.byDatabase.set(key, (map = new Map()));
    if (!map.has(item.query_hash)) written.size += 1;
    map.set(item.query_hash, digest);
  }
  // A simple bound on what this process remembers: forget everything and start over.
  if (written.size > WRITTEN_TEXTS_MAX) forgetWrittenTexts(ctx.client);
}

/** Writes statement rows: their non-empty texts, then the raw rows in one insert (ClickHouse derives both rollups from it). */
export async function insertStatements(ctx: KindContext, rows: readonly StatementRow[]): Promise<void> {
  if (rows.length === 0) return;
  // Rows are written as they are (the insert reads its columns by name, query_text is not one); only
  // rows from callers that leave datname out get a copy with ''.
  const stats = rows.map((r) => tableRow(STATEMENT_STATS, r.datname === undefined ? { ...r, datname: '' } : (r as RowOfTable<typeof STATEMENT_STATS>)));
  // Texts first (an empty text on the wire means "sent before": not written): if the counters' insert
  // fails, the batch is not acked and comes again, and what the first left behind is a text row
  // (replaced on merge), never counters that the retry would double.
  await writeTexts(ctx, rows, (r) => r.ts);
  await insertTableRows(ctx, [STATEMENT_STATS], stats);
}

export const statementsKind: RecordKind<StatementRow> = {
  name: 'statements',
  tables: [
    { name: STATEMENT_TEXTS.name, retention: 'kept', columns: STATEMENT_TEXTS.columns },
    ...STATEMENT_TIERS.map((tier) => ({ name: tier.table.name, retention: tier.retention, columns: tier.table.columns })),
  ],
  migrations: STATEMENT_MIGRATIONS,
  fromBatch,
  insert: insertStatements,
  // Its texts precede it in insertStatements and are replaced on merge: the counters' table decides.
  rowTable: () => STATEMENT_STATS.name,
};

/**
 * Statement texts sent on their own (StatementText, for statements whose rows carry an empty text).
 * Their table is the statements kind's: created by its migrations, deleted and kept with it.
 */
export const statementTextsKind: RecordKind<StatementTextRow> = {
  name: 'statement_texts',
  tables: [],
  migrations: [],
  fromBatch: statementTextsFromBatch,
  insert: insertStatementTexts,
};
