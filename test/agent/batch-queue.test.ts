import { expect } from 'chai';
import { MemoryBatchQueue, type QueuedBatch } from '../../agent/src/spool/batch-queue.js';

function batch(seq: number, text = ''): QueuedBatch {
  return { batchId: `batch-${seq}`, seq, database: 'main', statements: [{ queryHash: String(seq), queryText: text }] };
}

describe('agent/spool/batch-queue', () => {
  it('hands batches back in seq order until each is acknowledged', async () => {
    const queue = new MemoryBatchQueue();
    for (const seq of [2, 3, 1]) expect(await queue.push(batch(seq))).to.equal(0);
    expect((await queue.peekAll()).map((b) => b.seq)).to.deep.equal([1, 2, 3]);
    expect(await queue.ack('batch-2')).to.equal(true);
    expect(await queue.ack('batch-2')).to.equal(false);
    expect((await queue.peekAll()).map((b) => b.seq)).to.deep.equal([1, 3]);
  });

  it('drops the oldest batches once over its size budget, never the only one', async () => {
    const queue = new MemoryBatchQueue({ maxBytes: 2500 });
    const text = 'x'.repeat(1000);
    expect(await queue.push(batch(1, text))).to.equal(0);
    expect(await queue.push(batch(2, text))).to.equal(0);
    expect(await queue.push(batch(3, text))).to.equal(1);
    expect((await queue.peekAll()).map((b) => b.seq)).to.deep.equal([2, 3]);
    // Acknowledging frees budget.
    await queue.ack('batch-2');
    expect(await queue.push(batch(4, text))).to.equal(0);

    const tiny = new MemoryBatchQueue({ maxBytes: 10 });
    expect(await tiny.push(batch(1, text))).to.equal(0);
    expect(await tiny.peekAll()).to.have.length(1);
  });
});
