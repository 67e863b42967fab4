import { isStuckMutation, STUCK_MUTATION_AGE_S } from '../../../../engines/figures/clickhouse-figures.js';
import { sql } from '../../clickhouse-sql.js';
import type { KindContext } from '../../record-kind.js';
import { atSnapshot, type DatabaseScope, recordKind, latestSnapshot, num, scope, SNAPSHOT_COLUMNS, kindTable, wireSnapshotRows } from '../kind-table.js';
import { atSnapshots, latestHeaders, ofSnapshotRows, snapshotKey } from '../snapshots-many.js';
import { cut, nonNegative, integer, label, name, orFalse, MAX_MESSAGE, MAX_TEXT } from '../wire-checks.js';

/** Mutations not yet done (system.mutations, is_done = 0), as snapshots (ClickHouseMutationsSnapshot). */

export const CLICKHOUSE_MUTATIONS = kindTable({
  name: 'clickhouse_mutations',
  columns: [
    ...SNAPSHOT_COLUMNS,
    ['database', 'tag', name],
    ['table', 'string', name],
    ['mutation_id', 'string', name],
    ['command', 'string', cut(MAX_TEXT)],
    ['create_time_ms', 'int64', integer],
    ['age_s', 'float', nonNegative],
    ['parts_to_do', 'int64', integer],
    ['is_killed', 'flag', orFalse],
    ['latest_failed_part', 'string', label],
    ['latest_fail_time_ms', 'int64', integer],
    ['latest_fail_reason', 'string', cut(MAX_MESSAGE)],
  ],
  orderBy: ['org_id', 'database_id', 'ts', 'database', 'table', 'mutation_id'],
});

export const clickHouseMutationsKind = recordKind({
  name: 'clickhouse_mutations',
  version: 203,
  tables: [CLICKHOUSE_MUTATIONS],
  fromBatch: (batch, at) => wireSnapshotRows(CLICKHOUSE_MUTATIONS, at, { records: batch.clickhouseMutations, path: 'clickhouse_mutations', list: 'mutations' }),
});

// ---------------------------------------------------------------- reads


export interface ClickHouseMutation {
  readonly database: string;
  readonly table: string;
  readonly mutation_id: string;
  /** The ALTER command, literal-stripped. */
  readonly command: string;
  /** Unix ms; null where the release does not say. */
  readonly create_time: number | null;
  readonly age_s: number;
  readonly parts_to_do: number;
  readonly is_killed: boolean;
  /** Failing (latest_fail_reason set) or older than STUCK_MUTATION_AGE_S. */
  readonly is_stuck: boolean;
  readonly latest_failed_part: string;
  /** Unix ms; null when it has not failed. */
  readonly latest_fail_time: number | null;
  readonly latest_fail_reason: string;
}

/** Mutations in the newest snapshot, oldest first (then by table and id), at most `limit`; null before any snapshot. */
export async function latestClickHouseMutations(
  ctx: KindContext,
  req: { orgId: string; databaseId: string; limit: number },
): Promise<ClickHouseMutations | null> {
  return (await latestClickHouseMutationsMany(ctx, [req], req.limit)).get(req.databaseId) ?? null;
}

export type ClickHouseMutations = { ts: number; mutations_total: number; stuck_total: number; mutations: ClickHouseMutation[] };

/** latestClickHouseMutations for many databases at once (three queries), by database id; absent before the first snapshot. */
export async function latestClickHouseMutationsMany(ctx: KindContext, dbs: readonly DatabaseScope[], limit: number): Promise<Map<string, ClickHouseMutations>> {
  const headers = await latestHeaders(ctx, CLICKHOUSE_MUTATIONS, [], dbs);
  if (headers.size === 0) return new Map();
  const at = sql`${atSnapshots(dbs, headers)} AND present = 1`;
  const totals = ofSnapshotRows(
    await ctx.client.select<Record<string, string | number> & { database_id: string; snapshot_ms: number | string }>(sql`
    SELECT ${snapshotKey(ctx)}, uniqExact(database, table, mutation_id) AS n,
      uniqExactIf((database, table, mutation_id), latest_fail_reason != '' OR age_s > ${STUCK_MUTATION_AGE_S}) AS stuck
    FROM clickhouse_mutations WHERE ${at} GROUP BY database_id, ts`),
    headers,
  );
  const byDb = ofSnapshotRows(
    await ctx.client.select<Record<string, string | number> & { database_id: string; snapshot_ms: number | string }>(sql`
    SELECT ${snapshotKey(ctx)}, database, table, mutation_id, command, create_time_ms, age_s, parts_to_do, is_killed, latest_failed_part, latest_fail_time_ms, latest_fail_reason
    FROM clickhouse_mutations WHERE ${at}
    ORDER BY age_s DESC, database ASC, table ASC, mutation_id ASC
    LIMIT 1 BY database_id, ts, database, table, mutation_id`),
    headers,
  );
  return new Map([...headers].map(([id, snapshot]) => [id, mutationsOf(snapshot.ts, totals.get(id)?.[0], (byDb.get(id) ?? []).slice(0, limit))]));
}

function mutationsOf(ts: number, totals: Record<string, string | number> | undefined, rows: readonly Record<string, string | number>[]): ClickHouseMutations {
  return {
    ts,
    mutations_total: num(totals?.n),
    stuck_total: num(totals?.stuck),
    mutations: rows.map((r) => {
      const mutation = { age_s: num(r.age_s), latest_fail_reason: String(r.latest_fail_reason) };
      return {
        database: String(r.database),
        table: String(r.table),
        mutation_id: String(r.mutation_id),
        command: String(r.command),
        create_time: num(r.create_time_ms) > 0 ? num(r.create_time_ms) : null,
        age_s: mutation.age_s,
        parts_to_do: num(r.parts_to_do),
        is_killed: num(r.is_killed) === 1,
        is_stuck: isStuckMutation(mutation),
        latest_failed_part: String(r.latest_failed_part),
        latest_fail_time: num(r.latest_fail_time_ms) > 0 ? num(r.latest_fail_time_ms) : null,
        latest_fail_reason: mutation.latest_fail_reason,
      };
    }),
  };
}

/** One database's active mutations in a snapshot. */
export interface MutationsOfDatabase {
  readonly database: string;
  readonly mutations: number;
  /** parts_to_do summed over its mutations. */
  readonly parts_remaining: number;
  readonly stuck: number;
}

/** The newest snapshot's mutations summed per database, most parts remaining first (then by name); empty before any snapshot. */
export async function clickHouseMutationsByDatabase(ctx: KindContext, req: { orgId: string; databaseId: string }): Promise<MutationsOfDatabase[]> {
  const snapshot = await latestSnapshot(ctx, CLICKHOUSE_MUTATIONS, req);
  if (snapshot === null) return [];
  // One row per mutation first: a snapshot may hold a mutation twice when batches overlap.
  const rows = await ctx.client.select<{ database: string; mutations: number | string; parts: number | string; stuck: number | string }>(sql`
    SELECT database, count() AS mutations, sum(parts_to_do) AS parts, countIf(latest_fail_reason != '' OR age_s > ${STUCK_MUTATION_AGE_S}) AS stuck
    FROM (
      SELECT database, table, mutation_id, parts_to_do, latest_fail_reason, age_s
      FROM clickhouse_mutations WHERE ${scope(req)} AND ${atSnapshot(ctx, snapshot)} AND present = 1
      ORDER BY database ASC, table ASC, mutation_id ASC
      LIMIT 1 BY database, table, mutation_id
    )
    GROUP BY database
    ORDER BY parts DESC, database ASC`);
  return rows.map((r) => ({ database: String(r.database), mutations: num(r.mutations), parts_remaining: num(r.parts), stuck: num(r.stuck) }));
}
