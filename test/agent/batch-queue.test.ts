import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { decodeAgentMessage } from '@vigil/shared';
import { createAgentLogger } from '../../agent/src/logging/agent-logger.js';
import { MemoryBatchQueue, type BatchQueue, type QueuedBatch } from '../../agent/src/spool/batch-queue.js';
import { DiskBatchQueue } from '../../agent/src/spool/disk-batch-queue.js';

function batch(seq: number, text = ''): QueuedBatch {
  return { batchId: `batch-${seq}`, seq, database: 'main', statements: [{ queryHash: String(seq), queryText: text }] };
}

const seqs = (queue: BatchQueue) => queue.entries().map((entry) => entry.seq);

/** The BatchQueue contract, for every implementation. */
const QUEUES: { name: string; open(maxBytes?: number): Promise<BatchQueue> }[] = [
  { name: 'MemoryBatchQueue', open: async (maxBytes) => new MemoryBatchQueue({ maxBytes }) },
  {
    name: 'DiskBatchQueue',
    open: async (maxBytes) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-queue-'));
      dirs.push(dir);
      return (await DiskBatchQueue.open({ dir, maxBytes: maxBytes ?? 64 * 1024 * 1024, committedBelowSeq: undefined, logger: createAgentLogger('silent') })).queue;
    },
  },
];
const dirs: string[] = [];

describe('agent/spool/batch-queue', () => {
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  for (const { name, open } of QUEUES) {
    describe(name, () => {
      it('hands batches back in seq order, as wire frames, until each is acknowledged', async () => {
        const queue = await open();
        for (const seq of [2, 3, 1]) expect(await queue.push(batch(seq))).to.equal(0);
        expect(seqs(queue)).to.deep.equal([1, 2, 3]);
        const first = await queue.frame(queue.entries()[0]!);
        expect(decodeAgentMessage(first!).batch).to.deep.include({ batchId: 'batch-1', seq: 1, database: 'main' });
        expect(await queue.ack('batch-2')).to.equal(true);
        expect(await queue.ack('batch-2')).to.equal(false);
        expect(seqs(queue)).to.deep.equal([1, 3]);
        expect(await queue.frame({ batchId: 'batch-2', seq: 2, bytes: 0 })).to.equal(undefined);
        expect(queue.stats()).to.deep.include({ batches: 2, droppedBatches: 0 });
      });

      it('offers staged batches only once published, and forgets discarded ones', async () => {
        const queue = await open();
        const staged = await queue.stage([batch(1), batch(2)]);
        expect(seqs(queue)).to.deep.equal([]);
        expect(await queue.publish(staged)).to.equal(0);
        expect(seqs(queue)).to.deep.equal([1, 2]);
        const dropped = await queue.stage([batch(3)]);
        await queue.discard(dropped);
        expect(await queue.publish(dropped)).to.equal(0);
        expect(seqs(queue)).to.deep.equal([1, 2]);
      });

      it('evicts the oldest batches once over its size budget, never the newest, and counts them', async () => {
        const text = 'x'.repeat(1000);
        const probe = await open();
        await probe.push(batch(1, text));
        const one = probe.stats().bytes;
        const queue = await open(Math.floor(one * 2.5));
        expect(await queue.push(batch(1, text))).to.equal(0);
        expect(await queue.push(batch(2, text))).to.equal(0);
        expect(await queue.push(batch(3, text))).to.equal(1);
        expect(seqs(queue)).to.deep.equal([2, 3]);
        expect(queue.stats().droppedBatches).to.equal(1);
        // Acknowledging frees budget.
        await queue.ack('batch-2');
        expect(await queue.push(batch(4, text))).to.equal(0);

        const tiny = await open(10);
        expect(await tiny.push(batch(1, text))).to.equal(0);
        expect(tiny.entries()).to.have.length(1);
      });
    });
  }
});
