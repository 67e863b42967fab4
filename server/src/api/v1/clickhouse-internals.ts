import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { diskTotals, perPart, STUCK_MUTATION_AGE_S } from '../../engines/figures/clickhouse-figures.js';
import { sumOf } from '../../engines/figures/ratio.js';
import type { Database } from '../../storage/meta/meta-store.js';
import { partsTableKey, SERVER_COUNTERS } from '../../storage/telemetry/reads/read-shapes.js';
import { telemetryReads } from '../../storage/telemetry/reads/telemetry-reads.js';
import { route, type RouteSpec } from '../route.js';
import { resolveRange, timeRange } from '../validate.js';
import { DatabasePath, databaseOfEngine } from './database-scope.js';
import { intParam, limitParam } from './route-support.js';

/**
 * ClickHouse internals under /databases/{id}: Basira's /parts, /merges, /mutations and
 * /server-metrics, and ClusterSight's /queries/failed and /queries/parts-distribution, all read
 * from what the agent's ClickHouse collectors sent. Snapshot endpoints answer with the newest
 * snapshot and its `ts`; before the first one, `ts` is null and the lists are empty.
 */

const HOUR_MS = 3600_000;

/** Unix ms as RFC 3339, null for "none". */
export function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** The caller's ClickHouse database: 404 outside their organization, ENGINE_MISMATCH for PostgreSQL. */
export function clickHouseDatabase(ctx: AppContext, orgId: string, id: string): Promise<Database> {
  return databaseOfEngine(ctx, orgId, id, 'clickhouse');
}

const Ts = z.string().nullable().describe('When the snapshot was taken (agent clock); null before the first one');
const Time = z.string().nullable();

const SizeFields = {
  rows: z.number(),
  bytes_on_disk: z.number(),
  data_compressed_bytes: z.number(),
  data_uncompressed_bytes: z.number(),
};

const PartitionView = z.object({ partition_id: z.string(), partition: z.string().describe('The partition key as ClickHouse prints it'), active_parts: z.number(), ...SizeFields });
const TablePartsView = z.object({
  database: z.string(),
  table: z.string(),
  partitions: z.number(),
  active_parts: z.number(),
  max_parts_in_partition: z.number().describe('Active parts in the fullest partition: what "too many parts" refuses inserts over'),
  ...SizeFields,
  partition_stats: z.array(PartitionView).describe('Fullest partitions first, at most `partitions` per table'),
});

const MergeView = z.object({
  database: z.string(),
  table: z.string(),
  partition_id: z.string(),
  result_part_name: z.string(),
  elapsed_s: z.number(),
  progress: z.number().describe('0–1'),
  estimated_remaining_s: z.number().nullable().describe('At the pace so far; null before any progress'),
  num_parts: z.number(),
  total_size_bytes_compressed: z.number(),
  rows_read: z.number(),
  rows_written: z.number(),
  bytes_read_uncompressed: z.number(),
  bytes_written_uncompressed: z.number(),
  memory_bytes: z.number(),
  is_mutation: z.boolean(),
  merge_type: z.string(),
});

const MutationView = z.object({
  database: z.string(),
  table: z.string(),
  mutation_id: z.string(),
  command: z.string().describe('The ALTER command, literal values stripped'),
  create_time: Time,
  age_s: z.number(),
  parts_to_do: z.number(),
  is_killed: z.boolean(),
  is_stuck: z.boolean().describe(`Its last attempt failed, or it is older than ${STUCK_MUTATION_AGE_S} s`),
  latest_failed_part: z.string(),
  latest_fail_time: Time,
  latest_fail_reason: z.string(),
});

const Totals = z.object({
  since: z.string(),
  until: z.string(),
  readings: z.number().describe('Readings with counter deltas in the range'),
  ...Object.fromEntries(SERVER_COUNTERS.map((c) => [c, z.number()])),
});

const FailedView = z.object({
  code: z.number().describe('ClickHouse error code; 0 when the server did not say'),
  name: z.string().nullable().describe("ClickHouse's name for it: from the server's system.errors where it has one (20.11+), else from Vigil's table of common codes; null for a code neither knows"),
  count: z.number(),
  queries: z.number().describe('Distinct fingerprints that failed with it'),
  last_seen: z.string().describe('Start of the last minute it occurred in'),
  top_queries: z.array(z.object({ query_hash: z.string(), query_text: z.string(), count: z.number() })).describe('Failing most, at most 5'),
});

const SizeClassView = z.object({ label: z.string(), min_bytes: z.number(), max_bytes: z.number().nullable(), partitions: z.number(), parts: z.number() });
const DistributionTableView = z.object({
  database: z.string(),
  table: z.string(),
  active_parts: z.number(),
  partitions: z.number(),
  max_parts_in_partition: z.number(),
  rows: z.number(),
  bytes_on_disk: z.number(),
  avg_part_bytes: z.number(),
  avg_part_rows: z.number(),
});

/** /parts, /merges, /mutations, /server-metrics, /queries/failed and /queries/parts-distribution of a ClickHouse database. */
export function clickHouseInternalsRoutes(ctx: AppContext): RouteSpec[] {
  const reads = telemetryReads(ctx.telemetry);
  return [
    route({
      method: 'get',
      path: '/databases/{id}/parts',
      summary: 'Active parts per MergeTree table and partition (ClickHouse)',
      tag: 'clickhouse',
      auth: 'read',
      errors: ['ENGINE_MISMATCH'],
      params: DatabasePath,
      query: z.object({ limit: limitParam(100, 500), partitions: intParam(0, 100).default(10).describe('Partitions listed per table, fullest first') }),
      success: {
        status: 200,
        description: 'The newest parts snapshot: tables with the fullest partition first, then by name',
        schema: z.object({
          database_id: z.string(),
          ts: Ts,
          has_detached: z.boolean().nullable().describe('False where the release has no system.detached_parts'),
          tables_total: z.number(),
          max_parts_in_partition: z.number().describe('The fullest partition of any table'),
          tables: z.array(TablePartsView),
        }),
      },
      async handler({ principal, params, query }) {
        const db = await clickHouseDatabase(ctx, principal.orgId, params.id);
        const parts = await reads.latest('clickhouse_parts', db, { limit: query.limit, order: 'parts' });
        const partitions = parts && query.partitions > 0 ? await reads.at('clickhouse_partitions', db, parts.ts, { tables: parts.tables, perTable: query.partitions }) : new Map();
        return {
          body: {
            database_id: db.id,
            ts: iso(parts?.ts ?? null),
            has_detached: parts ? parts.has_detached : null,
            tables_total: parts?.tables_total ?? 0,
            max_parts_in_partition: parts?.max_parts_in_partition ?? 0,
            tables: (parts?.tables ?? []).map((t) => ({ ...t, partition_stats: partitions.get(partsTableKey(t.database, t.table)) ?? [] })),
          },
        };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}/merges',
      summary: 'Merges running now (ClickHouse)',
      tag: 'clickhouse',
      auth: 'read',
      errors: ['ENGINE_MISMATCH'],
      params: DatabasePath,
      query: z.object({ limit: limitParam(100, 500) }),
      success: {
        status: 200,
        description: 'The newest merges snapshot, longest-running first',
        schema: z.object({ database_id: z.string(), ts: Ts, merges_total: z.number(), merges: z.array(MergeView) }),
      },
      async handler({ principal, params, query }) {
        const db = await clickHouseDatabase(ctx, principal.orgId, params.id);
        const merges = await reads.latest('clickhouse_merges', db, { limit: query.limit });
        return { body: { database_id: db.id, ts: iso(merges?.ts ?? null), merges_total: merges?.merges_total ?? 0, merges: merges?.merges ?? [] } };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}/mutations',
      summary: 'Mutations not yet done (ClickHouse)',
      tag: 'clickhouse',
      auth: 'read',
      errors: ['ENGINE_MISMATCH'],
      params: DatabasePath,
      query: z.object({ limit: limitParam(100, 500) }),
      success: {
        status: 200,
        description: 'The newest mutations snapshot, oldest mutation first',
        schema: z.object({ database_id: z.string(), ts: Ts, mutations_total: z.number(), stuck_total: z.number(), mutations: z.array(MutationView) }),
      },
      async handler({ principal, params, query }) {
        const db = await clickHouseDatabase(ctx, principal.orgId, params.id);
        const found = await reads.latest('clickhouse_mutations', db, { limit: query.limit });
        return {
          body: {
            database_id: db.id,
            ts: iso(found?.ts ?? null),
            mutations_total: found?.mutations_total ?? 0,
            stuck_total: found?.stuck_total ?? 0,
            mutations: (found?.mutations ?? []).map((m) => ({ ...m, create_time: iso(m.create_time), latest_fail_time: iso(m.latest_fail_time) })),
          },
        };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}/server-metrics',
      summary: 'Server-level metrics: memory, disk, connections, uptime (ClickHouse)',
      tag: 'clickhouse',
      auth: 'read',
      errors: ['ENGINE_MISMATCH'],
      params: DatabasePath,
      query: z.object({ ...timeRange }),
      success: {
        status: 200,
        description: 'The newest reading, the newest disk snapshot summed over disks, and counters summed over since/until (default: the last 24 hours)',
        schema: z.object({
          database_id: z.string(),
          current: z
            .object({
              ts: z.string(),
              uptime_s: z.number(),
              memory: z.object({ tracking_bytes: z.number().describe("The server's allocator accounting"), resident_bytes: z.number() }),
              connections: z.object({ tcp: z.number(), http: z.number(), interserver: z.number() }),
              queries_running: z.number(),
              merges_running: z.number(),
              readonly_replicas: z.number(),
              max_parts_in_partition: z.number(),
            })
            .nullable()
            .describe('Null before the first reading'),
          disk: z.object({ ts: z.string(), total_bytes: z.number(), free_bytes: z.number(), used_bytes: z.number(), usage_pct: z.number().nullable() }).nullable(),
          totals: Totals,
        }),
      },
      async handler({ principal, params, query }) {
        const db = await clickHouseDatabase(ctx, principal.orgId, params.id);
        const range = resolveRange(query);
        const [server, disks, totals] = await Promise.all([
          reads.latest('clickhouse_server', db),
          reads.latest('clickhouse_disks', db, { limit: 1000 }),
          reads.over('clickhouse_server_totals', db, range),
        ]);
        return {
          body: {
            database_id: db.id,
            current: server && {
              ts: new Date(server.ts).toISOString(),
              uptime_s: server.uptime_s,
              memory: { tracking_bytes: server.memory_tracking_bytes, resident_bytes: server.memory_resident_bytes },
              connections: { tcp: server.tcp_connections, http: server.http_connections, interserver: server.interserver_connections },
              queries_running: server.queries_running,
              merges_running: server.merges_running,
              readonly_replicas: server.readonly_replicas,
              max_parts_in_partition: server.max_parts_in_partition,
            },
            disk: disks && { ts: new Date(disks.ts).toISOString(), ...diskTotals(disks.disks) },
            totals: { since: new Date(range.since).toISOString(), until: new Date(range.until).toISOString(), ...totals },
          },
        };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}/queries/failed',
      summary: 'Failed queries grouped by error code (ClickHouse)',
      tag: 'queries',
      auth: 'read',
      errors: ['ENGINE_MISMATCH'],
      params: DatabasePath,
      query: z.object({ hours: intParam(1, 168).default(24).describe('Look back this many hours'), limit: limitParam(50, 200) }),
      success: {
        status: 200,
        description: 'Error codes, most failures first (then by code)',
        schema: z.object({ database_id: z.string(), hours: z.number(), since: z.string(), until: z.string(), total_failures: z.number(), errors: z.array(FailedView) }),
      },
      async handler({ principal, params, query }) {
        const db = await clickHouseDatabase(ctx, principal.orgId, params.id);
        const until = Date.now();
        const since = until - query.hours * HOUR_MS;
        const groups = await reads.over('clickhouse_failed_queries', db, { since, until }, { limit: query.limit, topQueries: 5 });
        return {
          body: {
            database_id: db.id,
            hours: query.hours,
            since: new Date(since).toISOString(),
            until: new Date(until).toISOString(),
            total_failures: sumOf(groups, (g) => g.count),
            errors: groups.map((g) => ({ ...g, last_seen: new Date(g.last_seen).toISOString() })),
          },
        };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}/queries/parts-distribution',
      summary: 'Parts size distribution across tables (ClickHouse)',
      tag: 'queries',
      auth: 'read',
      errors: ['ENGINE_MISMATCH'],
      params: DatabasePath,
      query: z.object({ limit: limitParam(100, 500) }),
      success: {
        status: 200,
        description:
          "The newest parts snapshot: partitions by their average part size (over each table's 100 fullest partitions, as the agent sends them), and tables with the fullest partition first",
        schema: z.object({ database_id: z.string(), ts: Ts, size_classes: z.array(SizeClassView), tables: z.array(DistributionTableView) }),
      },
      async handler({ principal, params, query }) {
        const db = await clickHouseDatabase(ctx, principal.orgId, params.id);
        const parts = await reads.latest('clickhouse_parts', db, { limit: query.limit, order: 'parts' });
        const classes = parts ? await reads.at('clickhouse_part_sizes', db, parts.ts) : [];
        return {
          body: {
            database_id: db.id,
            ts: iso(parts?.ts ?? null),
            size_classes: classes,
            tables: (parts?.tables ?? []).map((t) => ({
              database: t.database,
              table: t.table,
              active_parts: t.active_parts,
              partitions: t.partitions,
              max_parts_in_partition: t.max_parts_in_partition,
              rows: t.rows,
              bytes_on_disk: t.bytes_on_disk,
              avg_part_bytes: perPart(t.bytes_on_disk, t.active_parts),
              avg_part_rows: perPart(t.rows, t.active_parts),
            })),
          },
        };
      },
    }),
  ];
}
