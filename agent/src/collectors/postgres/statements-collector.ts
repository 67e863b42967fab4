import { AGENT_QUERY_MARKER } from '@vigil/shared';
import {
  ABSENT,
  COUNTERS,
  statementKey,
  type CounterName,
  type KnownStatements,
  type CounterValues,
  type StatementRow,
  type StatementsSnapshot,
  type StatementsStatus,
} from '../../state/postgres-statements-state.js';
import type { PgQueryClient } from './pg-query-client.js';

/**
 * What the extension offers, without trial and error: installed and shipped versions, whether
 * the library is loaded (it defines pg_stat_statements.* settings only when preloaded), and
 * whether this role may read other roles' statements. pg_settings hides settings a role may
 * not read instead of failing, so a missing shared_preload_libraries row means "unknown".
 */
const PROBE_SQL = `${AGENT_QUERY_MARKER}
SELECT current_setting('server_version_num')::int AS server_version_num,
       e.extversion AS installed_version,
       quote_ident(n.nspname) AS extension_schema,
       (SELECT default_version FROM pg_available_extensions WHERE name = 'pg_stat_statements') AS default_version,
       EXISTS (SELECT 1 FROM pg_settings WHERE name = 'pg_stat_statements.max') AS library_loaded,
       (SELECT setting FROM pg_settings WHERE name = 'shared_preload_libraries') AS preload_libraries,
       EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pg_read_all_stats' AND pg_has_role(oid, 'USAGE'))
         OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS can_read_all_stats,
       quote_ident(current_user) AS role
  FROM (SELECT 1) AS one
  LEFT JOIN pg_extension e ON e.extname = 'pg_stat_statements'
  LEFT JOIN pg_namespace n ON n.oid = e.extnamespace`;

/** pg_stat_statements_info exists from extension 1.9 (PostgreSQL 14). */
const STATS_RESET_SQL = (schema: string): string => `${AGENT_QUERY_MARKER}
SELECT (extract(epoch FROM stats_reset) * 1000)::float8 AS stats_reset_ms FROM ${schema}.pg_stat_statements_info`;

/**
 * Counters for every entry, with the text only when `showText` (the first run, when no key is
 * known yet). Without text the extension skips reading its query-text file, which is what keeps
 * a large pg_stat_statements.max cheap every interval. Entries other roles ran show no queryid
 * without pg_read_all_stats: they cannot be keyed, so they are skipped. Database and role names
 * come from NAMES_SQL, not a join: thousands of rows share a handful of names, and a joined name
 * would be a new string per row, every interval.
 */
const STATEMENTS_SQL = (schema: string, c: VersionColumns, showText: boolean): string => `${AGENT_QUERY_MARKER}
SELECT s.dbid, s.userid, s.queryid::text AS queryid, ${c.toplevel} AS toplevel, s.query,
       ${counterColumns(c)}
  FROM ${schema}.pg_stat_statements(${showText}) s
 WHERE s.queryid IS NOT NULL`;

/** Every database and role name by oid, read just before the counters (a name dropped in between reads as null, as a join would have it). */
const NAMES_SQL = `${AGENT_QUERY_MARKER}
SELECT oid, datname AS name, true AS is_database FROM pg_database
 UNION ALL
SELECT oid, rolname, false FROM pg_roles`;

interface Names {
  readonly databases: ReadonlyMap<number, string>;
  readonly roles: ReadonlyMap<number, string>;
}

async function readNames(client: PgQueryClient): Promise<Names> {
  const databases = new Map<number, string>();
  const roles = new Map<number, string>();
  for (const row of (await client.query(NAMES_SQL)).rows) (row.is_database === true ? databases : roles).set(Number(row.oid), String(row.name));
  return { databases, roles };
}

/** Each counter's expression in COUNTERS order; the NULL literal for a counter the version lacks. */
function counterExpressions(c: VersionColumns): readonly string[] {
  const columns: Record<CounterName, string> = {
    calls: 's.calls',
    totalExecTimeMs: c.execTime,
    totalPlanTimeMs: c.planTime,
    rows: 's.rows',
    sharedBlksHit: 's.shared_blks_hit',
    sharedBlksRead: 's.shared_blks_read',
    sharedBlksDirtied: 's.shared_blks_dirtied',
    sharedBlksWritten: 's.shared_blks_written',
    tempBlksRead: 's.temp_blks_read',
    tempBlksWritten: 's.temp_blks_written',
    blkReadTimeMs: c.readTime,
    blkWriteTimeMs: c.writeTime,
    plans: c.plans,
    localBlksHit: 's.local_blks_hit',
    localBlksRead: 's.local_blks_read',
    localBlksDirtied: 's.local_blks_dirtied',
    localBlksWritten: 's.local_blks_written',
    tempBlkReadTimeMs: c.tempReadTime,
    tempBlkWriteTimeMs: c.tempWriteTime,
    localBlkReadTimeMs: c.localReadTime,
    localBlkWriteTimeMs: c.localWriteTime,
    walRecords: c.walRecords,
    walFpi: c.walFpi,
    walBytes: c.walBytes,
  };
  return COUNTERS.map((name) => columns[name]);
}

/**
 * The counters in COUNTERS order, each as float8: pg hands bigint and numeric over as strings,
 * which would be thousands of short-lived strings per run, while a float8 arrives as a number
 * (Number() of the string rounded exactly the same way). A zero comes as NULL, which costs pg no
 * string and no parsing: most counters of most statements are zero (no temp or local blocks, no
 * WAL from a SELECT, no timings without track_io_timing). toCounters tells it from a counter the
 * version lacks by the version's NULL literal, not by the value.
 */
function counterColumns(c: VersionColumns): string {
  return counterExpressions(c)
    .map((expression, i) => (expression === 'NULL' ? `NULL::float8 AS c${i}` : `NULLIF((${expression})::float8, 0) AS c${i}`))
    .join(', ');
}

/** Which counters the version lacks, in COUNTERS order. */
function absentCounters(c: VersionColumns): readonly boolean[] {
  return counterExpressions(c).map((expression) => expression === 'NULL');
}

/** Texts of the entries whose keys the agent has not seen; the extension still reads its whole text file, but only on runs with new keys. */
const TEXTS_SQL = (schema: string, c: VersionColumns): string => `${AGENT_QUERY_MARKER}
SELECT s.dbid, s.userid, s.queryid::text AS queryid, ${c.toplevel} AS toplevel, s.query
  FROM ${schema}.pg_stat_statements(true) s
 WHERE s.queryid = ANY ($1::bigint[])`;

interface VersionColumns {
  readonly since: readonly [number, number];
  readonly execTime: string;
  readonly planTime: string;
  readonly toplevel: string;
  readonly readTime: string;
  readonly writeTime: string;
  readonly plans: string;
  readonly tempReadTime: string;
  readonly tempWriteTime: string;
  readonly localReadTime: string;
  readonly localWriteTime: string;
  readonly walRecords: string;
  readonly walFpi: string;
  readonly walBytes: string;
}

// NULL marks a counter the version does not have; toCounters leaves it out rather than invent a zero.
const V1_2: VersionColumns = {
  since: [1, 2],
  execTime: 's.total_time',
  planTime: '0::float8',
  toplevel: 'true',
  readTime: 's.blk_read_time',
  writeTime: 's.blk_write_time',
  plans: 'NULL',
  tempReadTime: 'NULL',
  tempWriteTime: 'NULL',
  localReadTime: 'NULL',
  localWriteTime: 'NULL',
  walRecords: 'NULL',
  walFpi: 'NULL',
  walBytes: 'NULL',
};
const V1_8: VersionColumns = {
  ...V1_2,
  since: [1, 8],
  execTime: 's.total_exec_time',
  planTime: 's.total_plan_time',
  plans: 's.plans',
  walRecords: 's.wal_records',
  walFpi: 's.wal_fpi',
  walBytes: 's.wal_bytes',
};
const V1_9: VersionColumns = { ...V1_8, since: [1, 9], toplevel: 's.toplevel' };
const V1_10: VersionColumns = { ...V1_9, since: [1, 10], tempReadTime: 's.temp_blk_read_time', tempWriteTime: 's.temp_blk_write_time' };
const V1_11: VersionColumns = {
  ...V1_10,
  since: [1, 11],
  readTime: 's.shared_blk_read_time',
  writeTime: 's.shared_blk_write_time',
  localReadTime: 's.local_blk_read_time',
  localWriteTime: 's.local_blk_write_time',
};

/**
 * Column names by extension version, newest first: 1.8 split planning from execution and added
 * WAL counters, 1.9 added toplevel, 1.10 temp block timings, 1.11 renamed the I/O timings and
 * added local ones. queryid arrived in 1.2; anything older cannot be keyed.
 */
const COLUMNS_BY_VERSION: readonly VersionColumns[] = [V1_11, V1_10, V1_9, V1_8, V1_2];

const STATS_RESET_SINCE = [1, 9] as const;

const CREATE_EXTENSION = 'CREATE EXTENSION pg_stat_statements;';
const UPDATE_EXTENSION = 'ALTER EXTENSION pg_stat_statements UPDATE;';
const RESTART_STEP = '-- restart PostgreSQL now: shared_preload_libraries is read only at server start';

interface ProbeRow {
  server_version_num: number;
  installed_version: string | null;
  extension_schema: string | null;
  default_version: string | null;
  library_loaded: boolean;
  preload_libraries: string | null;
  can_read_all_stats: boolean;
  role: string;
}

function parseVersion(version: string): [number, number] {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return [major, minor];
}

function atLeast(version: readonly [number, number], since: readonly [number, number]): boolean {
  return version[0] > since[0] || (version[0] === since[0] && version[1] >= since[1]);
}

function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** ALTER SYSTEM keeping whatever else is preloaded (when this role may read the current list). */
function preloadFix(current: string | null): string {
  const libraries = (current ?? '').split(',').map((lib) => lib.trim()).filter((lib) => lib.length > 0);
  const fix = `ALTER SYSTEM SET shared_preload_libraries = ${sqlString([...libraries, 'pg_stat_statements'].join(', '))};`;
  return current === null ? `${fix} -- add any libraries already listed in SHOW shared_preload_libraries` : fix;
}

function unavailable(probe: ProbeRow): StatementsStatus | undefined {
  if (probe.installed_version === null) {
    return probe.library_loaded
      ? {
          code: 'extension_missing',
          message: 'pg_stat_statements is not created in this database; run as a superuser:',
          fixSql: [CREATE_EXTENSION],
          restartRequired: false,
        }
      : {
          code: 'extension_missing',
          message: 'pg_stat_statements is neither preloaded nor created in this database; run as a superuser, restarting where shown:',
          fixSql: [preloadFix(probe.preload_libraries), RESTART_STEP, CREATE_EXTENSION],
          restartRequired: true,
        };
  }
  if (!probe.library_loaded) {
    return {
      code: 'library_not_loaded',
      message: 'pg_stat_statements is created but not in shared_preload_libraries, so it records nothing; run as a superuser, then restart:',
      fixSql: [preloadFix(probe.preload_libraries), RESTART_STEP],
      restartRequired: true,
    };
  }
  return undefined;
}

function degraded(probe: ProbeRow, installed: [number, number]): StatementsStatus[] {
  const statuses: StatementsStatus[] = [];
  const shipped = probe.default_version;
  if (shipped !== null && !atLeast(installed, parseVersion(shipped))) {
    statuses.push({
      code: 'extension_outdated',
      message: `pg_stat_statements ${probe.installed_version} is installed but the server ships ${shipped}; run as a superuser:`,
      fixSql: [UPDATE_EXTENSION],
      restartRequired: false,
    });
  }
  if (!probe.can_read_all_stats) {
    statuses.push({
      code: 'privilege_missing',
      message: `role ${probe.role} sees only its own statements; grant it pg_monitor (includes pg_read_all_stats):`,
      fixSql: [`GRANT pg_monitor TO ${probe.role};`],
      restartRequired: false,
    });
  }
  return statuses;
}

/**
 * A row of STATEMENTS_SQL or TEXTS_SQL read as an array (PgArrayQuery): thousands of rows of ~30
 * columns every interval, where an object per row is measurable CPU and garbage. The key columns
 * come first, in this order, then the counters.
 */
type ReadRow = readonly unknown[];
const DBID = 0;
const USERID = 1;
const QUERYID = 2;
const TOPLEVEL = 3;
const QUERY = 4;
const FIRST_COUNTER = 5;

/** The counters of a row read with counterColumns(), in COUNTERS order: a NULL is ABSENT where the version lacks the counter, else zero. */
function toCounters(row: ReadRow, absent: readonly boolean[]): CounterValues {
  const counters = new Array<number>(COUNTERS.length);
  for (let i = 0; i < COUNTERS.length; i++) {
    const value = row[FIRST_COUNTER + i];
    counters[i] = typeof value === 'number' ? value : absent[i] ? ABSENT : 0;
  }
  return counters;
}

function toRow(row: ReadRow, query: string, names: Names, absent: readonly boolean[]): StatementRow {
  const dbid = Number(row[DBID]);
  const userid = Number(row[USERID]);
  return {
    dbid,
    userid,
    queryid: String(row[QUERYID]),
    toplevel: row[TOPLEVEL] === true,
    datname: names.databases.get(dbid) ?? null,
    rolname: names.roles.get(userid) ?? null,
    query,
    counters: toCounters(row, absent),
  };
}

function keyOf(row: ReadRow): string {
  return statementKey({ dbid: Number(row[DBID]), userid: Number(row[USERID]), queryid: String(row[QUERYID]), toplevel: row[TOPLEVEL] === true });
}

/**
 * Reads pg_stat_statements totals for the whole server, minus the agent's own statements.
 * `known` is the previous snapshot's `known`: texts are read only for keys missing from it
 * (every key on the first run), and rows of known keys carry an empty `query`.
 */
export async function collectStatements(client: PgQueryClient, known: KnownStatements = new Map()): Promise<StatementsSnapshot> {
  const probe = (await client.query(PROBE_SQL)).rows[0] as unknown as ProbeRow;
  const base = { serverVersionNum: probe.server_version_num, extensionVersion: probe.installed_version, known: new Map() };
  const blocker = unavailable(probe);
  if (blocker || probe.installed_version === null || probe.extension_schema === null) {
    return { ...base, statuses: blocker ? [blocker] : [], statsResetMs: null, rows: null };
  }
  const installed = parseVersion(probe.installed_version);
  const statuses = degraded(probe, installed);
  const columns = COLUMNS_BY_VERSION.find((candidate) => atLeast(installed, candidate.since));
  if (!columns) {
    const others = statuses.filter((status) => status.code !== 'extension_outdated');
    return { ...base, statuses: [tooOld(probe.installed_version), ...others], statsResetMs: null, rows: null };
  }
  const schema = probe.extension_schema;
  const statsResetMs = atLeast(installed, STATS_RESET_SINCE) ? await readStatsReset(client, schema) : null;
  const firstRun = known.size === 0;
  const names = await readNames(client);
  const { rows: counters } = await client.query({ text: STATEMENTS_SQL(schema, columns, firstRun), rowMode: 'array' });
  const keys = counters.map(keyOf);
  const texts = firstRun ? textsByKey(counters) : await readNewTexts(client, schema, columns, counters.filter((_, i) => !known.has(keys[i]!)));
  const absent = absentCounters(columns);
  const rows: StatementRow[] = [];
  const nowKnown = new Map<string, 'own' | 'other'>();
  for (let i = 0; i < counters.length; i++) {
    const row = counters[i]!;
    const key = keys[i]!;
    const text = texts.get(key);
    const kind = known.get(key) ?? (text === undefined ? undefined : text.startsWith(AGENT_QUERY_MARKER) ? 'own' : 'other');
    if (kind !== undefined) nowKnown.set(key, kind);
    if (kind !== 'own') rows.push(toRow(row, text ?? '', names, absent));
  }
  return { ...base, statuses, statsResetMs, rows, known: nowKnown };
}

/** Texts by key from rows read with their text (pg_stat_statements(true)); a null text (a lost text file) counts as unread. */
function textsByKey(rows: readonly ReadRow[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const row of rows) {
    const query = row[QUERY];
    if (typeof query === 'string') texts.set(keyOf(row), query);
  }
  return texts;
}

/** Texts of `unknown`, rows whose keys the agent has not seen. */
async function readNewTexts(client: PgQueryClient, schema: string, columns: VersionColumns, unknown: readonly ReadRow[]): Promise<Map<string, string>> {
  const queryids = new Set(unknown.map((row) => String(row[QUERYID])));
  if (queryids.size === 0) return new Map();
  return textsByKey((await client.query({ text: TEXTS_SQL(schema, columns), values: [[...queryids]], rowMode: 'array' })).rows);
}

async function readStatsReset(client: PgQueryClient, schema: string): Promise<number | null> {
  const value = (await client.query(STATS_RESET_SQL(schema))).rows[0]?.stats_reset_ms;
  return typeof value === 'number' ? value : null;
}

function tooOld(version: string): StatementsStatus {
  return {
    code: 'extension_outdated',
    message: `pg_stat_statements ${version} is too old to collect from (1.2 or later is needed); run as a superuser:`,
    fixSql: [UPDATE_EXTENSION],
    restartRequired: false,
  };
}
