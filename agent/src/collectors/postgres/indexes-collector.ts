import { AGENT_QUERY_MARKER } from '@vigil/shared';
import { INDEX_COUNTER_COLUMNS, type IndexRow } from '../../state/postgres-tables-state.js';
import type { PgQueryClient } from './pg-query-client.js';
import type { ServerFacts } from './server-facts-collector.js';
import { num, numbers } from './pg-values.js';

/**
 * The indexes of the given tables (the ones the tables collector kept), $1 being their oids.
 * As for tables, no size is read for an index whose table or self has an ACCESS EXCLUSIVE lock
 * held or awaited (REINDEX, DROP INDEX, ALTER TABLE): it would queue behind it.
 */
const INDEXES_SQL = (lastIdxScan: string): string => `${AGENT_QUERY_MARKER}
WITH locked AS (
  SELECT DISTINCT relation FROM pg_locks
   WHERE locktype = 'relation' AND mode = 'AccessExclusiveLock'
     AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
)
SELECT s.indexrelid, s.relid, s.schemaname, s.relname, s.indexrelname,
       CASE WHEN NOT EXISTS (SELECT 1 FROM locked WHERE locked.relation IN (s.indexrelid, s.relid))
            THEN pg_relation_size(s.indexrelid) END AS size_bytes,
       i.indisvalid, i.indisunique, i.indisprimary, pg_get_indexdef(s.indexrelid) AS definition,
       EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = s.indexrelid) AS backs_constraint,
       ${lastIdxScan} AS last_idx_scan_ms,
       s.idx_scan, s.idx_tup_read, s.idx_tup_fetch, io.idx_blks_read, io.idx_blks_hit
  FROM pg_stat_user_indexes s
  JOIN pg_statio_user_indexes io ON io.indexrelid = s.indexrelid
  JOIN pg_index i ON i.indexrelid = s.indexrelid
 WHERE s.relid = ANY ($1::oid[])
 ORDER BY s.relid, s.indexrelid`;

/** pg_stat_user_indexes.last_idx_scan arrived in PostgreSQL 16. */
const LAST_IDX_SCAN_SINCE = 160000;

function toIndex(row: Record<string, unknown>): IndexRow {
  return {
    indexrelid: Number(row.indexrelid),
    relid: Number(row.relid),
    schema: String(row.schemaname),
    table: String(row.relname),
    name: String(row.indexrelname),
    sizeBytes: num(row.size_bytes),
    valid: row.indisvalid === true,
    unique: row.indisunique === true,
    primary: row.indisprimary === true,
    backsConstraint: row.backs_constraint === true,
    definition: typeof row.definition === 'string' ? row.definition : '',
    lastIdxScanMs: num(row.last_idx_scan_ms),
    counters: numbers(row, INDEX_COUNTER_COLUMNS),
  };
}

/** Reads the indexes of tables `relids` of the connected database: size, validity, kind, definition and counters. */
export async function collectIndexes(client: PgQueryClient, facts: ServerFacts, relids: readonly number[]): Promise<IndexRow[]> {
  if (relids.length === 0) return [];
  const lastIdxScan = facts.versionNum >= LAST_IDX_SCAN_SINCE ? '(extract(epoch FROM s.last_idx_scan) * 1000)::float8' : 'NULL::float8';
  const { rows } = await client.query(INDEXES_SQL(lastIdxScan), [relids]);
  return rows.map(toIndex);
}
