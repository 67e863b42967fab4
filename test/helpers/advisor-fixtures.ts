import type { Finding } from '../../server/src/engines/advisors/advisor.js';

/** One advisor finding, as a scan would write it: for tests that need a real recommendation without running a scan. */
export const unusedIndexFinding: Finding = {
  type: 'unused_index',
  severity: 'low',
  objectKey: 'index/b/public/t/t_idx',
  object: { kind: 'index', database: 'b', schema: 'public', table: 't', name: 't_idx' },
  title: 'Unused index t_idx',
  message: 'never scanned',
  evidence: { window: { since: 0, until: 1 }, figures: {}, notes: [] },
  runbook: { steps: [], sql: 'DROP INDEX CONCURRENTLY "public"."t_idx";' },
  impact: { summary: '', bytes_reclaimed: null, time_saved_ms_per_day: null },
};
