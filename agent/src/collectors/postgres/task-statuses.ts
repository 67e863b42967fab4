import type { TaskStatus } from '../../runner/collector-task.js';
import type { ServerFacts } from './server-facts-collector.js';

/** The oldest release the PostgreSQL collectors are written for (server_version_num). */
export const MIN_SERVER_VERSION_NUM = 120000;

/** PostgreSQL 15.4 → "15" (majors from 10 on are the first two digits of server_version_num). */
export function majorVersion(versionNum: number): number {
  return Math.floor(versionNum / 10000);
}

/** A status when the server is older than the collectors support; the task then collects nothing. */
export function versionUnsupported(facts: ServerFacts): TaskStatus | undefined {
  if (facts.versionNum >= MIN_SERVER_VERSION_NUM) return undefined;
  return {
    code: 'server_version_unsupported',
    message: `PostgreSQL ${majorVersion(facts.versionNum)} is older than 12, the oldest release Vigil collects from`,
  };
}

/** A status when the role sees only its own sessions' details; collection goes on with what it sees. */
export function statsPrivilegeMissing(facts: ServerFacts, what: string): TaskStatus | undefined {
  if (facts.canReadAllStats) return undefined;
  return {
    code: 'privilege_missing',
    message: `role ${facts.role} cannot see ${what} of other roles; grant it pg_monitor (includes pg_read_all_stats)`,
    fixSql: `GRANT pg_monitor TO ${facts.role};`,
  };
}
