import { expect } from 'chai';
import type { NewAlert } from '../../../server/src/storage/meta/alerts-repository.js';
import type { MetaStore } from '../../../server/src/storage/meta/meta-store.js';
import { blockedQueriesAlert } from '../../helpers/alert-fixtures.js';
import { META_BACKENDS, useBackend } from '../../helpers/backends.js';

/** The alerts repository, a contract over both metadata backends. */
for (const backend of META_BACKENDS) {
  describe(`alerts repository: ${backend.name}`, () => {
    const meta = useBackend(backend);
    let store: MetaStore;
    let orgId: string;
    let otherOrg: string;
    let dbId: string;
    let n = 0;
    const T = '2026-03-01T12:00:00.000Z';
    const at = (s: number) => new Date(Date.parse(T) + s * 1000).toISOString();

    before(async () => {
      store = meta();
      orgId = (await store.createOrganizationWithUser({ orgName: 'A', email: `a-${backend.name}@a.io`, name: 'a', passwordHash: 'h' })).org.id;
      otherOrg = (await store.createOrganizationWithUser({ orgName: 'B', email: `b-${backend.name}@b.io`, name: 'b', passwordHash: 'h' })).org.id;
      dbId = (await store.createDatabase({ orgId, name: 'shop', engine: 'postgres', engineVersion: '15', host: 'h', port: 5432, tags: {}, at: T })).id;
    });

    function alert(over: Partial<NewAlert> = {}): NewAlert {
      return blockedQueriesAlert(orgId, dbId, { rule_id: `builtin:pg.blocked_queries:warning:${++n}`, opened_at: T, ...over });
    }

    it('keeps built-in rule edits per organization, merging patches', async () => {
      const id = 'builtin:pg.blocked_queries:warning';
      await store.alerts.putRuleOverride(orgId, id, { threshold: 3 }, T);
      const o = await store.alerts.putRuleOverride(orgId, id, { enabled: false, cooldown_sec: 60 }, at(1));
      expect(o).to.deep.include({ rule_id: id, threshold: 3, enabled: false, cooldown_sec: 60, severity: null, updated_at: at(1) });
      expect(await store.alerts.listRuleOverrides(orgId)).to.have.length(1);
      expect(await store.alerts.listRuleOverrides(otherOrg)).to.deep.equal([]);
    });

    it('creates, updates and deletes custom rules within their organization', async () => {
      const rule = await store.alerts.createCustomRule(
        { org_id: orgId, name: 'Too many', metric_key: 'pg.connections_used_pct', operator: '>', threshold: 70.5, severity: 'warning', cooldown_sec: 3600, enabled: true, database_id: null },
        T,
      );
      expect(rule).to.deep.include({ threshold: 70.5, enabled: true, database_id: null });
      expect(await store.alerts.getCustomRule(otherOrg, rule.id)).to.equal(undefined);
      expect(await store.alerts.updateCustomRule(otherOrg, rule.id, { threshold: 1 }, at(1))).to.equal(undefined);
      const updated = await store.alerts.updateCustomRule(orgId, rule.id, { threshold: 80, enabled: false, database_id: dbId }, at(1));
      expect(updated).to.deep.include({ threshold: 80, enabled: false, database_id: dbId, name: 'Too many', updated_at: at(1) });
      expect(await store.alerts.deleteCustomRule(otherOrg, rule.id)).to.equal(false);
      expect(await store.alerts.deleteCustomRule(orgId, rule.id)).to.equal(true);
      expect(await store.alerts.listCustomRules(orgId)).to.deep.equal([]);
    });

    it('opens one alert per (rule, database, object) while it is open, even under concurrent opens', async () => {
      const a = alert();
      const results = await Promise.all([1, 2, 3, 4].map(() => store.alerts.openAlert(a)));
      expect(results.filter(Boolean)).to.have.length(1);
      const opened = results.find(Boolean)!;
      expect(opened).to.deep.include({ status: 'active', delivery_status: 'pending', delivery_attempts: 0, value: 2 });
      // Another object of the same rule is its own alert.
      expect(await store.alerts.openAlert({ ...a, object_key: 'pid:7' })).to.not.equal(undefined);
      expect(await store.alerts.resolveAlert(opened.id, 'cleared', 0, at(5))).to.deep.include({ status: 'resolved', resolve_reason: 'cleared', value: 0 });
      expect(await store.alerts.resolveAlert(opened.id, 'cleared', 0, at(6)), 'a second resolve').to.equal(undefined);
      // Resolved frees the slot.
      const again = await store.alerts.openAlert({ ...a, opened_at: at(10) });
      expect(again).to.not.equal(undefined);
      expect(await store.alerts.lastOpenedAt(dbId, a.rule_id, '')).to.equal(at(10));
    });

    it('moves through acknowledge, snooze and escalate, and lists by status, severity and window', async () => {
      const a = (await store.alerts.openAlert(alert({ severity: 'critical', opened_at: at(100) })))!;
      const b = (await store.alerts.openAlert(alert({ opened_at: at(101) })))!;
      expect(await store.alerts.acknowledgeAlert(otherOrg, a.id, at(102))).to.equal(undefined);
      expect(await store.alerts.acknowledgeAlert(orgId, a.id, at(102))).to.deep.include({ status: 'acknowledged', acknowledged_at: at(102) });
      expect(await store.alerts.snoozeAlert(orgId, b.id, at(3700))).to.deep.include({ snoozed_until: at(3700), status: 'active' });
      expect(await store.alerts.escalateAlert(orgId, b.id, at(103))).to.deep.include({ escalated_at: at(103), delivery_status: 'pending' });
      await store.alerts.recordDelivery(b.id, { status: 'failed', attempts: 3, last_error: 'channel_not_found', at: at(104) });
      expect(await store.alerts.getAlert(orgId, b.id)).to.deep.include({ delivery_status: 'failed', delivery_attempts: 3, delivery_last_error: 'channel_not_found' });

      const base = { since: at(100), now: at(200), limit: 50, offset: 0 };
      const ids = async (f: Partial<typeof base> & Record<string, unknown>) => (await store.alerts.listAlerts(orgId, { ...base, ...f })).alerts.map((x) => x.id);
      expect(await ids({})).to.deep.equal([b.id, a.id]);
      expect(await ids({ status: 'acknowledged' })).to.deep.equal([a.id]);
      expect(await ids({ status: 'snoozed' })).to.deep.equal([b.id]);
      expect(await ids({ status: 'active' })).to.deep.equal([]);
      expect(await ids({ status: 'active', now: at(4000) }), 'after the snooze ends').to.deep.equal([b.id]);
      expect(await ids({ severity: 'critical' })).to.deep.equal([a.id]);
      expect(await ids({ limit: 1, offset: 1 })).to.deep.equal([a.id]);
      expect((await store.alerts.listAlerts(orgId, { ...base, limit: 1 })).total).to.equal(2);
      expect(await ids({ since: at(101) })).to.deep.equal([b.id]);
      expect((await store.alerts.listAlerts(otherOrg, base)).total).to.equal(0);

      const counts = (await store.alerts.openAlertCounts(orgId)).get(dbId)!;
      expect(counts.critical).to.be.at.least(1);
      expect(counts.total).to.equal(counts.critical + counts.warning);
      const open = await store.alerts.listOpenAlerts(orgId, dbId);
      expect(open.map((x) => x.id)).to.include.members([a.id, b.id]);
      await store.alerts.updateAlertValues([{ id: a.id, value: 9 }], at(150));
      expect(await store.alerts.getAlert(orgId, a.id)).to.deep.include({ value: 9, updated_at: at(150) });
    });

    it("deletes a database's alerts and custom rules with it", async () => {
      const db2 = (await store.createDatabase({ orgId, name: 'gone', engine: 'postgres', engineVersion: '15', host: 'h', port: 5432, tags: {}, at: T })).id;
      const a = (await store.alerts.openAlert(alert({ database_id: db2 })))!;
      const rule = await store.alerts.createCustomRule(
        { org_id: orgId, name: 'one db', metric_key: 'pg.blocked_queries', operator: '>', threshold: 0, severity: 'critical', cooldown_sec: 0, enabled: true, database_id: db2 },
        T,
      );
      expect(await store.deleteDatabase(orgId, db2)).to.equal(true);
      expect(await store.alerts.getAlert(orgId, a.id)).to.equal(undefined);
      expect(await store.alerts.getCustomRule(orgId, rule.id)).to.equal(undefined);
    });

    it('keeps the newest metric digest per database, reads many at once, and deletes it with its database', async () => {
      const db2 = (await store.createDatabase({ orgId, name: 'digested', engine: 'postgres', engineVersion: '15', host: 'h', port: 5432, tags: {}, at: T })).id;
      const t0 = Date.parse(T);
      await store.alerts.putMetricDigests([
        { org_id: orgId, database_id: dbId, derived_at: t0, body: '{"n":1}' },
        { org_id: orgId, database_id: db2, derived_at: t0, body: '{"n":2}' },
      ]);
      // A newer evaluation replaces it; an older one (another process, late) does not.
      await store.alerts.putMetricDigests([{ org_id: orgId, database_id: dbId, derived_at: t0 + 15_000, body: '{"n":3}' }]);
      await store.alerts.putMetricDigests([{ org_id: orgId, database_id: dbId, derived_at: t0 + 5_000, body: '{"n":4}' }]);
      const read = await store.alerts.metricDigests([dbId, db2, 'no-such-database']);
      expect([...read.keys()].sort()).to.deep.equal([dbId, db2].sort());
      expect(read.get(dbId)).to.deep.equal({ org_id: orgId, database_id: dbId, derived_at: t0 + 15_000, body: '{"n":3}' });
      expect(await store.deleteDatabase(orgId, db2)).to.equal(true);
      expect([...(await store.alerts.metricDigests([dbId, db2])).keys()]).to.deep.equal([dbId]);
    });
  });
}
