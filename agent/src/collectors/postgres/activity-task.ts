import type { CollectorTask, TaskStatus } from '../../runner/collector-task.js';
import { activityToWire } from '../../transform/activity-transform.js';
import { collectActivity } from './activity-collector.js';
import type { PgQueryClient } from './pg-query-client.js';
import { collectServerFacts } from './server-facts-collector.js';
import { statsPrivilegeMissing, versionUnsupported } from './task-statuses.js';

/** pg_stat_activity snapshots: sessions that are not idle and a per-state summary. Gauges only; nothing persists. */
export const activityTask: CollectorTask<PgQueryClient, undefined> = {
  name: 'activity',
  engine: 'postgres',
  defaultIntervalMs: 10_000,
  async run({ client, nowMs }) {
    const facts = await collectServerFacts(client);
    const unsupported = versionUnsupported(facts);
    if (unsupported) return { records: {}, statuses: [unsupported], persisted: undefined };
    const snapshot = await collectActivity(client, facts);
    const statuses = [statsPrivilegeMissing(facts, 'the queries, states and wait events')].filter((s): s is TaskStatus => s !== undefined);
    return { records: { pgActivity: [activityToWire(snapshot, nowMs)] }, statuses, persisted: undefined };
  },
};
