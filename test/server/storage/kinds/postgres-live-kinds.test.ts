import { expect } from 'chai';
import type { vigil } from '@vigil/proto';
import type { TelemetryStore } from '../../../../server/src/storage/telemetry/telemetry-store.js';
import { activityKind, latestActivity, sessionsNear } from '../../../../server/src/storage/telemetry/kinds/postgres/activity-kind.js';
import { latestLocks, locksKind } from '../../../../server/src/storage/telemetry/kinds/postgres/locks-kind.js';
import { waitBuckets, waitEventsKind } from '../../../../server/src/storage/telemetry/kinds/postgres/wait-events-kind.js';
import { TELEMETRY_BACKENDS } from '../../../helpers/backends.js';
import { identityOf, refusal, store, T0 } from './postgres-kind-helpers.js';

function session(pid: number, overrides: Partial<vigil.v1.IPgSession> = {}): vigil.v1.IPgSession {
  return { pid, datname: 'app', usename: 'alice', state: 'active', query: `SELECT $1 -- ${pid}`, queryDurationMs: pid, queryStartMs: T0 - pid, ...overrides };
}

for (const backend of TELEMETRY_BACKENDS) {
  describe(`PostgreSQL live record kinds: ${backend.name}`, () => {
    let telemetry: TelemetryStore;
    let dispose: (() => Promise<void>) | undefined;
    const open = backend.setup();
    before(async () => {
      ({ store: telemetry, dispose } = await open());
    });
    after(async () => {
      await dispose?.();
    });
    const ctx = () => telemetry.kindContext();
    const db = { orgId: 'org', databaseId: 'db' };

    describe('activity', () => {
      before(async () => {
        await store(telemetry, activityKind, { pgActivity: [{ tsMs: T0, sessions: [session(1), session(2)] }] }, identityOf('b1'));
        await store(
          telemetry,
          activityKind,
          {
            pgActivity: [
              {
                tsMs: T0 + 10_000,
                sessions: [
                  session(10, { queryDurationMs: 5 }),
                  session(11, { state: 'idle in transaction', queryDurationMs: 900, xactDurationMs: 1200, stateDurationMs: 800 }),
                  session(12, { waitEventType: 'Lock', waitEvent: 'relation', blockingPids: [11], queryDurationMs: 300 }),
                ],
                sessionsOmitted: 4,
                stateCounts: [
                  { state: 'idle', count: 7 },
                  { state: 'active', count: 2 },
                  { state: 'idle in transaction', count: 1 },
                ],
                longestTransactionMs: 1200,
                longestTransactionPid: 11,
                longestIdleInTransactionMs: 800,
                longestIdleInTransactionPid: 11,
                waitingOnLocks: 1,
              },
            ],
          },
          identityOf('b2'),
          true,
        );
        // Another org and another database: never visible to db.
        await store(telemetry, activityKind, { pgActivity: [{ tsMs: T0 + 20_000, sessions: [session(99)] }] }, identityOf('b3', 'org2'));
        await store(telemetry, activityKind, { pgActivity: [{ tsMs: T0 + 20_000, sessions: [session(98)] }] }, identityOf('b4', 'org', 'db2'));
      });

      it('reads the latest snapshot once, longest query first, limited', async () => {
        const latest = await latestActivity(ctx(), { ...db, limit: 200 });
        expect(latest!.ts).to.equal(T0 + 10_000);
        expect(latest!.sessions.map((s) => s.pid)).to.deep.equal([11, 12, 10]);
        expect(latest!.sessions_listed).to.equal(3);
        expect(latest!.sessions_omitted).to.equal(4);
        expect(latest!.state_counts).to.deep.equal([
          { state: 'active', count: 2 },
          { state: 'idle', count: 7 },
          { state: 'idle in transaction', count: 1 },
        ]);
        expect(latest).to.include({ longest_transaction_ms: 1200, longest_transaction_pid: 11, waiting_on_locks: 1 });
        const waiter = latest!.sessions[1]!;
        expect(waiter).to.include({ pid: 12, wait_event_type: 'Lock', wait_event: 'relation', usename: 'alice', query: 'SELECT $1 -- 12' });
        expect(waiter.blocking_pids).to.deep.equal([11]);
        expect(latest!.sessions[0]).to.include({ state: 'idle in transaction', xact_duration_ms: 1200, state_duration_ms: 800 });
        expect((await latestActivity(ctx(), { ...db, limit: 1 }))!.sessions.map((s) => s.pid)).to.deep.equal([11]);
      });

      it('is null before the first snapshot and an empty snapshot is still the latest', async () => {
        expect(await latestActivity(ctx(), { orgId: 'org', databaseId: 'nothing', limit: 10 })).to.equal(null);
        await store(telemetry, activityKind, { pgActivity: [{ tsMs: T0 + 30_000 }] }, identityOf('b5', 'org', 'db3'));
        await store(telemetry, activityKind, { pgActivity: [{ tsMs: T0, sessions: [session(5)] }] }, identityOf('b6', 'org', 'db3'));
        const latest = await latestActivity(ctx(), { orgId: 'org', databaseId: 'db3', limit: 10 });
        expect(latest!.ts).to.equal(T0 + 30_000);
        expect(latest!.sessions).to.deep.equal([]);
      });

      it('finds sessions by pid in the snapshot nearest a moment', async () => {
        const near = await sessionsNear(ctx(), { ...db, ts: T0 + 12_000, toleranceMs: 5_000, pids: [11, 12, 404] });
        expect([...near.keys()].sort()).to.deep.equal([11, 12]);
        expect((await sessionsNear(ctx(), { ...db, ts: T0 + 100_000, toleranceMs: 5_000, pids: [11] })).size).to.equal(0);
      });

      it('refuses a bad snapshot naming the field', () => {
        expect(refusal(activityKind, { pgActivity: [{ tsMs: 5 }] })).to.match(/^pg_activity\[0\]\.ts_ms/);
        expect(refusal(activityKind, { pgActivity: [{ tsMs: T0, sessions: [session(1), session(2, { queryDurationMs: Number.NaN })] }] })).to.match(/^pg_activity\[0\]\.sessions\[1\]\.query_duration_ms/);
      });
    });

    describe('locks', () => {
      before(async () => {
        await store(
          telemetry,
          locksKind,
          {
            pgLocks: [
              {
                tsMs: T0 + 15_000,
                locks: [
                  { pid: 11, locktype: 'relation', mode: 'AccessExclusiveLock', granted: true, datname: 'app', relation: 'public.orders', relationOid: 16384 },
                  { pid: 12, locktype: 'relation', mode: 'AccessShareLock', granted: false, datname: 'app', relation: 'public.orders', relationOid: 16384, blockingPids: [11], waitDurationMs: 2500 },
                  { pid: 13, locktype: 'transactionid', mode: 'ShareLock', granted: false, transactionid: '742', blockingPids: [11], waitDurationMs: 100 },
                ],
                locksOmitted: 2,
                counts: [
                  { locktype: 'relation', mode: 'AccessShareLock', granted: true, count: 40 },
                  { locktype: 'relation', mode: 'AccessExclusiveLock', granted: true, count: 1 },
                  { locktype: 'relation', mode: 'AccessShareLock', granted: false, count: 1 },
                ],
              },
            ],
          },
          identityOf('l1'),
          true,
        );
      });

      it('reads the latest snapshot: waiters first, longest wait first, then holders, each once', async () => {
        const locks = await latestLocks(ctx(), { ...db, limit: 100 });
        expect(locks!.ts).to.equal(T0 + 15_000);
        expect(locks!.locks.map((l) => [l.pid, l.granted])).to.deep.equal([
          [12, false],
          [13, false],
          [11, true],
        ]);
        expect(locks!.locks[0]).to.include({ relation: 'public.orders', mode: 'AccessShareLock', wait_duration_ms: 2500, relation_oid: 16384 });
        expect(locks!.locks[0]!.blocking_pids).to.deep.equal([11]);
        expect(locks!.locks[1]).to.include({ locktype: 'transactionid', transactionid: '742' });
        expect(locks).to.include({ locks_listed: 3, locks_omitted: 2 });
        expect(locks!.counts).to.deep.equal([
          { locktype: 'relation', mode: 'AccessExclusiveLock', granted: true, count: 1 },
          { locktype: 'relation', mode: 'AccessShareLock', granted: false, count: 1 },
          { locktype: 'relation', mode: 'AccessShareLock', granted: true, count: 40 },
        ]);
        expect((await latestLocks(ctx(), { ...db, limit: 1 }))!.locks).to.have.length(1);
        expect(await latestLocks(ctx(), { orgId: 'org2', databaseId: 'db', limit: 1 })).to.equal(null);
      });

      it('refuses a bad lock naming the field', () => {
        expect(refusal(locksKind, { pgLocks: [{ tsMs: T0, locks: [{ pid: 1, waitDurationMs: -1 }] }] })).to.match(/^pg_locks\[0\]\.locks\[0\]\.wait_duration_ms/);
      });
    });

    describe('wait events', () => {
      before(async () => {
        const period = (start: number, samples: number, events: vigil.v1.IPgWaitEventCount[]): vigil.v1.IPgWaitEventPeriod => ({ periodStartMs: start, periodEndMs: start + 60_000, samples, events });
        await store(
          telemetry,
          waitEventsKind,
          {
            pgWaitEvents: [
              period(T0, 12, [
                { waitEventType: 'Lock', waitEvent: 'relation', count: 12 },
                { waitEventType: 'CPU', waitEvent: 'CPU', count: 6 },
              ]),
              period(T0 + 60_000, 6, [{ waitEventType: 'Lock', waitEvent: 'relation', count: 3 }]),
              period(T0 + 120_000, 12, [{ waitEventType: 'IO', waitEvent: 'DataFileRead', count: 24 }]),
            ],
          },
          identityOf('w1', 'org', 'db', T0 + 180_000),
          true,
        );
      });

      it('buckets periods: counts summed, time as average sessions times the period', async () => {
        const range = { ...db, since: T0, until: T0 + 180_000, limit: 100 };
        expect(await waitBuckets(ctx(), { ...range, bucketMs: 120_000 })).to.deep.equal([
          { ts: T0, wait_event_type: 'Lock', wait_event: 'relation', count: 15, total_duration_ms: 90_000 },
          { ts: T0, wait_event_type: 'CPU', wait_event: 'CPU', count: 6, total_duration_ms: 30_000 },
          { ts: T0 + 120_000, wait_event_type: 'IO', wait_event: 'DataFileRead', count: 24, total_duration_ms: 120_000 },
        ]);
        const perMinute = await waitBuckets(ctx(), { ...range, bucketMs: 60_000, limit: 2 });
        expect(perMinute.map((w) => [w.ts, w.wait_event_type])).to.deep.equal([
          [T0, 'Lock'],
          [T0, 'CPU'],
        ]);
        expect(await waitBuckets(ctx(), { ...range, since: T0 + 180_000, until: T0 + 240_000, bucketMs: 60_000 })).to.deep.equal([]);
      });

      it('refuses a period that ends before it starts, or counts without samples', () => {
        expect(refusal(waitEventsKind, { pgWaitEvents: [{ periodStartMs: T0, periodEndMs: T0 }] })).to.match(/^pg_wait_events\[0\]\.period_end_ms/);
        expect(refusal(waitEventsKind, { pgWaitEvents: [{ periodStartMs: T0, periodEndMs: T0 + 60_000, events: [{ waitEventType: 'IO', waitEvent: 'x', count: 1 }] }] })).to.match(
          /^pg_wait_events\[0\]\.samples/,
        );
      });
    });
  });
}
