/**
 * The one method PostgreSQL collectors use: satisfied by pg.Client and pg.Pool, and by nothing
 * wider, so a collector cannot start transactions or hold connections behind the runner's back.
 */
export interface PgQueryClient {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}
