import type { EngineName } from '@vigil/shared';
import { CLICKHOUSE_TASKS } from '../collectors/clickhouse/tasks.js';
import { POSTGRES_TASKS } from '../collectors/postgres/tasks.js';
import type { CollectorTask } from './collector-task.js';

/** Every engine's collector tasks: what the runner schedules and what `intervals:` in the config may name. */
export const TASK_TABLES: Readonly<Record<EngineName, readonly CollectorTask<unknown, unknown>[]>> = {
  postgres: POSTGRES_TASKS,
  clickhouse: CLICKHOUSE_TASKS,
};

/** Every task name across engines: the keys `intervals:` accepts. */
export const TASK_NAMES: readonly string[] = [...new Set(Object.values(TASK_TABLES).flatMap((tasks) => tasks.map((task) => task.name)))];
