import { expect } from 'chai';
import { clickHouseKeeperKind, latestClickHouseKeeper } from '../../../../server/src/storage/telemetry/kinds/clickhouse/keeper-kind.js';
import type { BatchIdentity, KindContext } from '../../../../server/src/storage/telemetry/record-kind.js';
import type { TelemetryStore } from '../../../../server/src/storage/telemetry/telemetry-store.js';
import { TELEMETRY_BACKENDS } from '../../../helpers/backends.js';
import { storeRecords, MINUTE } from './clickhouse-batches.js';

const END = Date.parse('2026-11-01T12:00:30Z');
const db = { orgId: 'org', databaseId: 'db' };
const at: BatchIdentity = { org_id: 'org', database_id: 'db', batch_id: 'b1', window_start: END - MINUTE, window_end: END };

const session = {
  configured: true,
  sessionOk: true,
  rootReadMs: 1.25,
  sessions: 1,
  watches: 5,
  requestsInFlight: 0,
  sessionInits: 2,
  hardwareExceptions: 1,
  userExceptions: 3,
  otherExceptions: 0,
  transactions: 90,
  waitMicroseconds: 392_062,
  hasConnectionTable: true,
  connectedHost: 'keeper-2',
  connectedPort: 9181,
  connectedSinceMs: END - 3_600_000,
  sessionExpired: false,
};

for (const backend of TELEMETRY_BACKENDS) {
  describe(`ClickHouse keeper kind contract: ${backend.name}`, () => {
    let store: TelemetryStore;
    let ctx: KindContext;
    let dispose: (() => Promise<void>) | undefined;
    const open = backend.setup();

    before(async () => {
      ({ store, dispose } = await open());
      ctx = store.kindContext();
      await storeRecords(store, { clickhouseKeeper: [{ ...session, tsMs: END - MINUTE, sessionOk: false, sessionError: 'Code: 999, Coordination::Exception', nodes: [] }] }, { window_end: END - MINUTE, batch_id: 'b0' });
      const newest = {
        clickhouseKeeper: [
          {
            ...session,
            tsMs: END,
            nodes: [
              { host: 'keeper-2', port: 9181, reachable: true, connectMs: 0.5, connected: true },
              { host: 'keeper-1', port: 9181, reachable: false, error: 'ECONNREFUSED' },
            ],
          },
        ],
      };
      await storeRecords(store, newest, { window_end: END });
      // A replayed batch must not double a node.
      await storeRecords(store, newest, { window_end: END });
      await storeRecords(store, { clickhouseKeeper: [{ tsMs: END, configured: false }] }, { window_end: END, database_id: 'plain' });
    });
    after(async () => {
      await dispose?.();
    });

    it('reads the newest snapshot: the session once and each node once, by host and port', async () => {
      const k = await latestClickHouseKeeper(ctx, db);
      expect(k!.ts).to.equal(END);
      expect(k!.session).to.deep.equal({
        configured: true,
        session_ok: true,
        session_error: '',
        root_read_ms: 1.25,
        sessions: 1,
        watches: 5,
        requests_in_flight: 0,
        session_inits: 2,
        hardware_exceptions: 1,
        user_exceptions: 3,
        other_exceptions: 0,
        transactions: 90,
        wait_microseconds: 392_062,
        has_connection_table: true,
        connected_host: 'keeper-2',
        connected_port: 9181,
        connected_since_ms: END - 3_600_000,
        session_expired: false,
      });
      expect(k!.nodes).to.deep.equal([
        { host: 'keeper-1', port: 9181, reachable: false, connect_ms: 0, error: 'ECONNREFUSED', connected: false },
        { host: 'keeper-2', port: 9181, reachable: true, connect_ms: 0.5, error: '', connected: true },
      ]);
    });

    it('a snapshot without nodes keeps its session; none at all reads null', async () => {
      const plain = await latestClickHouseKeeper(ctx, { orgId: 'org', databaseId: 'plain' });
      expect(plain!.session).to.include({ configured: false, session_ok: false });
      expect(plain!.nodes).to.deep.equal([]);
      expect(await latestClickHouseKeeper(ctx, { orgId: 'org', databaseId: 'none' })).to.equal(null);
    });
  });
}

describe('ClickHouse keeper kind: wire checks', () => {
  it('refuses a negative connect time or a fractional count, naming the wire path', () => {
    const refused = (batch: object) => {
      try {
        clickHouseKeeperKind.fromBatch(batch, at);
      } catch (err) {
        return (err as { code: string; message: string });
      }
      throw new Error('accepted');
    };
    expect(refused({ clickhouseKeeper: [{ tsMs: END, nodes: [{ host: 'k', port: 1, connectMs: -1 }] }] })).to.include({ code: 'INGEST_BAD_BATCH' });
    expect(refused({ clickhouseKeeper: [{ tsMs: END, nodes: [{ host: 'k', port: 1, connectMs: -1 }] }] }).message).to.include('clickhouse_keeper[0].nodes[0].connect_ms');
    expect(refused({ clickhouseKeeper: [{ tsMs: END, sessions: 1.5 }] }).message).to.include('clickhouse_keeper[0].sessions');
  });
});
