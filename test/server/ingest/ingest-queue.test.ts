import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { uuidv7, type VigilError } from '@vigil/shared';
import { loadServerConfig, type IngestConfig } from '../../../server/src/config.js';
import { createLogger } from '../../../server/src/logger.js';
import { validateBatch, type ValidBatch } from '../../../server/src/ingest/batch-validator.js';
import { IngestQueue } from '../../../server/src/ingest/ingest-queue.js';
import { ServerMetrics } from '../../../server/src/ops/metrics.js';
import type { Database, MetaStore } from '../../../server/src/storage/meta/meta-store.js';
import { openStores } from '../../../server/src/storage/open-stores.js';
import type { StatementRow, TelemetryStore } from '../../../server/src/storage/telemetry/telemetry-store.js';
import { Gate, intercept } from './store-controls.js';

const LIMITS: IngestConfig = { queueMaxBatches: 1000, queueMaxBytes: 64 << 20, flushDelayMs: 20, flushRows: 50_000, rateMessagesPerSecond: 100, rateBytesPerSecond: 1 << 22 };

describe('ingest queue (SQLite + chDB)', () => {
  let dir: string;
  let meta: MetaStore;
  let telemetry: TelemetryStore;
  let orgId: string;
  let agentId: string;
  let db: Database;
  // Every telemetry insert the queue makes goes through here to the real chDB store.
  let inserts: Array<readonly StatementRow[]>;
  let gate: Gate;
  let poison: string | undefined;
  let gated: TelemetryStore;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-queue-'));
    ({ meta, telemetry } = await openStores(loadServerConfig({ VIGIL_DATA_DIR: dir, VIGIL_JWT_SECRET: 'x'.repeat(32) })));
    const { org } = await meta.createOrganizationWithUser({ orgName: 'Queue', email: 'q@example.com', name: 'Q', passwordHash: 'unused' });
    orgId = org.id;
    agentId = (await meta.upsertAgent({ orgId, hostname: 'h', agentVersion: 't', at: new Date().toISOString() })).id;
    gated = intercept(telemetry, {
      async insertStatements(rows: readonly StatementRow[]) {
        inserts.push(rows);
        await gate.wait();
        if (poison && rows.some((r) => r.query_hash === poison)) throw new Error('simulated: the store refuses this row');
        await telemetry.insertStatements(rows);
      },
    });
  });
  after(async () => {
    await meta.close();
    await telemetry.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async function () {
    // A database per test, so each test's stored totals are its own.
    db = await meta.upsertDatabase({ orgId, name: this.currentTest!.title, engine: 'postgres', engineVersion: '15', agentId, at: new Date().toISOString() });
    inserts = [];
    gate = new Gate();
    poison = undefined;
  });

  function queue(limits: Partial<IngestConfig> = {}): IngestQueue {
    return new IngestQueue({ meta, telemetry: gated, limits: { ...LIMITS, ...limits }, metrics: new ServerMetrics(), logger: createLogger('silent') });
  }

  function batch(hash: string, statements = 1, batchId = uuidv7()): ValidBatch {
    const end = Date.now();
    return validateBatch(
      { batchId, seq: 1, database: 'main', windowStartMs: end - 60_000, windowEndMs: end, statements: Array.from({ length: statements }, (_, i) => ({ queryHash: `${hash}-${i}`, calls: 1 })) },
      db,
    );
  }

  async function storedCalls(prefix: string): Promise<number> {
    const stats = await telemetry.topQueries({ orgId: db.org_id, databaseId: db.id, since: 0, until: Date.now() + 86_400_000, limit: 100, sortBy: 'calls' });
    return stats.filter((s) => s.query_hash.startsWith(prefix)).reduce((sum, s) => sum + s.total_calls, 0);
  }

  it('writes many batches as one insert, then acks each once its id is in the ledger', async () => {
    const q = queue();
    const batches = Array.from({ length: 40 }, (_, i) => batch(`group-${i}`));
    const outcomes = await Promise.all(batches.map((b) => q.submit(b, 100)));
    expect(outcomes.every((o) => !o.duplicate && o.rows === 1)).to.equal(true);
    expect(inserts).to.have.length(1);
    expect(inserts[0]).to.have.length(40);
    for (const b of batches) expect(await meta.getIngestedBatch(b.batchId)).to.include({ rows: 1, database_id: db.id });
    expect(await storedCalls('group-')).to.equal(40);
    expect(q.depth).to.deep.equal({ batches: 0, bytes: 0 });
  });

  it('caps one insert at flushRows rows (but always takes at least one batch)', async () => {
    const q = queue({ flushRows: 10 });
    await Promise.all(Array.from({ length: 10 }, (_, i) => q.submit(batch(`cap-${i}`, 4), 100)));
    expect(inserts.map((rows) => rows.length)).to.deep.equal([8, 8, 8, 8, 8]);
    await q.submit(batch('cap-big', 25), 100);
    expect(inserts.at(-1)).to.have.length(25);
    expect(await storedCalls('cap-')).to.equal(65);
  });

  it('stores a batch id once: concurrent copies wait for the first, later ones are found in the ledger', async () => {
    const q = queue();
    const id = uuidv7();
    const [first, second] = await Promise.all([q.submit(batch('dup', 2, id), 100), q.submit(batch('dup', 2, id), 100)]);
    expect(first.duplicate).to.equal(false);
    expect(second.duplicate).to.equal(true);
    const third = await q.submit(batch('dup', 2, id), 100);
    expect(third).to.deep.equal({ duplicate: true, rows: 2 });
    expect(inserts).to.have.length(1);
    expect(await storedCalls('dup-')).to.equal(2);
  });

  it('fails only the batch a grouped insert cannot take, storing the others', async () => {
    const q = queue();
    poison = 'bad-0';
    const good = [batch('ok-a'), batch('ok-b')];
    const results = await Promise.allSettled([q.submit(good[0]!, 10), q.submit(batch('bad'), 10), q.submit(good[1]!, 10)]);
    expect(results.map((r) => r.status)).to.deep.equal(['fulfilled', 'rejected', 'fulfilled']);
    // One grouped attempt, then one per batch.
    expect(inserts.map((rows) => rows.length)).to.deep.equal([3, 1, 1, 1]);
    expect(await storedCalls('ok-')).to.equal(2);
    expect(await storedCalls('bad-')).to.equal(0);
    expect(await meta.getIngestedBatch(good[0]!.batchId)).to.not.equal(undefined);
  });

  it('answers INGEST_BATCH_IN_PROGRESS while another process holds the claim, then a duplicate once it stored it', async () => {
    const q = queue();
    const b = batch('claimed');
    const now = Date.now();
    const lease = { owner: 'another-process', now: new Date(now).toISOString(), until: new Date(now + 60_000).toISOString() };
    expect(await meta.claimBatches([{ batch_id: b.batchId, org_id: orgId, database_id: db.id, seq: 1 }], lease)).to.deep.equal([{ status: 'claimed' }]);
    const err = await q.submit(b, 100).catch((e: unknown) => e);
    expect((err as VigilError).code).to.equal('INGEST_BATCH_IN_PROGRESS');
    expect(inserts).to.have.length(0);
    await meta.completeBatches([{ batchId: b.batchId, rows: 1 }], 'another-process', new Date().toISOString());
    expect(await q.submit(b, 100)).to.deep.equal({ duplicate: true, rows: 1 });
    expect(inserts).to.have.length(0);
  });

  it('stores StatementText records and keeps a known text when later rows leave it empty', async () => {
    const q = queue();
    const end = Date.now();
    const wire = (seq: number, text: string, texts: Array<{ queryHash: string; queryText: string }>) =>
      validateBatch({ batchId: uuidv7(), seq, database: 'main', windowStartMs: end - 60_000, windowEndMs: end + seq, statements: [{ queryHash: 'texted', queryText: text, calls: 1 }], statementTexts: texts }, db);
    const first = wire(1, '', [{ queryHash: 'texted', queryText: 'SELECT * FROM t WHERE id = $1' }]);
    expect(await q.submit(first, 100)).to.deep.equal({ duplicate: false, rows: 2 });
    await q.submit(wire(2, '', []), 100);
    const [stat] = await telemetry.topQueries({ orgId: db.org_id, databaseId: db.id, since: 0, until: end + 60_000, limit: 10, sortBy: 'calls' });
    expect(stat).to.include({ query_hash: 'texted', query_text: 'SELECT * FROM t WHERE id = $1', total_calls: 2 });
  });

  it('signals saturation at its limit and drain at half of it, and flushAll waits for the last write', async () => {
    const q = queue({ queueMaxBatches: 4, flushDelayMs: 0 });
    const events: string[] = [];
    q.on('saturated', () => events.push('saturated'));
    q.on('drained', () => events.push('drained'));
    gate.close();
    const pending = Array.from({ length: 5 }, (_, i) => q.submit(batch(`sat-${i}`), 1000));
    expect(events).to.deep.equal(['saturated']);
    expect(q.saturated).to.equal(true);
    expect(q.depth).to.deep.equal({ batches: 5, bytes: 5000 });
    const flushed = q.flushAll();
    gate.open();
    await flushed;
    await Promise.all(pending);
    expect(events).to.deep.equal(['saturated', 'drained']);
    expect(q.depth.batches).to.equal(0);
    expect(await storedCalls('sat-')).to.equal(5);
  });
});
