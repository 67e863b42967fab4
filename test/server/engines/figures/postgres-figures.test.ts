import { expect } from 'chai';
import {
  activityFigures,
  averageSessions,
  blockedSessions,
  cacheHitRatio,
  deadTupleRatio,
  lagHistoryPoint,
  lastAutovacuumMs,
  replicationLag,
  sequenceUsedPct,
  walBytesPerSecond,
} from '../../../../server/src/engines/figures/postgres-figures.js';

describe('engines/figures: PostgreSQL', () => {
  it('cacheHitRatio counts only windows with deltas and is null when nothing was read', () => {
    expect(cacheHitRatio([{ blks_hit: 99, blks_read: 1, has_deltas: true }, { blks_hit: 0, blks_read: 1000, has_deltas: false }])).to.equal(0.99);
    expect(cacheHitRatio([{ blks_hit: 0, blks_read: 0, has_deltas: true }])).to.equal(null);
    expect(cacheHitRatio([])).to.equal(null);
  });

  it('deadTupleRatio is dead over live plus dead, null without tuples', () => {
    expect(deadTupleRatio([{ n_live_tup: 60, n_dead_tup: 20 }, { n_live_tup: 15, n_dead_tup: 5 }])).to.equal(0.25);
    expect(deadTupleRatio([{ n_live_tup: 0, n_dead_tup: 0 }])).to.equal(null);
  });

  it('lastAutovacuumMs is the newest, null when never vacuumed', () => {
    expect(lastAutovacuumMs([{ last_autovacuum_ms: 5 }, { last_autovacuum_ms: 9 }, { last_autovacuum_ms: 0 }])).to.equal(9);
    expect(lastAutovacuumMs([{ last_autovacuum_ms: 0 }])).to.equal(null);
    expect(lastAutovacuumMs([])).to.equal(null);
  });

  it('activityFigures counts active sessions, their longest query and lock waiters', () => {
    const sessions = [
      { state: 'active', query_duration_ms: 300, blocking_pids: [] },
      { state: 'active', query_duration_ms: 1200, blocking_pids: [7] },
      { state: 'idle in transaction', query_duration_ms: 9000, blocking_pids: [] },
    ];
    expect(activityFigures(sessions)).to.deep.equal({ active_queries: 2, longest_query_ms: 1200, blocked_queries: 1 });
    expect(activityFigures([])).to.deep.equal({ active_queries: 0, longest_query_ms: 0, blocked_queries: 0 });
  });

  it('blockedSessions counts sessions with a lock not granted once each', () => {
    expect(blockedSessions([{ pid: 1, granted: false }, { pid: 1, granted: false }, { pid: 2, granted: true }, { pid: 3, granted: false }])).to.equal(2);
  });

  it('replicationLag: a replica behind its upstream, a primary by its furthest standby, null without replication', () => {
    const base = { receive_lag_bytes: 100, replay_lag_bytes: 50, replay_lag_ms: 2500 };
    expect(replicationLag({ ...base, in_recovery: true, standbys: [] })).to.deep.equal({ bytes: 150, seconds: 2.5 });
    const standbys = [
      { replay_lag_bytes: 10, replay_lag_ms: 4000 },
      { replay_lag_bytes: 70, replay_lag_ms: 1000 },
    ];
    expect(replicationLag({ ...base, in_recovery: false, standbys })).to.deep.equal({ bytes: 70, seconds: 4 });
    expect(replicationLag({ ...base, in_recovery: false, standbys: [] })).to.equal(null);
  });

  it('lagHistoryPoint reads a bucket as a replica or as a primary', () => {
    expect(lagHistoryPoint({ standby_lag_bytes: 5, standby_lag_ms: 1500, primary_lag_bytes: null, primary_lag_ms: null })).to.deep.equal({ is_replica: true, lag_bytes: 5, lag_seconds: 1.5 });
    expect(lagHistoryPoint({ standby_lag_bytes: null, standby_lag_ms: null, primary_lag_bytes: 9, primary_lag_ms: 3000 })).to.deep.equal({ is_replica: false, lag_bytes: 9, lag_seconds: 3 });
    expect(lagHistoryPoint({ standby_lag_bytes: null, standby_lag_ms: null, primary_lag_bytes: null, primary_lag_ms: null })).to.deep.equal({ is_replica: false, lag_bytes: null, lag_seconds: null });
  });

  it('walBytesPerSecond divides by the window, 0 for an empty one', () => {
    expect(walBytesPerSecond({ ts: 11_000, window_start: 1_000, wal_bytes: 5000 })).to.equal(500);
    expect(walBytesPerSecond({ ts: 1_000, window_start: 1_000, wal_bytes: 5000 })).to.equal(0);
  });

  it('sequenceUsedPct and averageSessions', () => {
    expect(sequenceUsedPct(0.123456)).to.equal(12.35);
    expect(averageSessions(120_000, 60_000)).to.equal(2);
  });
});
