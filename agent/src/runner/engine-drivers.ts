import type { EngineName } from '@vigil/shared';
import { ClickHouseSession } from '../collectors/clickhouse/clickhouse-session.js';
import type { EngineDriver } from './database-session.js';
import { PostgresSession } from './postgres-session.js';
import { TASK_TABLES } from './task-tables.js';

/** How the runner reaches each engine by default; an engine without an entry is announced to the server but not collected. */
export const ENGINE_DRIVERS: Readonly<Partial<Record<EngineName, EngineDriver<unknown>>>> = {
  postgres: {
    tasks: TASK_TABLES.postgres,
    // The entry's `databases:` reaches the tables task only through the session's scope.
    openSession: (database, options) => new PostgresSession(database, database.databases === undefined ? options : { ...options, scope: database.databases }),
  },
  clickhouse: {
    tasks: TASK_TABLES.clickhouse,
    openSession: (database, options) => new ClickHouseSession(database, options),
  },
};
