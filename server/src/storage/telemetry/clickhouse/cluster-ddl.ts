import { rawSql, sql, type SqlFragment } from '../clickhouse-sql.js';
import type { TelemetrySqlClient } from '../telemetry-sql-client.js';

/**
 * Vigil's telemetry schema on a replicated ClickHouse cluster (CLICKHOUSE_CLUSTER): every DDL
 * statement the schema runs is sent `ON CLUSTER <name>`, and every MergeTree family table is created
 * as its Replicated* twin under `/clickhouse/vigil/tables/{shard}/<database>/<table>` with the
 * `{replica}` macro, so each replica holds the same tables and rows and a server reading from any of
 * them sees the same figures. Inserts, mutations and partition drops need nothing more: ClickHouse
 * replicates those of Replicated tables itself. The rewrite is of our own DDL (kind-table.ts,
 * the statement kind, the schema runner), whose shapes are fixed: a statement it does not know
 * passes unchanged.
 */

/** Unquoted identifiers only: cluster names go into DDL text. */
export const CLUSTER_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

const CREATE_TABLE = /^(\s*CREATE TABLE (?:IF NOT EXISTS )?)(\w+)(\s*\()/;
const CREATE_VIEW = /^(\s*CREATE MATERIALIZED VIEW (?:IF NOT EXISTS )?)(\w+)(\s)/;
const ALTER_COLUMNS = /^(\s*ALTER TABLE )(\w+)(\s+(?:ADD|DROP|MODIFY|RENAME|COMMENT) COLUMN\b)/;
const DROP_TABLE = /^(\s*DROP TABLE (?:IF EXISTS )?)(\w+)(\s*$)/;
const ENGINE = /\bENGINE = (Summing|Replacing|Aggregating|Collapsing|VersionedCollapsing|Graphite)?MergeTree\b/;

/** `statement` as it must run on `cluster` (database: the connection's, for the replication path); unchanged when it is no schema DDL of ours. */
export function clusterStatement(statement: string, cluster: string, database: string): string {
  if (!CLUSTER_NAME_PATTERN.test(cluster)) throw new Error(`cluster name ${JSON.stringify(cluster)} is not a plain identifier`);
  const onCluster = (match: RegExpExecArray) => `${match[1]}${match[2]} ON CLUSTER ${cluster}${match[3]}${statement.slice(match[0].length)}`;
  const table = CREATE_TABLE.exec(statement);
  if (table) return replicated(onCluster(table), table[2]!, database);
  const view = CREATE_VIEW.exec(statement);
  // A replica runs the view's SELECT in its default database unless the tables are named with theirs.
  if (view) return onCluster(view).replace(/\bTO (\w+) AS SELECT\b/, `TO ${database}.$1 AS SELECT`).replace(/\bFROM (\w+)(?=\s|$)/g, `FROM ${database}.$1`);
  for (const pattern of [ALTER_COLUMNS, DROP_TABLE]) {
    const match = pattern.exec(statement);
    if (match) return onCluster(match);
  }
  return statement;
}

/** The MergeTree family engine of a CREATE TABLE as its Replicated* twin, its own arguments after the path and replica. */
function replicated(statement: string, table: string, database: string): string {
  const engine = ENGINE.exec(statement);
  if (!engine) return statement;
  const path = `'/clickhouse/vigil/tables/{shard}/${database}/${table}', '{replica}'`;
  const end = engine.index + engine[0].length;
  const name = `Replicated${engine[1] ?? ''}MergeTree`;
  if (statement[end] !== '(') return `${statement.slice(0, engine.index)}ENGINE = ${name}(${path})${statement.slice(end)}`;
  const close = matchingParen(statement, end);
  const args = statement.slice(end + 1, close).trim();
  return `${statement.slice(0, engine.index)}ENGINE = ${name}(${path}${args ? `, ${args}` : ''})${statement.slice(close + 1)}`;
}

function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  throw new Error('unbalanced parentheses in an engine clause');
}

/**
 * `client` with its DDL sent ON CLUSTER `cluster` (see above); every other call, and any method a
 * backend adds beyond TelemetrySqlClient, passes through untouched.
 */
export function onCluster<C extends TelemetrySqlClient>(client: C, cluster: string): C {
  if (!CLUSTER_NAME_PATTERN.test(cluster)) throw new Error(`cluster name ${JSON.stringify(cluster)} is not a plain identifier`);
  let database: Promise<string> | undefined;
  const currentDatabase = () => {
    database ??= client.select<{ db: string }>(sql`SELECT currentDatabase() AS db`).then(([row]) => row!.db);
    return database;
  };
  const command = async (statement: SqlFragment): Promise<void> => {
    const text = clusterStatement(statement.text, cluster, await currentDatabase());
    await client.command(text === statement.text ? statement : rawSql(text));
  };
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'command') return command;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
