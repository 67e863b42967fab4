import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import type { ServerMessage } from '@vigil/shared';
import type { StatementRow } from '../../../server/src/storage/telemetry/telemetry-store.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { connectRawAgent, hello, statementBatch, type RawAgent } from '../../helpers/raw-agent.js';
import { sample, scrape } from '../ops/metrics-text.js';
import { Gate, intercept, until } from './store-controls.js';

async function takeAll(agent: RawAgent, n: number): Promise<ServerMessage[]> {
  const messages: ServerMessage[] = [];
  for (let i = 0; i < n; i += 1) messages.push(await agent.next());
  return messages;
}

describe('ingest: backpressure when the queue is full', () => {
  const gate = new Gate();
  let inserts = 0;
  let t: TestServer;
  let token: string;
  let agentKey: string;

  before(async () => {
    t = await startTestServer({
      // Three batches fill the queue; pings every second prove paused sockets are not taken for dead.
      env: { VIGIL_INGEST_QUEUE_MAX_BATCHES: '3', VIGIL_INGEST_FLUSH_MS: '0', VIGIL_HEARTBEAT_INTERVAL_S: '1' },
      wrapStores: (stores) => ({
        ...stores,
        telemetry: intercept(stores.telemetry, {
          async insertStatements(rows: readonly StatementRow[]) {
            inserts += 1;
            await gate.wait();
            await stores.telemetry.insertStatements(rows);
          },
        }),
      }),
    });
    token = (await t.signup()).accessToken;
    agentKey = await t.createKey(token, 'agent');
  });
  after(async () => {
    await t.close();
  });

  it('stops reading agent sockets while the store is blocked, then stores every batch exactly once', async () => {
    const a = await connectRawAgent(t.wsUrl, agentKey);
    a.send(hello(['alpha'], undefined, 'host-a'));
    const alphaId = (await a.next()).welcome!.databases![0]!.id!;
    const b = await connectRawAgent(t.wsUrl, agentKey);
    b.send(hello(['beta'], undefined, 'host-b'));
    const betaId = (await b.next()).welcome!.databases![0]!.id!;

    gate.close();
    const sentA = Array.from({ length: 10 }, (_, i) => statementBatch('alpha', [{ hash: `a${i}`, calls: i + 1 }], { seq: i + 1 }));
    const sentB = Array.from({ length: 5 }, (_, i) => statementBatch('beta', [{ hash: `b${i}`, calls: 10 }], { seq: i + 1 }));
    for (const message of sentA.slice(0, 3)) a.send(message);
    await until(() => t.server.ingestQueue.depth.batches === 3, 'the queue to fill');
    expect(t.server.ingestQueue.saturated).to.equal(true);

    // Everything sent now stays in the sockets (and would stay in the agents' spools).
    for (const message of sentA.slice(3)) a.send(message);
    for (const message of sentB) b.send(message);
    // Longer than two ping intervals: a paused socket must not be mistaken for a dead one.
    await sleep(2500);
    expect(t.server.ingestQueue.depth.batches).to.equal(3);
    expect(a.buffered() + b.buffered()).to.equal(0);
    expect(a.ws.readyState).to.equal(a.ws.OPEN);
    expect(b.ws.readyState).to.equal(b.ws.OPEN);
    const during = await scrape(t.baseUrl);
    expect(sample(during, 'vigil_ingest_queue_batches')).to.equal(3);
    expect(sample(during, 'vigil_ingest_backpressure_pauses_total')).to.equal(1);

    gate.open();
    const acksA = await takeAll(a, 10);
    const acksB = await takeAll(b, 5);
    // In order, each once, none a duplicate.
    expect(acksA.map((m) => m.ack?.batchId)).to.deep.equal(sentA.map((m) => m.batch!.batchId));
    expect(acksB.map((m) => m.ack?.batchId)).to.deep.equal(sentB.map((m) => m.batch!.batchId));
    expect([...acksA, ...acksB].every((m) => m.ack!.duplicate === false)).to.equal(true);

    const alpha = await t.request('GET', `/api/v1/databases/${alphaId}/queries?limit=100`, { token });
    expect(alpha.body.queries).to.have.length(10);
    expect(alpha.body.queries.reduce((sum: number, q: { total_calls: number }) => sum + q.total_calls, 0)).to.equal(55);
    const beta = await t.request('GET', `/api/v1/databases/${betaId}/queries?limit=100`, { token });
    expect(beta.body.queries.reduce((sum: number, q: { total_calls: number }) => sum + q.total_calls, 0)).to.equal(50);

    const after = await scrape(t.baseUrl);
    expect(sample(after, 'vigil_ingest_batches_total', { result: 'stored' })).to.equal(15);
    expect(sample(after, 'vigil_ingest_queue_batches')).to.equal(0);
    expect(sample(after, 'vigil_ingest_rows_total')).to.equal(15);
    // Fifteen batches, far fewer inserts: they were grouped while the store was blocked.
    expect(inserts).to.be.below(15);
    a.ws.close();
    b.ws.close();
  });
});
