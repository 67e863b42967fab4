import { expect } from 'chai';
import { vigil } from '@vigil/proto';
import { buildBatches } from '../../agent/src/runner/batch-builder.js';

const WINDOW = { database: 'main', windowStartMs: 1_000, windowEndMs: 61_000 };
const MIB = 1024 * 1024;

function encodedBytes(batch: object): number {
  return vigil.v1.Batch.encode(batch).finish().length;
}

describe('agent/runner/batch-builder', () => {
  it('makes no batch of no records, and puts at most 1000 records in one', () => {
    expect(buildBatches(WINDOW, { statements: [] }).batches).to.deep.equal([]);
    const statements = Array.from({ length: 2500 }, (_, i) => ({ queryHash: String(i), calls: i + 1, totalTimeMs: i / 3 }));
    const { batches, oversized } = buildBatches(WINDOW, { statements });
    expect(batches.map((b) => b.statements?.length)).to.deep.equal([1000, 1000, 500]);
    expect(batches[0]).to.include(WINDOW);
    expect(oversized).to.equal(0);
  });

  it('splits records until every batch encodes to at most 1 MiB, whatever the bound guessed', () => {
    // 1000 texts of 3 KiB: far over 1 MiB together; multi-byte characters make UTF-8 longer than the string.
    const statementTexts = Array.from({ length: 1000 }, (_, i) => ({ queryHash: String(i), queryText: `SELECT 'é${i}' ${'x'.repeat(3000)}` }));
    const { batches } = buildBatches(WINDOW, { statementTexts });
    expect(batches.length).to.be.greaterThan(2);
    expect(batches.reduce((sum, b) => sum + (b.statementTexts?.length ?? 0), 0)).to.equal(1000);
    for (const batch of batches) expect(encodedBytes(batch)).to.be.at.most(MIB);
  });

  it('leaves out a lone record too large for any frame, and counts it', () => {
    const { batches, oversized } = buildBatches(WINDOW, { statementTexts: [{ queryHash: '1', queryText: 'x'.repeat(20 * MIB) }, { queryHash: '2', queryText: 'SELECT 1' }] });
    expect(oversized).to.equal(1);
    expect(batches.flatMap((b) => b.statementTexts?.map((t) => t.queryHash))).to.deep.equal(['2']);
  });
});
