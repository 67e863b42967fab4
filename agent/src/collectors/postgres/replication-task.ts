import type { CollectorTask, TaskStatus } from '../../runner/collector-task.js';
import { replicationToWire } from '../../transform/replication-transform.js';
import type { PgQueryClient } from './pg-query-client.js';
import { collectReplication } from './replication-collector.js';
import { collectServerFacts } from './server-facts-collector.js';
import { statsPrivilegeMissing, versionUnsupported } from './task-statuses.js';

/** Replication snapshots every 30 s: role, standbys' lag, the standby's own lag, slots. Gauges only; nothing persists. */
export const replicationTask: CollectorTask<PgQueryClient, undefined> = {
  name: 'replication',
  engine: 'postgres',
  defaultIntervalMs: 30_000,
  async run({ client, nowMs }) {
    const facts = await collectServerFacts(client);
    const unsupported = versionUnsupported(facts);
    if (unsupported) return { records: {}, statuses: [unsupported], persisted: undefined };
    const snapshot = await collectReplication(client, facts);
    const statuses = [statsPrivilegeMissing(facts, 'the WAL positions and upstream of replication connections')].filter(
      (s): s is TaskStatus => s !== undefined,
    );
    return { records: { pgReplication: [replicationToWire(snapshot, nowMs)] }, statuses, persisted: undefined };
  },
};
