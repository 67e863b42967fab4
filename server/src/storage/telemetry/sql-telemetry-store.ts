import { VigilError } from '@vigil/shared';
import { identifier, sql } from './clickhouse-sql.js';
import { RECORD_KINDS } from './kinds/index.js';
import type { KindContext, RecordKind } from './record-kind.js';
import { featureNames, migrateTelemetrySchema, TELEMETRY_MIGRATIONS, type SchemaState } from './telemetry-schema.js';
import type { TelemetrySqlClient } from './telemetry-sql-client.js';
import { QUERY_SORTS, type QueryStat, type StatementRow, type TelemetrySchemaStatus, type TelemetryStore, type TopQueriesRequest } from './telemetry-store.js';

/** Each API sort key and the aggregate column it orders by: the only identifiers a request can pick. */
const SORT_COLUMNS = {
  total_time: 'total_time_ms',
  calls: 'total_calls',
  mean_time: 'mean_time_ms',
  rows: 'total_rows',
} as const satisfies Record<(typeof QUERY_SORTS)[number], string>;

/** topQueries' row as ClickHouse returns it: UInt64 sums may arrive as JSON strings. */
interface QueryStatRow {
  readonly query_hash: string;
  readonly query_text: string;
  readonly total_calls: number | string;
  readonly total_time_ms: number;
  readonly mean_time_ms: number;
  readonly total_rows: number | string;
  readonly shared_blks_hit: number | string;
  readonly shared_blks_read: number | string;
  readonly cache_hit_ratio: number | null;
}

/**
 * The telemetry store over any ClickHouse: the SQL and the mapping live here once, a backend folder
 * supplies the client (chdb/ in-process, clickhouse/ over HTTP). Values reach SQL only through
 * `sql` (escaped literals), because Debian's 18.16 server has no query parameters.
 */
export class SqlTelemetryStore implements TelemetryStore {
  readonly #client: TelemetrySqlClient;
  #schema: SchemaState | undefined;

  constructor(client: TelemetrySqlClient) {
    this.#client = client;
  }

  async migrate(): Promise<void> {
    this.#schema = await migrateTelemetrySchema(this.#client, [...TELEMETRY_MIGRATIONS, ...RECORD_KINDS.flatMap((kind) => kind.migrations)]);
  }

  async schemaStatus(): Promise<TelemetrySchemaStatus> {
    const schema = this.#migrated();
    return { serverVersion: schema.features.version, migrations: schema.applied, features: featureNames(schema.features) };
  }

  async close(): Promise<void> {
    await this.#client.close();
  }

  async ping(): Promise<void> {
    await this.#client.select(sql`SELECT 1 AS ok`);
  }

  async insertStatements(rows: readonly StatementRow[]): Promise<void> {
    if (rows.length === 0) return;
    const time = this.#migrated().time;
    const texts = rows.map((r) => ({ org_id: r.org_id, database_id: r.database_id, query_hash: r.query_hash, query_text: r.query_text, last_seen: time.value(r.ts) }));
    const stats = rows.map((r) => ({
      org_id: r.org_id,
      database_id: r.database_id,
      batch_id: r.batch_id,
      ts: time.value(r.ts),
      window_start: time.value(r.window_start),
      query_hash: r.query_hash,
      dbid: r.dbid,
      userid: r.userid,
      username: r.username,
      toplevel: r.toplevel ? 1 : 0,
      calls: r.calls,
      total_time_ms: r.total_time_ms,
      rows: r.rows,
      shared_blks_hit: r.shared_blks_hit,
      shared_blks_read: r.shared_blks_read,
      shared_blks_dirtied: r.shared_blks_dirtied,
      shared_blks_written: r.shared_blks_written,
      temp_blks_read: r.temp_blks_read,
      temp_blks_written: r.temp_blks_written,
      blk_read_time_ms: r.blk_read_time_ms,
      blk_write_time_ms: r.blk_write_time_ms,
      total_plan_time_ms: r.total_plan_time_ms,
    }));
    // Texts first: if the second insert fails, the batch is not acked and comes again, and what the
    // first left behind is a text row (replaced on merge), never counters that the retry would double.
    await this.#client.insert('statement_texts', texts);
    await this.#client.insert('statement_stats', stats);
  }

  async topQueries(request: TopQueriesRequest): Promise<QueryStat[]> {
    const time = this.#migrated().time;
    if (!Object.hasOwn(SORT_COLUMNS, request.sortBy)) {
      throw new VigilError('VALIDATION_FAILED', `sort_by: must be one of ${QUERY_SORTS.join(', ')}`);
    }
    if (!Number.isSafeInteger(request.limit) || request.limit < 1) throw new VigilError('VALIDATION_FAILED', 'limit: must be a positive integer');
    const order = identifier(SORT_COLUMNS[request.sortBy], Object.values(SORT_COLUMNS));
    const rows = await this.#client.select<QueryStatRow>(sql`
      SELECT
        s.query_hash AS query_hash,
        t.query_text AS query_text,
        s.total_calls AS total_calls,
        s.total_time_ms AS total_time_ms,
        s.mean_time_ms AS mean_time_ms,
        s.total_rows AS total_rows,
        s.shared_blks_hit AS shared_blks_hit,
        s.shared_blks_read AS shared_blks_read,
        if(s.shared_blks_hit + s.shared_blks_read = 0, NULL, s.shared_blks_hit / (s.shared_blks_hit + s.shared_blks_read)) AS cache_hit_ratio
      FROM (
        SELECT
          query_hash,
          sum(calls) AS total_calls,
          sum(total_time_ms) AS total_time_ms,
          if(total_calls = 0, 0, total_time_ms / total_calls) AS mean_time_ms,
          sum(rows) AS total_rows,
          sum(shared_blks_hit) AS shared_blks_hit,
          sum(shared_blks_read) AS shared_blks_read
        FROM statement_stats
        WHERE org_id = ${request.orgId} AND database_id = ${request.databaseId}
          AND ts >= ${time.literal(request.since)} AND ts < ${time.literal(request.until)}
        GROUP BY query_hash
        ORDER BY ${order} DESC, query_hash ASC
        LIMIT ${request.limit}
      ) AS s
      LEFT JOIN (
        SELECT query_hash, argMax(query_text, last_seen) AS query_text
        FROM statement_texts
        WHERE org_id = ${request.orgId} AND database_id = ${request.databaseId}
        GROUP BY query_hash
      ) AS t USING (query_hash)
      ORDER BY ${order} DESC, query_hash ASC`);
    return rows.map((r) => ({
      query_hash: r.query_hash,
      query_text: r.query_text,
      total_calls: Number(r.total_calls),
      total_time_ms: r.total_time_ms,
      mean_time_ms: r.mean_time_ms,
      total_rows: Number(r.total_rows),
      shared_blks_hit: Number(r.shared_blks_hit),
      shared_blks_read: Number(r.shared_blks_read),
      cache_hit_ratio: r.cache_hit_ratio,
    }));
  }

  async insertRecords<Row>(kind: RecordKind<Row>, rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return;
    await kind.insert(this.kindContext(), rows);
  }

  kindContext(): KindContext {
    return { client: this.#client, schema: this.#migrated() };
  }

  async deleteDatabase(orgId: string, databaseId: string): Promise<void> {
    this.#migrated();
    const tables = ['statement_stats', 'statement_texts', ...RECORD_KINDS.flatMap((kind) => kind.tables.map((t) => t.name))];
    // A mutation per table: ClickHouse rewrites the affected parts in the background.
    for (const table of tables) {
      await this.#client.command(sql`ALTER TABLE ${identifier(table, tables)} DELETE WHERE org_id = ${orgId} AND database_id = ${databaseId}`);
    }
  }

  #migrated(): SchemaState {
    if (!this.#schema) throw new Error('telemetry store used before migrate()');
    return this.#schema;
  }
}
