import type { TaskStatus } from '../../runner/collector-task.js';

/** The grant every ClickHouse collector needs; on releases before SQL access control, users.xml decides instead. */
export const SYSTEM_GRANT_SQL = 'GRANT SELECT ON system.* TO <agent user>;';

/**
 * A system table this server does not offer, or does not show this user. Collection from it
 * stops (the rest of the task goes on) and the runner reports the status once, not per interval.
 */
export function systemTableUnavailable(table: string): TaskStatus {
  return {
    code: `system_${table}_unavailable`,
    message: `system.${table} is not available: this ClickHouse release does not have it, or the agent's user may not read it (on releases with SQL access control, grant it SELECT ON system.*)`,
    fixSql: SYSTEM_GRANT_SQL,
  };
}
