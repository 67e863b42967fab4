import { hash } from 'node:crypto';
import { VigilError } from '@vigil/shared';
import { identifier, joinSql, sql, type SqlFragment } from './clickhouse-sql.js';
import { RECORD_KINDS } from './kinds/index.js';
import type { KindContext, RecordKind } from './record-kind.js';
import { featureNames, migrateTelemetrySchema, STATEMENT_SUM_COLUMNS, TELEMETRY_MIGRATIONS, type SchemaState } from './telemetry-schema.js';
import type { TelemetrySqlClient } from './telemetry-sql-client.js';
import {
  QUERY_SORTS,
  type DroppedPartition,
  type QueryGroup,
  type QueryGroupsRequest,
  type QueryStat,
  type RetentionPolicy,
  type StatementRow,
  type StatementTextRow,
  type TelemetrySchemaStatus,
  type TelemetryStore,
  type TopQueriesRequest,
} from './telemetry-store.js';

const HOUR_MS = 3600_000;
/** Statements whose text (as a SHA-1 digest) one process remembers having written: about 150 bytes each. */
const WRITTEN_TEXTS_MAX = 100_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Where statement counters live, coarsest first. `reach`: how far back (from now) a range may start
 * and still be read from that table or a finer one; each is well inside the table's default retention
 * (raw 7 days, hourly 30), and config refuses retentions shorter than these reaches.
 */
const STATEMENT_TIERS = [
  { table: 'statement_stats_daily', bucketMs: DAY_MS, retention: 'daily', reach: Infinity },
  { table: 'statement_stats_hourly', bucketMs: HOUR_MS, retention: 'hourly', reach: 30 * DAY_MS },
  { table: 'statement_stats', bucketMs: 1, retention: 'raw', reach: 2 * DAY_MS },
] as const;
type StatementTier = (typeof STATEMENT_TIERS)[number];
const RAW_TIER = STATEMENT_TIERS[STATEMENT_TIERS.length - 1]!;
const STATEMENT_TABLES = STATEMENT_TIERS.map((t) => t.table);

/** The part of a range one table answers. */
interface Segment {
  readonly tier: StatementTier;
  readonly since: number;
  readonly until: number;
}

/**
 * Splits [since, until) over the tiers from `tiers[0]` down: whole buckets from the coarsest, the
 * partial buckets at each end from the next finer tier, recursively, down to raw rows.
 */
function segments(since: number, until: number, tiers: readonly StatementTier[]): Segment[] {
  const [tier, ...finer] = tiers;
  if (!tier || since >= until) return [];
  if (finer.length === 0) return [{ tier, since, until }];
  const start = Math.ceil(since / tier.bucketMs) * tier.bucketMs;
  const end = Math.floor(until / tier.bucketMs) * tier.bucketMs;
  if (start >= end) return segments(since, until, finer);
  return [...segments(since, start, finer), { tier, since: start, until: end }, ...segments(end, until, finer)];
}

/** The finest tier that still holds a range reaching back to `since`, and those finer than it. */
function tiersFor(since: number, until: number, now: number): StatementTier[] {
  const reach = Math.max(now, until) - since;
  const finest = STATEMENT_TIERS.findIndex((tier, i) => i === STATEMENT_TIERS.length - 1 || reach > STATEMENT_TIERS[i + 1]!.reach);
  return STATEMENT_TIERS.slice(finest);
}

/** Sums rows into one row per statement and bucket (the rollups' shape). */
function rollUp(rows: readonly StatementRow[], bucketMs: number): Map<string, Record<string, string | number>> {
  const buckets = new Map<string, Record<string, string | number>>();
  for (const r of rows) {
    const ts = Math.floor(r.ts / bucketMs) * bucketMs;
    const key = `${r.org_id}\0${r.database_id}\0${r.query_hash}\0${ts}`;
    let sums = buckets.get(key);
    if (!sums) {
      sums = { org_id: r.org_id, database_id: r.database_id, query_hash: r.query_hash, ts };
      for (const column of STATEMENT_SUM_COLUMNS) sums[column] = 0;
      buckets.set(key, sums);
    }
    for (const column of STATEMENT_SUM_COLUMNS) sums[column] = (sums[column] as number) + r[column];
  }
  return buckets;
}

/** Waits for every write, then fails with the first failure: no write is left running behind a rejection. */
export async function settleAll(writes: readonly Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(writes)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** A day partition id (YYYYMMDD, as toYYYYMMDD makes them) as the Unix ms its day ends at; undefined for any other id. */
function partitionDayEnd(id: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(id);
  return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1) : undefined;
}

/** Each API sort key and the aggregate column it orders by: the only identifiers a request can pick. */
const SORT_COLUMNS = {
  total_time: 'total_time_ms',
  calls: 'total_calls',
  mean_time: 'mean_time_ms',
  rows: 'total_rows',
} as const satisfies Record<(typeof QUERY_SORTS)[number], string>;

/**
 * Statements whose newest text contains `text`, ignoring case. lowerUTF8 and position, not ILIKE or
 * positionCaseInsensitiveUTF8, because 18.16 has them; `text` is a literal, so % and _ mean themselves.
 */
function statementsWithText(orgId: string, databaseId: string, text: string): SqlFragment {
  return sql`SELECT query_hash FROM statement_texts
    WHERE org_id = ${orgId} AND database_id = ${databaseId} AND position(lowerUTF8(query_text), lowerUTF8(${text})) > 0`;
}

/** The raw rows' conditions for the database and role filters (only statement_stats has these columns). */
function callFilter(request: TopQueriesRequest): SqlFragment {
  const byDatabase = request.datname === undefined ? sql`` : sql` AND datname = ${request.datname}`;
  const byRole = request.username === undefined ? sql`` : sql` AND username = ${request.username}`;
  return sql`${byDatabase}${byRole}`;
}

/** Sort column, offset and limit of a ranking, checked: a bad one is a caller's bug or a bad request. */
function ranking(request: TopQueriesRequest): { order: SqlFragment; offset: number } {
  if (!Object.hasOwn(SORT_COLUMNS, request.sortBy)) {
    throw new VigilError('VALIDATION_FAILED', `sort_by: must be one of ${QUERY_SORTS.join(', ')}`);
  }
  if (!Number.isSafeInteger(request.limit) || request.limit < 1) throw new VigilError('VALIDATION_FAILED', 'limit: must be a positive integer');
  const offset = request.offset ?? 0;
  if (!Number.isSafeInteger(offset) || offset < 0) throw new VigilError('VALIDATION_FAILED', 'offset: must be a non-negative integer');
  return { order: identifier(SORT_COLUMNS[request.sortBy], Object.values(SORT_COLUMNS)), offset };
}

/** Columns a group can be keyed by: the only identifiers group_by picks. */
const GROUP_COLUMNS = { database: 'datname', user: 'username' } as const;

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
  /**
   * Digests of the texts this process already wrote, by statement: agents that send the text on every row (older
   * ones, or after a restart) would otherwise rewrite the widest rows we store on every batch.
   */
  readonly #writtenTexts = new Map<string, string>();

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
      datname: r.datname ?? '',
      toplevel: r.toplevel ? 1 : 0,
      ...Object.fromEntries(STATEMENT_SUM_COLUMNS.map((column) => [column, r[column]])),
    }));
    // An empty text on the wire means "sent before" (StatementText): only real texts are written.
    const texts = rows.filter((r) => r.query_text !== '').map((r) => ({ ...r, last_seen: r.ts }));
    // Texts first: if a later insert fails, the batch is not acked and comes again, and what the
    // first left behind is a text row (replaced on merge), never counters that the retry would double.
    await this.insertStatementTexts(texts);
    // The raw rows and the rollups are independent tables: written at once, one round trip of latency.
    const rollups = STATEMENT_TIERS.filter((tier) => tier.bucketMs > 1).map((tier) => ({
      table: tier.table,
      rows: [...rollUp(rows, tier.bucketMs).values()].map((b) => ({ ...b, ts: time.value(b.ts as number) })),
    }));
    await settleAll([this.#client.insert('statement_stats', stats), ...rollups.map((r) => this.#client.insert(r.table, r.rows))]);
  }

  async insertStatementTexts(texts: readonly StatementTextRow[]): Promise<void> {
    const time = this.#migrated().time;
    const fresh = new Map<string, { row: StatementTextRow; digest: string }>();
    for (const t of texts) {
      if (t.query_text === '') continue;
      const key = `${t.org_id}\0${t.database_id}\0${t.query_hash}`;
      const digest = hash('sha1', t.query_text, 'base64');
      if (this.#writtenTexts.get(key) !== digest) fresh.set(key, { row: t, digest });
    }
    if (fresh.size === 0) return;
    const rows = [...fresh.values()].map(({ row: t }) => ({ org_id: t.org_id, database_id: t.database_id, query_hash: t.query_hash, query_text: t.query_text, last_seen: time.value(t.last_seen) }));
    await this.#client.insert('statement_texts', rows);
    for (const [key, { digest }] of fresh) {
      this.#writtenTexts.delete(key);
      this.#writtenTexts.set(key, digest);
    }
    // Oldest first in a Map's order: a simple bound on what this process remembers.
    for (const key of this.#writtenTexts.keys()) {
      if (this.#writtenTexts.size <= WRITTEN_TEXTS_MAX) break;
      this.#writtenTexts.delete(key);
    }
  }

  async topQueries(request: TopQueriesRequest): Promise<QueryStat[]> {
    const time = this.#migrated().time;
    const { order, offset } = ranking(request);
    // Database and role are columns of the raw rows only: a filtered ranking reads them over the whole range.
    const filtered = request.datname !== undefined || request.username !== undefined;
    const tiers = filtered ? [RAW_TIER] : tiersFor(request.since, request.until, request.now ?? Date.now());
    const parts = segments(request.since, request.until, tiers).map(
      (segment): SqlFragment => sql`
          SELECT query_hash, calls, total_time_ms, rows, shared_blks_hit, shared_blks_read
          FROM ${identifier(segment.tier.table, STATEMENT_TABLES)}
          WHERE org_id = ${request.orgId} AND database_id = ${request.databaseId}
            AND ts >= ${time.literal(segment.since)} AND ts < ${time.literal(segment.until)}${filtered ? callFilter(request) : sql``}`,
    );
    if (parts.length === 0) return [];
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
        FROM (${joinSql(parts, ' UNION ALL ')})
        ${request.textContains === undefined ? sql`` : sql`WHERE query_hash IN (${statementsWithText(request.orgId, request.databaseId, request.textContains)})`}
        GROUP BY query_hash
        ORDER BY ${order} DESC, query_hash ASC
        LIMIT ${offset}, ${request.limit}
      ) AS s
      LEFT JOIN (
        SELECT query_hash, argMaxIf(query_text, last_seen, query_text != '') AS query_text
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

  async queryGroups(request: QueryGroupsRequest): Promise<QueryGroup[]> {
    const time = this.#migrated().time;
    const { order, offset } = ranking(request);
    if (!Object.hasOwn(GROUP_COLUMNS, request.groupBy)) throw new VigilError('VALIDATION_FAILED', `group_by: must be one of ${Object.keys(GROUP_COLUMNS).join(', ')}`);
    const key = identifier(GROUP_COLUMNS[request.groupBy], Object.values(GROUP_COLUMNS));
    if (request.since >= request.until) return [];
    // Sums named apart from the columns they sum (time_sum, not total_time_ms): ClickHouse would read the
    // alias inside sum() otherwise. The outer query gives them the API's names.
    const rows = await this.#client.select<Omit<QueryStatRow, 'query_hash' | 'query_text'> & { group_key: string; statements: number | string }>(sql`
      SELECT group_key, statements, total_calls, time_sum AS total_time_ms, mean_time_ms, total_rows,
        hit_sum AS shared_blks_hit, read_sum AS shared_blks_read, if(hit_sum + read_sum = 0, NULL, hit_sum / (hit_sum + read_sum)) AS cache_hit_ratio
      FROM (
        SELECT
          ${key} AS group_key,
          uniqExact(query_hash) AS statements,
          sum(calls) AS total_calls,
          sum(total_time_ms) AS time_sum,
          if(total_calls = 0, 0, time_sum / total_calls) AS mean_time_ms,
          sum(rows) AS total_rows,
          sum(shared_blks_hit) AS hit_sum,
          sum(shared_blks_read) AS read_sum
        FROM statement_stats
        WHERE org_id = ${request.orgId} AND database_id = ${request.databaseId}
          AND ts >= ${time.literal(request.since)} AND ts < ${time.literal(request.until)}${callFilter(request)}
          ${request.textContains === undefined ? sql`` : sql`AND query_hash IN (${statementsWithText(request.orgId, request.databaseId, request.textContains)})`}
        GROUP BY group_key
      )
      ORDER BY ${order} DESC, group_key ASC
      LIMIT ${offset}, ${request.limit}`);
    return rows.map((r) => ({
      key: String(r.group_key),
      statements: Number(r.statements),
      total_calls: Number(r.total_calls),
      total_time_ms: Number(r.total_time_ms),
      mean_time_ms: Number(r.mean_time_ms),
      total_rows: Number(r.total_rows),
      shared_blks_hit: Number(r.shared_blks_hit),
      shared_blks_read: Number(r.shared_blks_read),
      cache_hit_ratio: r.cache_hit_ratio === null ? null : Number(r.cache_hit_ratio),
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
    // Its texts are about to go: a statement seen again must have its text written again.
    this.#writtenTexts.clear();
    const tables = [...STATEMENT_TABLES, 'statement_texts', ...RECORD_KINDS.flatMap((kind) => kind.tables.map((t) => t.name))];
    // A mutation per table: ClickHouse rewrites the affected parts in the background.
    for (const table of tables) {
      await this.#client.command(sql`ALTER TABLE ${identifier(table, tables)} DELETE WHERE org_id = ${orgId} AND database_id = ${databaseId}`);
    }
  }

  async dropExpiredPartitions(policy: RetentionPolicy, now: number = Date.now()): Promise<DroppedPartition[]> {
    this.#migrated();
    const days = { raw: policy.rawDays, hourly: policy.hourlyDays, daily: policy.dailyDays };
    // statement_texts is left out: one small row per statement with no time to expire by (an agent
    // sends a text once, so its age says nothing about whether the statement still runs).
    const tables = [...STATEMENT_TIERS, ...RECORD_KINDS.flatMap((kind) => kind.tables.map((t) => ({ table: t.name, retention: t.retention })))];
    const names = tables.map((t) => t.table);
    const dropped: DroppedPartition[] = [];
    for (const { table, retention } of tables) {
      const cutoff = now - days[retention] * DAY_MS;
      const parts = await this.#client.select<{ partition_id: string }>(
        sql`SELECT DISTINCT partition_id FROM system.parts WHERE database = currentDatabase() AND table = ${table} AND active`,
      );
      for (const { partition_id: id } of parts) {
        const dayEnd = partitionDayEnd(id);
        if (dayEnd === undefined || dayEnd > cutoff) continue;
        // Dropping a partition another process dropped a moment ago is a no-op, so concurrent jobs are safe.
        await this.#client.command(sql`ALTER TABLE ${identifier(table, names)} DROP PARTITION ID ${id}`);
        dropped.push({ table, partition: id });
      }
    }
    return dropped;
  }

  #migrated(): SchemaState {
    if (!this.#schema) throw new Error('telemetry store used before migrate()');
    return this.#schema;
  }
}
