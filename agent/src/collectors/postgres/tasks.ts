import type { CollectorTask } from '../../runner/collector-task.js';
import { activityTask } from './activity-task.js';
import { locksTask } from './locks-task.js';
import type { PgTaskClient } from './pg-query-client.js';
import { replicationTask } from './replication-task.js';
import { serverTask } from './server-task.js';
import { statementsTask } from './statements-task.js';
import { tablesTask } from './tables-task.js';
import { waitEventsTask } from './wait-events-task.js';

/**
 * Every PostgreSQL collector task, each on its own default interval (overridable by name under
 * `intervals:`): statements 60 s, activity 10 s, locks 15 s, wait_events 5 s (sampling; sent
 * per minute), tables 5 min, replication 30 s, server 60 s. All but tables need only a
 * PgQueryClient; tables uses PgTaskClient.otherDatabases when the entry sets `databases:`.
 */
// `any`: each task persists its own state type, which the runner only stores and hands back.
export const POSTGRES_TASKS: readonly CollectorTask<PgTaskClient, any>[] = [
  statementsTask,
  activityTask,
  locksTask,
  waitEventsTask,
  tablesTask,
  replicationTask,
  serverTask,
];
