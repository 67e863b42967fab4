import { createHash } from 'node:crypto';
import type pg from 'pg';
import { AGENT_QUERY_MARKER, VigilError, stripLiterals } from '@vigil/shared';
import type { DatabaseConfig } from '../config/agent-config.js';
import { connectPostgres } from './postgres-connection.js';
import { explainableStatement } from './statement-guard.js';

/**
 * A generic plan for one pg_stat_statements entry, named by its queryid. The text comes from
 * pg_stat_statements on the monitored server, never from the Vigil server, and still holds its
 * $n placeholders: PostgreSQL 16+ plans it with EXPLAIN (GENERIC_PLAN); before 16 it is PREPAREd
 * with parameter types left to inference and EXPLAIN EXECUTEd with NULLs under
 * plan_cache_mode = force_generic_plan, so the NULLs are never folded into the plan. Either way
 * nothing is executed, in a read-only transaction with short statement and lock timeouts.
 */

const SERVER_SQL = `${AGENT_QUERY_MARKER}
SELECT current_setting('server_version_num')::int AS version_num, current_database() AS datname, quote_ident(n.nspname) AS extension_schema
  FROM (SELECT 1) AS one
  LEFT JOIN pg_extension e ON e.extname = 'pg_stat_statements'
  LEFT JOIN pg_namespace n ON n.oid = e.extnamespace`;

/** The entry's text, preferring the connected database and then the most called, when several users or databases share the queryid. */
const STATEMENT_SQL = (schema: string): string => `${AGENT_QUERY_MARKER}
SELECT s.query, d.datname
  FROM ${schema}.pg_stat_statements(true) s
  LEFT JOIN pg_database d ON d.oid = s.dbid
 WHERE s.queryid = $1::bigint
 ORDER BY (d.datname = current_database()) DESC NULLS LAST, s.calls DESC
 LIMIT 1`;

const PREPARED_NAME = 'vigil_explain';
const PARAMETERS_SQL = `${AGENT_QUERY_MARKER} SELECT cardinality(parameter_types) AS n FROM pg_prepared_statements WHERE name = '${PREPARED_NAME}'`;

const GENERIC_PLAN_SINCE = 160000;
// Planning takes milliseconds; one that takes longer than this is stuck, and should not hold its locks.
const PLAN_TIMEOUT_MS = 5000;
// Planning reads catalogs and takes share locks only; waiting behind a DDL lock longer than this helps nobody.
const LOCK_TIMEOUT_MS = 1000;
// Plan fields that hold names, not expressions: kept as they are; every other text field is literal-stripped.
const NAME_FIELDS = new Set(['Node Type', 'Relation Name', 'Schema', 'Alias', 'Index Name', 'CTE Name', 'Function Name', 'Parent Relationship', 'Join Type', 'Strategy', 'Partial Mode', 'Scan Direction', 'Operation', 'Subplan Name']);

export interface PostgresPlan {
  readonly engine: 'postgres';
  readonly database: string;
  readonly query_hash: string;
  /** pg_stat_statements' normalized text, literal-stripped once more. */
  readonly query_text: string;
  /** generic_plan: EXPLAIN (GENERIC_PLAN) on 16+; prepared_generic: PREPARE + EXPLAIN EXECUTE before 16. */
  readonly method: 'generic_plan' | 'prepared_generic';
  readonly ts: string;
  /** EXPLAIN (FORMAT JSON) output, with literal values in expressions stripped. */
  readonly plan_json: unknown;
  /** Fingerprint of the plan's shape (node types, relations, indexes), equal for equal plans whatever their costs. */
  readonly plan_hash: string;
  readonly total_cost: number | null;
}

export interface PostgresExplainOptions {
  readonly statementTimeoutMs: number;
}

/** EXPLAINs the statement with pg_stat_statements queryid `queryHash` on `database` (a dedicated connection, closed after). */
export async function explainPostgresStatement(database: DatabaseConfig, queryHash: string, options: PostgresExplainOptions): Promise<PostgresPlan> {
  const client = await connectPostgres(database.url, options.statementTimeoutMs);
  let planClient: pg.Client | undefined;
  try {
    const server = (await client.query(SERVER_SQL)).rows[0] as { version_num: number; datname: string; extension_schema: string | null };
    if (!server.extension_schema) throw new VigilError('STATEMENT_NOT_FOUND', 'pg_stat_statements is not installed in the database the agent connects to (CREATE EXTENSION pg_stat_statements)');
    const found = (await client.query(STATEMENT_SQL(server.extension_schema), [queryHash])).rows[0] as { query: string | null; datname: string | null } | undefined;
    if (!found) throw new VigilError('STATEMENT_NOT_FOUND', `pg_stat_statements has no statement with queryid ${queryHash} (it may have been evicted or reset)`);
    if (found.query === null) throw new VigilError('COMMAND_REFUSED', "the agent's role may not read other roles' statement texts (GRANT pg_read_all_stats)");
    const verdict = explainableStatement(found.query);
    if (!verdict.ok) throw new VigilError('COMMAND_REFUSED', verdict.reason);
    if (found.datname && found.datname !== server.datname) {
      if (!covers(database, found.datname)) {
        throw new VigilError('COMMAND_REFUSED', `the statement ran in database "${found.datname}", which this entry does not cover (add it to the entry's databases:)`);
      }
      planClient = await connectPostgres(database.url, options.statementTimeoutMs, found.datname);
    }
    const method = server.version_num >= GENERIC_PLAN_SINCE ? 'generic_plan' : 'prepared_generic';
    const raw = await planInReadOnlyTransaction(planClient ?? client, found.query, method, options.statementTimeoutMs);
    const plan = stripPlanLiterals(raw);
    return {
      engine: 'postgres',
      database: database.name,
      query_hash: queryHash,
      query_text: stripLiterals(found.query),
      method,
      ts: new Date().toISOString(),
      plan_json: plan,
      plan_hash: planHash(plan),
      total_cost: totalCost(plan),
    };
  } catch (err) {
    throw explainFailure(err);
  } finally {
    await planClient?.end().catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

function covers(database: DatabaseConfig, datname: string): boolean {
  return database.databases === 'all' || (Array.isArray(database.databases) && database.databases.includes(datname));
}

async function planInReadOnlyTransaction(client: pg.Client, text: string, method: PostgresPlan['method'], statementTimeoutMs: number): Promise<unknown> {
  await client.query('BEGIN READ ONLY');
  try {
    const planTimeoutMs = Math.max(1, Math.round(Math.min(PLAN_TIMEOUT_MS, statementTimeoutMs)));
    await client.query(`SET LOCAL statement_timeout = ${planTimeoutMs}`);
    await client.query(`SET LOCAL lock_timeout = ${Math.min(LOCK_TIMEOUT_MS, planTimeoutMs)}`);
    if (method === 'generic_plan') return planOf(await client.query(`${AGENT_QUERY_MARKER} EXPLAIN (GENERIC_PLAN, FORMAT JSON) ${text}`));
    await client.query('SET LOCAL plan_cache_mode = force_generic_plan');
    // PREPARE outlives the transaction; the connection is closed after this command, which drops it.
    await client.query(`${AGENT_QUERY_MARKER} PREPARE ${PREPARED_NAME} AS ${text}`);
    const n = Number((await client.query(PARAMETERS_SQL)).rows[0]?.n ?? 0);
    const args = n > 0 ? `(${Array.from({ length: n }, () => 'NULL').join(', ')})` : '';
    return planOf(await client.query(`${AGENT_QUERY_MARKER} EXPLAIN (FORMAT JSON) EXECUTE ${PREPARED_NAME}${args}`));
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
  }
}

function planOf(result: pg.QueryResult): unknown {
  const value: unknown = result.rows[0]?.['QUERY PLAN'];
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** The plan with every expression's literal values replaced by `?` (view bodies and partial-index predicates can hold them). */
function stripPlanLiterals(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return NAME_FIELDS.has(key) ? value : stripLiterals(value);
  if (Array.isArray(value)) return value.map((item) => stripPlanLiterals(item, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripPlanLiterals(v, k)]));
  return value;
}

/** SHA-256 (first 16 hex digits) over the plan's node types, relations, indexes and join types, depth first. */
function planHash(plan: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    parts.push(`${depth}:${String(n['Node Type'] ?? '')}:${String(n['Relation Name'] ?? '')}:${String(n['Index Name'] ?? '')}:${String(n['Join Type'] ?? '')}`);
    for (const child of Array.isArray(n.Plans) ? n.Plans : []) walk(child, depth + 1);
  };
  for (const root of Array.isArray(plan) ? plan : [plan]) walk((root as { Plan?: unknown } | null)?.Plan, 0);
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);
}

function totalCost(plan: unknown): number | null {
  const cost = (Array.isArray(plan) ? (plan[0] as { Plan?: { 'Total Cost'?: unknown } } | undefined) : undefined)?.Plan?.['Total Cost'];
  return typeof cost === 'number' ? cost : null;
}

// SQLSTATEs whose fix is on the monitored side and worth naming.
const PG_HINTS: Record<string, string> = {
  '42501': "the agent's role may not read a table the statement uses: GRANT SELECT on it, or GRANT pg_read_all_data (PostgreSQL 14+)",
  '42P18': 'PostgreSQL cannot infer the type of a parameter of this statement, so it cannot be planned without its values',
  '57014': 'planning ran past the statement timeout',
  '55P03': 'a table the statement uses is locked by DDL; try again later',
};

/** VigilErrors pass through; a PostgreSQL refusal becomes COMMAND_FAILED with its message and what to do. */
function explainFailure(err: unknown): unknown {
  if (err instanceof VigilError) return err;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    const hint = PG_HINTS[code];
    return new VigilError('COMMAND_FAILED', `PostgreSQL refused to plan the statement: ${String(message)}${hint ? ` (${hint})` : ''}`, { cause: err });
  }
  return err;
}
