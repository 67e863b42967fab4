/**
 * pnpm bench:engines — the engines' own cost for one evaluation tick (issue 11 target: 10,000
 * databases within one 15 s tick, p99 < 5 ms per database).
 *
 * Builds synthetic but realistically sized MetricInputs (PostgreSQL: 60 sessions, 30 locks, 8
 * databases, 200 tables, 50 sequences, 2 standbys and 3 slots; ClickHouse: 40 tables with 10
 * partitions each, merges, mutations, 20 replicas, queue groups, disks, 30 running queries, 200
 * query fingerprints), about one in five in trouble (and every 50th ClickHouse an 18.16 without system.disks), and for each database in one
 * process derives every catalogue metric, computes the health score and evaluates the built-in
 * rules plus a few custom ones against its open alerts. Prints p50/p99/max per database, the tick's
 * wall time and CPU. Reading the telemetry (the read layer) is not included: that is storage's cost.
 *
 * Options: --databases N (10000) --seed S (1)
 */
import { parseArgs } from 'node:util';
import { builtInRules, evaluateRules, type AlertRule, type OpenAlert } from '../server/src/engines/alerts/alert-rules.js';
import { readMetrics, type MetricInput } from '../server/src/engines/catalogue/index.js';
import { healthScore } from '../server/src/engines/health/health-score.js';

const { values: args } = parseArgs({ options: { databases: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' } } });
const N = Number(args.databases);
let seed = Number(args.seed);
/** A small deterministic PRNG (mulberry32) so runs compare. */
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (max: number): number => Math.floor(rand() * max);
/** About one database in five is in trouble, and then in about half of the ways it could be. */
let troubled = false;
const sick = (): boolean => troubled && rand() < 0.5;
const NOW = Date.now();
const MB = 1024 * 1024;

function pgInput(i: number): MetricInput {
  troubled = rand() < 0.2;
  const sessions = Array.from({ length: 60 }, (_, j) => ({
    pid: 1000 + j,
    datname: `db${j % 8}`,
    usename: 'app',
    application_name: 'api',
    backend_type: 'client backend',
    state: j % 3 === 0 ? 'active' : j === 7 && sick() ? 'idle in transaction' : 'idle',
    query_duration_ms: int(sick() ? 120_000 : 2000),
    xact_duration_ms: int(5000),
    state_duration_ms: int(sick() ? 600_000 : 5000),
    wait_event_type: '',
    wait_event: '',
    blocking_pids: j === 5 && sick() ? [1003] : [],
    query: `SELECT * FROM t${j} WHERE id = $1`,
  }));
  return {
    engine: 'postgres',
    now_ms: NOW,
    server_version: '16.2',
    agent_last_seen_ms: NOW - int(sick() ? 400_000 : 20_000),
    collector_statuses: [],
    pg: {
      activity: { ts: NOW, sessions_listed: 60, sessions_omitted: 0, sessions },
      locks: { locks: Array.from({ length: 30 }, (_, j) => ({ pid: 1000 + j, locktype: 'relation', mode: 'AccessShareLock', granted: j !== 5, datname: 'db0', relation: `public.t${j}`, blocking_pids: [], wait_duration_ms: 0 })) },
      database_stats: { databases: Array.from({ length: 8 }, (_, j) => ({ datname: `db${j}`, numbackends: int(sick() ? 15 : 8), xid_age: int(sick() ? 1.2e9 : 3e8), blks_hit: 1e6, blks_read: int(sick() ? 40_000 : 2000), has_deltas: true })) },
      settings: { settings: [{ name: 'max_connections', setting: '100' }] },
      tables: Array.from({ length: 200 }, (_, j) => ({ datname: `db${j % 8}`, schema_name: 'public', table_name: `t${j}`, n_live_tup: 50_000 + int(1e6), n_dead_tup: int(sick() ? 40_000 : 3000), last_autovacuum_ms: NOW - int(86_400_000) })),
      invalid_indexes: sick() ? [{ datname: 'db0', schema_name: 'public', table_name: 't1', index_name: 't1_x_idx', is_valid: false, index_def: 'CREATE INDEX t1_x_idx ON public.t1 (x)' }] : [],
      sequences: Array.from({ length: 50 }, (_, j) => ({ datname: `db${j % 8}`, schema_name: 'public', sequence_name: `s${j}`, owned_by: `public.t${j}.id`, used_fraction: rand() * (sick() ? 0.95 : 0.5) })),
      replication: {
        in_recovery: false,
        upstream_host: '',
        receive_lag_bytes: 0,
        replay_lag_bytes: 0,
        replay_lag_ms: 0,
        standbys: [0, 1].map((j) => ({ application_name: `replica${j}`, client_addr: `10.0.${i % 250}.${j}`, replay_lag_bytes: int(sick() ? 80 * MB : MB), replay_lag_ms: int(sick() ? 20_000 : 800) })),
        slots: [0, 1, 2].map((j) => ({ slot_name: `slot${j}`, slot_type: 'physical', datname: '', active: !(j === 2 && sick()), retained_bytes: int(100 * MB) })),
      },
      checkpoints: { checkpoints_timed: 10, checkpoints_requested: int(sick() ? 20 : 3) },
    },
  };
}

function chInput(i: number): MetricInput {
  troubled = rand() < 0.2;
  const tables = Array.from({ length: 40 }, (_, j) => {
    const partitions = Array.from({ length: 10 }, (_, k) => ({ partition_id: `2024${String(k + 1).padStart(2, '0')}`, partition: `2024${k + 1}`, active_parts: int(sick() && j === 0 ? 400 : 60) }));
    return { database: 'analytics', table: `t${j}`, active_parts: partitions.reduce((s, p) => s + p.active_parts, 0), max_parts_in_partition: Math.max(...partitions.map((p) => p.active_parts)), partitions };
  });
  const old = i % 50 === 0; // some 18.16 servers: no system.disks
  return {
    engine: 'clickhouse',
    now_ms: NOW,
    server_version: old ? '18.16.1' : '24.8.4',
    agent_last_seen_ms: NOW - int(30_000),
    collector_statuses: old ? ['system_disks_not_on_release'] : [],
    ch: {
      server: { uptime_s: sick() ? int(300) : 86_400, queries_running: int(30), memory_tracking_bytes: int((sick() ? 16 : 10) * 2 ** 30), memory_resident_bytes: 8 * 2 ** 30, readonly_replicas: 0, max_parts_in_partition: 60 },
      server_totals: { window_ms: 300_000, readings: 5, queries: 30_000, failed_queries: int(sick() ? 2000 : 20), delayed_inserts: sick() ? int(5) : 0, rejected_inserts: 0 },
      memory_limit_bytes: old ? null : 16 * 2 ** 30,
      parts: { tables },
      detached: { has_detached: !old, tables: sick() ? [{ database: 'analytics', table: 't1', detached_parts: 2, broken_parts: 1, reasons: [{ reason: 'broken', parts: 2 }] }] : [] },
      merges: { merges: Array.from({ length: 8 }, (_, j) => ({ database: 'analytics', table: `t${j}`, partition_id: '202401', result_part_name: `202401_1_${j}_2`, elapsed_s: int(sick() ? 2000 : 200), progress: rand(), is_mutation: false })) },
      mutations: { mutations: Array.from({ length: 5 }, (_, j) => ({ database: 'analytics', table: `t${j}`, mutation_id: `mutation_${j}.txt`, command: 'DELETE WHERE x = ?', age_s: int(sick() ? 5000 : 100), parts_to_do: int(10), is_killed: false, latest_failed_part: '', latest_fail_reason: sick() ? 'Code: 241' : '' })) },
      replicas: { replicas: Array.from({ length: 20 }, (_, j) => ({ database: 'analytics', table: `t${j}`, is_readonly: false, is_session_expired: false, absolute_delay_s: int(sick() ? 100 : 5), queue_size: int(10) })) },
      replication_queue: { groups: Array.from({ length: 10 }, (_, j) => ({ database: 'analytics', table: `t${j}`, type: 'GET_PART', entries: int(5), max_num_tries: int(sick() ? 200 : 5), last_exception: '' })) },
      disks: old ? null : { disks: [{ name: 'default', path: '/var/lib/clickhouse/', total_bytes: 1e12, free_bytes: 4e11, used_bytes: 6e11, usage_pct: sick() ? 85 : 60 }] },
      processes: { queries: Array.from({ length: 30 }, (_, j) => ({ query_id: `q${j}`, user: 'default', elapsed_ms: int(sick() ? 600_000 : 20_000), query_text: 'SELECT count() FROM analytics.t1' })) },
      query_stats: Array.from({ length: 200 }, (_, j) => ({ query_hash: `h${j}`, query_text: `SELECT ${j}`, total_calls: 1 + int(1000), p99_time_ms: int(sick() ? 12_000 : 900) })),
    },
  };
}

const rules: AlertRule[] = [
  ...builtInRules(),
  { id: 'custom-conn', metric_key: 'pg.connections_used_pct', operator: '>', threshold: 60, severity: 'warning', enabled: true, built_in: false },
  { id: 'custom-p99', metric_key: 'ch.query_p99_ms', operator: '>=', threshold: 2000, severity: 'warning', enabled: true, built_in: false },
];

console.log(`building ${N.toLocaleString('en-US')} synthetic databases…`);
const inputs = Array.from({ length: N }, (_, i) => (i % 2 === 0 ? pgInput(i) : chInput(i)));
const openAlerts = new Map<string, OpenAlert[]>();

function tick(record: number[] | null): { wallMs: number; cpuMs: number; opened: number; resolved: number } {
  let opened = 0;
  let resolved = 0;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (let i = 0; i < inputs.length; i++) {
    const t0 = performance.now();
    const input = inputs[i]!;
    const id = `db${i}`;
    const open = openAlerts.get(id) ?? [];
    const readings = readMetrics(input);
    healthScore(input.engine, readings, { openAlerts: open, previousScore: 90, calculatedAt: input.now_ms });
    const d = evaluateRules({ databaseId: id, engine: input.engine, readings, rules, open });
    record?.push(performance.now() - t0);
    opened += d.open.length;
    resolved += d.resolve.length;
    // Apply the decisions so the next tick evaluates against open alerts, as the server will.
    const resolvedIds = new Set(d.resolve.map((r) => r.alert_id));
    openAlerts.set(id, [...open.filter((a) => !resolvedIds.has(a.id)), ...d.open.map((a, k) => ({ id: `${id}-${k}-${a.rule_id}-${a.object_key}`, rule_id: a.rule_id, database_id: id, object_key: a.object_key, severity: a.severity }))]);
  }
  const cpu = process.cpuUsage(cpu0);
  return { wallMs: performance.now() - wall0, cpuMs: (cpu.user + cpu.system) / 1000, opened, resolved };
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const warm = tick(null); // first tick opens the alerts (and warms the JIT)
const perDb: number[] = [];
const steady = tick(perDb);
perDb.sort((a, b) => a - b);
const fmt = (ms: number): string => `${ms.toFixed(3)} ms`;
console.log(`first tick: ${warm.opened.toLocaleString('en-US')} alerts opened, ${(warm.wallMs / 1000).toFixed(2)} s`);
console.log(`steady tick over ${N.toLocaleString('en-US')} databases (catalogue + health score + ${rules.length} rules each):`);
console.log(`  per database: p50 ${fmt(quantile(perDb, 0.5))}  p99 ${fmt(quantile(perDb, 0.99))}  max ${fmt(perDb[perDb.length - 1]!)}`);
console.log(`  tick: wall ${(steady.wallMs / 1000).toFixed(2)} s, CPU ${(steady.cpuMs / 1000).toFixed(2)} s (${((100 * steady.cpuMs) / steady.wallMs).toFixed(0)} % of one core); ${steady.opened} opened, ${steady.resolved} resolved`);
console.log(`  target: within one 15 s tick and p99 < 5 ms — ${steady.wallMs < 15_000 && quantile(perDb, 0.99) < 5 ? 'met' : 'NOT met'}`);
