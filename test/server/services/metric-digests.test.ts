import { expect } from 'chai';
import { AlertEvents } from '../../../server/src/engines/alerts/alert-events.js';
import type { Derived, MetricInput } from '../../../server/src/engines/catalogue/index.js';
import { AlertEvaluationJob } from '../../../server/src/jobs/alert-evaluation-job.js';
import { createLogger } from '../../../server/src/logger.js';
import { metricDigests, type MetricDigests } from '../../../server/src/services/metric-digests.js';
import type { EvaluationTarget } from '../../../server/src/storage/meta/alerts-repository.js';
import type { MetaStore } from '../../../server/src/storage/meta/meta-store.js';
import type { MetricInputs } from '../../../server/src/storage/telemetry/reads/metric-inputs.js';
import { META_BACKENDS, useBackend } from '../../helpers/backends.js';
import { NOW, pgInput, session } from '../engines/engine-fixtures.js';

const blocked = (now: number): MetricInput =>
  pgInput({ activity: { ts: now, sessions_listed: 2, sessions_omitted: 0, sessions: [session({ pid: 1, state: 'idle in transaction' }), session({ pid: 2, blocking_pids: [1], state_duration_ms: 5000 })] } }, { now_ms: now });
const healthy = (now: number): MetricInput => pgInput({}, { now_ms: now });

function valueOf(d: Derived | undefined): number | string | undefined {
  return d && ('value' in d ? d.value : d.unavailable);
}

/**
 * Metric digests over the real metadata stores: what a read of a database's telemetry stores, the
 * tick judges without reading again (a database with none is read once, which stores it), and the
 * alert job's tick opens and resolves alerts from them as it did from reads.
 */
for (const backend of META_BACKENDS) {
  describe(`services/metric digests: ${backend.name}`, () => {
    const meta = useBackend(backend);
    let store: MetaStore;
    let dbs: EvaluationTarget[];
    /** What the telemetry holds for each database now, and the reads made of it. */
    const telemetry = new Map<string, (now: number) => MetricInput>();
    const reads: string[] = [];
    const logger = createLogger('silent');
    let digests: MetricDigests;

    before(async () => {
      store = meta();
      const org = (await store.createOrganizationWithUser({ orgName: 'D', email: `d-${backend.name}@d.io`, name: 'd', passwordHash: 'h' })).org.id;
      const at = new Date(NOW).toISOString();
      const created = await Promise.all(['one', 'two'].map((name) => store.createDatabase({ orgId: org, name, engine: 'postgres', engineVersion: '15.4', host: 'h', port: 5432, tags: {}, at })));
      // Seen at NOW (a batch arrived), as the tick's targets say.
      for (const db of created) await store.touchDatabase(db.id, at);
      dbs = (await store.alerts.evaluationTargets()).filter((t) => t.org_id === org).sort((a, b) => created.findIndex((c) => c.id === a.id) - created.findIndex((c) => c.id === b.id));
      for (const db of dbs) telemetry.set(db.id, healthy);
      const inputs: MetricInputs = {
        forDatabase: async (db, now = NOW) => {
          reads.push(db.id);
          return telemetry.get(db.id)!(now);
        },
        forDatabases: async (list, now = NOW) => {
          reads.push(...list.map((d) => d.id));
          return new Map(list.map((d) => [d.id, telemetry.get(d.id)!(now)]));
        },
      };
      digests = metricDigests({ inputs, digests: store.alerts, agents: store, logger });
    });

    it('reads a database without a digest once, storing it, and judges the stored digest after that', async () => {
      const first = await digests.derivedMany(dbs, NOW);
      expect(reads.sort()).to.deep.equal(dbs.map((d) => d.id).sort());
      reads.length = 0;
      const again = await digests.derivedMany(dbs, NOW + 15_000);
      expect(reads, 'no telemetry read').to.deep.equal([]);
      for (const db of dbs) {
        expect(valueOf(again.get(db.id)!.get('pg.connections_used_pct'))).to.equal(valueOf(first.get(db.id)!.get('pg.connections_used_pct')));
        // The live metric moves with the clock: last seen is the database's last_seen_at (NOW).
        expect(valueOf(again.get(db.id)!.get('agent.disconnected_s'))).to.equal(15);
      }
      // Past the hour with no new batch, the hour's objects are gone, as a read would find them.
      const later = await digests.derivedMany(dbs, NOW + 3_600_001);
      expect(valueOf(later.get(dbs[0]!.id)!.get('pg.dead_tuple_ratio_pct'))).to.match(/received yet/);
      expect(reads).to.deep.equal([]);
    });

    it('stores the digest of every read the stored-batch path makes, which the tick then judges', async () => {
      telemetry.set(dbs[0]!.id, blocked);
      await digests.forDatabase(dbs[0]!, NOW + 20_000);
      reads.length = 0;
      const ticked = await digests.derivedMany(dbs, NOW + 30_000);
      expect(reads).to.deep.equal([]);
      expect(valueOf(ticked.get(dbs[0]!.id)!.get('pg.blocked_queries'))).to.equal(1);
      expect(valueOf(ticked.get(dbs[1]!.id)!.get('pg.blocked_queries'))).to.equal(0);
    });

    it('lets the tick open and resolve alerts from digests alone', async () => {
      const job = new AlertEvaluationJob({ meta: store, inputs: digests, events: new AlertEvents(), logger, intervalMs: 60_000, owner: 'digest-tick' });
      reads.length = 0;
      const opened = await job.evaluateMany(dbs, NOW + 40_000);
      expect([...opened.values()].map((o) => o.opened)).to.deep.equal([1, 0]);
      expect((await store.alerts.listOpenAlerts(dbs[0]!.org_id, dbs[0]!.id)).map((a) => a.rule_id)).to.deep.equal(['builtin:pg.blocked_queries:warning']);
      // The blocker commits; its next batch's evaluation reads it and stores the digest the tick resolves from.
      telemetry.set(dbs[0]!.id, healthy);
      await job.evaluate(dbs[0]!, NOW + 50_000);
      expect(await store.alerts.listOpenAlerts(dbs[0]!.org_id, dbs[0]!.id)).to.deep.equal([]);
      telemetry.set(dbs[0]!.id, blocked);
      await digests.forDatabase(dbs[0]!, NOW + 60_000);
      reads.length = 0;
      const again = await job.evaluateMany(dbs, NOW + 70_000);
      expect([...again.values()].map((o) => o.opened)).to.deep.equal([1, 0]);
      expect(reads, 'the tick read no telemetry').to.deep.equal([]);
    });

    it("takes a tick's agents in one read per organization, the live metric counting from the agent's last seen", async () => {
      const org = dbs[0]!.org_id;
      const other = (await store.createOrganizationWithUser({ orgName: 'E', email: `e-${backend.name}@e.io`, name: 'e', passwordHash: 'h' })).org.id;
      const seen = new Date(NOW + 100_000).toISOString();
      const agent = await store.upsertAgent({ orgId: org, hostname: 'digest-host', agentVersion: '1.0.0', at: seen });
      const foreign = await store.upsertAgent({ orgId: other, hostname: 'digest-host', agentVersion: '1.0.0', at: seen });
      expect((await store.getAgents(org, [agent.id, foreign.id, 'no-such-agent'])).map((a) => a.id)).to.deep.equal([agent.id]);
      const db = await store.upsertDatabase({ orgId: org, name: 'three', engine: 'postgres', engineVersion: '15.4', agentId: agent.id, at: seen });
      telemetry.set(db.id, healthy);
      const target = (await store.alerts.evaluationTargets()).find((t) => t.id === db.id)!;
      await digests.forDatabase(target, NOW + 120_000);
      const derived = (await digests.derivedMany([target], NOW + 130_000)).get(db.id)!;
      expect(valueOf(derived.get('agent.disconnected_s'))).to.equal(30);
    });
  });
}
