import { deflateRawSync } from 'node:zlib';
import { expect } from 'chai';
import { ERROR_CATALOG, decodeAgentMessage, encodeAgentMessage, uuidv7, type ServerMessage } from '@vigil/shared';
import { connectRawAgent, hello, statementBatch, type RawAgent } from '../../helpers/raw-agent.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { FUZZ_SEED, HealthyAgent, Prng, statementRows } from './fuzz-kit.js';

const MAX_FRAME = 64 * 1024;
const FRAMES = 3000;
const WORKERS = 4;
/** Close codes a bad frame may earn: protocol error, invalid data, policy, too big. Never 1011 (our failure). */
const CLIENT_FAULT_CLOSES = [1002, 1007, 1008, 1009];

/** Valid frames the mutations start from: what a real agent sends. */
function baseFrames(rng: Prng): Buffer[] {
  const batch = statementBatch('fuzz', [
    { hash: `f${rng.int(1e6)}`, calls: 3 },
    { hash: `g${rng.int(1e6)}`, calls: 1, text: "SELECT * FROM t WHERE a = 'x' -- ' OR 1=1" },
  ]);
  batch.batch!.statementTexts = [{ queryHash: 'h', queryText: "DELETE FROM users WHERE id = $1; --'" }];
  // Large enough to be deflated (the codec compresses from 4 KiB): mutations then hit the inflater.
  const big = statementBatch('fuzz', Array.from({ length: 60 }, (_, i) => ({ hash: `big${i}`, calls: i + 1, text: `SELECT ${'c, '.repeat(20)} FROM t${i}` })));
  return [
    encodeAgentMessage(hello(['fuzz'])),
    encodeAgentMessage(batch),
    encodeAgentMessage(big),
    encodeAgentMessage({ heartbeat: { sentAtMs: Date.now(), pendingBatches: 2 } }),
    encodeAgentMessage({ commandResult: { requestId: 'r', ok: true } }),
  ];
}

/** One hostile frame and how it was made (for the failure message). */
function hostileFrame(rng: Prng, bases: readonly Buffer[]): { how: string; frame: Buffer; binary: boolean } {
  const base = Buffer.from(rng.pick(bases));
  const how = rng.pick(['flip', 'flip', 'flip', 'truncate', 'flag', 'length', 'random', 'splice', 'bomb', 'oversize', 'text'] as const);
  switch (how) {
    case 'flip':
      for (let n = 1 + rng.int(8); n > 0; n--) {
        const i = rng.int(base.length);
        base[i] = base[i]! ^ (1 << rng.int(8));
      }
      return { how, frame: base, binary: true };
    case 'truncate':
      return { how, frame: base.subarray(0, rng.int(base.length)), binary: true };
    case 'flag':
      base[0] = rng.pick([0, 1, 2, 3, 0x7f, 0xff]);
      return { how, frame: base, binary: true };
    case 'length': {
      // A length or varint claiming gigabytes, spliced in anywhere after the header.
      const at = 1 + rng.int(base.length - 1);
      const huge = rng.pick([Buffer.of(0xff, 0xff, 0xff, 0xff, 0x0f), Buffer.of(0x0a, 0xff, 0xff, 0xff, 0xff, 0x07), Buffer.of(0x12, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01)]);
      return { how, frame: Buffer.concat([base.subarray(0, at), huge, base.subarray(at)]), binary: true };
    }
    case 'random':
      return { how, frame: rng.bytes(rng.int(300)), binary: true };
    case 'splice': {
      const other = rng.pick(bases);
      return { how, frame: Buffer.concat([base.subarray(0, rng.int(base.length)), other.subarray(rng.int(other.length))]), binary: true };
    }
    case 'bomb':
      // Deflate that inflates past the limit: small on the wire, huge after.
      return { how, frame: Buffer.concat([Buffer.of(1), deflateRawSync(Buffer.alloc(MAX_FRAME * (2 + rng.int(8))))]), binary: true };
    case 'oversize':
      return { how, frame: Buffer.concat([base.subarray(0, 1), rng.bytes(MAX_FRAME + 2 + rng.int(4096))]), binary: true };
    case 'text':
      return { how, frame: base, binary: false };
  }
}

interface FuzzConnection {
  readonly agent: RawAgent;
  closed: { code: number } | undefined;
}

/** The next server message, or undefined once the socket closed. */
async function nextOrClose(conn: FuzzConnection): Promise<ServerMessage | undefined> {
  if (conn.closed) return undefined;
  return Promise.race([conn.agent.next(), conn.agent.closed.then((c) => ((conn.closed = c), undefined))]);
}

describe('fuzz: agent frames', function () {
  this.timeout(120_000);
  let t: TestServer;
  let agentKey: string;
  let fuzzDatabaseId: string;

  before(async () => {
    t = await startTestServer({
      env: {
        VIGIL_MAX_FRAME_BYTES: String(MAX_FRAME),
        // The fuzz sends as fast as the server answers: no throttling, no batching delay.
        VIGIL_INGEST_RATE_MESSAGES_PER_S: '1000000',
        VIGIL_INGEST_RATE_BYTES_PER_S: String(1 << 30),
        VIGIL_INGEST_FLUSH_MS: '0',
      },
    });
    const { accessToken } = await t.signup();
    agentKey = await t.createKey(accessToken, 'agent');
  });
  after(async () => {
    HealthyAgent.haltAll();
    await t.close();
  });

  it(`answers ${FRAMES} random and mutated frames with an Error or a close, and stores only what it acked (seed ${FUZZ_SEED})`, async () => {
    const healthy = await HealthyAgent.start(t, agentKey);
    let expectedRows = 0;
    const tally = new Map<string, number>();

    async function open(): Promise<FuzzConnection> {
      const conn: FuzzConnection = { agent: await connectRawAgent(t.wsUrl, agentKey), closed: undefined };
      conn.agent.send(hello(['fuzz'], undefined, 'fuzz-host'));
      const welcome = await nextOrClose(conn);
      fuzzDatabaseId = welcome!.welcome!.databases![0]!.id!;
      return conn;
    }

    async function worker(seed: number, frames: number): Promise<void> {
      const rng = new Prng(seed);
      const bases = baseFrames(rng);
      let conn: FuzzConnection | undefined;
      for (let n = 0; n < frames; n++) {
        conn ??= await open();
        const { how, frame, binary } = hostileFrame(rng, bases);
        const context = `seed ${seed}, frame ${n} (${how}): ${frame.subarray(0, 64).toString('hex')}`;
        conn.agent.sendRaw(frame, binary);
        // An empty batch behind it: acks come in queue order, so its ack means the hostile frame was fully answered.
        const sentinel = uuidv7();
        conn.agent.send(statementBatch('fuzz', [], { batchId: sentinel }));
        let outcome = 'no reply';
        for (;;) {
          const message = await nextOrClose(conn);
          if (!message) {
            expect(CLIENT_FAULT_CLOSES, `close code, ${context}`).to.include(conn.closed!.code);
            outcome = `close ${conn.closed!.code}`;
            break;
          }
          if (message.kind === 'ack' && message.ack!.batchId === sentinel) break;
          if (message.kind === 'error') {
            expect(Object.keys(ERROR_CATALOG), context).to.include(message.error!.code);
            expect(message.error!.code, context).to.not.equal('INTERNAL');
            outcome = `${message.error!.fatal ? 'fatal' : 'error'} ${message.error!.code}`;
          } else if (message.kind === 'ack') {
            expect(message.ack!.batchId, context).to.equal(decodeAgentMessage(frame, { maxFrameBytes: MAX_FRAME }).batch?.batchId);
            // A mutation can still be a valid batch (a flipped counter): stored, and counted here.
            if (!message.ack!.duplicate) expectedRows += decodeAgentMessage(frame, { maxFrameBytes: MAX_FRAME }).batch!.statements?.length ?? 0;
            outcome = message.ack!.duplicate ? 'duplicate ack' : 'ack';
          } else {
            expect.fail(`unexpected ${message.kind}, ${context}`);
          }
        }
        tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
        if (conn.closed) conn = undefined;
      }
      if (conn) conn.agent.ws.close();
    }

    await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(FUZZ_SEED + w, FRAMES / WORKERS)));

    // Most mutations are fatal; the rest must have been answered in some clear way too.
    expect([...tally.values()].reduce((a, b) => a + b, 0)).to.equal(FRAMES);
    expect(tally.get('close 1007') ?? 0).to.be.above(FRAMES / 10);
    expect(await statementRows(t, fuzzDatabaseId), `rows of acked fuzz batches (${JSON.stringify([...tally])})`).to.equal(expectedRows);
    await healthy.stop();
    expect(healthy.acked).to.be.above(10);
    expect((await t.request('GET', '/healthz')).status).to.equal(200);
  });
});
