import { expect } from 'chai';
import { CATALOGUE, METRICS_BY_KEY, metricsFor, readMetrics, type Derived, type MetricInput } from '../../../server/src/engines/catalogue/index.js';
import { NOW, chInput, pgInput, session } from './engine-fixtures.js';

const MB = 1024 * 1024;

const ISSUE_KEYS = [
  'pg.connections_used_pct', 'pg.idle_in_transaction_max_s', 'pg.longest_query_s', 'pg.blocked_queries', 'pg.cache_hit_ratio_pct', 'pg.xid_age_pct',
  'pg.replication_lag_s', 'pg.replication_lag_bytes', 'pg.inactive_slots', 'pg.dead_tuple_ratio_pct', 'pg.sequence_used_pct', 'pg.invalid_indexes',
  'pg.checkpoints_requested_pct', 'ch.max_parts_per_partition', 'ch.delayed_inserts', 'ch.rejected_inserts', 'ch.readonly_replicas', 'ch.replication_delay_s',
  'ch.replication_queue_stuck', 'ch.stuck_mutations', 'ch.failed_mutations', 'ch.longest_merge_s', 'ch.disk_usage_pct', 'ch.memory_usage_pct', 'ch.detached_parts',
  'ch.uptime_s', 'ch.failed_queries_per_min', 'ch.longest_query_s', 'ch.query_p99_ms', 'agent.disconnected_s',
];

function derive(key: string, input: MetricInput): Derived {
  return METRICS_BY_KEY.get(key)!.derive(input);
}

function value(key: string, input: MetricInput): number {
  const d = derive(key, input);
  if ('unavailable' in d) throw new Error(`${key} unavailable: ${d.unavailable}`);
  return d.value;
}

function labels(key: string, input: MetricInput): string[] {
  const d = derive(key, input);
  return 'objects' in d ? d.objects.map((o) => o.label) : [];
}

describe('engines/catalogue', () => {
  it('holds every key issue 11 lists, once each, with its texts, a source and a component for each engine it runs on', () => {
    expect(CATALOGUE.map((e) => e.key)).to.have.members(ISSUE_KEYS);
    expect(METRICS_BY_KEY.size).to.equal(CATALOGUE.length);
    for (const e of CATALOGUE) {
      expect(e.source, e.key).to.not.equal('');
      expect(e.thresholds.warning ?? e.thresholds.critical, e.key).to.not.equal(null);
      for (const engine of e.engines) expect(e.component[engine], `${e.key} ${engine}`).to.be.a('string');
      expect(e.doctor.how_to_investigate, e.key).to.match(/SELECT|systemctl/);
      expect(e.doctor.title && e.doctor.recommendation && e.doctor.how_to_fix, e.key).to.be.a('string');
    }
    expect(metricsFor('postgres')).to.have.length(14);
    expect(metricsFor('clickhouse')).to.have.length(17);
  });

  it('reads a healthy database as ok on every metric it can derive', () => {
    for (const input of [pgInput(), chInput()]) {
      const bad = readMetrics(input).filter((r) => r.severity !== null || 'unavailable' in r.result);
      expect(bad.map((r) => r.entry.key)).to.deep.equal([]);
    }
  });

  describe('PostgreSQL derives', () => {
    it('connections: numbackends over max_connections, busiest database first', () => {
      expect(value('pg.connections_used_pct', pgInput())).to.equal(32);
      expect(labels('pg.connections_used_pct', pgInput())[0]).to.equal('shop: 30 connections');
      expect(derive('pg.connections_used_pct', pgInput({ settings: { settings: [] } }))).to.have.property('unavailable').that.match(/max_connections/);
    });

    it('idle in transaction: the longest, naming the pid and its last query', () => {
      const input = pgInput({ activity: { ts: NOW, sessions_listed: 2, sessions_omitted: 0, sessions: [session({ pid: 7, state: 'idle in transaction', state_duration_ms: 400_000, query: 'UPDATE carts SET total = $1' }), session({ pid: 8, state: 'idle in transaction (aborted)', state_duration_ms: 10_000 })] } });
      expect(value('pg.idle_in_transaction_max_s', input)).to.equal(400);
      const d = derive('pg.idle_in_transaction_max_s', input);
      expect('objects' in d && d.objects[0]).to.include({ key: 'pid:7', label: 'pid 7 (app@shop, api)' });
      expect('objects' in d && d.objects[0]!.detail).to.contain('UPDATE carts');
    });

    it('longest query: active client sessions only (not autovacuum)', () => {
      const input = pgInput({ activity: { ts: NOW, sessions_listed: 2, sessions_omitted: 0, sessions: [session({ pid: 9, query_duration_ms: 95_000 }), session({ pid: 10, backend_type: 'autovacuum worker', query_duration_ms: 900_000 })] } });
      expect(value('pg.longest_query_s', input)).to.equal(95);
    });

    it("blocked queries: each blocked pid with its blocker's pid and query and the relation", () => {
      const input = pgInput({
        activity: {
          ts: NOW,
          sessions_listed: 2,
          sessions_omitted: 0,
          sessions: [
            session({ pid: 200, state: 'idle in transaction', query: 'ALTER TABLE orders ADD COLUMN note text' }),
            session({ pid: 201, blocking_pids: [200], state_duration_ms: 42_000, query: 'UPDATE orders SET paid = true WHERE id = $1' }),
          ],
        },
        locks: { locks: [{ pid: 201, locktype: 'relation', mode: 'RowExclusiveLock', granted: false, datname: 'shop', relation: 'public.orders', blocking_pids: [200], wait_duration_ms: 42_000 }] },
      });
      expect(value('pg.blocked_queries', input)).to.equal(1);
      const d = derive('pg.blocked_queries', input);
      const o = 'objects' in d ? d.objects[0]! : null;
      expect(o?.label).to.equal('pid 201 blocked by pid 200 on public.orders (RowExclusiveLock) for 42 s');
      expect(o?.detail).to.contain('blocker pid 200 (idle in transaction): ALTER TABLE orders ADD COLUMN note text');
    });

    it('cache hit ratio over windows with deltas; unavailable when nothing was read', () => {
      expect(value('pg.cache_hit_ratio_pct', pgInput())).to.be.closeTo((100 * 1_000_500) / 1_001_000, 1e-9);
      const cold = pgInput({ database_stats: { databases: [{ datname: 'shop', numbackends: 1, xid_age: 1, blks_hit: 5, blks_read: 5, has_deltas: false }] } });
      expect(derive('pg.cache_hit_ratio_pct', cold)).to.have.property('unavailable');
    });

    it('xid age: the oldest database as a share of 2^31', () => {
      expect(value('pg.xid_age_pct', pgInput())).to.be.closeTo((100 * 200_000_000) / 2 ** 31, 1e-9);
      expect(labels('pg.xid_age_pct', pgInput())[0]).to.equal('shop');
    });

    it('replication lag: the furthest standby on a primary, its own on a replica; unavailable without replication', () => {
      expect(value('pg.replication_lag_s', pgInput())).to.equal(0.3);
      expect(value('pg.replication_lag_bytes', pgInput())).to.equal(MB);
      const replica = pgInput({ replication: { in_recovery: true, upstream_host: 'db-primary', receive_lag_bytes: 2 * MB, replay_lag_bytes: 3 * MB, replay_lag_ms: 7000, standbys: [], slots: [] } });
      expect(value('pg.replication_lag_s', replica)).to.equal(7);
      expect(value('pg.replication_lag_bytes', replica)).to.equal(5 * MB);
      expect(labels('pg.replication_lag_s', replica)).to.deep.equal(['replica of db-primary']);
      const alone = pgInput({ replication: { in_recovery: false, upstream_host: '', receive_lag_bytes: 0, replay_lag_bytes: 0, replay_lag_ms: 0, standbys: [], slots: [] } });
      expect(derive('pg.replication_lag_s', alone)).to.have.property('unavailable').that.match(/not a replica/);
    });

    it('inactive slots: named, with the WAL they retain', () => {
      const input = pgInput({ replication: { in_recovery: false, upstream_host: '', receive_lag_bytes: 0, replay_lag_bytes: 0, replay_lag_ms: 0, standbys: [], slots: [{ slot_name: 'debezium', slot_type: 'logical', datname: 'shop', active: false, retained_bytes: 512 * MB }] } });
      expect(value('pg.inactive_slots', input)).to.equal(1);
      const d = derive('pg.inactive_slots', input);
      expect('objects' in d && d.objects[0]).to.deep.include({ key: 'slot:debezium', label: 'slot debezium (logical, shop)', detail: 'retains 512 MB of WAL' });
    });

    it('dead tuples: the worst table of at least 10,000 tuples', () => {
      const input = pgInput({
        tables: [
          { datname: 'shop', schema_name: 'public', table_name: 'carts', n_live_tup: 70_000, n_dead_tup: 30_000, last_autovacuum_ms: 0 },
          { datname: 'shop', schema_name: 'public', table_name: 'tiny', n_live_tup: 10, n_dead_tup: 90, last_autovacuum_ms: 0 },
        ],
      });
      expect(value('pg.dead_tuple_ratio_pct', input)).to.equal(30);
      expect(labels('pg.dead_tuple_ratio_pct', input)).to.deep.equal(['public.carts (shop)']);
    });

    it('sequences, invalid indexes and requested checkpoints', () => {
      expect(value('pg.sequence_used_pct', pgInput())).to.equal(10);
      const input = pgInput({
        invalid_indexes: [{ datname: 'shop', schema_name: 'public', table_name: 'orders', index_name: 'orders_email_idx', is_valid: false, index_def: 'CREATE INDEX orders_email_idx ON public.orders (email)' }],
        checkpoints: { checkpoints_timed: 2, checkpoints_requested: 6 },
      });
      expect(value('pg.invalid_indexes', input)).to.equal(1);
      expect(labels('pg.invalid_indexes', input)).to.deep.equal(['public.orders_email_idx on orders (shop)']);
      expect(value('pg.checkpoints_requested_pct', input)).to.equal(75);
      expect(derive('pg.checkpoints_requested_pct', pgInput({ checkpoints: { checkpoints_timed: 0, checkpoints_requested: 0 } }))).to.have.property('unavailable');
    });

    it('a kind with no snapshot yet is unavailable, never 0', () => {
      const empty = pgInput({ activity: null, locks: null, database_stats: null, settings: null, tables: null, invalid_indexes: null, sequences: null, replication: null, checkpoints: null });
      for (const r of readMetrics(empty).filter((x) => x.entry.key.startsWith('pg.'))) expect(r.result, r.entry.key).to.have.property('unavailable').that.match(/received yet/);
    });
  });

  describe('ClickHouse derives', () => {
    it('parts per partition names the table and its fullest partition', () => {
      const input = chInput({ parts: { tables: [{ database: 'analytics', table: 'events', active_parts: 900, max_parts_in_partition: 320, partitions: [{ partition_id: '202405', partition: '202405', active_parts: 320 }] }] } });
      expect(value('ch.max_parts_per_partition', input)).to.equal(320);
      const d = derive('ch.max_parts_per_partition', input);
      expect('objects' in d && d.objects[0]).to.include({ key: 'partition:analytics.events/202405', label: 'analytics.events partition 202405', value: 320 });
    });

    it('inserts delayed and rejected over the counter window; unavailable without deltas', () => {
      const input = chInput({ server_totals: { window_ms: 300_000, readings: 5, queries: 100, failed_queries: 50, delayed_inserts: 4, rejected_inserts: 2 } });
      expect(value('ch.delayed_inserts', input)).to.equal(4);
      expect(value('ch.rejected_inserts', input)).to.equal(2);
      expect(value('ch.failed_queries_per_min', input)).to.equal(10);
      expect(derive('ch.delayed_inserts', chInput({ server_totals: { window_ms: 300_000, readings: 0, queries: 0, failed_queries: 0, delayed_inserts: 0, rejected_inserts: 0 } }))).to.have.property('unavailable');
    });

    it('replicas: read-only, delay and stuck queue entries, each table named; unavailable without Replicated tables', () => {
      const input = chInput({
        replicas: { replicas: [{ database: 'analytics', table: 'events', is_readonly: true, is_session_expired: true, absolute_delay_s: 400, queue_size: 30 }] },
        replication_queue: { groups: [{ database: 'analytics', table: 'events', type: 'GET_PART', entries: 3, max_num_tries: 250, last_exception: 'No active replica has part 202405_3_3_0' }] },
      });
      expect(value('ch.readonly_replicas', input)).to.equal(1);
      expect(value('ch.replication_delay_s', input)).to.equal(400);
      expect(value('ch.replication_queue_stuck', input)).to.equal(1);
      expect(labels('ch.replication_queue_stuck', input)).to.deep.equal(['analytics.events GET_PART (250 tries)']);
      const none = chInput({ replicas: { replicas: [] } });
      expect(derive('ch.replication_delay_s', none)).to.deep.equal({ unavailable: 'the server has no Replicated tables' });
    });

    it('mutations: stuck after 600 s with parts to do, failed with their reason', () => {
      const m = { database: 'analytics', table: 'events', command: 'DELETE WHERE user_id = ?', is_killed: false, latest_failed_part: '', latest_fail_reason: '' };
      const input = chInput({
        mutations: {
          mutations: [
            { ...m, mutation_id: 'mutation_12.txt', age_s: 1200, parts_to_do: 40 },
            { ...m, mutation_id: 'mutation_13.txt', age_s: 30, parts_to_do: 5, latest_failed_part: '202405_1_1_0', latest_fail_reason: 'Code: 241. Memory limit exceeded' },
            { ...m, mutation_id: 'mutation_11.txt', age_s: 5000, parts_to_do: 0 },
          ],
        },
      });
      expect(value('ch.stuck_mutations', input)).to.equal(1);
      expect(labels('ch.stuck_mutations', input)).to.deep.equal(['analytics.events mutation_12.txt']);
      expect(value('ch.failed_mutations', input)).to.equal(1);
      const d = derive('ch.failed_mutations', input);
      expect('objects' in d && d.objects[0]!.detail).to.contain('Memory limit exceeded');
    });

    it('merges, disks, memory, detached parts, uptime, running queries and p99', () => {
      const input = chInput();
      expect(value('ch.longest_merge_s', input)).to.equal(12);
      expect(value('ch.disk_usage_pct', input)).to.equal(40);
      expect(value('ch.memory_usage_pct', input)).to.equal(25);
      expect(value('ch.detached_parts', input)).to.equal(0);
      expect(value('ch.uptime_s', input)).to.equal(86_400);
      expect(value('ch.longest_query_s', input)).to.equal(1.5);
      expect(value('ch.query_p99_ms', input)).to.equal(900);
      const detached = chInput({ detached: { has_detached: true, tables: [{ database: 'analytics', table: 'events', detached_parts: 3, broken_parts: 1, reasons: [{ reason: 'broken', parts: 1 }, { reason: '', parts: 2 }] }] } });
      expect(value('ch.detached_parts', detached)).to.equal(3);
      const d = derive('ch.detached_parts', detached);
      expect('objects' in d && d.objects[0]!.detail).to.equal('3 detached (broken: 1, by hand: 2), 1 broken');
    });

    it('ClickHouse 18.16: no system.disks or detached_parts means unavailable with the reason, not 0', () => {
      const old = chInput(
        { disks: null, detached: { has_detached: false, tables: [] }, memory_limit_bytes: null },
        { server_version: '18.16.1', collector_statuses: ['system_disks_not_on_release', 'system_server_settings_not_on_release'] },
      );
      expect(derive('ch.disk_usage_pct', old)).to.deep.equal({ unavailable: 'system.disks does not exist on ClickHouse 18.16.1 (added in 19.15)' });
      expect(derive('ch.detached_parts', old)).to.have.property('unavailable').that.contains('18.16.1');
      expect(derive('ch.memory_usage_pct', old)).to.deep.equal({
        unavailable: "system.server_settings does not exist on ClickHouse 18.16.1 (added in 23.x), and the release reports no OSMemoryTotal (20.x on): the server's memory limit is unknown",
      });
      // A limit of 0 without that status: the agent is older than the server's catalogue.
      expect(derive('ch.memory_usage_pct', chInput({ memory_limit_bytes: null }))).to.have.property('unavailable').that.match(/agent older/);
      expect(derive('ch.query_p99_ms', chInput({}, { collector_statuses: ['query_log_empty'] }))).to.have.property('unavailable').that.match(/query logging is off/);
    });
  });

  it('agent.disconnected_s counts from now; never seen is unavailable', () => {
    expect(value('agent.disconnected_s', pgInput({}, { agent_last_seen_ms: NOW - 300_000 }))).to.equal(300);
    expect(derive('agent.disconnected_s', chInput({}, { agent_last_seen_ms: null }))).to.deep.equal({ unavailable: 'the agent has never connected' });
  });

  it('judges at overridden levels and keeps a throwing derive from hiding the others', () => {
    const input = pgInput();
    expect(readMetrics(input, { 'pg.connections_used_pct': { warning: 30 } }).find((r) => r.entry.key === 'pg.connections_used_pct')!.severity).to.equal('warning');
    const broken = pgInput({ activity: { ts: NOW, sessions_listed: 1, sessions_omitted: 0, sessions: null as never } });
    const readings = readMetrics(broken);
    expect(readings.find((r) => r.entry.key === 'pg.longest_query_s')!.result).to.have.property('unavailable').that.match(/could not be derived/);
    expect(readings.find((r) => r.entry.key === 'pg.connections_used_pct')!.result).to.have.property('value', 32);
  });
});
