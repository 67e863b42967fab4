import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { encodeAgentMessage } from '@vigil/shared';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { connectRawAgent, hello, statementBatch, type RawAgent } from '../../helpers/raw-agent.js';
import { sample, scrape } from '../ops/metrics-text.js';

const MESSAGES_PER_S = 10;
const BYTES_PER_S = 64 * 1024;

/** Waits for `n` acks; returns when the last one arrived (ms since `start`). */
async function acked(agent: RawAgent, n: number, start: number): Promise<{ lastMs: number; duplicates: number }> {
  let duplicates = 0;
  for (let i = 0; i < n; i += 1) {
    const message = await agent.next();
    expect(message.kind, JSON.stringify(message.error)).to.equal('ack');
    if (message.ack!.duplicate) duplicates += 1;
  }
  return { lastMs: performance.now() - start, duplicates };
}

describe('ingest: per-connection rate limits', () => {
  let t: TestServer;
  let agentKey: string;

  before(async () => {
    t = await startTestServer({ env: { VIGIL_INGEST_RATE_MESSAGES_PER_S: String(MESSAGES_PER_S), VIGIL_INGEST_RATE_BYTES_PER_S: String(BYTES_PER_S), VIGIL_INGEST_FLUSH_MS: '5' } });
    agentKey = await t.createKey((await t.signup()).accessToken, 'agent');
  });
  after(async () => {
    await t.close();
  });

  async function agentFor(database: string): Promise<RawAgent> {
    const agent = await connectRawAgent(t.wsUrl, agentKey);
    agent.send(hello([database], undefined, `host-${database}`));
    expect((await agent.next()).kind).to.equal('welcome');
    return agent;
  }

  it('slows a connection above its message or byte rate to that rate, loses nothing, and leaves others alone', async () => {
    const [chatty, bulky, quiet] = await Promise.all([agentFor('chatty'), agentFor('bulky'), agentFor('quiet')]);

    // 30 small messages: 10 pass at once, the other 20 need 2 s of refill at 10/s.
    const start = performance.now();
    for (let i = 0; i < 30; i += 1) chatty.send(statementBatch('chatty', [{ hash: `c${i}`, calls: 1 }], { seq: i + 1 }));
    // Four frames of incompressible text: everything past the first second's 64 KiB waits for refill.
    const frames = Array.from({ length: 4 }, (_, i) =>
      encodeAgentMessage(statementBatch('bulky', [{ hash: `b${i}`, calls: 1, text: randomBytes(30 * 1024).toString('base64') }], { seq: i + 1 })),
    );
    for (const frame of frames) bulky.sendRaw(frame);
    const totalBytes = frames.reduce((sum, f) => sum + f.length, 0);

    // A connection within its limits is served while the others are held back.
    quiet.send(statementBatch('quiet', [{ hash: 'q', calls: 1 }]));
    const quietAck = await quiet.next();
    expect(quietAck.kind).to.equal('ack');
    const quietMs = performance.now() - start;

    const [c, b] = await Promise.all([acked(chatty, 30, start), acked(bulky, 4, start)]);
    expect(c.duplicates + b.duplicates).to.equal(0);
    // Lower bounds only (a slow machine can only add time): the token buckets cannot refill faster.
    expect(c.lastMs).to.be.at.least(((30 - MESSAGES_PER_S) / MESSAGES_PER_S) * 1000 - 50);
    expect(b.lastMs).to.be.at.least(((totalBytes - BYTES_PER_S) / BYTES_PER_S) * 1000 - 50);
    expect(quietMs).to.be.below(c.lastMs);
    expect(quietMs).to.be.below(b.lastMs);
    expect(chatty.ws.readyState).to.equal(chatty.ws.OPEN);
    expect(bulky.ws.readyState).to.equal(bulky.ws.OPEN);

    const metrics = await scrape(t.baseUrl);
    expect(sample(metrics, 'vigil_ingest_throttled_total')).to.be.at.least(20);
    expect(sample(metrics, 'vigil_ingest_batches_total', { result: 'stored' })).to.equal(35);
    for (const agent of [chatty, bulky, quiet]) agent.ws.close();
  });
});
