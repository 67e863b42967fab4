import type { Advisor } from '../engines/advisors/advisor.js';
import { CLICKHOUSE_ADVISORS } from '../engines/advisors/clickhouse-advisors.js';
import type { ChScanInput } from '../engines/advisors/clickhouse-input.js';
import { POSTGRES_ADVISORS } from '../engines/advisors/postgres-advisors.js';
import type { PgScanInput, PgSettingInput } from '../engines/advisors/postgres-input.js';
import { loadPgParser } from '../engines/advisors/postgres-sql.js';
import { reconcile, type ScanSummary, type StoredRecommendation } from '../engines/advisors/reconcile.js';
import type { AdvisorsRepository, Recommendation, Scan } from '../storage/meta/advisors-repository.js';
import type { CatalogRepository } from '../storage/meta/meta-store.js';
import type { TimeRange } from '../storage/telemetry/reads/kind-readers.js';
import type { DatabaseKey, TelemetryReads } from '../storage/telemetry/reads/telemetry-reads.js';

/**
 * One scan of one database: read its telemetry through the read layer into the advisors' plain
 * input, run the engine's advisors, reconcile the findings with the database's recommendations and
 * write the result. Counters are summed over the last day (SCAN_WINDOW_MS); objects are as of
 * their latest reading in it.
 */

export const SCAN_WINDOW_MS = 24 * 3600 * 1000;

/** Caps far above the agents' (5000 tables per database; statements by mean time, the slow ones first). */
const MAX_INDEXES = 50_000;
const MAX_TABLES = 20_000;
const MAX_STATEMENTS = 5_000;
const MAX_SEQUENCES = 1_000;
const MAX_CLICKHOUSE_TABLES = 5_000;
const MAX_CLICKHOUSE_QUERIES = 2_000;

export interface ScanDeps {
  readonly meta: Pick<CatalogRepository, 'getDatabase'> & { readonly advisors: AdvisorsRepository };
  readonly reads: TelemetryReads;
}

function bool(v: unknown): boolean {
  return v === true || v === 1;
}

/** The PostgreSQL advisors' input for a database over `window`. */
export async function readPostgresInput(reads: TelemetryReads, db: DatabaseKey, window: TimeRange): Promise<PgScanInput> {
  const [indexes, tables, statements, sequences, settings, dbStats, resets] = await Promise.all([
    reads.over('pg_indexes', db, window, { sortBy: 'size', limit: MAX_INDEXES }),
    reads.over('pg_tables', db, window, { sortBy: 'size', limit: MAX_TABLES }),
    reads.over('pg_slow_statements', db, window, { limit: MAX_STATEMENTS }),
    reads.over('pg_sequences', db, window, { limit: MAX_SEQUENCES }),
    reads.latest('pg_settings', db),
    reads.latest('pg_database_stats', db),
    reads.over('pg_stats_resets', db, window),
  ]);
  const resetMs = Math.max(0, ...resets.map((r) => r.stats_reset_ms));
  return {
    window,
    statsResetMs: resetMs > 0 ? resetMs : null,
    indexes: indexes.map((ix) => ({
      database: ix.datname,
      schema: ix.schema_name,
      table: ix.table_name,
      name: ix.index_name,
      sizeBytes: ix.size_bytes,
      valid: bool(ix.is_valid),
      unique: bool(ix.is_unique),
      primary: bool(ix.is_primary),
      backsConstraint: bool(ix.backs_constraint),
      definition: ix.index_def,
      scansSinceReset: Number(ix.idx_scan_total),
      scansInWindow: ix.idx_scan,
    })),
    tables: tables.map((t) => ({
      database: t.datname,
      schema: t.schema_name,
      name: t.table_name,
      liveTuples: Number(t.n_live_tup),
      deadTuples: Number(t.n_dead_tup),
      totalBytes: t.total_bytes,
      tableBytes: t.table_bytes,
      seqScans: t.seq_scan,
      seqTuplesRead: t.seq_tup_read,
      idxScans: t.idx_scan,
      lastVacuumMs: Number(t.last_vacuum_ms) || null,
      lastAutovacuumMs: Number(t.last_autovacuum_ms) || null,
    })),
    statements: statements.map((s) => ({ queryHash: s.query_hash, database: s.datname, text: s.query_text, calls: s.total_calls, meanMs: s.mean_time_ms, totalMs: s.total_time_ms })),
    sequences: sequences.map((s) => ({
      database: s.datname,
      schema: s.schema_name,
      name: s.sequence_name,
      dataType: s.data_type,
      usedFraction: s.used_fraction,
      lastValue: s.last_value,
      maxValue: s.max_value,
      ownedBy: s.owned_by,
      columnType: s.column_type,
    })),
    settings: new Map<string, PgSettingInput>((settings?.settings ?? []).map((s) => [s.name, { setting: s.setting, unit: s.unit === '' ? null : s.unit, source: s.source }])),
    tempFiles: dbStats ? dbStats.databases.reduce((n, d) => n + Number(d.temp_files ?? 0), 0) : null,
    tempBytes: dbStats ? dbStats.databases.reduce((n, d) => n + Number(d.temp_bytes ?? 0), 0) : null,
    tempWindow: dbStats ? { since: dbStats.window_start, until: dbStats.ts } : null,
  };
}

/** The ClickHouse advisors' input for a database over `window`. */
export async function readClickHouseInput(reads: TelemetryReads, db: DatabaseKey, window: TimeRange): Promise<ChScanInput> {
  const [parts, queries, schemas] = await Promise.all([
    reads.latest('clickhouse_parts', db, { limit: MAX_CLICKHOUSE_TABLES, order: 'parts' }),
    reads.over('clickhouse_queries', db, window, { limit: MAX_CLICKHOUSE_QUERIES, sortBy: 'total_time' }),
    reads.latest('clickhouse_table_schemas', db, { limit: MAX_CLICKHOUSE_TABLES }),
  ]);
  return {
    window,
    serverVersion: null,
    tables: (parts?.tables ?? []).map((t) => ({
      database: t.database,
      name: t.table,
      partitions: t.partitions,
      activeParts: t.active_parts,
      maxPartsInPartition: t.max_parts_in_partition,
      rows: t.rows,
      bytesOnDisk: t.bytes_on_disk,
    })),
    queries: queries.map((q) => ({ queryHash: q.query_hash, text: q.query_text, calls: q.total_calls, meanMs: q.mean_time_ms, readRows: q.read_rows, readBytes: q.read_bytes, resultRows: q.total_rows })),
    schemas: (schemas?.tables ?? []).map((s) => ({ database: s.database, name: s.table, engine: s.engine, partitionKey: s.partition_key, sortingKey: s.sorting_key, hasTtl: s.has_ttl, columns: s.columns.map((c) => ({ name: c.name, type: c.type, codec: c.codec, distinctEstimate: c.distinct_estimate ?? 0, sampledRows: c.sampled_rows ?? 0 })) })),
  };
}

function storedOf(r: Recommendation): StoredRecommendation {
  return {
    id: r.id,
    type: r.type,
    objectKey: r.object_key,
    status: r.status,
    snoozedUntilMs: r.snoozed_until === null ? null : Date.parse(r.snoozed_until),
    object: r.object,
    evidence: r.evidence,
    firstSeenMs: Date.parse(r.first_seen_at),
  };
}

/** Runs a scan the caller has started (status running) and writes its findings; throws when the database is gone or a read fails. */
export async function runScan(deps: ScanDeps, scan: Scan, nowMs: number = Date.now()): Promise<ScanSummary> {
  const db = await deps.meta.getDatabase(scan.org_id, scan.database_id);
  if (!db) throw new Error(`database ${scan.database_id} no longer exists`);
  const window = { since: nowMs - SCAN_WINDOW_MS, until: nowMs };
  const existing = (await deps.meta.advisors.databaseRecommendations(db.id)).map(storedOf);
  let changes;
  if (db.engine === 'postgres') {
    const [input] = await Promise.all([readPostgresInput(deps.reads, db, window), loadPgParser()]);
    changes = reconcile(POSTGRES_ADVISORS as readonly Advisor<PgScanInput>[], input, existing, nowMs);
  } else {
    const input = await readClickHouseInput(deps.reads, db, window);
    changes = reconcile(CLICKHOUSE_ADVISORS, { ...input, serverVersion: db.engine_version }, existing, nowMs);
  }
  await deps.meta.advisors.applyScanChanges(scan, db.engine, changes, new Date(nowMs).toISOString());
  return changes.summary;
}
