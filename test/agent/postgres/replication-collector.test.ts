import { expect } from 'chai';
import pg from 'pg';
import { replicationTask } from '../../../agent/src/collectors/postgres/replication-task.js';
import { collectReplication } from '../../../agent/src/collectors/postgres/replication-collector.js';
import { collectServerFacts } from '../../../agent/src/collectors/postgres/server-facts-collector.js';
import { INACTIVE_SLOT, STANDBY_SLOT, usePostgresReplica } from '../../harness/postgres-replica.js';

/**
 * The replication collector against a real streaming pair (harness primary, pg_basebackup standby
 * over a physical slot, plus a slot nothing consumes), as the monitoring role. Replay is paused on
 * the standby while the primary writes, so the lag is real and only grows: each figure the
 * collector reads lies between the database's own view read just before and just after it.
 */
describe('agent/collectors/postgres/replication-collector on a streaming replica', function () {
  this.timeout(60_000);
  const pair = usePostgresReplica();
  const clients: pg.Client[] = [];

  async function monitor(url: string): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    clients.push(client);
    return client;
  }

  after(async () => {
    await pair()
      .standby.query('SELECT pg_wal_replay_resume()')
      .catch(() => undefined);
    await Promise.all(clients.map((c) => c.end()));
  });

  it('on the primary: the standby streaming with its addresses and state, the active slot and the inactive one with the WAL it holds', async () => {
    await pair().caughtUp();
    const client = await monitor(pair().primary.monitorUrl);
    const snapshot = await collectReplication(client, await collectServerFacts(client));
    expect(snapshot.inRecovery).to.equal(false);
    expect(snapshot.receiver).to.equal(null);
    expect(snapshot.standbys).to.have.length(1);
    const [standby] = snapshot.standbys;
    const [view] = (await pair().primary.query('SELECT pid, application_name, host(client_addr) AS client_addr, state, sync_state FROM pg_stat_replication')).rows;
    expect(standby).to.include({ pid: view.pid, applicationName: view.application_name, clientAddr: '127.0.0.1', state: 'streaming', syncState: 'async' });
    expect(snapshot.slots.map((s) => [s.slotName, s.slotType, s.active])).to.deep.equal([
      [STANDBY_SLOT, 'physical', true],
      [INACTIVE_SLOT, 'physical', false],
    ]);
    const slot = snapshot.slots.find((s) => s.slotName === STANDBY_SLOT)!;
    expect(slot.activePid).to.equal(view.pid);
    expect(slot.walStatus).to.equal('reserved');
    const unused = snapshot.slots.find((s) => s.slotName === INACTIVE_SLOT)!;
    expect(unused.activePid).to.equal(null);
    expect(unused.retainedBytes).to.be.greaterThan(0);
  });

  it('while the standby does not replay: the primary measures the bytes it is behind, the standby its own bytes and seconds, as the views show them', async () => {
    const primary = await monitor(pair().primary.monitorUrl);
    const standby = await monitor(pair().standby.monitorUrl);
    const table = `lag_${process.pid}`;
    // A transaction replayed first: the standby's time lag is the age of the last one it replayed (none yet: null).
    await pair().primary.query(`CREATE TABLE ${table}_first (id int)`);
    await pair().caughtUp();
    await pair().standby.query('SELECT pg_wal_replay_pause()');
    await pair().primary.query(`CREATE TABLE ${table} AS SELECT g AS id, md5(g::text) AS v FROM generate_series(1, 20000) g`);
    const { rows } = await pair().primary.query('SELECT pg_current_wal_insert_lsn()::text AS lsn');
    // Received (and flushed) on the standby, not replayed.
    for (let i = 0; ; i++) {
      const { rows: got } = await pair().standby.query('SELECT pg_last_wal_receive_lsn() >= $1::pg_lsn AS done', [rows[0].lsn]);
      if (got[0].done) break;
      if (i > 600) throw new Error('the standby did not receive the WAL');
      await new Promise((r) => setTimeout(r, 50));
    }

    const primaryLag = async () =>
      Number((await pair().primary.query('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::float8 AS b FROM pg_stat_replication')).rows[0].b);
    const before = await primaryLag();
    const onPrimary = await collectReplication(primary, await collectServerFacts(primary));
    const after = await primaryLag();
    expect(before).to.be.greaterThan(1_000_000);
    expect(onPrimary.standbys[0]!.replayLagBytes).to.be.within(before, after);

    const standbyLag = async () =>
      (
        await pair().standby.query(
          `SELECT pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::float8 AS b,
                  (extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::float8 AS ms`,
        )
      ).rows[0] as { b: number; ms: number };
    const s0 = await standbyLag();
    const onStandby = await collectReplication(standby, await collectServerFacts(standby));
    const s1 = await standbyLag();
    expect(onStandby.inRecovery).to.equal(true);
    expect(onStandby.standbys).to.deep.equal([]);
    expect(onStandby.receiver).to.include({ status: 'streaming', upstreamHost: '127.0.0.1', upstreamPort: pair().primary.port });
    expect(onStandby.replayLagBytes).to.be.within(s0.b, s1.b);
    expect(onStandby.replayLagMs).to.be.within(s0.ms, s1.ms);

    await pair().standby.query('SELECT pg_wal_replay_resume()');
    await pair().caughtUp();
    const caughtUp = await collectReplication(standby, await collectServerFacts(standby));
    expect(caughtUp.replayLagBytes).to.equal(0);
    expect(caughtUp.replayLagMs).to.equal(0);
    await pair().primary.query(`DROP TABLE ${table}, ${table}_first`);
  });

  it('the task sends one snapshot a run, with no status, from either server', async () => {
    for (const url of [pair().primary.monitorUrl, pair().standby.monitorUrl]) {
      const client = await monitor(url);
      const result = await replicationTask.run({ client, nowMs: Date.now(), persisted: undefined } as never);
      expect(result.statuses).to.deep.equal([]);
      expect(result.records.pgReplication).to.have.length(1);
    }
  });
});
