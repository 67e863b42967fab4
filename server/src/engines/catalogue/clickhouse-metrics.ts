import { callsWeightedP99 } from '../figures/clickhouse-figures.js';
import { clip, fmt, found, fromCh, hasStatus, listObjects, maxOf, nameObjects, noSnapshot, systemTableMissing, unavailable, worstOf } from './derive-support.js';
import { defineMetrics, type MetricObject } from './metric-entry.js';
import type { ChTablePartsInput, ClickHouseInput, MetricInput } from './metric-input.js';

/** ClickHouse metrics of the catalogue (issue 11 item 1). Levels and sources: GUIDE.md "Engines". */

/** A mutation still running after this long with parts to do counts as stuck (guide: > 600 s). */
export const STUCK_MUTATION_S = 600;
/** A replication queue entry retried more than this often is stuck (guide: num_tries > 100). */
export const STUCK_QUEUE_TRIES = 100;

function chOf(input: MetricInput): ClickHouseInput | null {
  return input.ch ?? null;
}

/** The fullest partition of a table as an object (the partition named when the read layer supplied them). */
function partitionObject(t: ChTablePartsInput): MetricObject {
  const fullest = [...(t.partitions ?? [])].sort((a, b) => b.active_parts - a.active_parts)[0];
  const name = `${t.database}.${t.table}`;
  return fullest
    ? { key: `partition:${name}/${fullest.partition_id}`, label: `${name} partition ${fullest.partition || fullest.partition_id}`, value: t.max_parts_in_partition, detail: `${t.active_parts} active parts in the table` }
    : { key: `table:${name}`, label: name, value: t.max_parts_in_partition, detail: `${t.active_parts} active parts in the table` };
}

/** The replicated tables, or why there are none to judge. */
function replicasOf(ch: ClickHouseInput | null): { replicas: NonNullable<ClickHouseInput['replicas']>['replicas'] } | { why: string } {
  if (!ch?.replicas) return { why: 'no system.replicas snapshot received yet (the agent has not sent one, or its collector is disabled)' };
  if (ch.replicas.replicas.length === 0) return { why: 'the server has no Replicated tables' };
  return { replicas: ch.replicas.replicas };
}

/** Counter totals over the window, or why there are none. */
function totalsOf(ch: ClickHouseInput | null): NonNullable<ClickHouseInput['server_totals']> | string {
  const t = ch?.server_totals;
  if (!t) return 'no server counters received yet';
  if (t.readings === 0) return 'no server reading with counter deltas in the window (the first reading after an agent or server start has none)';
  return t;
}

const PARTS_SQL =
  "SELECT database, table, partition_id, count() AS parts FROM system.parts WHERE active GROUP BY database, table, partition_id ORDER BY parts DESC LIMIT 10; SELECT name, value FROM system.merge_tree_settings WHERE name IN ('parts_to_delay_insert', 'parts_to_throw_insert');";

export const CLICKHOUSE_METRICS = defineMetrics([
  {
    key: 'ch.max_parts_per_partition',
    unit: 'count',
    description: 'Active parts in the fullest partition of any MergeTree table.',
    thresholds: { operator: '>=', warning: 150, critical: 300 },
    ok: 50,
    source: 'ClickHouse docs: inserts are delayed from parts_to_delay_insert = 150 and refused at parts_to_throw_insert (300 before 23.6, 3000 since); Altinity alerts at the same levels',
    component: { clickhouse: 'parts_merges' },
    category: 'performance',
    derive(input) {
      const ch = chOf(input);
      if (ch?.parts) {
        return worstOf(ch.parts.tables, (t) => t.max_parts_in_partition, partitionObject);
      }
      if (ch?.server) return found(ch.server.max_parts_in_partition);
      return noSnapshot('system.parts snapshot');
    },
    doctor: {
      title: 'Too many parts in a partition',
      detail: (v, objects, t) => `${objects[0]?.label ?? 'A partition'} has ${fmt(v)} active parts (level ${t}); ${objects.length > 1 ? `also ${nameObjects(objects.slice(1), 2)}; ` : ''}inserts slow down from 150 and fail at parts_to_throw_insert.`,
      recommendation: 'Inserts are too small or too frequent for merges to keep up, or the partition key is too fine. Batch inserts (at least 1,000 rows or once a second per table) or use async_insert.',
      how_to_investigate: `${PARTS_SQL} SELECT database, table, elapsed, progress FROM system.merges;`,
      how_to_fix: 'Batch inserts or SET async_insert = 1, wait_for_async_insert = 1; use a coarser PARTITION BY (by month, not by hour or id); OPTIMIZE TABLE <db>.<table> PARTITION <partition> FINAL; only as a one-off.',
    },
  },
  {
    key: 'ch.delayed_inserts',
    unit: 'count',
    description: 'Inserts ClickHouse throttled because a partition had too many parts, over the last window (ProfileEvents DelayedInserts).',
    thresholds: { operator: '>=', warning: 1, critical: null },
    ok: 0,
    source: 'ClickHouse docs (parts_to_delay_insert), Altinity: any delayed insert is a warning',
    component: { clickhouse: 'parts_merges' },
    category: 'performance',
    derive(input) {
      const ch = chOf(input);
      const t = totalsOf(ch);
      if (typeof t === 'string') return unavailable(t);
      const objects = (ch?.parts?.tables ?? []).filter((x) => x.max_parts_in_partition >= 150).map((x) => ({ ...partitionObject(x), value: undefined }));
      return found(t.delayed_inserts, objects);
    },
    doctor: {
      title: 'Inserts are being delayed',
      detail: (v, objects) => `${fmt(v)} insert(s) were delayed in the last window${objects.length > 0 ? `; too many parts in ${nameObjects(objects)}` : ''}.`,
      recommendation: 'Parts pile up faster than merges combine them. Batch inserts and check that merges are running.',
      how_to_investigate: `SELECT event, value FROM system.events WHERE event IN ('DelayedInserts', 'RejectedInserts', 'DelayedInsertsMilliseconds'); ${PARTS_SQL}`,
      how_to_fix: 'Batch inserts (or async_insert = 1); coarser partitioning; check background_pool_size if merges are starved.',
    },
  },
  {
    key: 'ch.rejected_inserts',
    unit: 'count',
    description: 'Inserts refused with TOO_MANY_PARTS over the last window (ProfileEvents RejectedInserts).',
    thresholds: { operator: '>=', warning: null, critical: 1 },
    ok: 0,
    source: 'ClickHouse docs (parts_to_throw_insert), Altinity: any rejected insert is critical (data was not written)',
    component: { clickhouse: 'parts_merges' },
    category: 'reliability',
    derive(input) {
      const ch = chOf(input);
      const t = totalsOf(ch);
      if (typeof t === 'string') return unavailable(t);
      const objects = [...(ch?.parts?.tables ?? [])].sort((a, b) => b.max_parts_in_partition - a.max_parts_in_partition).slice(0, 3).map((x) => ({ ...partitionObject(x), value: undefined }));
      return found(t.rejected_inserts, t.rejected_inserts > 0 ? objects : []);
    },
    doctor: {
      title: 'Inserts are being rejected',
      detail: (v, objects) => `${fmt(v)} insert(s) failed with TOO_MANY_PARTS in the last window; fullest: ${nameObjects(objects)}. That data was not written unless the client retried.`,
      recommendation: 'Stop the flood of small inserts now (pause or batch the writers), let merges catch up, then fix the insert pattern.',
      how_to_investigate: `SELECT event, value FROM system.events WHERE event = 'RejectedInserts'; ${PARTS_SQL}`,
      how_to_fix: 'Batch inserts or enable async_insert; coarser PARTITION BY; raising parts_to_throw_insert only buys time.',
    },
  },
  {
    key: 'ch.readonly_replicas',
    unit: 'count',
    description: 'Replicated tables in read-only mode (lost their ZooKeeper/Keeper session or metadata): they refuse inserts.',
    thresholds: { operator: '>=', warning: null, critical: 1 },
    ok: 0,
    source: 'Altinity and the ClickHouse docs (ReadonlyReplica metric): any read-only replica is critical',
    component: { clickhouse: 'replication' },
    category: 'replication',
    derive(input) {
      const ch = chOf(input);
      if (ch?.replicas) {
        const ro = ch.replicas.replicas.filter((r) => r.is_readonly);
        return found(
          ro.length,
          ro.map((r) => ({ key: `table:${r.database}.${r.table}`, label: `${r.database}.${r.table}`, detail: r.is_session_expired ? 'Keeper session expired' : undefined })),
        );
      }
      if (ch?.server) return found(ch.server.readonly_replicas);
      return noSnapshot('system.replicas snapshot');
    },
    doctor: {
      title: 'Read-only replicas',
      detail: (v, objects) => `${fmt(v)} replicated table(s) are read-only and refuse inserts: ${nameObjects(objects)}.`,
      recommendation: 'The server lost its ZooKeeper/Keeper session or the table lost its metadata there. Check Keeper first.',
      how_to_investigate:
        "SELECT database, table, is_readonly, is_session_expired, zookeeper_path, replica_path FROM system.replicas WHERE is_readonly; SELECT * FROM system.zookeeper WHERE path = '/';",
      how_to_fix: 'Restore Keeper connectivity; then SYSTEM RESTART REPLICA <db>.<table>; if the metadata in Keeper is gone: SYSTEM RESTORE REPLICA <db>.<table>; (21.7+).',
    },
  },
  {
    key: 'ch.replication_delay_s',
    unit: 's',
    description: 'The largest absolute_delay of any replicated table: how far behind the other replicas it is.',
    thresholds: { operator: '>=', warning: 30, critical: 300 },
    ok: 5,
    source: 'Altinity: replication delay 30 s warning, 300 s critical',
    component: { clickhouse: 'replication' },
    category: 'replication',
    derive(input) {
      const r = replicasOf(chOf(input));
      if ('why' in r) return unavailable(r.why);
      const objects = r.replicas.map((x) => ({ key: `table:${x.database}.${x.table}`, label: `${x.database}.${x.table}`, value: x.absolute_delay_s, detail: `${x.queue_size} entries in its queue` }));
      return found(maxOf(objects.map((o) => o.value)), objects);
    },
    doctor: {
      title: 'Replication delay',
      detail: (v, objects, t) => `${objects[0]?.label ?? 'A replicated table'} is ${fmt(v)} s behind (level ${t} s); ${objects[0]?.detail ?? ''}.`,
      recommendation: 'The replica cannot fetch or merge as fast as the others write: look at its replication queue for errors, and at network and disk.',
      how_to_investigate:
        'SELECT database, table, absolute_delay, queue_size, inserts_in_queue, merges_in_queue FROM system.replicas ORDER BY absolute_delay DESC LIMIT 10; SELECT database, table, type, num_tries, last_exception FROM system.replication_queue ORDER BY num_tries DESC LIMIT 20;',
      how_to_fix: 'Fix the errors the queue shows; SYSTEM SYNC REPLICA <db>.<table>; to wait it out; more background_fetches_pool_size if fetches are queued.',
    },
  },
  {
    key: 'ch.replication_queue_stuck',
    unit: 'count',
    description: `Replication queue groups (table, entry type) with an entry retried more than ${STUCK_QUEUE_TRIES} times.`,
    thresholds: { operator: '>=', warning: 1, critical: null },
    ok: 0,
    source: 'Altinity: replication queue entries with num_tries > 100 are stuck',
    component: { clickhouse: 'replication' },
    category: 'replication',
    derive(input) {
      const ch = chOf(input);
      const r = replicasOf(ch);
      if ('why' in r) return unavailable(r.why);
      if (!ch?.replication_queue) return noSnapshot('system.replication_queue snapshot');
      const stuck = ch.replication_queue.groups.filter((g) => g.max_num_tries > STUCK_QUEUE_TRIES);
      const objects = stuck.map((g) => ({
        key: `queue:${g.database}.${g.table}/${g.type}`,
        label: `${g.database}.${g.table} ${g.type} (${g.max_num_tries} tries)`,
        detail: g.last_exception ? clip(g.last_exception, 160) : undefined,
      }));
      return found(stuck.length, objects);
    },
    doctor: {
      title: 'Replication queue stuck',
      detail: (v, objects) => `${fmt(v)} replication queue entr(ies) keep failing: ${nameObjects(objects, 2)}.${objects[0]?.detail ? ` Last error: ${objects[0].detail}` : ''}`,
      recommendation: 'Read the last_exception: a missing part on every replica, a full disk or a Keeper problem each needs its own fix.',
      how_to_investigate: `SELECT database, table, type, new_part_name, num_tries, last_exception, postpone_reason FROM system.replication_queue WHERE num_tries > ${STUCK_QUEUE_TRIES} ORDER BY num_tries DESC;`,
      how_to_fix: 'Fix the cause named in last_exception; SYSTEM RESTART REPLICA <db>.<table>; to retry; for a part lost on every replica, detach it or let the queue drop it with SYSTEM RESTORE REPLICA.',
    },
  },
  {
    key: 'ch.stuck_mutations',
    unit: 'count',
    description: `Mutations still running after ${STUCK_MUTATION_S} s with parts left to do.`,
    thresholds: { operator: '>=', warning: null, critical: 1 },
    ok: 0,
    source: 'Altinity: a mutation running over 600 s with parts to do is critical (it holds up later mutations and merges)',
    component: { clickhouse: 'parts_merges' },
    category: 'maintenance',
    derive: fromCh('mutations', (m) => {
      const stuck = m.mutations.filter((x) => !x.is_killed && x.parts_to_do > 0 && x.age_s > STUCK_MUTATION_S);
      const objects = stuck.map((x) => ({
        key: `mutation:${x.database}.${x.table}/${x.mutation_id}`,
        label: `${x.database}.${x.table} ${x.mutation_id}`,
        detail: `${clip(x.command, 120)}: ${x.parts_to_do} parts to do after ${fmt(x.age_s)} s`,
      }));
      return found(stuck.length, objects);
    }),
    doctor: {
      title: 'Stuck mutations',
      detail: (v, objects) => `${fmt(v)} mutation(s) have run for over ${STUCK_MUTATION_S} s: ${listObjects(objects)}.`,
      recommendation: 'A heavy ALTER UPDATE/DELETE rewrites every part it touches; check its progress and failures, and kill it if it cannot finish.',
      how_to_investigate: 'SELECT database, table, mutation_id, command, create_time, parts_to_do, latest_fail_reason FROM system.mutations WHERE NOT is_done ORDER BY create_time;',
      how_to_fix: "KILL MUTATION WHERE database = '<db>' AND table = '<table>' AND mutation_id = '<mutation_id>'; prefer lightweight DELETE or partition drops to big mutations.",
    },
  },
  {
    key: 'ch.failed_mutations',
    unit: 'count',
    description: 'Unfinished mutations whose latest attempt failed (latest_fail_reason set).',
    thresholds: { operator: '>=', warning: 1, critical: null },
    ok: 0,
    source: 'Guide (Altinity): any failed mutation',
    component: { clickhouse: 'parts_merges' },
    category: 'reliability',
    derive: fromCh('mutations', (m) => {
      const failed = m.mutations.filter((x) => !x.is_killed && x.latest_fail_reason !== '');
      const objects = failed.map((x) => ({
        key: `mutation:${x.database}.${x.table}/${x.mutation_id}`,
        label: `${x.database}.${x.table} ${x.mutation_id}`,
        detail: `${clip(x.command, 100)} failed on part ${x.latest_failed_part || '?'}: ${clip(x.latest_fail_reason, 160)}`,
      }));
      return found(failed.length, objects);
    }),
    doctor: {
      title: 'Failed mutations',
      detail: (v, objects) => `${fmt(v)} mutation(s) keep failing: ${listObjects(objects)}.`,
      recommendation: 'A failing mutation is retried forever and blocks the mutations after it on that table. Fix its cause or kill it.',
      how_to_investigate: "SELECT database, table, mutation_id, command, latest_failed_part, latest_fail_time, latest_fail_reason FROM system.mutations WHERE NOT is_done AND latest_fail_reason != '';",
      how_to_fix: "KILL MUTATION WHERE mutation_id = '<mutation_id>'; then run a corrected ALTER.",
    },
  },
  {
    key: 'ch.longest_merge_s',
    unit: 's',
    description: 'Elapsed time of the longest running merge.',
    thresholds: { operator: '>=', warning: 600, critical: 3600 },
    ok: 120,
    source: 'Guide (Altinity): merges over 600 s; Vigil makes an hour critical',
    component: { clickhouse: 'parts_merges' },
    category: 'performance',
    derive: fromCh('merges', (m) => {
      const objects = m.merges.map((x) => ({
        key: `merge:${x.database}.${x.table}/${x.result_part_name}`,
        label: `${x.database}.${x.table} → ${x.result_part_name}${x.is_mutation ? ' (mutation)' : ''}`,
        value: x.elapsed_s,
        detail: `${fmt(100 * x.progress)} % done`,
      }));
      return found(maxOf(objects.map((o) => o.value)), objects);
    }),
    doctor: {
      title: 'Long-running merge',
      detail: (v, objects, t) => `The merge ${objects[0]?.label ?? ''} has run for ${fmt(v)} s (level ${t} s), ${objects[0]?.detail ?? ''}.`,
      recommendation: 'Very large merges are normal on big partitions, but one that runs for hours holds a merge slot and disk space; check its progress and the disk.',
      how_to_investigate: 'SELECT database, table, result_part_name, elapsed, progress, num_parts, formatReadableSize(total_size_bytes_compressed) AS size, is_mutation FROM system.merges ORDER BY elapsed DESC;',
      how_to_fix: 'Let it finish if progress moves; cap part size with max_bytes_to_merge_at_max_space_in_pool; partition so single partitions stay below a few hundred GB.',
    },
  },
  {
    key: 'ch.disk_usage_pct',
    unit: 'pct',
    description: 'The fullest disk ClickHouse stores on (system.disks).',
    thresholds: { operator: '>=', warning: 80, critical: 95 },
    ok: 60,
    source: 'Altinity and the ClickHouse docs: disk 80 % warning, 95 % critical (merges need free space as large as their parts)',
    component: { clickhouse: 'storage' },
    category: 'storage',
    derive(input) {
      const missing = systemTableMissing(input, 'disks', '19.15');
      if (missing) return unavailable(missing);
      const d = chOf(input)?.disks;
      if (!d) return noSnapshot('system.disks snapshot');
      const objects = d.disks
        .filter((x) => x.usage_pct !== null)
        .map((x) => ({ key: `disk:${x.name}`, label: `disk ${x.name} (${x.path})`, value: x.usage_pct!, detail: `${fmt(x.free_bytes / 2 ** 30)} GiB free` }));
      if (objects.length === 0) return unavailable('no disk reports its size');
      return found(maxOf(objects.map((o) => o.value)), objects);
    },
    doctor: {
      title: 'Disk filling up',
      detail: (v, objects, t) => `${objects[0]?.label ?? 'A disk'} is ${fmt(v)} % full (level ${t} %), ${objects[0]?.detail ?? ''}. Merges stop when they cannot reserve space.`,
      recommendation: 'Free space before merges fail: drop old partitions or set a TTL, and look for detached parts and big system log tables.',
      how_to_investigate:
        'SELECT name, path, formatReadableSize(free_space) AS free, formatReadableSize(total_space) AS total FROM system.disks; SELECT database, table, formatReadableSize(sum(bytes_on_disk)) AS size FROM system.parts WHERE active GROUP BY database, table ORDER BY sum(bytes_on_disk) DESC LIMIT 10;',
      how_to_fix: "ALTER TABLE <db>.<table> DROP PARTITION '<partition>'; ALTER TABLE <db>.<table> MODIFY TTL <date_column> + INTERVAL 90 DAY; add a disk to the storage policy.",
    },
  },
  {
    key: 'ch.memory_usage_pct',
    unit: 'pct',
    description: "Memory the server tracks (MemoryTracking) as a share of its limit (max_server_memory_usage, or 0.9 × the host's RAM before 23.x).",
    thresholds: { operator: '>=', warning: 80, critical: 95 },
    ok: 60,
    source: 'Altinity: memory 80 % / 95 % of the limit (queries fail with MEMORY_LIMIT_EXCEEDED past it)',
    component: { clickhouse: 'infrastructure' },
    category: 'performance',
    derive: fromCh('server', (server, ch, input) => {
      if (ch.memory_limit_bytes === null || ch.memory_limit_bytes <= 0) {
        const missing = systemTableMissing(input, 'server_settings', '23.x');
        return unavailable(
          missing
            ? `${missing}, and the release reports no OSMemoryTotal (20.x on): the server's memory limit is unknown`
            : "the agent did not report the server's memory limit (max_server_memory_usage): an agent older than this server",
        );
      }
      return found((100 * server.memory_tracking_bytes) / ch.memory_limit_bytes, [{ key: 'server', label: `${fmt(server.memory_tracking_bytes / 2 ** 30)} GiB tracked` }]);
    }),
    doctor: {
      title: 'Memory near the server limit',
      detail: (v, objects, t) => `The server uses ${fmt(v)} % of its memory limit (level ${t} %): ${nameObjects(objects, 1)}.`,
      recommendation: 'Find the queries using the most memory; big GROUP BY and JOINs can spill to disk instead of failing.',
      how_to_investigate:
        "SELECT metric, formatReadableSize(value) FROM system.metrics WHERE metric = 'MemoryTracking'; SELECT query_id, user, formatReadableSize(memory_usage) AS memory, elapsed, query FROM system.processes ORDER BY memory_usage DESC LIMIT 10;",
      how_to_fix: "SET max_bytes_before_external_group_by = '10G', max_bytes_before_external_sort = '10G' for heavy users; lower max_memory_usage per query; add RAM.",
    },
  },
  {
    key: 'ch.detached_parts',
    unit: 'count',
    description: 'Parts in detached/ directories: broken parts ClickHouse set aside, or parts detached by hand, taking disk space.',
    thresholds: { operator: '>=', warning: 1, critical: null },
    ok: 0,
    source: 'Altinity: any detached part deserves a look (broken ones mean data missing from the table)',
    component: { clickhouse: 'storage' },
    category: 'storage',
    derive(input) {
      const missing = systemTableMissing(input, 'detached_parts');
      if (missing) return unavailable(missing);
      const d = chOf(input)?.detached;
      if (!d) return noSnapshot('system.detached_parts snapshot');
      if (!d.has_detached) return unavailable(`system.detached_parts does not exist on ClickHouse ${input.server_version ?? 'this release'}`);
      const objects = d.tables
        .filter((t) => t.detached_parts > 0)
        .map((t) => ({
          key: `table:${t.database}.${t.table}`,
          label: `${t.database}.${t.table}`,
          detail: `${t.detached_parts} detached (${t.reasons.map((r) => `${r.reason || 'by hand'}: ${r.parts}`).join(', ')})${t.broken_parts > 0 ? `, ${t.broken_parts} broken` : ''}`,
        }));
      return found(
        d.tables.reduce((s, t) => s + t.detached_parts, 0),
        objects,
      );
    },
    doctor: {
      title: 'Detached parts',
      detail: (v, objects) => `${fmt(v)} detached part(s): ${listObjects(objects)}.`,
      recommendation: 'Broken parts mean rows missing from the table: check whether a replica still has them. Parts detached by hand can be attached again or dropped.',
      how_to_investigate: 'SELECT database, table, partition_id, name, reason, disk FROM system.detached_parts ORDER BY database, table;',
      how_to_fix: "ALTER TABLE <db>.<table> ATTACH PART '<name>'; to restore one, or ALTER TABLE <db>.<table> DROP DETACHED PART '<name>' SETTINGS allow_drop_detached = 1; to free the space.",
    },
  },
  {
    key: 'ch.uptime_s',
    unit: 's',
    description: 'Seconds since the ClickHouse server started: a low value means it just restarted.',
    thresholds: { operator: '<', warning: 180, critical: null },
    ok: 180,
    source: 'Altinity: uptime below 180 s signals a restart',
    component: { clickhouse: 'infrastructure' },
    category: 'availability',
    derive: fromCh('server', (s) => {
      return found(s.uptime_s);
    }),
    doctor: {
      title: 'Server restarted',
      detail: (v) => `ClickHouse started ${fmt(v)} s ago.`,
      recommendation: 'If nobody restarted it, look for an OOM kill or a crash in the logs.',
      how_to_investigate: "SELECT uptime(), version(); then on the host: journalctl -u clickhouse-server --since '-1h'; dmesg | grep -i 'killed process';",
      how_to_fix: 'Lower max_server_memory_usage_to_ram_ratio if the kernel OOM-killed it; upgrade if a crash matches a known bug.',
    },
  },
  {
    key: 'ch.failed_queries_per_min',
    unit: 'per_min',
    description: 'Queries that ended in an exception per minute, over the last window (ProfileEvents FailedQuery).',
    thresholds: { operator: '>=', warning: 5, critical: 50 },
    ok: 1,
    source: 'Vigil: no published figure; a few failures a minute are client mistakes, tens a minute are an outage for someone',
    component: { clickhouse: 'queries' },
    category: 'reliability',
    derive(input) {
      const t = totalsOf(chOf(input));
      if (typeof t === 'string') return unavailable(t);
      if (t.window_ms <= 0) return unavailable('empty counter window');
      return found(t.failed_queries / (t.window_ms / 60_000), [{ key: 'server', label: `${t.failed_queries} of ${t.queries} queries failed` }]);
    },
    doctor: {
      title: 'Queries failing',
      detail: (v, objects, t) => `${fmt(v)} queries a minute fail (level ${t}): ${nameObjects(objects, 1)}.`,
      recommendation: 'Group the failures by error code: memory limits, timeouts and syntax errors each have their own fix.',
      how_to_investigate:
        "SELECT exception_code, errorCodeToName(exception_code) AS error, count() AS failures, any(query) FROM system.query_log WHERE type IN ('ExceptionBeforeStart', 'ExceptionWhileProcessing') AND event_time > now() - INTERVAL 1 HOUR GROUP BY exception_code ORDER BY failures DESC;",
      how_to_fix: 'Fix the top error: MEMORY_LIMIT_EXCEEDED (241) → external GROUP BY/sort or less data per query; TIMEOUT_EXCEEDED → better ORDER BY key or smaller ranges; client errors → the application.',
    },
  },
  {
    key: 'ch.longest_query_s',
    unit: 's',
    description: 'Elapsed time of the longest running query (system.processes).',
    thresholds: { operator: '>=', warning: 300, critical: 1800 },
    ok: 60,
    source: "Vigil: analytical queries run longer than OLTP ones, so PgHero's 60 s would fire on routine reports; 5 min warning, pganalyze's 30 min critical",
    component: { clickhouse: 'queries' },
    category: 'performance',
    derive: fromCh('processes', (p) => {
      return worstOf(p.queries, (q) => q.elapsed_ms / 1000, (q, value) => ({ key: `query:${q.query_id}`, label: `query ${q.query_id} (${q.user})`, value, detail: clip(q.query_text) }));
    }),
    doctor: {
      title: 'Long-running query',
      detail: (v, objects, t) => `${objects[0]?.label ?? 'A query'} has run for ${fmt(v)} s (level ${t} s): ${objects[0]?.detail ?? ''}`,
      recommendation: 'Check whether it is expected; if not, kill it and give its user max_execution_time.',
      how_to_investigate: 'SELECT query_id, user, elapsed, formatReadableSize(memory_usage) AS memory, read_rows, query FROM system.processes ORDER BY elapsed DESC LIMIT 10;',
      how_to_fix: "KILL QUERY WHERE query_id = '<query_id>'; ALTER USER <user> SETTINGS max_execution_time = 300; (or in its settings profile).",
    },
  },
  {
    key: 'ch.query_p99_ms',
    unit: 'ms',
    description: 'p99 query time over the last 15 minutes (calls-weighted over fingerprints, from system.query_log).',
    thresholds: { operator: '>=', warning: 5000, critical: 30000 },
    ok: 1000,
    source: 'Vigil: no published figure; interactive dashboards feel slow past 5 s, and 30 s is a common client timeout',
    component: { clickhouse: 'queries' },
    category: 'performance',
    derive(input) {
      if (hasStatus(input, 'query_log_empty')) return unavailable('system.query_log is missing or empty: query logging is off');
      if (hasStatus(input, 'query_log_unsupported')) return unavailable('system.query_log lacks the columns Vigil needs on this release');
      const stats = chOf(input)?.query_stats;
      if (!stats) return noSnapshot('query log reading');
      const p99 = callsWeightedP99(stats);
      if (p99 === null) return unavailable('no queries in the last 15 minutes');
      const objects = [...stats]
        .filter((s) => s.p99_time_ms >= p99)
        .sort((a, b) => b.p99_time_ms - a.p99_time_ms)
        .map((s) => ({ key: `fingerprint:${s.query_hash}`, label: `fingerprint ${s.query_hash} (p99 ${fmt(s.p99_time_ms)} ms, ${s.total_calls} calls)`, detail: clip(s.query_text) }));
      return found(p99, objects);
    },
    doctor: {
      title: 'Slow queries (p99)',
      detail: (v, objects, t) => `p99 query time is ${fmt(v)} ms (level ${t} ms); slowest: ${nameObjects(objects, 2)}.`,
      recommendation: 'Look at the slowest fingerprints: how many rows and bytes they read compared with what they return points at a missing ORDER BY key fit or skip index.',
      how_to_investigate:
        "SELECT normalized_query_hash, count() AS calls, quantile(0.99)(query_duration_ms) AS p99_ms, avg(read_rows) AS rows_read, any(query) FROM system.query_log WHERE type = 'QueryFinish' AND event_time > now() - INTERVAL 15 MINUTE GROUP BY normalized_query_hash ORDER BY p99_ms DESC LIMIT 10;",
      how_to_fix: 'EXPLAIN indexes = 1 <query>; to see what the primary key prunes; reorder the ORDER BY key, add a projection or a skip index, or pre-aggregate with a materialized view.',
    },
  },
]);
