import { expect } from 'chai';
import { readMetrics, type MetricReading } from '../../../server/src/engines/catalogue/index.js';
import { gradeOf, healthScore, trendOf } from '../../../server/src/engines/health/health-score.js';
import { metricScore, wellBeyond } from '../../../server/src/engines/health/metric-score.js';
import { NOW, chInput, pgInput } from './engine-fixtures.js';

const ABOVE = { operator: '>=' as const, warning: 75, critical: 90 };
const BELOW = { operator: '<' as const, warning: 99, critical: 98 };
const opts = { openAlerts: [], previousScore: null, calculatedAt: NOW };

describe('engines/health', () => {
  it('interpolates 100 at ok, 70 at warning, 30 at critical, 0 well beyond', () => {
    expect(metricScore(10, ABOVE, 50, null)).to.equal(100);
    expect(metricScore(50, ABOVE, 50, null)).to.equal(100);
    expect(metricScore(62.5, ABOVE, 50, null)).to.equal(85);
    expect(metricScore(75, ABOVE, 50, 'warning')).to.equal(70);
    expect(metricScore(82.5, ABOVE, 50, 'warning')).to.equal(50);
    expect(metricScore(90, ABOVE, 50, 'critical')).to.equal(30);
    expect(wellBeyond(ABOVE, 50)).to.equal(105);
    expect(metricScore(97.5, ABOVE, 50, 'critical')).to.equal(15);
    expect(metricScore(200, ABOVE, 50, 'critical')).to.equal(0);
  });

  it('mirrors for lower-is-worse metrics and for a single level', () => {
    expect(metricScore(99.75, BELOW, 99.5, null)).to.equal(100);
    expect(metricScore(98.5, BELOW, 99.5, 'warning')).to.equal(50);
    expect(wellBeyond(BELOW, 99.5)).to.equal(97);
    expect(metricScore(97.5, BELOW, 99.5, 'critical')).to.equal(15);
    const slots = { operator: '>=' as const, warning: null, critical: 1 };
    expect(wellBeyond(slots, 0)).to.equal(2);
    expect(metricScore(1, slots, 0, 'critical')).to.equal(30);
    const uptime = { operator: '<' as const, warning: 180, critical: null };
    expect(metricScore(600, uptime, 180, null)).to.equal(100);
    expect(metricScore(90, uptime, 180, 'warning')).to.equal(35);
    expect(metricScore(1, uptime, 180, 'warning')).to.equal(30);
  });

  it("keeps a score inside its severity's band", () => {
    // '>' at 50: exactly 50 is not a breach, so it stays at the ok band's floor.
    expect(metricScore(50, { operator: '>', warning: 50, critical: null }, 20, null)).to.equal(70);
    expect(metricScore(1000, { operator: '>=', warning: 1, critical: null }, 0, 'warning')).to.equal(30);
  });

  it('grades at the published boundaries', () => {
    const cases: [number, string][] = [[100, 'A+'], [97, 'A+'], [96.9, 'A'], [93, 'A'], [90, 'A-'], [87, 'B+'], [83, 'B'], [80, 'B-'], [79.9, 'C+'], [77, 'C+'], [73, 'C'], [70, 'C-'], [67, 'D+'], [63, 'D'], [60, 'D-'], [59.9, 'F'], [0, 'F']];
    for (const [score, grade] of cases) expect(gradeOf(score), String(score)).to.equal(grade);
  });

  it('reads a trend outside a 2-point dead band', () => {
    expect(trendOf(80, null)).to.equal('stable');
    expect(trendOf(81.9, 80)).to.equal('stable');
    expect(trendOf(78.1, 80)).to.equal('stable');
    expect(trendOf(82, 80)).to.equal('improving');
    expect(trendOf(78, 80)).to.equal('degrading');
  });

  it("scores a healthy database 100 in ClusterSight's shape, every component listing its metrics with levels", () => {
    const h = healthScore('postgres', readMetrics(pgInput()), { ...opts, previousScore: 97 });
    expect(h).to.include({ overall_score: 100, grade: 'A+', trend: 'improving', previous_score: 97, capped_at: null, calculated_at: new Date(NOW).toISOString() });
    expect(Object.keys(h.components)).to.have.members(['connections', 'queries', 'storage', 'maintenance', 'replication']);
    expect(h.components.connections!.metrics.find((m) => m.key === 'pg.connections_used_pct')).to.deep.include({ value: 32, score: 100, status: 'ok', operator: '>=', warning: 75, critical: 90 });
    const ch = healthScore('clickhouse', readMetrics(chInput()), opts);
    expect(Object.keys(ch.components)).to.have.members(['parts_merges', 'replication', 'queries', 'storage', 'infrastructure']);
    expect(ch.components.parts_merges!.label).to.equal('Parts & merges');
  });

  it('scores a component by its worst metric and weighs the components', () => {
    // connections at 82.5 % → 50; everything else 100 → (20 × 50 + 80 × 100) / 100 = 90.
    const input = pgInput({ database_stats: { databases: [{ datname: 'shop', numbackends: 82.5, xid_age: 1, blks_hit: 1000, blks_read: 0, has_deltas: true }] } });
    const h = healthScore('postgres', readMetrics(input), opts);
    expect(h.components.connections).to.include({ score: 50, status: 'warning' });
    expect(h.overall_score).to.equal(90);
    expect(h.grade).to.equal('A-');
  });

  it('caps at 79 while a warning alert is open and 49 while a critical one is', () => {
    const readings = readMetrics(pgInput());
    expect(healthScore('postgres', readings, { ...opts, openAlerts: [{ severity: 'warning' }] })).to.include({ overall_score: 79, uncapped_score: 100, capped_at: 79, grade: 'C+' });
    expect(healthScore('postgres', readings, { ...opts, openAlerts: [{ severity: 'warning' }, { severity: 'critical' }] })).to.include({ overall_score: 49, capped_at: 49, grade: 'F' });
  });

  it('leaves unavailable metrics out, and a component with none available out of the mean', () => {
    const alone = pgInput({ replication: null, checkpoints: null, sequences: null, invalid_indexes: null });
    const h = healthScore('postgres', readMetrics(alone), opts);
    expect(h.components.replication).to.include({ score: null, status: 'unavailable' });
    expect(h.components.replication!.metrics.every((m) => m.value === null && m.reason)).to.equal(true);
    expect(h.components.storage).to.include({ score: null });
    // A bad metric in a weighted component still counts at its own weight: connections (20) at 50 among connections, queries, maintenance (60).
    const busy = pgInput({ replication: null, checkpoints: null, sequences: null, invalid_indexes: null, database_stats: { databases: [{ datname: 'shop', numbackends: 82.5, xid_age: 1, blks_hit: 1000, blks_read: 0, has_deltas: true }] } });
    expect(healthScore('postgres', readMetrics(busy), opts).overall_score).to.equal(83.3);
  });

  it('has no score when nothing is available yet', () => {
    const none: MetricReading[] = readMetrics(pgInput({ activity: null, locks: null, database_stats: null, settings: null, tables: null, invalid_indexes: null, sequences: null, replication: null, checkpoints: null }, { agent_last_seen_ms: null }));
    expect(healthScore('postgres', none, opts)).to.include({ overall_score: null, grade: null, trend: 'stable' });
  });
});
