/**
 * The PostgreSQL release (server_version_num) each optional statistics view arrived in. The agent
 * collects a view only from its release on; the server says why an answer is empty with the same
 * figure, so the two cannot disagree.
 */
export const POSTGRES_VIEW_SINCE = {
  pg_stat_wal: 140000,
  pg_stat_io: 160000,
} as const;

export type PostgresView = keyof typeof POSTGRES_VIEW_SINCE;

/** The major release of a server_version_num (140005 → 14). */
export function postgresMajorOf(versionNum: number): number {
  return Math.floor(versionNum / 10000);
}
