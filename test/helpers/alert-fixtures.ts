import type { NewAlert } from '../../server/src/storage/meta/alerts-repository.js';

/** A warning on blocked queries of the database as a whole, opened now; `over` changes any field. */
export function blockedQueriesAlert(orgId: string, databaseId: string, over: Partial<NewAlert> = {}): NewAlert {
  return {
    org_id: orgId,
    database_id: databaseId,
    rule_id: 'builtin:pg.blocked_queries:warning',
    rule_name: 'Blocked queries',
    metric_key: 'pg.blocked_queries',
    severity: 'warning',
    operator: '>=',
    threshold: 1,
    value: 2,
    object_key: '',
    object_label: 'database',
    opened_at: new Date().toISOString(),
    delivery_status: 'pending',
    ...over,
  };
}
