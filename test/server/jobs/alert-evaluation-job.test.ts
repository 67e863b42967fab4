import { expect } from 'chai';
import { AlertEvents, type AlertEvent } from '../../../server/src/engines/alerts/alert-events.js';
import type { MetricInput } from '../../../server/src/engines/catalogue/index.js';
import { AlertEvaluationJob } from '../../../server/src/jobs/alert-evaluation-job.js';
import { createLogger } from '../../../server/src/logger.js';
import type { EvaluationTarget } from '../../../server/src/storage/meta/alerts-repository.js';
import type { MetaStore } from '../../../server/src/storage/meta/meta-store.js';
import { META_BACKENDS, useBackend } from '../../helpers/backends.js';
import { NOW, pgInput, session } from '../engines/engine-fixtures.js';

const blocked = (): MetricInput =>
  pgInput({ activity: { ts: NOW, sessions_listed: 2, sessions_omitted: 0, sessions: [session({ pid: 1, state: 'idle in transaction' }), session({ pid: 2, blocking_pids: [1], state_duration_ms: 5000 })] } });
const healthy = (): MetricInput => pgInput();

/**
 * Alert evaluation over the real metadata store (PostgreSQL: the multi-process backend): opened once
 * while the condition holds, resolved when it clears, cooldown respected, and two evaluators (two
 * processes' jobs, each its own lease owner) racing on one database open one alert.
 */
describe('alert evaluation job (postgres metadata)', () => {
  const meta = useBackend(META_BACKENDS.find((b) => b.name === 'postgres')!);
  let store: MetaStore;
  let db: EvaluationTarget;
  let input: MetricInput;
  const events: AlertEvent[] = [];
  const bus = new AlertEvents();
  bus.on('opened', (e) => events.push(e));
  bus.on('resolved', (e) => events.push(e));
  const logger = createLogger('silent');

  function job(owner: string): AlertEvaluationJob {
    return new AlertEvaluationJob({ meta: store, inputs: { forDatabase: async () => input, forDatabases: async (dbs) => new Map(dbs.map((d) => [d.id, input])) }, events: bus, logger, intervalMs: 60_000, owner });
  }

  before(async () => {
    store = meta();
    const org = (await store.createOrganizationWithUser({ orgName: 'E', email: 'e@e.io', name: 'e', passwordHash: 'h' })).org.id;
    db = await store.createDatabase({ orgId: org, name: 'shop', engine: 'postgres', engineVersion: '15.4', host: 'h', port: 5432, tags: {}, at: new Date(NOW).toISOString() });
  });

  it('opens one alert per condition across two racing evaluators, keeps it while true, resolves it when cleared', async () => {
    input = blocked();
    const [a, b] = [job('process-a'), job('process-b')];
    const outcomes = await Promise.all([a.evaluate(db, NOW), b.evaluate(db, NOW), a.evaluate(db, NOW), b.evaluate(db, NOW)]);
    expect(outcomes.reduce((n, o) => n + o.opened, 0)).to.equal(1);
    const open = await store.alerts.listOpenAlerts(db.org_id, db.id);
    expect(open.map((x) => x.rule_id)).to.deep.equal(['builtin:pg.blocked_queries:warning']);
    expect(open[0]).to.deep.include({ delivery_status: 'pending', value: 1, object_key: '' });
    expect(events.map((e) => e.alert.rule_id)).to.deep.equal(['builtin:pg.blocked_queries:warning']);

    // Still true: kept, never a second.
    for (let i = 1; i <= 3; i += 1) expect((await a.evaluate(db, NOW + i * 15_000)).opened).to.equal(0);
    expect(await store.alerts.listOpenAlerts(db.org_id, db.id)).to.have.length(1);

    input = healthy();
    const cleared = await b.evaluate(db, NOW + 60_000);
    expect(cleared).to.deep.include({ evaluated: true, resolved: 1, opened: 0 });
    expect(await store.alerts.listOpenAlerts(db.org_id, db.id)).to.deep.equal([]);
    expect(events.map((e) => e.alert.status)).to.deep.equal(['active', 'resolved']);
  });

  it('opens a recurrence within the cooldown without notifying (suppressed), and after it as pending', async () => {
    input = blocked();
    await job('a').evaluate(db, NOW + 120_000);
    const [again] = await store.alerts.listOpenAlerts(db.org_id, db.id);
    expect(again!.delivery_status, 'within 300 s of the previous opening').to.equal('suppressed');
    input = healthy();
    await job('a').evaluate(db, NOW + 130_000);
    input = blocked();
    await job('a').evaluate(db, NOW + 120_000 + 301_000);
    const [later] = await store.alerts.listOpenAlerts(db.org_id, db.id);
    expect(later!.delivery_status).to.equal('pending');
  });

  it('judges at the organization edits: a disabled built-in resolves its alert, a custom rule opens its own', async () => {
    await store.alerts.putRuleOverride(db.org_id, 'builtin:pg.blocked_queries:warning', { enabled: false }, new Date().toISOString());
    const rule = await store.alerts.createCustomRule(
      { org_id: db.org_id, name: 'any blocked', metric_key: 'pg.blocked_queries', operator: '>', threshold: 0, severity: 'critical', cooldown_sec: 0, enabled: true, database_id: db.id },
      new Date().toISOString(),
    );
    const outcome = await job('a').evaluate(db, NOW + 900_000);
    expect(outcome).to.deep.include({ opened: 1, resolved: 1 });
    const open = await store.alerts.listOpenAlerts(db.org_id, db.id);
    expect(open.map((x) => [x.rule_id, x.rule_name, x.severity])).to.deep.equal([[rule.id, 'any blocked', 'critical']]);
  });

  it('a tick chunk takes its databases\' leases in one statement: of two racing processes each database is evaluated by one, and one alert opens', async () => {
    // An organization of its own: the tests above edited the first one's rules.
    const org = (await store.createOrganizationWithUser({ orgName: 'Chunk', email: 'chunk@e.io', name: 'c', passwordHash: 'h' })).org.id;
    events.length = 0;
    const chunk = await Promise.all(['c1', 'c2', 'c3'].map((name) => store.createDatabase({ orgId: org, name, engine: 'postgres', engineVersion: '15.4', host: 'h', port: 5432, tags: {}, at: new Date(NOW).toISOString() })));
    input = blocked();
    const [a, b] = [job('chunk-a'), job('chunk-b')];
    const [ra, rb] = await Promise.all([a.evaluateMany(chunk, NOW), b.evaluateMany(chunk, NOW)]);
    for (const d of chunk) expect(Number(ra.get(d.id)!.evaluated) + Number(rb.get(d.id)!.evaluated), d.name).to.equal(1);
    const opened = await store.alerts.listOpenAlerts(org);
    expect(opened.map((x) => x.database_id).sort()).to.deep.equal(chunk.map((d) => d.id).sort());
    // The leases are released: a second tick evaluates every database again and opens nothing more.
    const again = await a.evaluateMany(chunk, NOW + 1000);
    expect([...again.values()].map((o) => [o.evaluated, o.opened])).to.deep.equal(chunk.map(() => [true, 0]));
    input = healthy();
    const cleared = await b.evaluateMany(chunk, NOW + 2000);
    expect([...cleared.values()].reduce((n, o) => n + o.resolved, 0)).to.equal(chunk.length);
    await Promise.all(chunk.map((d) => store.deleteDatabase(org, d.id)));
  });

});
