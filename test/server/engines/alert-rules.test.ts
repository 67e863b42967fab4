import { expect } from 'chai';
import { builtInRuleId, builtInRules, evaluateRules, thresholdOverrides, type AlertRule, type OpenAlert } from '../../../server/src/engines/alerts/alert-rules.js';
import { readMetrics } from '../../../server/src/engines/catalogue/index.js';
import { NOW, chInput, pgInput, session } from './engine-fixtures.js';

const DB = 'db-1';
const RULES = builtInRules();

function partsInput(...tables: [string, number][]) {
  return chInput({ parts: { tables: tables.map(([table, parts]) => ({ database: 'analytics', table, active_parts: parts, max_parts_in_partition: parts })) } });
}

function evaluate(input: ReturnType<typeof chInput>, open: OpenAlert[] = [], rules: readonly AlertRule[] = RULES) {
  return evaluateRules({ databaseId: DB, engine: input.engine, readings: readMetrics(input), rules, open });
}

describe('engines/alerts', () => {
  it('derives one built-in rule per metric level, with edits applied, and the levels back from them', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids).to.include.members([builtInRuleId('ch.max_parts_per_partition', 'warning'), builtInRuleId('ch.max_parts_per_partition', 'critical'), 'builtin:pg.inactive_slots:critical']);
    expect(ids).to.not.include('builtin:pg.inactive_slots:warning');
    const edited = builtInRules({ 'builtin:pg.connections_used_pct:warning': { threshold: 60 }, 'builtin:pg.connections_used_pct:critical': { enabled: false } });
    expect(thresholdOverrides(edited)['pg.connections_used_pct']).to.deep.equal({ warning: 60, critical: null });
  });

  it('opens one alert per object breaching, keeps it while true, resolves it when cleared', () => {
    const first = evaluate(partsInput(['events', 200], ['sessions', 160], ['small', 10]));
    expect(first.open.map((a) => [a.rule_id, a.object_key, a.severity, a.value])).to.deep.equal([
      ['builtin:ch.max_parts_per_partition:warning', 'table:analytics.events', 'warning', 200],
      ['builtin:ch.max_parts_per_partition:warning', 'table:analytics.sessions', 'warning', 160],
    ]);
    const open: OpenAlert[] = first.open.map((a, i) => ({ id: `a${i}`, rule_id: a.rule_id, database_id: DB, object_key: a.object_key, severity: a.severity }));

    const still = evaluate(partsInput(['events', 210], ['sessions', 100]), open);
    expect(still.open).to.deep.equal([]);
    expect(still.keep).to.deep.equal([{ alert_id: 'a0', value: 210 }]);
    expect(still.resolve).to.deep.equal([{ alert_id: 'a1', reason: 'cleared', value: 100 }]);
  });

  it('a critical firing supersedes the built-in warning of the same metric and object', () => {
    const open: OpenAlert[] = [{ id: 'w', rule_id: 'builtin:ch.max_parts_per_partition:warning', database_id: DB, object_key: 'table:analytics.events', severity: 'warning' }];
    const d = evaluate(partsInput(['events', 350]), open);
    expect(d.open.map((a) => [a.rule_id, a.object_key])).to.deep.equal([['builtin:ch.max_parts_per_partition:critical', 'table:analytics.events']]);
    expect(d.resolve).to.deep.equal([{ alert_id: 'w', reason: 'superseded', value: 350 }]);
  });

  it('keeps an open alert while its metric is unavailable: missing data proves nothing', () => {
    const open: OpenAlert[] = [{ id: 'd', rule_id: 'builtin:ch.disk_usage_pct:warning', database_id: DB, object_key: 'disk:default', severity: 'warning' }];
    const d = evaluate(chInput({ disks: null }), open);
    expect(d).to.deep.equal({ open: [], keep: [{ alert_id: 'd', value: null }], resolve: [] });
  });

  it('fires database-wide for count metrics and names the objects in the label', () => {
    const input = pgInput({ activity: { ts: NOW, sessions_listed: 2, sessions_omitted: 0, sessions: [session({ pid: 1, state: 'idle in transaction' }), session({ pid: 2, blocking_pids: [1], state_duration_ms: 5000 })] } });
    const d = evaluateRules({ databaseId: DB, engine: 'postgres', readings: readMetrics(input), rules: RULES, open: [] });
    expect(d.open).to.have.length(1);
    expect(d.open[0]).to.include({ rule_id: 'builtin:pg.blocked_queries:warning', object_key: '', value: 1, threshold: 1 });
    expect(d.open[0]!.object_label).to.contain('pid 2 blocked by pid 1');
  });

  it('evaluates custom rules with every operator, scoped to a database when they say so', () => {
    const rule = (id: string, operator: AlertRule['operator'], threshold: number, database_id: string | null = null): AlertRule => ({ id, metric_key: 'ch.uptime_s', operator, threshold, severity: 'critical', enabled: true, built_in: false, database_id });
    const custom = [rule('gt', '>', 86_399), rule('ge', '>=', 86_400), rule('lt', '<', 86_400), rule('le', '<=', 86_400), rule('eq', '==', 86_400), rule('ne', '!=', 86_400), rule('other-db', '>', 0, 'db-2'), rule('this-db', '>', 0, DB)];
    const d = evaluate(chInput(), [], custom);
    expect(d.open.map((a) => a.rule_id)).to.have.members(['gt', 'ge', 'le', 'eq', 'this-db']);
    // A PostgreSQL metric's rule never fires on ClickHouse.
    const pgRule: AlertRule = { id: 'pg', metric_key: 'pg.blocked_queries', operator: '>=', threshold: 0, severity: 'warning', enabled: true, built_in: false };
    expect(evaluate(chInput(), [], [pgRule]).open).to.deep.equal([]);
  });

  it('resolves alerts of disabled or deleted rules and a duplicate of one (rule, object)', () => {
    const custom: AlertRule = { id: 'c1', metric_key: 'ch.uptime_s', operator: '>', threshold: 0, severity: 'warning', enabled: false, built_in: false };
    const open: OpenAlert[] = [
      { id: 'x', rule_id: 'c1', database_id: DB, object_key: '', severity: 'warning' },
      { id: 'y', rule_id: 'gone', database_id: DB, object_key: '', severity: 'warning' },
      { id: 'p1', rule_id: 'builtin:ch.max_parts_per_partition:warning', database_id: DB, object_key: 'table:analytics.events', severity: 'warning' },
      { id: 'p2', rule_id: 'builtin:ch.max_parts_per_partition:warning', database_id: DB, object_key: 'table:analytics.events', severity: 'warning' },
    ];
    const d = evaluate(partsInput(['events', 200]), open, [...RULES, custom]);
    expect(d.open).to.deep.equal([]);
    expect(d.keep).to.deep.equal([{ alert_id: 'p1', value: 200 }]);
    expect(d.resolve).to.deep.equal([
      { alert_id: 'x', reason: 'rule_disabled', value: null },
      { alert_id: 'y', reason: 'rule_removed', value: null },
      { alert_id: 'p2', reason: 'duplicate', value: 200 },
    ]);
  });
});
