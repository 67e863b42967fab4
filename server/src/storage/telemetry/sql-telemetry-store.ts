import { identifier, sql } from './clickhouse-sql.js';
import { RECORD_KINDS } from './kinds/index.js';
import { expireStatementTexts, STATEMENT_STATS, STATEMENT_STATS_DAILY, STATEMENT_STATS_HOURLY } from './kinds/statements/statements-tables.js';
import { forgetWrittenTexts, insertStatements, insertStatementTexts, queryGroups, topQueries } from './kinds/statements/statements-kind.js';
import type { KindContext, RecordKind } from './record-kind.js';
import { featureNames, type SchemaState } from './telemetry-ddl.js';
import { migrateTelemetrySchema } from './telemetry-schema.js';
import type { TelemetrySqlClient } from './telemetry-sql-client.js';
import type {
  DroppedPartition,
  QueryGroup,
  QueryGroupsRequest,
  QueryStat,
  RetentionPolicy,
  StatementRow,
  StatementTextRow,
  TelemetrySchemaStatus,
  TelemetryStore,
  TopQueriesRequest,
} from './telemetry-store.js';

// Where the ingest queue has imported it from; it lives with the kinds' inserts.
export { settleAll } from './kinds/kind-table.js';

const DAY_MS = 24 * 3600_000;
const STATEMENT_ROW_TABLES: ReadonlySet<string> = new Set([STATEMENT_STATS, STATEMENT_STATS_HOURLY, STATEMENT_STATS_DAILY].map((t) => t.name));

/** A day partition id (YYYYMMDD, as toYYYYMMDD makes them) as the Unix ms its day ends at; undefined for any other id. */
function partitionDayEnd(id: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(id);
  return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1) : undefined;
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
    this.#schema = await migrateTelemetrySchema(this.#client, RECORD_KINDS.flatMap((kind) => kind.migrations));
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

  // Statements and their texts are record kinds (kinds/statements/) like the others; these are the
  // store's methods for them, which the ingest queue writes them through (insertRecords would do the same).
  async insertStatements(rows: readonly StatementRow[]): Promise<void> {
    await insertStatements(this.kindContext(), rows);
  }

  async insertStatementTexts(texts: readonly StatementTextRow[]): Promise<void> {
    await insertStatementTexts(this.kindContext(), texts);
  }

  async topQueries(request: TopQueriesRequest): Promise<QueryStat[]> {
    return topQueries(this.kindContext(), request);
  }

  async queryGroups(request: QueryGroupsRequest): Promise<QueryGroup[]> {
    return queryGroups(this.kindContext(), request);
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
    forgetWrittenTexts(this.#client);
    const tables = RECORD_KINDS.flatMap((kind) => kind.tables.map((t) => t.name));
    // A mutation per table: ClickHouse rewrites the affected parts in the background.
    for (const table of tables) {
      await this.#client.command(sql`ALTER TABLE ${identifier(table, tables)} DELETE WHERE org_id = ${orgId} AND database_id = ${databaseId}`);
    }
  }

  async dropExpiredPartitions(policy: RetentionPolicy, now: number = Date.now()): Promise<DroppedPartition[]> {
    this.#migrated();
    const days = { raw: policy.rawDays, hourly: policy.hourlyDays, daily: policy.dailyDays };
    // `kept` tables (statement texts) have no day partitions: texts expire below, by statement.
    const tables = RECORD_KINDS.flatMap((kind) => kind.tables).flatMap((t) => (t.retention === 'kept' ? [] : [{ table: t.name, retention: t.retention }]));
    const names = tables.map((t) => t.table);
    const dropped: DroppedPartition[] = [];
    // A partition over the server's max_partition_size_to_drop (50 GB by default) is refused. From 23.12
    // the limit is also a query setting, lifted here for retention's own drops; before it, see the README (Retention).
    const liftable = await this.#client.select<{ n: number | string }>(sql`SELECT count() AS n FROM system.settings WHERE name = 'max_partition_size_to_drop'`);
    const unlimited = Number(liftable[0]?.n) > 0 ? sql` SETTINGS max_partition_size_to_drop = 0` : sql``;
    for (const { table, retention } of tables) {
      const cutoff = now - days[retention] * DAY_MS;
      const parts = await this.#client.select<{ partition_id: string }>(
        sql`SELECT DISTINCT partition_id FROM system.parts WHERE database = currentDatabase() AND table = ${table} AND active`,
      );
      for (const { partition_id: id } of parts) {
        const dayEnd = partitionDayEnd(id);
        if (dayEnd === undefined || dayEnd > cutoff) continue;
        // Dropping a partition another process dropped a moment ago is a no-op, so concurrent jobs are safe.
        await this.#client.command(sql`ALTER TABLE ${identifier(table, names)} DROP PARTITION ID ${id}${unlimited}`);
        dropped.push({ table, partition: id });
      }
    }
    // Texts have no day partitions: they go once no retained statement row mentions them (and,
    // since a text can precede its rows, once older than raw retention), on passes that dropped statement rows.
    if (dropped.some((d) => STATEMENT_ROW_TABLES.has(d.table))) await expireStatementTexts(this.kindContext(), now - policy.rawDays * DAY_MS);
    return dropped;
  }

  #migrated(): SchemaState {
    if (!this.#schema) throw new Error('telemetry store used before migrate()');
    return this.#schema;
  }
}
