import { mkdirSync } from 'node:fs';
import { Session } from 'chdb';
import type { QueryStat, StatementRow, TelemetryStore, TopQueriesRequest } from '../telemetry-store.js';

/**
 * The embedded telemetry backend: chDB (ClickHouse in-process) over a data directory.
 * chDB binds one data directory per process, so one server process owns one store.
 */

// fsync on insert: an Ack promises the agent it may delete its copy of the batch.
const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS statement_stats (
    org_id String,
    database_id String,
    batch_id String,
    ts DateTime64(3, 'UTC'),
    window_start DateTime64(3, 'UTC'),
    query_hash String,
    dbid UInt32,
    userid UInt32,
    username String,
    toplevel UInt8,
    calls UInt64,
    total_time_ms Float64,
    rows UInt64,
    shared_blks_hit UInt64,
    shared_blks_read UInt64,
    shared_blks_dirtied UInt64,
    shared_blks_written UInt64,
    temp_blks_read UInt64,
    temp_blks_written UInt64,
    blk_read_time_ms Float64,
    blk_write_time_ms Float64,
    total_plan_time_ms Float64
  ) ENGINE = MergeTree
  PARTITION BY toYYYYMMDD(ts)
  ORDER BY (org_id, database_id, query_hash, ts)
  SETTINGS fsync_after_insert = 1, fsync_part_directory = 1`,
  // Text is kept once per statement rather than on every per-minute row.
  `CREATE TABLE IF NOT EXISTS statement_texts (
    org_id String,
    database_id String,
    query_hash String,
    query_text String,
    last_seen DateTime64(3, 'UTC')
  ) ENGINE = ReplacingMergeTree(last_seen)
  ORDER BY (org_id, database_id, query_hash)
  SETTINGS fsync_after_insert = 1, fsync_part_directory = 1`,
];

const SORT_EXPRESSIONS = {
  total_time: 'total_time_ms',
  calls: 'total_calls',
  mean_time: 'mean_time_ms',
  rows: 'total_rows',
} as const;

function toDateTime64(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

export class ChdbTelemetryStore implements TelemetryStore {
  readonly #session: Session;

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.#session = new Session(dir);
  }

  async migrate(): Promise<void> {
    for (const ddl of SCHEMA) await this.#session.queryBindAsync(ddl, {});
  }

  async close(): Promise<void> {
    this.#session.close();
  }

  async insertStatements(rows: readonly StatementRow[]): Promise<void> {
    if (rows.length === 0) return;
    const stats = rows.map(({ query_text: _text, ts, window_start, toplevel, ...rest }) =>
      JSON.stringify({ ...rest, ts: toDateTime64(ts), window_start: toDateTime64(window_start), toplevel: toplevel ? 1 : 0 }),
    );
    const texts = rows.map((r) => JSON.stringify({ org_id: r.org_id, database_id: r.database_id, query_hash: r.query_hash, query_text: r.query_text, last_seen: toDateTime64(r.ts) }));
    await this.#session.insert({ table: 'statement_stats', values: Buffer.from(stats.join('\n')), format: 'JSONEachRow' });
    await this.#session.insert({ table: 'statement_texts', values: Buffer.from(texts.join('\n')), format: 'JSONEachRow' });
  }

  async topQueries(request: TopQueriesRequest): Promise<QueryStat[]> {
    const sql = `
      SELECT
        s.query_hash AS query_hash,
        t.query_text AS query_text,
        s.total_calls, s.total_time_ms, s.mean_time_ms, s.total_rows, s.shared_blks_hit, s.shared_blks_read,
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
        WHERE org_id = {org:String} AND database_id = {db:String}
          AND ts >= fromUnixTimestamp64Milli({since:Int64}, 'UTC') AND ts < fromUnixTimestamp64Milli({until:Int64}, 'UTC')
        GROUP BY query_hash
        ORDER BY ${SORT_EXPRESSIONS[request.sortBy]} DESC, query_hash ASC
        LIMIT {limit:UInt32}
      ) AS s
      LEFT JOIN (
        SELECT query_hash, argMax(query_text, last_seen) AS query_text
        FROM statement_texts
        WHERE org_id = {org:String} AND database_id = {db:String}
        GROUP BY query_hash
      ) AS t USING (query_hash)
      ORDER BY ${SORT_EXPRESSIONS[request.sortBy]} DESC, query_hash ASC
      SETTINGS output_format_json_quote_64bit_integers = 0`;
    const result = await this.#session.queryBindAsync(
      sql,
      { org: request.orgId, db: request.databaseId, since: request.since, until: request.until, limit: request.limit },
      { format: 'JSONEachRow' },
    );
    return result
      .text()
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as QueryStat);
  }
}
