import { expect } from 'chai';
import { deriveMetrics, judgeMetrics, readMetrics, type Derived, type MetricInput } from '../../../server/src/engines/catalogue/index.js';
import { digestMetrics, digestResults, digestUsable, type MetricDigest } from '../../../server/src/engines/catalogue/metric-digest.js';
import { agedInputs, CLICKHOUSE_COUNTER_WINDOW_MS } from '../../../server/src/storage/telemetry/reads/metric-inputs.js';
import { chInput, NOW, pgInput, session } from './engine-fixtures.js';

const HOUR = 3_600_000;

/** A digest as the metadata store returns it: through JSON. */
function digestOf(input: MetricInput): MetricDigest {
  return JSON.parse(JSON.stringify(digestMetrics(input, agedInputs(input)))) as MetricDigest;
}

function factsAt(input: MetricInput, now: number) {
  return { engine: input.engine, now_ms: now, server_version: input.server_version, agent_last_seen_ms: input.agent_last_seen_ms, collector_statuses: input.collector_statuses };
}

function valueOf(d: Derived | undefined): number | string {
  if (!d) return 'absent';
  return 'value' in d ? d.value : d.unavailable;
}

/**
 * A digest (what the evaluation tick judges instead of reading telemetry) must give, at any time, what
 * deriving from a fresh read would: the same results when the data is as new as the digest, live
 * metrics from the clock, and windowed metrics emptied once their window has passed with no new data.
 */
describe('engines/metric digest', () => {
  it('gives what deriving the input gives, for both engines, through JSON', () => {
    const blocked = pgInput({ activity: { ts: NOW, sessions_listed: 2, sessions_omitted: 0, sessions: [session({ pid: 1, state: 'idle in transaction', state_duration_ms: 400_000 }), session({ pid: 2, blocking_pids: [1] })] } });
    for (const input of [pgInput(), blocked, chInput(), chInput({ server_totals: { window_ms: 300_000, readings: 3, queries: 10, failed_queries: 400, delayed_inserts: 2, rejected_inserts: 1 } })]) {
      const fromDigest = digestResults(digestOf(input), factsAt(input, input.now_ms));
      // Through JSON on both sides: an object's `value: undefined` is simply absent once stored.
      expect(Object.fromEntries(fromDigest)).to.deep.equal(JSON.parse(JSON.stringify(Object.fromEntries(deriveMetrics(input)))));
    }
  });

  it('derives agent.disconnected_s from the clock at each evaluation, not from when the digest was made', () => {
    const input = pgInput();
    const digest = digestOf(input);
    expect(digest.metrics['agent.disconnected_s'], 'live metrics are not kept').to.equal(undefined);
    expect(valueOf(digestResults(digest, factsAt(input, NOW + 600_000)).get('agent.disconnected_s'))).to.equal(610);
    expect(valueOf(digestResults(digest, factsAt(input, NOW)).get('agent.disconnected_s'))).to.equal(10);
  });

  it('ages ClickHouse counter totals after 5 min and query fingerprints after 15 min, as a read with no new data would', () => {
    const input = chInput({ server_totals: { window_ms: 300_000, readings: 3, queries: 10, failed_queries: 400, delayed_inserts: 2, rejected_inserts: 1 } });
    const digest = digestOf(input);
    const at = (ms: number) => digestResults(digest, factsAt(input, NOW + ms));
    expect(valueOf(at(CLICKHOUSE_COUNTER_WINDOW_MS).get('ch.failed_queries_per_min'))).to.equal(80);
    expect(valueOf(at(CLICKHOUSE_COUNTER_WINDOW_MS + 1).get('ch.failed_queries_per_min'))).to.match(/no server reading with counter deltas/);
    expect(valueOf(at(CLICKHOUSE_COUNTER_WINDOW_MS + 1).get('ch.rejected_inserts'))).to.match(/no server reading with counter deltas/);
    expect(valueOf(at(CLICKHOUSE_COUNTER_WINDOW_MS + 1).get('ch.query_p99_ms'))).to.be.a('number');
    expect(valueOf(at(15 * 60_000 + 1).get('ch.query_p99_ms'))).to.equal('no queries in the last 15 minutes');
    // Snapshot metrics stand until a new batch brings a new snapshot.
    expect(valueOf(at(HOUR * 24).get('ch.max_parts_per_partition'))).to.equal(12);
    // What each aged form gives is what deriving that form gives: the aging is the read layer's, the digest only keeps it.
    const [, fingerprints] = agedInputs(input);
    expect(Object.fromEntries(at(15 * 60_000 + 1))).to.deep.include(JSON.parse(JSON.stringify(Object.fromEntries([...deriveMetrics(fingerprints!.input)].filter(([k]) => k !== 'agent.disconnected_s')))));
  });

  it('ages PostgreSQL objects and checkpoints after the hour', () => {
    const input = pgInput();
    const digest = digestOf(input);
    const before = digestResults(digest, factsAt(input, NOW + HOUR));
    const after = digestResults(digest, factsAt(input, NOW + HOUR + 1));
    for (const key of ['pg.dead_tuple_ratio_pct', 'pg.sequence_used_pct', 'pg.invalid_indexes', 'pg.checkpoints_requested_pct']) {
      expect(valueOf(before.get(key)), key).to.be.a('number');
      expect(valueOf(after.get(key)), key).to.match(/received yet/);
    }
    expect(valueOf(after.get('pg.connections_used_pct'))).to.equal(32);
  });

  it('is judged like a read: readings from the digest equal readMetrics at the organization levels', () => {
    const input = pgInput({ activity: { ts: NOW, sessions_listed: 1, sessions_omitted: 0, sessions: [session({ pid: 7, query_duration_ms: 120_000 })] } });
    const overrides = { 'pg.longest_query_s': { warning: 100 } };
    const judged = judgeMetrics('postgres', digestResults(digestOf(input), factsAt(input, NOW)), overrides);
    const read = readMetrics(input, overrides);
    const summary = (rs: typeof read) => rs.map((r) => [r.entry.key, r.thresholds, r.severity, valueOf(r.result)]);
    expect(summary(judged)).to.deep.equal(summary(read));
    expect(summary(judged).find(([k]) => k === 'pg.longest_query_s')).to.deep.equal(['pg.longest_query_s', { operator: '>=', warning: 100, critical: 1800 }, 'warning', 120]);
  });

  it('is unusable for another engine or another catalogue', () => {
    const digest = digestOf(pgInput());
    expect(digestUsable(digest, 'postgres')).to.equal(true);
    expect(digestUsable(digest, 'clickhouse')).to.equal(false);
    expect(digestUsable({ ...digest, catalogue: 'older' }, 'postgres')).to.equal(false);
  });
});
