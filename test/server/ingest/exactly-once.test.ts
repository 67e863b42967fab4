import { expect } from 'chai';
import { uuidv7, type VigilError } from '@vigil/shared';
import { validateBatch, type ValidBatch } from '../../../server/src/ingest/batch-validator.js';
import type { IngestOutcome, IngestQueue } from '../../../server/src/ingest/ingest-queue.js';
import type { Database, MetaStore } from '../../../server/src/storage/meta/meta-store.js';
import { SqlTelemetryStore } from '../../../server/src/storage/telemetry/sql-telemetry-store.js';
import type { TelemetrySqlClient } from '../../../server/src/storage/telemetry/telemetry-sql-client.js';
import { META_BACKENDS, TELEMETRY_SQL_BACKENDS } from '../../helpers/backends.js';
import { FaultyTelemetryClient } from '../../helpers/faulty-telemetry-client.js';
import { FAULT_BATCH_INSERTS, FAULT_BATCH_STORED, faultBatch, faultQueue, resend, storedCounts } from '../../helpers/ingest-faults.js';
import { Gate, intercept, until } from './store-controls.js';

/**
 * Exactly once under half-failed writes (issue 14): whatever fails between a batch's inserts, the
 * agent's re-send leaves every table holding the batch once. On every metadata × telemetry pair.
 * The process killed between inserts is in ingest-crash.test.ts.
 */
for (const metaBackend of META_BACKENDS) {
  for (const telemetryBackend of TELEMETRY_SQL_BACKENDS) {
    describe(`exactly once under faults: ${metaBackend.name} + ${telemetryBackend.name}`, () => {
      const openMeta = metaBackend.setup();
      const openClient = telemetryBackend.setup();
      let disposals: Array<() => Promise<void>> = [];
      let meta: MetaStore;
      let client: TelemetrySqlClient;
      let faulty: FaultyTelemetryClient;
      let telemetry: SqlTelemetryStore;
      let orgId: string;
      let agentId: string;
      let db: Database;

      before(async () => {
        const m = await openMeta();
        const c = await openClient();
        disposals = [m.dispose, c.dispose];
        meta = m.store;
        client = c.store;
        faulty = new FaultyTelemetryClient(client);
        telemetry = new SqlTelemetryStore(faulty);
        await telemetry.migrate();
        const { org } = await meta.createOrganizationWithUser({ orgName: 'Faults', email: 'f@example.com', name: 'F', passwordHash: 'unused' });
        orgId = org.id;
        agentId = (await meta.upsertAgent({ orgId, hostname: 'h', agentVersion: 't', at: new Date().toISOString() })).id;
      });
      after(async () => {
        for (const dispose of disposals) await dispose();
      });
      beforeEach(async function () {
        // A database per test: each test's counts are its own.
        db = await meta.upsertDatabase({ orgId, name: `db-${uuidv7()}`, engine: 'postgres', engineVersion: '15', agentId, at: new Date().toISOString() });
        faulty.reset();
      });

      /** A queue as one server process has it; `store` may be a wrapped metadata store. */
      function queue(options: { claimLeaseMs?: number; store?: MetaStore } = {}): IngestQueue {
        return faultQueue(options.store ?? meta, telemetry, options.claimLeaseMs);
      }

      function batch(batchId = uuidv7()): ValidBatch {
        return validateBatch(faultBatch(batchId, Date.now()), db);
      }

      async function refused(submit: Promise<IngestOutcome>): Promise<unknown> {
        const err = await submit.then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err, 'the write should have failed').to.not.equal(undefined);
        return err;
      }

      async function expectStoredOnce(b: ValidBatch): Promise<void> {
        expect(await storedCounts(client, db.id)).to.deep.equal(FAULT_BATCH_STORED);
        expect(await meta.getIngestedBatch(b.batchId)).to.include({ rows: 6 });
      }

      it('stores the fault batch with the inserts the other tests count', async () => {
        const b = batch();
        expect(await queue().submit(b, 100)).to.deep.equal({ duplicate: false, rows: 6 });
        expect(faulty.tables).to.have.length(FAULT_BATCH_INSERTS);
        await expectStoredOnce(b);
      });

      for (let n = 1; n <= FAULT_BATCH_INSERTS; n += 1) {
        it(`stores a batch once when its insert #${n} failed and the agent re-sent it`, async () => {
          const q = queue();
          const b = batch();
          faulty.arm(n, { kind: 'fail' });
          await refused(q.submit(b, 100));
          faulty.reset();
          expect(await q.submit(b, 100)).to.deep.equal({ duplicate: false, rows: 6 });
          // The tables the failed attempt filled were left out of the second one.
          expect(faulty.tables.length).to.be.below(FAULT_BATCH_INSERTS);
          expect(await q.submit(b, 100)).to.deep.equal({ duplicate: true, rows: 6 });
          await expectStoredOnce(b);
        });
      }

      it('retries a half-failed grouped write batch by batch without doubling what it stored', async () => {
        const q = queue();
        const [first, second] = [batch(), batch()];
        faulty.arm(3, { kind: 'fail' });
        const outcomes = await Promise.all([q.submit(first, 100), q.submit(second, 100)]);
        expect(outcomes).to.deep.equal([
          { duplicate: false, rows: 6 },
          { duplicate: false, rows: 6 },
        ]);
        const counts = await storedCounts(client, db.id);
        expect(counts).to.deep.equal(Object.fromEntries(Object.entries(FAULT_BATCH_STORED).map(([k, v]) => [k, k === 'texts' ? v : 2 * v])));
      });

      it('stores a batch once when the ledger could not record it after its rows were written', async () => {
        let failures = 1;
        const flaky = intercept(meta, {
          async completeBatches(...args: Parameters<MetaStore['completeBatches']>) {
            if (failures-- > 0) throw new Error('injected: metadata store unreachable');
            return meta.completeBatches(...args);
          },
        });
        const q = queue({ store: flaky, claimLeaseMs: 1000 });
        const b = batch();
        await refused(q.submit(b, 100));
        faulty.reset();
        // Once the claim lapses the re-send resumes it, finds every table holding the batch and writes nothing.
        expect(await resend(q, b)).to.deep.equal({ duplicate: false, rows: 6 });
        expect(faulty.tables).to.deep.equal([]);
        await expectStoredOnce(b);
      });

      it('keeps the claim of a write stalled past its lease while the process lives: the re-send elsewhere waits, then is a duplicate', async () => {
        const stalled = new Gate();
        stalled.close();
        const writer = queue({ claimLeaseMs: 1000 });
        const other = queue({ claimLeaseMs: 1000 });
        const b = batch();
        faulty.arm(2, { kind: 'stall', until: stalled.wait() });
        const first = writer.submit(b, 100);
        await until(() => faulty.tables.length >= 2, 'the write to stall');
        // Well past the lease: renewed meanwhile, so the other process may not take it over.
        await new Promise((resolve) => setTimeout(resolve, 2500));
        expect(((await refused(other.submit(b, 100))) as VigilError).code).to.equal('INGEST_BATCH_IN_PROGRESS');
        stalled.open();
        expect(await first).to.deep.equal({ duplicate: false, rows: 6 });
        expect(await other.submit(b, 100)).to.deep.equal({ duplicate: true, rows: 6 });
        await expectStoredOnce(b);
      });

      it('fences a write that stalled past its lease without renewing it: the process that took the batch over stores it once', async () => {
        const stalled = new Gate();
        stalled.close();
        // A process whose renewals never land (frozen, or cut off from the metadata store).
        const cutOff = intercept(meta, {
          async renewBatches() {
            throw new Error('injected: metadata store unreachable');
          },
        });
        const writer = queue({ store: cutOff, claimLeaseMs: 1000 });
        const other = queue({ claimLeaseMs: 1000 });
        const b = batch();
        faulty.arm(2, { kind: 'stall', until: stalled.wait() });
        const first = writer.submit(b, 100).catch((err: unknown) => err);
        await until(() => faulty.tables.length >= 2, 'the write to stall');
        expect(await resend(other, b)).to.deep.equal({ duplicate: false, rows: 6 });
        stalled.open();
        // Its stalled insert was never sent: the claim had lapsed.
        expect(String(await first)).to.match(/claim may have lapsed/);
        expect(await writer.submit(b, 100)).to.deep.equal({ duplicate: true, rows: 6 });
        await expectStoredOnce(b);
      });
    });
  }
}
