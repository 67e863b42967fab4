import type { CollectorTask } from '../../runner/collector-task.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { isAccessDenied, privilegeMissing } from './clickhouse-statuses.js';
import { disksTask } from './disks-task.js';
import { keeperTask } from './keeper-task.js';
import { errorsTask } from './errors-task.js';
import { mergesTask } from './merges-task.js';
import { mutationsTask } from './mutations-task.js';
import { partsTask } from './parts-task.js';
import { processesTask } from './processes-task.js';
import { queryLogTask } from './query-log-task.js';
import { replicasTask } from './replicas-task.js';
import { serverTask } from './server-task.js';
import { tableSchemasTask } from './table-schemas-task.js';

/**
 * A task whose queries ClickHouse refuses the agent's user (ACCESS_DENIED, on releases with SQL
 * access control) reports a named status instead of failing every interval; its state is kept,
 * so once the grant is given it resumes from where it was.
 */
function reportingAccessDenied<P>(task: CollectorTask<ClickHouseQueryClient, P>): CollectorTask<ClickHouseQueryClient, P> {
  return {
    ...task,
    async run(input) {
      try {
        return await task.run(input);
      } catch (err) {
        if (!isAccessDenied(err)) throw err;
        return { records: {}, statuses: [privilegeMissing(task.name, err)], persisted: input.previous };
      }
    },
  };
}

/**
 * Every ClickHouse collector task, each on its own default interval (overridable by name under
 * `intervals:`, shared with the PostgreSQL task of the same name): query_log 60 s, parts 5 min,
 * merges 30 s, mutations 60 s, replicas (with the replication queue) 30 s, disks 5 min,
 * errors 60 s, server 60 s, processes 10 s, table_schemas 1 h, keeper 30 s.
 */
// `any`: each task persists its own state type, which the runner only stores and hands back.
export const CLICKHOUSE_TASKS: readonly CollectorTask<ClickHouseQueryClient, any>[] = [
  queryLogTask,
  partsTask,
  mergesTask,
  mutationsTask,
  replicasTask,
  disksTask,
  errorsTask,
  serverTask,
  processesTask,
  tableSchemasTask,
  keeperTask,
].map((task: CollectorTask<ClickHouseQueryClient, any>) => reportingAccessDenied(task));
