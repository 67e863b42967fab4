import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { uuidv7 } from '@vigil/shared';
import { validateBatch } from '../../../server/src/ingest/batch-validator.js';
import { KyselyMetaStore } from '../../../server/src/storage/meta/kysely-meta-store.js';
import type { Database, MetaStore } from '../../../server/src/storage/meta/meta-store.js';
import { createPostgresMetaDialect } from '../../../server/src/storage/meta/postgres/postgres-meta-dialect.js';
import { createSqliteMetaDialect } from '../../../server/src/storage/meta/sqlite/sqlite-meta-dialect.js';
import { ChdbSqlClient } from '../../../server/src/storage/telemetry/chdb/chdb-telemetry-store.js';
import { ClickHouseHttpSqlClient } from '../../../server/src/storage/telemetry/clickhouse/clickhouse-telemetry-store.js';
import { SqlTelemetryStore } from '../../../server/src/storage/telemetry/sql-telemetry-store.js';
import type { TelemetrySqlClient } from '../../../server/src/storage/telemetry/telemetry-sql-client.js';
import { useClickHouse } from '../../harness/clickhouse.js';
import { usePostgres } from '../../harness/postgres.js';
import type { CrashSpec } from '../../helpers/ingest-crash-child.js';
import { FAULT_BATCH_STORED, faultBatch, faultQueue, resend, storedCounts } from '../../helpers/ingest-faults.js';

/**
 * A server process killed between a batch's inserts (issue 14): a child process writes the batch and
 * SIGKILLs itself after its n-th insert, holding its claim; the agent's re-send reaches this process
 * once the claim lapses, and every table holds the batch exactly once. On every metadata × telemetry pair.
 */

interface Location<S> {
  readonly name: string;
  /** Call inside describe(): hooks, then how to make a fresh location. */
  setup(): () => Promise<{ spec: S; dispose(): void | Promise<void> }>;
}

const META: readonly Location<CrashSpec['meta']>[] = [
  {
    name: 'sqlite',
    setup: () => async () => {
      const dir = mkdtempSync(join(tmpdir(), 'vigil-crash-meta-'));
      return { spec: { sqlitePath: join(dir, 'meta.sqlite') }, dispose: () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    setup() {
      const postgres = usePostgres();
      return async () => {
        const pg = postgres();
        const database = `vigil_crash_${randomBytes(6).toString('hex')}`;
        await pg.query(`CREATE DATABASE ${database}`);
        const url = new URL(pg.superuserUrl);
        url.pathname = `/${database}`;
        return { spec: { postgresUrl: url.href }, dispose: async () => void (await pg.query(`DROP DATABASE ${database} WITH (FORCE)`)) };
      };
    },
  },
];

const TELEMETRY: readonly Location<CrashSpec['telemetry']>[] = [
  {
    name: 'chdb',
    setup: () => async () => {
      const dir = mkdtempSync(join(tmpdir(), 'vigil-crash-chdb-'));
      return { spec: { chdbDir: dir }, dispose: () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'clickhouse',
    setup() {
      const clickhouse = useClickHouse();
      return async () => {
        const ch = clickhouse();
        const database = `vigil_crash_${randomBytes(6).toString('hex')}`;
        await ch.query(`CREATE DATABASE ${database}`);
        return { spec: { clickhouseUrl: `${ch.httpUrl}/${database}` }, dispose: async () => void (await ch.query(`DROP DATABASE ${database}`)) };
      };
    },
  },
];

function openMeta(spec: CrashSpec['meta']): MetaStore {
  return new KyselyMetaStore('sqlitePath' in spec ? createSqliteMetaDialect(spec.sqlitePath) : createPostgresMetaDialect(spec.postgresUrl, { maxConnections: 2 }));
}

function openClient(spec: CrashSpec['telemetry']): TelemetrySqlClient {
  return 'chdbDir' in spec ? new ChdbSqlClient(spec.chdbDir) : new ClickHouseHttpSqlClient(spec.clickhouseUrl);
}

/** Runs the crashing writer; resolves with the signal that ended it. */
function runCrashingWriter(spec: CrashSpec): Promise<NodeJS.Signals | number | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/ingest-crash-child.ts'], {
    env: { ...process.env, VIGIL_CRASH_SPEC: JSON.stringify(spec) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(signal ?? code));
  });
}

// Long enough that a loaded machine does not fence the writer off before it gets to die.
const LEASE_MS = 2000;

for (const metaLocation of META) {
  for (const telemetryLocation of TELEMETRY) {
    describe(`exactly once after a server killed between inserts: ${metaLocation.name} + ${telemetryLocation.name}`, function () {
      this.timeout(60_000);
      const makeMeta = metaLocation.setup();
      const makeTelemetry = telemetryLocation.setup();

      // After insert #2: one kind's tables hold the batch, the other's may or may not (its inserts run concurrently).
      for (const killAfterInsert of [2]) {
        it(`stores the batch once when the writer died after insert #${killAfterInsert} and the agent re-sent it here`, async () => {
          const metaAt = await makeMeta();
          const telemetryAt = await makeTelemetry();
          const meta = openMeta(metaAt.spec);
          try {
            await meta.migrate();
            const { org } = await meta.createOrganizationWithUser({ orgName: 'Crash', email: 'c@example.com', name: 'C', passwordHash: 'unused' });
            const agentId = (await meta.upsertAgent({ orgId: org.id, hostname: 'h', agentVersion: 't', at: new Date().toISOString() })).id;
            const db: Database = await meta.upsertDatabase({ orgId: org.id, name: 'main', engine: 'postgres', engineVersion: '15', agentId, at: new Date().toISOString() });
            const wire = faultBatch(uuidv7(), Date.now());

            const ended = await runCrashingWriter({ meta: metaAt.spec, telemetry: telemetryAt.spec, database: db, batch: wire, killAfterInsert, claimLeaseMs: LEASE_MS });
            expect(ended).to.equal('SIGKILL');
            expect(await meta.getIngestedBatch(wire.batchId!)).to.equal(undefined);

            // This process opens the telemetry only now: chDB's directory was the dead writer's.
            const client = openClient(telemetryAt.spec);
            try {
              const telemetry = new SqlTelemetryStore(client);
              await telemetry.migrate();
              const queue = faultQueue(meta, telemetry);
              const b = validateBatch(wire, db);
              // The dead writer's claim holds until its lease lapses: until then the agent is told to come back.
              expect(await resend(queue, b)).to.deep.equal({ duplicate: false, rows: 6 });
              expect(await queue.submit(b, 100)).to.deep.equal({ duplicate: true, rows: 6 });
              expect(await storedCounts(client, db.id)).to.deep.equal(FAULT_BATCH_STORED);
            } finally {
              await client.close();
            }
          } finally {
            await meta.close();
            await metaAt.dispose();
            await telemetryAt.dispose();
          }
        });
      }
    });
  }
}
