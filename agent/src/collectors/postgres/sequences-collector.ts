import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { SequenceRow, SequencesSnapshot } from '../../state/postgres-tables-state.js';
import type { PgQueryClient } from './pg-query-client.js';

/** A sequence this far through its range is reported whatever its rank. */
export const SEQUENCE_USED_THRESHOLD = 0.5;
/** The most used sequences are reported even below the threshold, so the trend is visible early. */
export const SEQUENCE_TOP = 5;
const MAX_SEQUENCES = 100;

/**
 * Sequences of the connected database with how much of their range is used. The range that
 * counts is the narrower of the sequence's and the column it feeds (serial or identity,
 * through pg_depend): a bigint sequence behind an integer column fails at 2^31. A sequence's
 * value needs SELECT or USAGE on it, which pg_monitor does not grant, so the values of the
 * others are not read (reading would fail) and they are counted by schema instead.
 */
/**
 * Whether the role may read sequence c's value. has_sequence_privilege raises "… is not a
 * sequence" for any other relation, and the planner is free to evaluate a filter on pg_class rows
 * (toast tables, indexes) before the join with pg_sequence narrows them, so the call is guarded
 * by relkind inside a CASE, whose branches PostgreSQL evaluates in order.
 */
const READABLE = `CASE WHEN c.relkind = 'S' THEN has_sequence_privilege(c.oid, 'SELECT,USAGE') ELSE false END`;

const SEQUENCES_SQL = `${AGENT_QUERY_MARKER}
WITH seqs AS (
  SELECT c.oid, n.nspname AS schema, c.relname AS name, format_type(s.seqtypid, NULL) AS data_type,
         s.seqmin, s.seqmax, s.seqincrement, s.seqcycle,
         ${READABLE} AS readable
    FROM pg_sequence s
    JOIN pg_class c ON c.oid = s.seqrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE NOT pg_is_other_temp_schema(n.oid)
), used AS (
  SELECT q.*, o.owned_by, o.column_type, v.last_value,
         (CASE WHEN q.seqincrement > 0
               THEN (v.last_value::numeric - q.seqmin) / nullif(least(q.seqmax, coalesce(o.column_max, q.seqmax))::numeric - q.seqmin, 0)
               ELSE (q.seqmax::numeric - v.last_value) / nullif(q.seqmax::numeric - greatest(q.seqmin, coalesce(o.column_min, q.seqmin)), 0)
          END)::float8 AS used_fraction
    FROM seqs q
    -- Guarded, not only filtered below: reading a sequence without the privilege fails the query.
    CROSS JOIN LATERAL (SELECT CASE WHEN q.readable THEN pg_sequence_last_value(q.oid) END AS last_value) v
    LEFT JOIN LATERAL (
      SELECT quote_ident(tn.nspname) || '.' || quote_ident(t.relname) || '.' || quote_ident(a.attname) AS owned_by,
             format_type(a.atttypid, a.atttypmod) AS column_type,
             CASE a.atttypid WHEN 'int2'::regtype THEN 32767 WHEN 'int4'::regtype THEN 2147483647 END AS column_max,
             CASE a.atttypid WHEN 'int2'::regtype THEN -32768 WHEN 'int4'::regtype THEN -2147483648 END AS column_min
        FROM pg_depend d
        JOIN pg_class t ON t.oid = d.refobjid
        JOIN pg_namespace tn ON tn.oid = t.relnamespace
        JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
       WHERE d.classid = 'pg_class'::regclass AND d.objid = q.oid AND d.refclassid = 'pg_class'::regclass
         AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0
       LIMIT 1
    ) o ON true
   WHERE q.readable
), ranked AS (
  SELECT u.*, row_number() OVER (ORDER BY u.used_fraction DESC NULLS LAST, u.oid) AS rank FROM used u
)
SELECT schema, name, data_type, last_value, seqmin, seqmax, seqincrement, seqcycle, owned_by, column_type, used_fraction
  FROM ranked
 WHERE used_fraction IS NOT NULL AND (used_fraction >= ${SEQUENCE_USED_THRESHOLD} OR rank <= ${SEQUENCE_TOP})
 ORDER BY rank
 LIMIT ${MAX_SEQUENCES}`;

const UNREADABLE_SQL = `${AGENT_QUERY_MARKER}
SELECT n.nspname AS schema, count(*)::int AS count
  FROM pg_sequence s
  JOIN pg_class c ON c.oid = s.seqrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE NOT pg_is_other_temp_schema(n.oid) AND NOT ${READABLE}
 GROUP BY 1
 ORDER BY 1`;

function toSequence(row: Record<string, unknown>): SequenceRow {
  return {
    schema: String(row.schema),
    name: String(row.name),
    dataType: String(row.data_type),
    lastValue: Number(row.last_value),
    minValue: Number(row.seqmin),
    maxValue: Number(row.seqmax),
    incrementBy: Number(row.seqincrement),
    // pg returns int8 as text: kept as it came, exact.
    exact: { lastValue: String(row.last_value), minValue: String(row.seqmin), maxValue: String(row.seqmax), incrementBy: String(row.seqincrement) },
    cycle: row.seqcycle === true,
    ownedBy: typeof row.owned_by === 'string' ? row.owned_by : null,
    columnType: typeof row.column_type === 'string' ? row.column_type : null,
    usedFraction: Number(row.used_fraction),
  };
}

/** Reads the sequences of the connected database that are over half used, plus the most used few. */
export async function collectSequences(client: PgQueryClient): Promise<SequencesSnapshot> {
  const { rows } = await client.query(SEQUENCES_SQL);
  const { rows: unreadable } = await client.query(UNREADABLE_SQL);
  return {
    sequences: rows.map(toSequence),
    unreadable: unreadable.map((row) => ({ schema: String(row.schema), count: Number(row.count) })),
  };
}
