import type { CollectorTask, TaskStatus } from '../../runner/collector-task.js';
import { diffServer } from '../../diff/server-diff.js';
import type { ServerBaseline } from '../../state/postgres-server-state.js';
import { serverToWire } from '../../transform/server-transform.js';
import { collectCheckpointer } from './checkpointer-collector.js';
import { collectConnections } from './connections-collector.js';
import { collectDatabaseStats } from './database-stats-collector.js';
import { collectIo, IO_VIEW_SINCE } from './io-collector.js';
import type { PgQueryClient } from './pg-query-client.js';
import { collectServerFacts } from './server-facts-collector.js';
import { collectSettings } from './settings-collector.js';
import { statsPrivilegeMissing, versionUnsupported } from './task-statuses.js';
import { collectWal, WAL_VIEW_SINCE } from './wal-collector.js';

const WAL_UNAVAILABLE: TaskStatus = { code: 'pg_stat_wal_unavailable', message: 'pg_stat_wal needs PostgreSQL 14; WAL statistics are not collected' };
const IO_UNAVAILABLE: TaskStatus = { code: 'pg_stat_io_unavailable', message: 'pg_stat_io needs PostgreSQL 16; I/O statistics are not collected' };

/**
 * Server-wide statistics every minute: pg_stat_database per database (deltas) with sizes and
 * XID age, connections against max_connections, checkpointer/bgwriter, WAL and I/O (deltas),
 * and the key settings when they change. Views the version lacks are reported as statuses.
 */
export const serverTask: CollectorTask<PgQueryClient, ServerBaseline> = {
  name: 'server',
  engine: 'postgres',
  defaultIntervalMs: 60_000,
  async run({ client, previous, nowMs }) {
    const facts = await collectServerFacts(client);
    const unsupported = versionUnsupported(facts);
    if (unsupported) return { records: {}, statuses: [unsupported], persisted: previous };
    const snapshot = {
      connections: await collectConnections(client, facts),
      databases: await collectDatabaseStats(client, facts),
      checkpointer: await collectCheckpointer(client, facts),
      wal: await collectWal(client, facts),
      io: await collectIo(client, facts),
      settings: await collectSettings(client),
    };
    const statuses: TaskStatus[] = [];
    if (facts.versionNum < WAL_VIEW_SINCE) statuses.push(WAL_UNAVAILABLE);
    if (facts.versionNum < IO_VIEW_SINCE) statuses.push(IO_UNAVAILABLE);
    const privilege = statsPrivilegeMissing(facts, 'the sizes of databases it may not connect to');
    if (privilege) statuses.push(privilege);
    const { diffed, baseline } = diffServer(previous, snapshot, nowMs);
    return { records: { pgServer: [serverToWire(diffed)] }, statuses, persisted: baseline };
  },
};
