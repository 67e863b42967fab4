import { deflateRawSync } from 'node:zlib';
import { expect } from 'chai';
import {
  FRAME_DEFLATE,
  FRAME_PLAIN,
  VigilError,
  decodeAgentMessage,
  decodeServerMessage,
  encodeAgentMessage,
  encodeServerMessage,
  uuidv7,
  type AgentMessageInput,
} from '@vigil/shared';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof VigilError ? err.code : `not a VigilError: ${String(err)}`;
  }
  return undefined;
}

const batch: AgentMessageInput = {
  batch: {
    batchId: uuidv7(),
    seq: 2 ** 40,
    database: 'main',
    windowStartMs: 1_790_000_000_000,
    windowEndMs: 1_790_000_060_000,
    statements: [{ queryHash: '-4242', queryText: 'SELECT $1', calls: 37, totalTimeMs: 1.5, rows: 37, sharedBlksHit: 2 ** 35 }],
  },
};

describe('frame codec', () => {
  it('round-trips an agent batch with 64-bit counters as numbers', () => {
    const decoded = decodeAgentMessage(encodeAgentMessage(batch));
    expect(decoded.kind).to.equal('batch');
    expect(decoded.batch?.seq).to.equal(2 ** 40);
    expect(decoded.batch?.statements?.[0]?.sharedBlksHit).to.equal(2 ** 35);
    expect(decoded.batch?.statements?.[0]?.queryText).to.equal('SELECT $1');
  });

  it('round-trips server messages', () => {
    const decoded = decodeServerMessage(encodeServerMessage({ ack: { batchId: 'b', seq: 7, duplicate: true } }));
    expect(decoded.kind).to.equal('ack');
    expect(decoded.ack?.duplicate).to.equal(true);
  });

  it('compresses large payloads and leaves small ones plain', () => {
    const big: AgentMessageInput = { batch: { ...batch.batch, statements: Array.from({ length: 500 }, (_, i) => ({ queryHash: String(i), queryText: 'SELECT a, b, c FROM t WHERE x = $1', calls: 1 })) } };
    const frame = encodeAgentMessage(big);
    expect(frame[0]).to.equal(FRAME_DEFLATE);
    expect(decodeAgentMessage(frame).batch?.statements).to.have.length(500);
    expect(encodeAgentMessage({ heartbeat: { sentAtMs: 1 } })[0]).to.equal(FRAME_PLAIN);
  });

  it('rejects frames over the limit before and after decompression', () => {
    const frame = encodeAgentMessage(batch, { compressAboveBytes: 0 });
    expect(codeOf(() => decodeAgentMessage(frame, { maxFrameBytes: frame.length - 2 }))).to.equal('FRAME_TOO_LARGE');
    expect(codeOf(() => encodeAgentMessage(batch, { maxFrameBytes: 10 }))).to.equal('FRAME_TOO_LARGE');
    // A deflate bomb: tiny on the wire, huge once inflated.
    const bomb = Buffer.concat([Buffer.of(FRAME_DEFLATE), deflateRawSync(Buffer.alloc(4 * 1024 * 1024))]);
    expect(bomb.length).to.be.below(10_000);
    expect(codeOf(() => decodeAgentMessage(bomb, { maxFrameBytes: 1024 * 1024 }))).to.equal('FRAME_TOO_LARGE');
  });

  it('rejects malformed frames with FRAME_MALFORMED', () => {
    expect(codeOf(() => decodeAgentMessage(Buffer.alloc(0)))).to.equal('FRAME_MALFORMED');
    expect(codeOf(() => decodeAgentMessage(Buffer.of(9, 1, 2, 3)))).to.equal('FRAME_MALFORMED');
    expect(codeOf(() => decodeAgentMessage(Buffer.of(FRAME_DEFLATE, 0xff, 0xff, 0xff)))).to.equal('FRAME_MALFORMED');
    expect(codeOf(() => decodeAgentMessage(Buffer.from('\x00garbage that is not protobuf \xff\xff\xff\xff')))).to.equal('FRAME_MALFORMED');
    // Valid protobuf made only of unknown fields: decodes, but names no message kind.
    expect(codeOf(() => decodeAgentMessage(Buffer.of(FRAME_PLAIN, 0xf8, 0x07, 0x01)))).to.equal('FRAME_MALFORMED');
  });

  it('never throws anything but a VigilError on random input', () => {
    for (let i = 0; i < 2000; i++) {
      const bytes = Buffer.from(Array.from({ length: 1 + (i % 64) }, () => Math.floor(Math.random() * 256)));
      const code = codeOf(() => decodeAgentMessage(bytes));
      expect(code === undefined || code === 'FRAME_MALFORMED' || code === 'FRAME_TOO_LARGE', String(code)).to.equal(true);
    }
  });
});

describe('uuidv7', () => {
  it('is time-ordered and well-formed', () => {
    const a = uuidv7(1_000);
    const b = uuidv7(2_000);
    expect(a < b).to.equal(true);
    expect(a).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
