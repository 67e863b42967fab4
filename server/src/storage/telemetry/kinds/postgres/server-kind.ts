import type { vigil } from '@vigil/proto';
import { rawSql, sql } from '../../clickhouse-sql.js';
import type { BatchIdentity, KindContext } from '../../record-kind.js';
import { addedColumns, atSnapshot, bucketStart, type DatabaseScope, decodeRow, type DetailOf, detailColumns, identity, IDENTITY_COLUMNS, inRange, kindTable, latestSnapshot, numbers, recordKind, type RowOfTable, scope, selectRows, tableRow, type TableRow, type TimeRange } from '../kind-table.js';
import { atSnapshots, byDatabase, latestHeaders, ofSnapshots, scopeMany } from '../snapshots-many.js';
import { counter, items, optionalMs, text, timestamp, wireNumbers } from '../wire-checks.js';

/**
 * Server-wide statistics (Batch.pg_server): a row per snapshot with connections, the
 * checkpointer/bgwriter and WAL deltas; a row per database (pg_stat_database), per active
 * pg_stat_io combination, and per key setting when the settings changed.
 */

/** Integer counters are uint64 deltas; *_ms ones are doubles. */
function fieldsOf<const N extends string>(names: readonly N[]): (readonly [N, 'duration' | 'counter'])[] {
  return names.map((name) => [name, name.endsWith('_ms') ? 'duration' : 'counter'] as const);
}

export const CHECKPOINTER_FIELDS = [
  'checkpoints_timed',
  'checkpoints_requested',
  'checkpoint_write_time_ms',
  'checkpoint_sync_time_ms',
  'buffers_checkpoint',
  'buffers_clean',
  'maxwritten_clean',
  'buffers_alloc',
  'buffers_backend',
  'buffers_backend_fsync',
  'restartpoints_timed',
  'restartpoints_requested',
  'restartpoints_done',
] as const;

export const WAL_FIELDS = ['wal_records', 'wal_fpi', 'wal_bytes', 'wal_buffers_full', 'wal_write', 'wal_sync', 'wal_write_time_ms', 'wal_sync_time_ms'] as const;

/** pg_stat_database counters (deltas over the window): the column list, the wire checks and the API's fields follow from these names. */
export const DATABASE_COUNTERS = [
  'xact_commit',
  'xact_rollback',
  'blks_read',
  'blks_hit',
  'tup_returned',
  'tup_fetched',
  'tup_inserted',
  'tup_updated',
  'tup_deleted',
  'conflicts',
  'temp_files',
  'temp_bytes',
  'deadlocks',
  'checksum_failures',
  'blk_read_time_ms',
  'blk_write_time_ms',
  'session_time_ms',
  'active_time_ms',
  'idle_in_transaction_time_ms',
  'sessions',
  'sessions_abandoned',
  'sessions_fatal',
  'sessions_killed',
  'confl_tablespace',
  'confl_lock',
  'confl_snapshot',
  'confl_bufferpin',
  'confl_deadlock',
] as const;

export const IO_FIELDS = [
  'reads',
  'read_time_ms',
  'writes',
  'write_time_ms',
  'writebacks',
  'writeback_time_ms',
  'extends',
  'extend_time_ms',
  'hits',
  'evictions',
  'reuses',
  'fsyncs',
  'fsync_time_ms',
] as const;

const SNAPSHOTS = kindTable({
  name: 'pg_server_snapshots',
  columns: [
    ...IDENTITY_COLUMNS,
    ['window_start', 'time'],
    ['connections', 'uint32'],
    ['max_connections', 'uint32'],
    ['superuser_reserved_connections', 'uint32'],
    ['reserved_connections', 'uint32'],
    ['postmaster_start_ms', 'int64'],
    ['has_checkpointer', 'flag'],
    ...fieldsOf(CHECKPOINTER_FIELDS),
    ['has_wal', 'flag'],
    ...fieldsOf(WAL_FIELDS),
    ['io_rows', 'uint32'],
  ],
  orderBy: ['org_id', 'database_id', 'ts'],
});

const DATABASES = kindTable({
  name: 'pg_database_stats',
  columns: [
    ...IDENTITY_COLUMNS,
    ['window_start', 'time'],
    ['datname', 'tag'],
    ['size_bytes', 'gauge'],
    ['numbackends', 'uint32'],
    ['xid_age', 'uint32'],
    ['mxid_age', 'uint32'],
    ['has_deltas', 'flag'],
    ...fieldsOf(DATABASE_COUNTERS),
  ],
  orderBy: ['org_id', 'database_id', 'datname', 'ts'],
});

const IO = kindTable({
  name: 'pg_io_stats',
  columns: [...IDENTITY_COLUMNS, ['window_start', 'time'], ['backend_type', 'tag'], ['object', 'tag'], ['context', 'tag'], ...fieldsOf(IO_FIELDS), ['op_bytes', 'gauge']],
  orderBy: ['org_id', 'database_id', 'ts', 'backend_type', 'object', 'context'],
});

const SETTINGS = kindTable({
  name: 'pg_settings',
  columns: [...IDENTITY_COLUMNS, ['name', 'tag'], ['setting', 'string'], ['unit', 'tag'], ['source', 'tag'], ['pending_restart', 'flag']],
  orderBy: ['org_id', 'database_id', 'ts', 'name'],
});

const MAX_SNAPSHOTS = 1_000;
const MAX_ROWS = 10_000;

function fromBatch(batch: vigil.v1.IBatch, at: BatchIdentity): TableRow[] {
  return items(batch.pgServer, 'pg_server', MAX_SNAPSHOTS).flatMap((s, i) => {
    const path = `pg_server[${i}]`;
    const ts = timestamp(s.tsMs, `${path}.ts_ms`, at);
    const windowStart = optionalMs(s.windowStartMs, `${path}.window_start_ms`);
    const base = { ...identity(at, ts), window_start: windowStart };
    const databases = items(s.databases, `${path}.databases`, MAX_ROWS).map((d, j): TableRow => {
      const p = `${path}.databases[${j}]`;
      return tableRow(DATABASES, {
          ...base,
          datname: text(d.datname),
          size_bytes: counter(d.sizeBytes, `${p}.size_bytes`),
          numbackends: d.numbackends ?? 0,
          xid_age: d.xidAge ?? 0,
          mxid_age: d.mxidAge ?? 0,
          has_deltas: d.hasDeltas ?? false,
          ...wireNumbers(DATABASE_COUNTERS, d.hasDeltas ? d : undefined, p),
        });
    });
    const io = items(s.io, `${path}.io`, MAX_ROWS).map((row, j): TableRow => {
      const p = `${path}.io[${j}]`;
      return tableRow(IO, { ...base, backend_type: text(row.backendType, 64), object: text(row.object, 64), context: text(row.context, 64), ...wireNumbers(IO_FIELDS, row, p), op_bytes: counter(row.opBytes, `${p}.op_bytes`) });
    });
    const settings = items(s.settings, `${path}.settings`, MAX_ROWS).map(
      (setting): TableRow => (tableRow(SETTINGS, { ...identity(at, ts), name: text(setting.name, 128), setting: text(setting.setting, 4096), unit: text(setting.unit, 32), source: text(setting.source, 64), pending_restart: setting.pendingRestart ?? false })),
    );
    const marker: TableRow = tableRow(SNAPSHOTS, {
        ...base,
        connections: s.connections ?? 0,
        max_connections: s.maxConnections ?? 0,
        superuser_reserved_connections: s.superuserReservedConnections ?? 0,
        reserved_connections: s.reservedConnections ?? 0,
        postmaster_start_ms: optionalMs(s.postmasterStartMs, `${path}.postmaster_start_ms`),
        has_checkpointer: Boolean(s.checkpointer),
        ...wireNumbers(CHECKPOINTER_FIELDS, s.checkpointer, `${path}.checkpointer`),
        has_wal: Boolean(s.wal),
        ...wireNumbers(WAL_FIELDS, s.wal, `${path}.wal`),
        io_rows: io.length,
      });
    return [...databases, ...io, ...settings, marker];
  });
}

export const serverKind = recordKind({
  name: 'pg_server',
  version: 150,
  tables: [DATABASES, IO, SETTINGS, SNAPSHOTS],
  added: [addedColumns(151, 'pg_database_stats_conflicts', DATABASES, ['confl_tablespace', 'confl_lock', 'confl_snapshot', 'confl_bufferpin', 'confl_deadlock'])],
  fromBatch,
});

// ------------------------------------------------------------------ reads

type Fields<N extends string> = { readonly ts: number } & Readonly<Record<N, number>>;
export type CheckpointerPoint = Fields<(typeof CHECKPOINTER_FIELDS)[number]>;
export type WalPoint = Fields<(typeof WAL_FIELDS)[number]>;
/** Deltas over [window_start, ts). */
export type WalReading = Pick<RowOfTable<typeof SNAPSHOTS>, 'ts' | 'window_start' | (typeof WAL_FIELDS)[number]>;

function sums(names: readonly string[]): string {
  return names.map((name) => `sum(${name}) AS ${name}`).join(', ');
}

async function snapshotSeries<N extends string>(ctx: KindContext, at: DatabaseScope & TimeRange & { readonly bucketMs: number }, flag: 'has_checkpointer' | 'has_wal', names: readonly N[]): Promise<Fields<N>[]> {
  return (await snapshotSeriesMany(ctx, [at], at, flag, names)).get(at.databaseId) ?? [];
}

/** snapshotSeries for many databases over one range in one query, by database id (absent: no reading). */
async function snapshotSeriesMany<N extends string>(
  ctx: KindContext,
  dbs: readonly DatabaseScope[],
  at: TimeRange & { readonly bucketMs: number },
  flag: 'has_checkpointer' | 'has_wal',
  names: readonly N[],
): Promise<Map<string, Fields<N>[]>> {
  if (dbs.length === 0) return new Map();
  // LIMIT 1 BY: a batch stored twice (a retry after a partial write) counts once.
  const rows = await ctx.client.select<Record<string, number | string> & { database_id: string }>(sql`
    SELECT database_id, bucket, ${rawSql(sums(names))}
    FROM (
      SELECT database_id, batch_id, ts, ${bucketStart(ctx, at.bucketMs)} AS bucket, ${rawSql(names.join(', '))}
      FROM pg_server_snapshots
      WHERE ${scopeMany(dbs)} AND ${inRange(ctx, at.since, at.until)} AND ${rawSql(flag)} = 1
      LIMIT 1 BY database_id, batch_id, ts
    )
    GROUP BY database_id, bucket ORDER BY database_id ASC, bucket ASC`);
  return new Map([...byDatabase(rows)].map(([id, own]) => [id, own.map((row) => ({ ts: Number(row.bucket), ...numbers(row, names) }))]));
}

/** Checkpointer and background writer deltas per bucket, oldest first (buckets with no reading left out). */
export async function checkpointerSeries(ctx: KindContext, at: DatabaseScope & TimeRange & { readonly bucketMs: number }): Promise<CheckpointerPoint[]> {
  return snapshotSeries(ctx, at, 'has_checkpointer', CHECKPOINTER_FIELDS);
}

/** checkpointerSeries for many databases in one query, by database id (absent: no reading in the range). */
export async function checkpointerSeriesMany(ctx: KindContext, dbs: readonly DatabaseScope[], at: TimeRange & { readonly bucketMs: number }): Promise<Map<string, CheckpointerPoint[]>> {
  return snapshotSeriesMany(ctx, dbs, at, 'has_checkpointer', CHECKPOINTER_FIELDS);
}

/** WAL deltas per bucket, oldest first. */
export async function walSeries(ctx: KindContext, at: DatabaseScope & TimeRange & { readonly bucketMs: number }): Promise<WalPoint[]> {
  return snapshotSeries(ctx, at, 'has_wal', WAL_FIELDS);
}

/** The latest WAL reading (deltas over its window), or null when none has arrived. */
export async function latestWal(ctx: KindContext, at: DatabaseScope): Promise<WalReading | null> {
  const [row] = await selectRows(ctx, SNAPSHOTS, ['ts', 'window_start', ...WAL_FIELDS], sql`
    FROM pg_server_snapshots
    WHERE ${scope(at)} AND has_wal = 1
    ORDER BY ts DESC, batch_id DESC LIMIT 1`);
  return row ?? null;
}

const IO_COLUMNS = ['backend_type', 'object', 'context', ...IO_FIELDS, 'op_bytes'] as const;
export type IoRow = Pick<RowOfTable<typeof IO>, (typeof IO_COLUMNS)[number]>;

/** pg_stat_io rows with activity in the latest server snapshot's window (by backend type, object, context). */
export async function latestIo(ctx: KindContext, at: DatabaseScope): Promise<{ ts: number; window_start: number; rows: IoRow[] } | null> {
  const latest = await latestSnapshot(ctx, SNAPSHOTS, at);
  if (!latest) return null;
  const where = sql`${scope(at)} AND ${atSnapshot(ctx, latest)}`;
  const [marker] = await selectRows(ctx, SNAPSHOTS, ['window_start'], sql`FROM pg_server_snapshots WHERE ${where} LIMIT 1`);
  const rows = await selectRows(ctx, IO, IO_COLUMNS, sql`
    FROM pg_io_stats WHERE ${where}
    ORDER BY backend_type ASC, object ASC, context ASC LIMIT 1 BY backend_type, object, context`);
  return { ts: latest.ts, window_start: marker?.window_start ?? 0, rows };
}

export type IoPoint = { readonly ts: number } & Omit<IoRow, 'op_bytes'>;

/** pg_stat_io deltas per bucket and (backend type, object, context), oldest first; at most `limit` rows. */
export async function ioSeries(ctx: KindContext, at: DatabaseScope & TimeRange & { readonly bucketMs: number; readonly limit: number }): Promise<IoPoint[]> {
  const rows = await ctx.client.select<Record<string, unknown>>(sql`
    SELECT bucket, backend_type, object, context, ${rawSql(sums(IO_FIELDS))}
    FROM (
      SELECT batch_id, ts, ${bucketStart(ctx, at.bucketMs)} AS bucket, backend_type, object, context, ${rawSql(IO_FIELDS.join(', '))}
      FROM pg_io_stats
      WHERE ${scope(at)} AND ${inRange(ctx, at.since, at.until)}
      LIMIT 1 BY batch_id, ts, backend_type, object, context
    )
    GROUP BY bucket, backend_type, object, context
    ORDER BY bucket ASC, backend_type ASC, object ASC, context ASC
    LIMIT ${at.limit}`);
  return rows.map((row) => ({ ts: Number(row.bucket), ...decodeRow(IO, row, ['backend_type', 'object', 'context', ...IO_FIELDS]) }));
}

const DATABASE_COLUMNS = detailColumns(DATABASES).filter((c) => c !== 'window_start');
export type DatabaseStat = Omit<DetailOf<typeof DATABASES>, 'window_start'>;

/** pg_stat_database of every database of the server as of the latest snapshot (by name), with its ts and window. */
export async function latestDatabaseStats(ctx: KindContext, at: DatabaseScope): Promise<{ ts: number; window_start: number; databases: DatabaseStat[] } | null> {
  return (await latestDatabaseStatsMany(ctx, [at])).get(at.databaseId) ?? null;
}

/** latestDatabaseStats for many databases at once (two queries), by database id; absent before the first snapshot. */
export async function latestDatabaseStatsMany(ctx: KindContext, dbs: readonly DatabaseScope[]): Promise<Map<string, { ts: number; window_start: number; databases: DatabaseStat[] }>> {
  const headers = await latestHeaders(ctx, SNAPSHOTS, [], dbs);
  if (headers.size === 0) return new Map();
  const rows = ofSnapshots(
    await selectRows(ctx, DATABASES, ['database_id', 'ts', ...detailColumns(DATABASES)], sql`
    FROM pg_database_stats WHERE ${atSnapshots(dbs, headers)}
    ORDER BY datname ASC LIMIT 1 BY database_id, ts, datname`),
    headers,
  );
  return new Map(
    [...headers].map(([id, latest]) => {
      const own = rows.get(id) ?? [];
      return [id, { ts: latest.ts, window_start: own[0]?.window_start ?? latest.ts, databases: own.map(({ window_start: _w, database_id: _d, ts: _t, ...rest }) => rest) }];
    }),
  );
}

export type SettingRow = DetailOf<typeof SETTINGS>;

/** The key settings as last sent (the agent sends them all whenever one changes), by name. */
export async function latestSettings(ctx: KindContext, at: DatabaseScope): Promise<{ ts: number; settings: SettingRow[] } | null> {
  return (await latestSettingsMany(ctx, [at])).get(at.databaseId) ?? null;
}

/** latestSettings for many databases at once (two queries), by database id; absent before the first. */
export async function latestSettingsMany(ctx: KindContext, dbs: readonly DatabaseScope[]): Promise<Map<string, { ts: number; settings: SettingRow[] }>> {
  const headers = await latestHeaders(ctx, SETTINGS, [], dbs);
  if (headers.size === 0) return new Map();
  const rows = ofSnapshots(
    await selectRows(ctx, SETTINGS, ['database_id', 'ts', ...detailColumns(SETTINGS)], sql`
    FROM pg_settings WHERE ${atSnapshots(dbs, headers)}
    ORDER BY name ASC LIMIT 1 BY database_id, ts, name`),
    headers,
  );
  return new Map([...headers].map(([id, latest]) => [id, { ts: latest.ts, settings: (rows.get(id) ?? []).map(({ database_id: _d, ts: _t, ...rest }) => rest) }]));
}
