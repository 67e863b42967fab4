import { expect } from 'chai';
import type { AlertEvent } from '../../../server/src/engines/alerts/alert-events.js';
import { CATALOGUE } from '../../../server/src/engines/catalogue/index.js';
import { healthScoresKind } from '../../../server/src/storage/telemetry/kinds/health-scores-kind.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

/** /alerts (ClusterSight's API): rules, history, summary, detail, acknowledge/snooze/escalate, scopes and tenancy. */
describe('API: /alerts', () => {
  let t: TestServer;
  let token: string;
  let readKey: string;
  let orgId: string;
  let dbId: string;
  let other: { token: string };
  const api = (method: string, path: string, body?: unknown, auth: { token?: string; apiKey?: string } = { token }) => t.request(method, `/api/v1${path}`, { ...auth, body });

  before(async () => {
    t = await startTestServer();
    const s = await t.signup('alerts');
    token = s.accessToken;
    orgId = s.orgId;
    readKey = await t.createKey(token, 'read');
    dbId = (await api('POST', '/databases', { name: 'shop', engine: 'postgres', host: 'db.internal', port: 5432 })).body.id;
    other = { token: (await t.signup('alerts-other')).accessToken };
  });
  after(async () => {
    await t.close();
  });

  async function openAlert(severity: 'warning' | 'critical', ruleId = `builtin:pg.blocked_queries:${severity}`) {
    return (await t.server.context.meta.alerts.openAlert({
      org_id: orgId,
      database_id: dbId,
      rule_id: ruleId,
      rule_name: 'Blocked queries',
      metric_key: 'pg.blocked_queries',
      severity,
      operator: '>=',
      threshold: 1,
      value: 2,
      object_key: '',
      object_label: 'pid 42',
      opened_at: new Date().toISOString(),
      delivery_status: 'pending',
    }))!;
  }

  it('lists the catalogue as metric keys and its levels as built-in rules', async () => {
    const metrics = await api('GET', '/alerts/rules/metrics', undefined, { apiKey: readKey });
    expect(metrics.status).to.equal(200);
    expect(metrics.body.metrics.map((m: { key: string }) => m.key)).to.deep.equal(CATALOGUE.map((e) => e.key));
    const rules = (await api('GET', '/alerts/rules')).body.rules;
    expect(rules.find((r: { id: string }) => r.id === 'builtin:ch.max_parts_per_partition:warning')).to.deep.include({ rule_type: 'built_in', threshold: 150, severity: 'warning', enabled: true, cooldown_sec: 300 });
  });

  it('edits built-in rules (only their editable fields) and refuses to delete them with 409 ALERT_RULE_BUILT_IN', async () => {
    const id = encodeURIComponent('builtin:ch.max_parts_per_partition:warning');
    const put = await api('PUT', `/alerts/rules/${id}`, { threshold: 120, cooldown_sec: 60, enabled: false });
    expect(put.status).to.equal(200);
    expect(put.body).to.deep.include({ threshold: 120, cooldown_sec: 60, enabled: false, severity: 'warning' });
    const partial = await api('PUT', `/alerts/rules/${id}`, { enabled: true });
    expect(partial.body).to.deep.include({ threshold: 120, cooldown_sec: 60, enabled: true });
    const bad = await api('PUT', `/alerts/rules/${id}`, { name: 'mine' });
    expect(bad.status).to.equal(400);
    expect(bad.body.body_field).to.equal('name');
    const del = await api('DELETE', `/alerts/rules/${id}`);
    expect(del.status).to.equal(409);
    expect(del.body.code).to.equal('ALERT_RULE_BUILT_IN');
    expect((await api('PUT', `/alerts/rules/${id}`, { threshold: 1 }, { apiKey: readKey })).status, 'a read key').to.equal(403);
    // Another organization still sees the catalogue's level.
    const theirs = (await api('GET', '/alerts/rules', undefined, other)).body.rules.find((r: { id: string }) => r.id === 'builtin:ch.max_parts_per_partition:warning');
    expect(theirs.threshold).to.equal(150);
  });

  it('creates, updates and deletes custom rules, checking the metric key and the database', async () => {
    const created = await api('POST', '/alerts/rules', { name: 'Disk', metric_key: 'pg.connections_used_pct', operator: '>', threshold: 70, severity: 'warning', cooldown_sec: 3600, database_id: dbId });
    expect(created.status).to.equal(201);
    expect(created.body).to.deep.include({ rule_type: 'custom', name: 'Disk', database_id: dbId, enabled: true });
    const unknown = await api('POST', '/alerts/rules', { name: 'x', metric_key: 'disk.usage_pct', operator: '>', threshold: 1, severity: 'warning' });
    expect(unknown.status).to.equal(400);
    expect(unknown.body.body_field).to.equal('metric_key');
    const wrongEngine = await api('POST', '/alerts/rules', { name: 'x', metric_key: 'ch.detached_parts', operator: '>', threshold: 1, severity: 'warning', database_id: dbId });
    expect(wrongEngine.status).to.equal(400);
    const badOp = await api('POST', '/alerts/rules', { name: 'x', metric_key: 'pg.blocked_queries', operator: '=>', threshold: 1, severity: 'warning' });
    expect(badOp.body.body_field).to.equal('operator');
    const updated = await api('PUT', `/alerts/rules/${created.body.id}`, { threshold: 80, operator: '>=' });
    expect(updated.body).to.deep.include({ threshold: 80, operator: '>=', cooldown_sec: 3600, name: 'Disk' });
    expect((await api('PUT', `/alerts/rules/${created.body.id}`, { threshold: 1 }, other)).status, "another org's rule").to.equal(404);
    expect((await api('DELETE', `/alerts/rules/${created.body.id}`, undefined, other)).status).to.equal(404);
    expect((await api('DELETE', `/alerts/rules/${created.body.id}`)).body).to.deep.equal({ id: created.body.id, deleted: true });
    expect((await api('DELETE', `/alerts/rules/${created.body.id}`)).status).to.equal(404);
  });

  it('serves history with filters, the summary and the detail with the fix to run', async () => {
    const warning = await openAlert('warning');
    const critical = await openAlert('critical');
    const summary = await api('GET', '/alerts/summary', undefined, { apiKey: readKey });
    expect(summary.body).to.deep.equal({ count: 2, critical: 1, warning: 1 });
    const history = await api('GET', '/alerts/history?status=active&severity=critical&hours=24');
    expect(history.body.alerts.map((a: { id: string }) => a.id)).to.deep.equal([critical.id]);
    expect(history.body.total).to.equal(1);
    expect((await api('GET', `/alerts/history?database_id=${dbId}&limit=1&offset=1`)).body.alerts).to.have.length(1);
    for (const bad of ['hours=0', 'hours=169', 'limit=201', 'status=open', 'severity=info', 'offset=-1']) {
      expect((await api('GET', `/alerts/history?${bad}`)).status, bad).to.equal(400);
    }
    // Health evaluations stored the metric's value before and since the alert opened; one from 2 h before is outside its window, and one without the metric adds no point.
    const now = Date.now();
    const evaluation = (agoMs: number, metrics: Record<string, number>) => ({
      org_id: orgId, database_id: dbId, ts: now - agoMs, score: 90, uncapped_score: 90, grade: 'A-', components: '{}', metrics: JSON.stringify(metrics),
    });
    await t.server.context.telemetry.insertRecords(healthScoresKind, [
      evaluation(2 * 3600_000, { 'pg.blocked_queries': 9 }),
      evaluation(10 * 60_000, { 'pg.blocked_queries': 0 }),
      evaluation(5 * 60_000, { 'pg.longest_query_s': 3 }),
      evaluation(1000, { 'pg.blocked_queries': 2 }),
    ]);
    const detail = await api('GET', `/alerts/${warning.id}`);
    expect(detail.status).to.equal(200);
    expect(detail.body.metric_history.map((p: { value: number }) => p.value)).to.deep.equal([0, 2]);
    expect(Date.parse(detail.body.metric_history[1].ts)).to.equal(now - 1000);
    expect(detail.body).to.include({ status: 'active', metric_key: 'pg.blocked_queries', object_label: 'pid 42', delivery_status: 'pending' });
    expect(detail.body.fix_command).to.be.a('string').and.not.empty;
    expect((await api('GET', `/alerts/${warning.id}`, undefined, other)).status, "another org's alert").to.equal(404);
  });

  it('acknowledges, snoozes and escalates (emitting escalated for the notifier), admin only', async () => {
    const alert = await openAlert('warning', 'builtin:pg.longest_query_s:warning');
    const escalated: AlertEvent[] = [];
    t.server.context.alertEvents.on('escalated', (e) => escalated.push(e));
    expect((await api('POST', `/alerts/${alert.id}/acknowledge`, undefined, { apiKey: readKey })).status).to.equal(403);
    expect((await api('POST', `/alerts/${alert.id}/acknowledge`, undefined, other)).status).to.equal(404);
    const ack = await api('POST', `/alerts/${alert.id}/acknowledge`);
    expect(ack.body).to.include({ status: 'acknowledged' });
    const snooze = await api('POST', `/alerts/${alert.id}/snooze`, { duration_minutes: 60 });
    expect(snooze.status).to.equal(200);
    expect(snooze.body.rule_id).to.equal('builtin:pg.longest_query_s:warning');
    expect(Date.parse(snooze.body.snoozed_until) - Date.now()).to.be.within(59 * 60_000, 61 * 60_000);
    expect((await api('GET', `/alerts/${alert.id}`)).body.status).to.equal('snoozed');
    expect((await api('GET', '/alerts/history?status=snoozed')).body.alerts.map((a: { id: string }) => a.id)).to.deep.equal([alert.id]);
    expect((await api('POST', `/alerts/${alert.id}/snooze`, { duration_minutes: 0 })).status).to.equal(400);
    const esc = await api('POST', `/alerts/${alert.id}/escalate`);
    expect(esc.body).to.include({ delivery_status: 'pending' });
    expect(esc.body.escalated_at).to.be.a('string');
    expect(escalated.map((e) => e.alert.id)).to.deep.equal([alert.id]);
  });

  it("removes a database's alerts with it", async () => {
    const alert = await openAlert('critical', 'builtin:pg.xid_age_pct:critical');
    expect((await api('DELETE', `/databases/${dbId}`)).status).to.be.oneOf([200, 204]);
    expect((await api('GET', `/alerts/${alert.id}`)).status).to.equal(404);
    expect((await api('GET', '/alerts/summary')).body.count).to.equal(0);
  });
});
