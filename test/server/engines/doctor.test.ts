import { expect } from 'chai';
import { readMetrics } from '../../../server/src/engines/catalogue/index.js';
import { diagnose } from '../../../server/src/engines/doctor/doctor.js';
import { healthScore } from '../../../server/src/engines/health/health-score.js';
import { NOW, chInput, pgInput, session } from './engine-fixtures.js';

function report(input: ReturnType<typeof pgInput>, alerts: Parameters<typeof diagnose>[1] = [], overrides = {}) {
  const readings = readMetrics(input, overrides);
  return diagnose(readings, alerts, healthScore(input.engine, readings, { openAlerts: alerts, previousScore: null, calculatedAt: NOW }));
}

describe('engines/doctor', () => {
  it('is healthy with nothing to report, and summarizes every check', () => {
    const r = report(pgInput());
    expect(r).to.include({ status: 'healthy', score: 100, grade: 'A+' });
    expect(r.top_issues).to.deep.equal([]);
    expect(r.metrics_summary).to.include({ checks: 14, passed: 14, warning: 0, critical: 0, unavailable: 0 });
    expect(r.metrics_summary.values['pg.connections_used_pct']).to.equal(32);
  });

  it("orders by severity then impact and names the objects: the blocked pid and its blocker's query, the slot", () => {
    const input = pgInput({
      activity: {
        ts: NOW,
        sessions_listed: 3,
        sessions_omitted: 0,
        sessions: [
          session({ pid: 300, state: 'idle in transaction', state_duration_ms: 320_000, query: 'LOCK TABLE orders' }),
          session({ pid: 301, blocking_pids: [300], state_duration_ms: 60_000, query: 'UPDATE orders SET paid = true WHERE id = $1' }),
        ],
      },
      replication: { in_recovery: false, upstream_host: '', receive_lag_bytes: 0, replay_lag_bytes: 0, replay_lag_ms: 0, standbys: [], slots: [{ slot_name: 'old_standby', slot_type: 'physical', datname: '', active: false, retained_bytes: 2 ** 30 }] },
      database_stats: { databases: [{ datname: 'shop', numbackends: 95, xid_age: 1, blks_hit: 1000, blks_read: 0, has_deltas: true }] },
    });
    const r = report(input);
    expect(r.status).to.equal('unhealthy');
    // Connections at 95 % score 20 (impact 80), the one inactive slot 30 (impact 70); warnings after.
    expect(r.top_issues.map((i) => [i.severity, i.metric_key])).to.deep.equal([
      ['critical', 'pg.connections_used_pct'],
      ['critical', 'pg.inactive_slots'],
      ['warning', 'pg.idle_in_transaction_max_s'],
      ['warning', 'pg.blocked_queries'],
    ]);
    const blocked = r.top_issues.find((i) => i.metric_key === 'pg.blocked_queries')!;
    expect(blocked).to.include({ category: 'locking', title: 'Queries blocked by locks', value: 1, threshold: 1 });
    expect(blocked.detail).to.equal(
      '1 session(s) wait for a lock: pid 301 blocked by pid 300 for 60 s. blocked: UPDATE orders SET paid = true WHERE id = $1; blocker pid 300 (idle in transaction): LOCK TABLE orders',
    );
    expect(blocked.how_to_investigate).to.contain('pg_blocking_pids');
    expect(r.top_issues[1]!.detail).to.equal('1 replication slot(s) have no consumer: slot old_standby (physical): retains 1,024 MB of WAL.');
    expect(r.top_issues[1]!.how_to_fix).to.contain('pg_drop_replication_slot');
    expect(r.metrics_summary).to.include({ critical: 2, warning: 2 });
  });

  it('names the table and partition with too many parts', () => {
    const input = chInput({ parts: { tables: [{ database: 'analytics', table: 'events', active_parts: 700, max_parts_in_partition: 310, partitions: [{ partition_id: '202405', partition: '202405', active_parts: 310 }] }] } });
    const issue = report(input).top_issues[0]!;
    expect(issue).to.include({ severity: 'critical', metric_key: 'ch.max_parts_per_partition', value: 310, threshold: 300 });
    expect(issue.detail).to.match(/^analytics\.events partition 202405 has 310 active parts \(level 300\)/);
    expect(issue.how_to_investigate).to.contain('FROM system.parts');
  });

  it('judges at the organization levels and includes open alerts the checks do not show (custom rules)', () => {
    const r = report(pgInput(), [{ rule_id: 'c1', rule_name: 'Strict cache hit', metric_key: 'pg.cache_hit_ratio_pct', severity: 'critical', value: 99.9, threshold: 99.95 }], { 'pg.connections_used_pct': { warning: 30 } });
    expect(r.status).to.equal('unhealthy');
    expect(r.score).to.equal(49);
    expect(r.top_issues.map((i) => [i.severity, i.metric_key, i.title])).to.deep.equal([
      ['critical', 'pg.cache_hit_ratio_pct', 'Low cache hit ratio (alert: Strict cache hit)'],
      ['warning', 'pg.connections_used_pct', 'Connections near max_connections'],
    ]);
  });
});
