import { expect } from 'chai';
import type { Finding } from '../../../server/src/engines/advisors/advisor.js';
import type { ScanChanges } from '../../../server/src/engines/advisors/reconcile.js';
import type { MetaStore } from '../../../server/src/storage/meta/meta-store.js';
import { META_BACKENDS, useBackend } from '../../helpers/backends.js';

function finding(name: string, severity: Finding['severity'] = 'low'): Finding {
  return {
    type: 'unused_index',
    severity,
    objectKey: `index/shop/public/orders/${name}`,
    object: { kind: 'index', database: 'shop', schema: 'public', table: 'orders', name },
    title: `Unused index ${name}`,
    message: 'm',
    evidence: { window: { since: 1, until: 2 }, figures: { size_bytes: 5 }, notes: ['n'] },
    runbook: { steps: ['s'], sql: `DROP INDEX CONCURRENTLY "public"."${name}";` },
    impact: { summary: 'i', bytes_reclaimed: 5, time_saved_ms_per_day: null },
  };
}

const NONE: ScanChanges = { created: [], seen: [], closed: [], summary: { findings: 0, new: 0, resolved: 0, applied: 0 } };

/** Scans and recommendations, a contract over both metadata backends. */
for (const backend of META_BACKENDS) {
  describe(`advisors repository: ${backend.name}`, () => {
    const meta = useBackend(backend);
    let store: MetaStore;
    let orgId: string;
    let otherOrg: string;
    let dbId: string;
    const T = '2026-03-01T12:00:00.000Z';
    const at = (s: number) => new Date(Date.parse(T) + s * 1000).toISOString();

    before(async () => {
      store = meta();
      orgId = (await store.createOrganizationWithUser({ orgName: 'A', email: `adv-a-${backend.name}@a.io`, name: 'a', passwordHash: 'h' })).org.id;
      otherOrg = (await store.createOrganizationWithUser({ orgName: 'B', email: `adv-b-${backend.name}@b.io`, name: 'b', passwordHash: 'h' })).org.id;
      dbId = (await store.createDatabase({ orgId, name: 'shop', engine: 'postgres', engineVersion: '15', host: 'h', port: 5432, tags: {}, at: T })).id;
    });

    it('queues one unfinished scan per database, started by exactly one caller, and schedules databases not scanned lately', async () => {
      expect(await store.advisors.databasesDueForScan(at(-1), 10)).to.deep.equal([{ org_id: orgId, id: dbId }]);
      const [a, b] = await Promise.all([store.advisors.requestScan(orgId, dbId, 'manual', T), store.advisors.requestScan(orgId, dbId, 'manual', T)]);
      expect(a.scan.id).to.equal(b.scan.id);
      expect([a.created, b.created].filter(Boolean)).to.have.length(1);
      expect(await store.advisors.databasesDueForScan(at(-1), 10)).to.deep.equal([]);
      expect((await store.advisors.queuedScans(10)).map((s) => s.id)).to.deep.equal([a.scan.id]);
      expect(await Promise.all([store.advisors.startScan(a.scan.id, at(1)), store.advisors.startScan(a.scan.id, at(1))])).to.have.members([true, false]);
      await store.advisors.finishScan(a.scan.id, { status: 'done', summary: { findings: 1, new: 1, resolved: 0, applied: 0 } }, at(2));
      expect(await store.advisors.getScan(orgId, dbId, a.scan.id)).to.deep.include({ status: 'done', started_at: at(1), finished_at: at(2), summary: { findings: 1, new: 1, resolved: 0, applied: 0 } });
      expect(await store.advisors.getScan(otherOrg, dbId, a.scan.id)).to.equal(undefined);
      const next = await store.advisors.requestScan(orgId, dbId, 'schedule', at(3));
      expect(next.created).to.equal(true);
      expect((await store.advisors.listScans(orgId, dbId, 10)).map((s) => s.id)).to.deep.equal([next.scan.id, a.scan.id]);
      await store.advisors.startScan(next.scan.id, at(4));
      expect(await store.advisors.failAbandonedScans(at(5), at(6))).to.equal(1);
      expect(await store.advisors.getScan(orgId, dbId, next.scan.id)).to.deep.include({ status: 'failed' });
    });

    it('keeps a finding as one recommendation across scans and counts applied ones per attribution', async () => {
      const scan = (await store.advisors.requestScan(orgId, dbId, 'manual', at(10))).scan;
      await store.advisors.applyScanChanges(scan, 'postgres', { ...NONE, created: [finding('a_idx', 'low'), finding('b_idx', 'high')] }, at(10));
      const listed = await store.advisors.listRecommendations(orgId, { limit: 10, offset: 0 });
      expect(listed.total).to.equal(2);
      expect(listed.items.map((r) => [r.object.name, r.severity, r.status])).to.deep.equal([['b_idx', 'high', 'open'], ['a_idx', 'low', 'open']]);
      const [b, a] = listed.items as [(typeof listed.items)[0], (typeof listed.items)[0]];
      expect(a.runbook.sql).to.equal('DROP INDEX CONCURRENTLY "public"."a_idx";');
      await store.advisors.applyScanChanges(scan, 'postgres', { ...NONE, seen: [{ id: a.id, finding: { ...finding('a_idx'), title: 'again' }, status: 'open', reopened: false, priorStatus: 'open' }], closed: [{ id: b.id, closure: { outcome: 'applied', reason: 'dropped' }, priorStatus: 'open' }] }, at(20));
      expect(await store.advisors.getRecommendation(orgId, a.id)).to.deep.include({ title: 'again', last_seen_at: at(20), first_seen_at: at(10) });
      expect(await store.advisors.getRecommendation(orgId, b.id)).to.deep.include({ status: 'applied', attribution: 'auto_evidence', closed_reason: 'dropped' });
      expect(await store.advisors.getRecommendation(otherOrg, a.id)).to.equal(undefined);
      expect(await store.advisors.setRecommendationStatus(otherOrg, a.id, { status: 'applied', snoozedUntil: null, at: at(30) })).to.equal(undefined);
      expect(await store.advisors.setRecommendationStatus(orgId, a.id, { status: 'applied', snoozedUntil: null, at: at(30) })).to.deep.include({ status: 'applied', attribution: 'manual' });
      expect(await store.advisors.attributionCounts(orgId)).to.deep.equal({ manual: 1, auto_rule: 0, auto_evidence: 1, webhook: 0 });
      expect(await store.advisors.attributionCounts(otherOrg)).to.deep.equal({ manual: 0, auto_rule: 0, auto_evidence: 0, webhook: 0 });
      // A scan that read a as open before the user marked it applied does not reopen it: the user's change wins.
      await store.advisors.applyScanChanges(scan, 'postgres', { ...NONE, seen: [{ id: a.id, finding: finding('a_idx'), status: 'open', reopened: false, priorStatus: 'open' }] }, at(35));
      expect(await store.advisors.getRecommendation(orgId, a.id)).to.deep.include({ status: 'applied', attribution: 'manual' });
      expect((await store.advisors.listRecommendations(orgId, { status: 'applied', severity: 'high', limit: 10, offset: 0 })).items.map((r) => r.id)).to.deep.equal([b.id]);
      // A snooze that ran out reads as open.
      await store.advisors.setRecommendationStatus(orgId, a.id, { status: 'snoozed', snoozedUntil: '2000-01-01T00:00:00.000Z', at: at(40) });
      expect(await store.advisors.getRecommendation(orgId, a.id)).to.deep.include({ status: 'open', snoozed_until: null });
    });
  });
}
