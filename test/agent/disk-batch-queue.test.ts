import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { decodeAgentMessage } from '@vigil/shared';
import { createAgentLogger } from '../../agent/src/logging/agent-logger.js';
import type { QueuedBatch } from '../../agent/src/spool/batch-queue.js';
import { DiskBatchQueue } from '../../agent/src/spool/disk-batch-queue.js';
import { spoolFileName } from '../../agent/src/spool/spool-file.js';
import { FileStateStore } from '../../agent/src/state/file-state-store.js';

const silent = createAgentLogger('silent');
const MiB = 1024 * 1024;

function batch(seq: number, calls = seq): QueuedBatch {
  return { batchId: `0190a000-0000-7000-8000-${String(seq).padStart(12, '0')}`, seq, database: 'main', windowStartMs: 1, windowEndMs: 2, statements: [{ queryHash: 'q', calls }] };
}

describe('agent/spool/disk-batch-queue', () => {
  let dir: string;
  const batchesDir = () => path.join(dir, 'batches');
  const open = (options: { committedBelowSeq?: number; maxBytes?: number } = {}) =>
    DiskBatchQueue.open({ dir, maxBytes: options.maxBytes ?? 64 * MiB, committedBelowSeq: options.committedBelowSeq, logger: silent });
  const callsOf = async (queue: DiskBatchQueue) =>
    Promise.all(queue.entries().map(async (entry) => decodeAgentMessage((await queue.frame(entry))!).batch!.statements![0]!.calls));

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-spool-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps one file per batch until its Ack, and replays them in seq order after a restart', async () => {
    const { queue } = await open();
    for (const seq of [5, 6, 7]) await queue.push(batch(seq));
    expect(readdirSync(batchesDir()).sort()).to.deep.equal([5, 6, 7].map(spoolFileName));
    await queue.ack(batch(6).batchId);
    expect(readdirSync(batchesDir()).sort()).to.deep.equal([5, 7].map(spoolFileName));

    const reopened = await open();
    expect(reopened.report).to.deep.include({ replayed: 2, discarded: 0, evicted: 0, maxSeq: 7 });
    expect(reopened.report.quarantined).to.deep.equal([]);
    expect(reopened.queue.entries().map((e) => e.batchId)).to.deep.equal([batch(5).batchId, batch(7).batchId]);
    expect(await callsOf(reopened.queue)).to.deep.equal([5, 7]);
  });

  it('deletes at open the batches of a run whose state was never saved, and keeps the committed ones', async () => {
    const { queue } = await open();
    for (const seq of [1, 2, 3, 4]) await queue.push(batch(seq));
    // The last saved state says seqs below 3 were committed: 3 and 4 were staged by a run that died before its state save.
    const { queue: reopened, report } = await open({ committedBelowSeq: 3 });
    expect(report).to.deep.include({ replayed: 2, discarded: 2 });
    expect(reopened.entries().map((e) => e.seq)).to.deep.equal([1, 2]);
    expect(readdirSync(batchesDir()).sort()).to.deep.equal([1, 2].map(spoolFileName));
  });

  describe('crash points of a commit (stage → save state → publish)', () => {
    async function commitUntil(point: 'staged' | 'saved'): Promise<void> {
      const { queue } = await open();
      const state = new FileStateStore(dir);
      // An earlier run committed seq 1 (state saved with next seq 2).
      await queue.push(batch(1));
      await state.save({ database: 'main', task: 'statements', lastRunMs: 1000, persisted: { total: 1 } }, 2);
      // This run: two batches, then the agent dies.
      await queue.stage([batch(2), batch(3)]);
      if (point === 'saved') await state.save({ database: 'main', task: 'statements', lastRunMs: 2000, persisted: { total: 3 } }, 4);
    }

    it('dies after staging: the run is rolled back, and its window is collected again from the older state', async () => {
      await commitUntil('staged');
      const saved = await new FileStateStore(dir).load();
      expect(saved.nextSeq).to.equal(2);
      expect(saved.tasks).to.deep.equal([{ database: 'main', task: 'statements', lastRunMs: 1000, persisted: { total: 1 } }]);
      const { queue, report } = await open({ committedBelowSeq: saved.nextSeq });
      expect(report.discarded).to.equal(2);
      expect(queue.entries().map((e) => e.seq)).to.deep.equal([1]);
    });

    it('dies after saving state: the run is committed, and its batches are replayed', async () => {
      await commitUntil('saved');
      const saved = await new FileStateStore(dir).load();
      expect(saved.nextSeq).to.equal(4);
      expect(saved.tasks[0]!.persisted).to.deep.equal({ total: 3 });
      const { queue, report } = await open({ committedBelowSeq: saved.nextSeq });
      expect(report.discarded).to.equal(0);
      expect(queue.entries().map((e) => e.seq)).to.deep.equal([1, 2, 3]);
    });
  });

  it('quarantines unreadable files at open, counts them as dropped, and replays the rest', async () => {
    const { queue } = await open();
    for (const seq of [1, 2, 3, 4, 5]) await queue.push(batch(seq));
    const file = (seq: number) => path.join(batchesDir(), spoolFileName(seq));
    // A flipped bit, a torn file, something else entirely, and a file renamed to another seq.
    const flipped = readFileSync(file(2));
    flipped[flipped.length - 1]! ^= 0x01;
    writeFileSync(file(2), flipped);
    writeFileSync(file(3), readFileSync(file(3)).subarray(0, 20));
    writeFileSync(file(4), 'not a batch at all, just some text that is long enough');
    writeFileSync(path.join(batchesDir(), spoolFileName(9)), readFileSync(file(5)));
    // An interrupted write is not a batch: deleted silently.
    writeFileSync(path.join(batchesDir(), `${spoolFileName(6)}.tmp`), 'partial');

    const { queue: reopened, report } = await open();
    expect(report.quarantined.map((q) => q.file)).to.deep.equal([2, 3, 4, 9].map(spoolFileName));
    expect(report.quarantined[0]!.reason).to.include('checksum');
    expect(report.quarantined[1]!.reason).to.include('truncated');
    expect(report.quarantined[2]!.reason).to.include('magic');
    expect(report.quarantined[3]!.reason).to.include('seq 5');
    expect(reopened.entries().map((e) => e.seq)).to.deep.equal([1, 5]);
    expect(reopened.stats().droppedBatches).to.equal(4);
    expect(readdirSync(path.join(dir, 'quarantine'))).to.have.length(4);
    expect(readdirSync(batchesDir()).sort()).to.deep.equal([1, 5].map(spoolFileName));
    // The count survives a restart: the server learns of the loss even after one.
    expect((await open()).queue.stats().droppedBatches).to.equal(4);
  });

  it('quarantines a file damaged after it was queued instead of sending it', async () => {
    const { queue } = await open();
    await queue.push(batch(1));
    await queue.push(batch(2));
    writeFileSync(path.join(batchesDir(), spoolFileName(1)), 'garbage');
    const [first, second] = queue.entries();
    expect(await queue.frame(first!)).to.equal(undefined);
    expect(await queue.frame(second!)).to.be.instanceOf(Buffer);
    expect(queue.entries().map((e) => e.seq)).to.deep.equal([2]);
    expect(queue.stats().droppedBatches).to.equal(1);
  });

  it('evicts the oldest files over the cap, counts them across restarts, and applies a lowered cap at open', async () => {
    const { queue } = await open();
    await queue.push(batch(1));
    const size = queue.stats().bytes;
    const capped = (await open({ maxBytes: size * 3 })).queue;
    for (const seq of [2, 3, 4]) await capped.push(batch(seq));
    expect(capped.entries().map((e) => e.seq)).to.deep.equal([2, 3, 4]);
    expect(capped.stats()).to.deep.include({ batches: 3, droppedBatches: 1 });
    expect(readdirSync(batchesDir()).sort()).to.deep.equal([2, 3, 4].map(spoolFileName));

    const lowered = await open({ maxBytes: size });
    expect(lowered.report).to.deep.include({ replayed: 3, evicted: 2 });
    expect(lowered.queue.entries().map((e) => e.seq)).to.deep.equal([4]);
    expect(lowered.queue.stats().droppedBatches).to.equal(3);
  });
});
