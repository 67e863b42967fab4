import { createHash } from 'node:crypto';
import { AGENT_QUERY_MARKER, VigilError, stripLiterals } from '@vigil/shared';
import type { ClickHouseQueryClient } from '../collectors/clickhouse/clickhouse-query-client.js';
import { errorText, sqlString, str } from '../collectors/clickhouse/clickhouse-values.js';
import { normalizeQueryText } from '../collectors/clickhouse/query-fingerprint.js';
import { readFunctions, readTableColumns } from '../collectors/clickhouse/system-catalog.js';
import { explainableStatement } from './statement-guard.js';

/**
 * `EXPLAIN indexes = 1` for one query-log fingerprint. The text is a recent query of that
 * fingerprint from the monitored server's own system.query_log (the Vigil server only names the
 * hash). It still holds its literal values, which ClickHouse needs to choose parts and granules;
 * they stay on the host: every plan line is literal-stripped before it is sent.
 */

/** EXPLAIN arrived in 20.6; its `indexes` setting in 21.6. */
const EXPLAIN_INDEXES_SINCE: readonly [number, number] = [21, 6];
// How far back to look for a query of the fingerprint.
const LOOKBACK_DAYS = 7;
const TRAILING_FORMAT = /\s+FORMAT\s+[A-Za-z0-9_]+\s*;?\s*$/i;
// A line of index figures only, such as "Parts: 1/4" or "Parts: 2 | Granules: 10 | Ranges: 1".
const COUNTS_ONLY = /^(?:(?:Parts|Granules|Ranges|Skip merging): \d+(?:\/\d+)?(?: \| |$))+$/;

export interface QueryLogTable {
  readonly database: string;
  readonly table: string;
}

export interface ClickHousePlan {
  readonly engine: 'clickhouse';
  readonly database: string;
  readonly query_hash: string;
  /** The query the plan is for, normalized and literal-stripped. */
  readonly query_text: string;
  readonly method: 'explain_indexes';
  readonly ts: string;
  /** EXPLAIN indexes = 1 output, one step per line, literal values stripped. */
  readonly plan_text: string;
  /** Fingerprint of the plan's steps (the lines without their index figures), equal for equal plans. */
  readonly plan_hash: string;
  readonly total_cost: null;
}

export interface ClickHouseExplainOptions {
  /** Where to find the query text; system.query_log unless a test points at a fixture. */
  readonly queryLog?: QueryLogTable;
}

/** Whether `version` (e.g. "21.8.3.44") is at least major.minor. */
export function versionAtLeast(version: string, [major, minor]: readonly [number, number]): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

/** EXPLAINs a recent query with fingerprint `queryHash` on the server `client` reaches (`serverVersion` from its probe). */
export async function explainClickHouseQuery(client: ClickHouseQueryClient, serverVersion: string, database: string, queryHash: string, options: ClickHouseExplainOptions = {}): Promise<ClickHousePlan> {
  if (!versionAtLeast(serverVersion, EXPLAIN_INDEXES_SINCE)) {
    throw new VigilError('COMMAND_NOT_SUPPORTED', `EXPLAIN indexes = 1 is not supported on this version: it needs ClickHouse ${EXPLAIN_INDEXES_SINCE.join('.')} or later, and this server runs ${serverVersion || 'an unknown version'}`);
  }
  const query = await findQuery(client, queryHash, options.queryLog ?? { database: 'system', table: 'query_log' });
  const text = query.replace(TRAILING_FORMAT, '');
  const verdict = explainableStatement(text);
  if (!verdict.ok) throw new VigilError('COMMAND_REFUSED', verdict.reason);
  const rows = await client.query(`${AGENT_QUERY_MARKER} EXPLAIN indexes = 1 ${text}`).catch((err: unknown) => {
    // ClickHouse's errors can quote the query, literals included: only the sanitized text leaves the host.
    throw new VigilError('COMMAND_FAILED', `ClickHouse refused to explain the query: ${errorText(err instanceof Error ? err.message : String(err))}`, { cause: err });
  });
  const lines = rows.map((row) => planLine(str(row.explain)));
  return {
    engine: 'clickhouse',
    database,
    query_hash: queryHash,
    query_text: normalizeQueryText(text),
    method: 'explain_indexes',
    ts: new Date().toISOString(),
    plan_text: lines.join('\n'),
    plan_hash: createHash('sha256')
      .update(lines.filter((line) => !/^\s*(Parts|Granules|Ranges):/.test(line)).join('\n'))
      .digest('hex')
      .slice(0, 16),
    total_cost: null,
  };
}

/** One plan line safe to send: index counts (Parts: 3/10, Granules: 12/400) as they are, anything else literal-stripped, indentation kept. */
function planLine(line: string): string {
  const indent = line.match(/^[\s│└├─]*/)![0];
  const body = line.slice(indent.length);
  return indent + (COUNTS_ONLY.test(body) ? body : stripLiterals(body));
}

/**
 * The newest finished initial query with this fingerprint. Every release with EXPLAIN indexes
 * has ClickHouse's own fingerprint (the query-log collector uses it there too), in the
 * normalized_query_hash column or at least as the normalizedQueryHash function.
 */
async function findQuery(client: ClickHouseQueryClient, queryHash: string, source: QueryLogTable): Promise<string> {
  if (!/^\d{1,20}$/.test(queryHash)) throw new VigilError('COMMAND_BAD_ARGS', 'query_hash: a ClickHouse fingerprint is an unsigned 64-bit decimal number');
  const from = `${source.database}.${source.table}`;
  const columns = (await readTableColumns(client, source.database, [source.table])).get(source.table);
  if (!columns) throw new VigilError('STATEMENT_NOT_FOUND', `${from} does not exist or the agent's user may not read it`);
  const hash = columns.has('normalized_query_hash')
    ? 'normalized_query_hash'
    : (await readFunctions(client, ['normalizedQueryHash'])).has('normalizedQueryHash')
      ? 'normalizedQueryHash(query)'
      : undefined;
  if (!hash) throw new VigilError('COMMAND_NOT_SUPPORTED', 'this ClickHouse release cannot fingerprint its query log (no normalized_query_hash)');
  const rows = await client.query(`${AGENT_QUERY_MARKER}
SELECT query FROM ${from}
 WHERE event_date >= today() - ${LOOKBACK_DAYS} AND type = 'QueryFinish'${columns.has('is_initial_query') ? ' AND is_initial_query' : ''}
   AND NOT startsWith(query, ${sqlString(AGENT_QUERY_MARKER)})
   AND ${hash} = toUInt64(${sqlString(queryHash)})
 ORDER BY event_time DESC
 LIMIT 1`);
  if (rows[0]) return str(rows[0].query);
  throw new VigilError('STATEMENT_NOT_FOUND', `${from} has no finished query with fingerprint ${queryHash} in the last ${LOOKBACK_DAYS} days`);
}
