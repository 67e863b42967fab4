/**
 * A server process's ingest that dies between a batch's inserts (ingest-crash.test.ts runs it with
 * `node --import tsx`): it opens the metadata and telemetry stores the test names, writes the batch
 * through a real IngestQueue over the fault-injecting client, and SIGKILLs itself right after the
 * `killAfterInsert`-th insert returned: no cleanup, no release of its claim, inserts of other kinds
 * possibly still in flight. Exits 3 if it ever gets past the write.
 */
import type { vigil } from '@vigil/proto';
import { validateBatch } from '../../server/src/ingest/batch-validator.js';
import { KyselyMetaStore } from '../../server/src/storage/meta/kysely-meta-store.js';
import type { Database } from '../../server/src/storage/meta/meta-store.js';
import { createPostgresMetaDialect } from '../../server/src/storage/meta/postgres/postgres-meta-dialect.js';
import { createSqliteMetaDialect } from '../../server/src/storage/meta/sqlite/sqlite-meta-dialect.js';
import { ChdbSqlClient } from '../../server/src/storage/telemetry/chdb/chdb-telemetry-store.js';
import { ClickHouseHttpSqlClient } from '../../server/src/storage/telemetry/clickhouse/clickhouse-telemetry-store.js';
import { SqlTelemetryStore } from '../../server/src/storage/telemetry/sql-telemetry-store.js';
import { FaultyTelemetryClient } from './faulty-telemetry-client.js';
import { faultQueue } from './ingest-faults.js';

/** Where the stores are and what to write: the test passes it as JSON in VIGIL_CRASH_SPEC. */
export interface CrashSpec {
  readonly meta: { readonly sqlitePath: string } | { readonly postgresUrl: string };
  readonly telemetry: { readonly chdbDir: string } | { readonly clickhouseUrl: string };
  readonly database: Database;
  readonly batch: vigil.v1.IBatch;
  readonly killAfterInsert: number;
  readonly claimLeaseMs: number;
}

const spec = JSON.parse(process.env.VIGIL_CRASH_SPEC ?? '') as CrashSpec;
const meta = new KyselyMetaStore('sqlitePath' in spec.meta ? createSqliteMetaDialect(spec.meta.sqlitePath) : createPostgresMetaDialect(spec.meta.postgresUrl, { maxConnections: 2 }));
const client = new FaultyTelemetryClient('chdbDir' in spec.telemetry ? new ChdbSqlClient(spec.telemetry.chdbDir) : new ClickHouseHttpSqlClient(spec.telemetry.clickhouseUrl));
const telemetry = new SqlTelemetryStore(client);
await telemetry.migrate();
client.arm(spec.killAfterInsert, { kind: 'after', run: () => process.kill(process.pid, 'SIGKILL') });
const queue = faultQueue(meta, telemetry, spec.claimLeaseMs);
await queue.submit(validateBatch(spec.batch, spec.database), 100).catch((err: unknown) => console.error("crash child: the write failed instead:", err));
process.exit(3);
