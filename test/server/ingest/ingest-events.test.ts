import { expect } from 'chai';
import { uuidv7, type AgentMessageInput } from '@vigil/shared';
import type { StoredEvent } from '../../../server/src/ingest/ingest-events.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { connectRawAgent, hello, statementBatch } from '../../helpers/raw-agent.js';

/** The `stored` event engines react to, from a real server ingesting real batches into SQLite + chDB. */
describe('ingest: stored event', () => {
  let t: TestServer;
  let agentKey: string;
  let orgId: string;
  const events: StoredEvent[] = [];
  // Whether each event's batches were already in the ledger when it was announced.
  const inLedgerWhenAnnounced: Promise<boolean>[] = [];

  before(async () => {
    // A long flush delay, so batches sent together are stored in one flush.
    t = await startTestServer({ env: { VIGIL_INGEST_FLUSH_MS: '300' } });
    const signup = await t.signup();
    orgId = signup.orgId;
    agentKey = await t.createKey(signup.accessToken, 'agent');
    const { ingestEvents, meta } = t.server.context;
    ingestEvents.on('stored', () => {
      throw new Error('a broken listener');
    });
    ingestEvents.on('stored', async () => {
      throw new Error('a broken async listener');
    });
    ingestEvents.on('stored', (event) => {
      events.push(event);
      inLedgerWhenAnnounced.push(Promise.all(event.batchIds.map((id) => meta.getIngestedBatch(id))).then((found) => found.every(Boolean)));
    });
  });
  after(async () => {
    await t.close();
  });

  function activityBatch(database: string, seq: number): AgentMessageInput {
    const now = Date.now();
    return { batch: { batchId: uuidv7(), seq, database, windowStartMs: now - 10_000, windowEndMs: now, pgActivity: [{ tsMs: now, sessions: [] }], statementTexts: [{ queryHash: 'q1', queryText: 'SELECT 1' }] } };
  }

  it('announces each database once per flush with the kinds and batch ids stored, after the ledger has them; never a duplicate', async () => {
    const agent = await connectRawAgent(t.wsUrl, agentKey);
    agent.send(hello(['orders', 'events']));
    const ids = Object.fromEntries((await agent.next()).welcome!.databases!.map((d) => [d.name!, d.id!]));

    const first = statementBatch('orders', [{ hash: 'a', calls: 2 }], { seq: 1 });
    const second = activityBatch('orders', 2);
    const third = statementBatch('events', [{ hash: 'b', calls: 1 }], { seq: 3 });
    for (const batch of [first, second, third]) agent.send(batch);
    for (let i = 0; i < 3; i += 1) expect((await agent.next()).ack?.duplicate).to.not.equal(true);

    expect(events).to.have.deep.members([
      { orgId, databaseId: ids.orders, recordKinds: ['pg_activity', 'statement_texts', 'statements'], batchIds: [first.batch!.batchId, second.batch!.batchId] },
      { orgId, databaseId: ids.events, recordKinds: ['statements'], batchIds: [third.batch!.batchId] },
    ]);
    expect(await Promise.all(inLedgerWhenAnnounced)).to.deep.equal([true, true]);

    // A replay is acked as a duplicate and stores nothing, so nothing is announced.
    agent.send(first);
    expect((await agent.next()).ack?.duplicate).to.equal(true);
    expect(events).to.have.length(2);
    agent.ws.close();
  });
});
