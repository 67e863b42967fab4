import { AGENT_QUERY_MARKER } from '@vigil/shared';
import { TABLE_COUNTER_COLUMNS, type TableRow, type TablesSnapshot } from '../../state/postgres-tables-state.js';
import type { PgQueryClient } from './pg-query-client.js';
import type { ServerFacts } from './server-facts-collector.js';
import { num, numbers } from './pg-values.js';

/** Largest tables kept per database; a multi-tenant schema with 100k tables would otherwise make one huge batch. */
export const MAX_TABLES = 5000;

/**
 * Statistics of the user tables of the connected database, largest first (by relpages, so sizes
 * are computed only for the tables kept). The size functions take an ACCESS SHARE lock, which
 * would queue behind an ACCESS EXCLUSIVE lock (ALTER TABLE, VACUUM FULL, a waiting DDL) until
 * statement_timeout; a table with one held or awaited on it, its toast table or an index gets no
 * sizes this time rather than stalling the whole read.
 */
const TABLES_SQL = (v: VersionColumns): string => `${AGENT_QUERY_MARKER}
WITH locked AS (
  SELECT DISTINCT relation FROM pg_locks
   WHERE locktype = 'relation' AND mode = 'AccessExclusiveLock'
     AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
), kept AS (
  SELECT s.relid, count(*) OVER () AS total
    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
   ORDER BY c.relpages DESC, s.relid
   LIMIT ${MAX_TABLES}
)
SELECT s.relid, s.schemaname, s.relname, k.total, x.locked,
       CASE WHEN NOT x.locked THEN pg_total_relation_size(s.relid) END AS total_bytes,
       CASE WHEN NOT x.locked THEN pg_relation_size(s.relid) END AS table_bytes,
       CASE WHEN NOT x.locked THEN pg_indexes_size(s.relid) END AS indexes_bytes,
       CASE WHEN NOT x.locked AND c.reltoastrelid <> 0 THEN pg_total_relation_size(c.reltoastrelid) ELSE 0 END AS toast_bytes,
       s.n_live_tup, s.n_dead_tup, s.n_mod_since_analyze, ${v.insSinceVacuum} AS n_ins_since_vacuum,
       (extract(epoch FROM s.last_vacuum) * 1000)::float8 AS last_vacuum_ms,
       (extract(epoch FROM s.last_autovacuum) * 1000)::float8 AS last_autovacuum_ms,
       (extract(epoch FROM s.last_analyze) * 1000)::float8 AS last_analyze_ms,
       (extract(epoch FROM s.last_autoanalyze) * 1000)::float8 AS last_autoanalyze_ms,
       CASE WHEN c.relfrozenxid <> '0'::xid THEN age(c.relfrozenxid) END AS xid_age,
       CASE WHEN c.relminmxid <> '0'::xid THEN mxid_age(c.relminmxid) END AS mxid_age,
       s.seq_scan, s.seq_tup_read, s.idx_scan, s.idx_tup_fetch, s.n_tup_ins, s.n_tup_upd, s.n_tup_del, s.n_tup_hot_upd,
       ${v.newpageUpd} AS n_tup_newpage_upd,
       io.heap_blks_read, io.heap_blks_hit, io.idx_blks_read, io.idx_blks_hit,
       io.toast_blks_read, io.toast_blks_hit, io.tidx_blks_read, io.tidx_blks_hit,
       s.vacuum_count, s.autovacuum_count, s.analyze_count, s.autoanalyze_count
  FROM kept k
  JOIN pg_stat_user_tables s ON s.relid = k.relid
  JOIN pg_statio_user_tables io ON io.relid = k.relid
  JOIN pg_class c ON c.oid = k.relid
  CROSS JOIN LATERAL (
    SELECT EXISTS (
      SELECT 1 FROM locked
       WHERE locked.relation IN (s.relid, c.reltoastrelid)
          OR locked.relation IN (SELECT i.indexrelid FROM pg_index i WHERE i.indrelid = s.relid)) AS locked
  ) x
 ORDER BY c.relpages DESC, s.relid`;

/** Reset time of this database's statistics, to tell a reset from a quiet window. */
const STATS_RESET_SQL = `${AGENT_QUERY_MARKER}
SELECT (extract(epoch FROM stats_reset) * 1000)::float8 AS stats_reset_ms FROM pg_stat_database WHERE datname = current_database()`;

interface VersionColumns {
  readonly insSinceVacuum: string;
  readonly newpageUpd: string;
}

/** n_ins_since_vacuum arrived in PostgreSQL 13, n_tup_newpage_upd in 16. */
function versionColumns(versionNum: number): VersionColumns {
  return {
    insSinceVacuum: versionNum >= 130000 ? 's.n_ins_since_vacuum' : 'NULL::bigint',
    newpageUpd: versionNum >= 160000 ? 's.n_tup_newpage_upd' : 'NULL::bigint',
  };
}

function toTable(row: Record<string, unknown>): TableRow {
  return {
    relid: Number(row.relid),
    schema: String(row.schemaname),
    name: String(row.relname),
    sizes:
      row.locked === true
        ? null
        : {
            totalBytes: Number(row.total_bytes),
            tableBytes: Number(row.table_bytes),
            indexesBytes: Number(row.indexes_bytes),
            toastBytes: Number(row.toast_bytes),
          },
    nLiveTup: Number(row.n_live_tup),
    nDeadTup: Number(row.n_dead_tup),
    nModSinceAnalyze: Number(row.n_mod_since_analyze),
    nInsSinceVacuum: num(row.n_ins_since_vacuum),
    lastVacuumMs: num(row.last_vacuum_ms),
    lastAutovacuumMs: num(row.last_autovacuum_ms),
    lastAnalyzeMs: num(row.last_analyze_ms),
    lastAutoanalyzeMs: num(row.last_autoanalyze_ms),
    xidAge: num(row.xid_age),
    mxidAge: num(row.mxid_age),
    counters: numbers(row, TABLE_COUNTER_COLUMNS),
  };
}

/** Reads the connected database's user tables: sizes, tuples, maintenance times, XID age and counters. */
export async function collectTables(client: PgQueryClient, facts: ServerFacts): Promise<TablesSnapshot> {
  const { rows } = await client.query(TABLES_SQL(versionColumns(facts.versionNum)));
  const reset = (await client.query(STATS_RESET_SQL)).rows[0]?.stats_reset_ms;
  return {
    tables: rows.map(toTable),
    tablesTotal: rows.length === 0 ? 0 : Number(rows[0]!.total),
    statsResetMs: num(reset),
  };
}
