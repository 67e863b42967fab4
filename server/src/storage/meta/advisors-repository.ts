import type { AdviceSeverity, AdviceObject, EstimatedImpact, Evidence, RecommendationType, Runbook } from '../../engines/advisors/advisor.js';
import type { ScanChanges, ScanSummary, RecommendationStatus } from '../../engines/advisors/reconcile.js';

/** Scans and recommendations (migration 0007_advisors). Every read is scoped by organization. */

export type ScanStatus = 'queued' | 'running' | 'done' | 'failed';
export type ScanTrigger = 'manual' | 'schedule';
export const ATTRIBUTIONS = ['manual', 'auto_rule', 'auto_evidence', 'webhook'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

export interface Scan {
  readonly id: string;
  readonly org_id: string;
  readonly database_id: string;
  readonly status: ScanStatus;
  readonly trigger: ScanTrigger;
  readonly requested_at: string;
  readonly started_at: string | null;
  readonly finished_at: string | null;
  readonly summary: ScanSummary | null;
  readonly error: string | null;
}

export interface Recommendation {
  readonly id: string;
  readonly org_id: string;
  readonly database_id: string;
  readonly type: RecommendationType;
  readonly engine: string;
  readonly severity: AdviceSeverity;
  readonly object_key: string;
  readonly object: AdviceObject;
  readonly title: string;
  readonly message: string;
  readonly evidence: Evidence;
  readonly runbook: Runbook;
  readonly estimated_impact: EstimatedImpact;
  readonly status: RecommendationStatus;
  readonly attribution: Attribution | null;
  readonly closed_reason: string | null;
  readonly snoozed_until: string | null;
  readonly first_seen_at: string;
  readonly last_seen_at: string;
  readonly first_scan_id: string;
  readonly last_scan_id: string;
  readonly status_changed_at: string;
  readonly created_at: string;
  readonly updated_at: string;
}

export interface RecommendationFilter {
  readonly status?: RecommendationStatus;
  readonly type?: RecommendationType;
  readonly severity?: AdviceSeverity;
  readonly databaseId?: string;
  readonly limit: number;
  readonly offset: number;
}

export interface StatusChange {
  readonly status: 'open' | 'applied' | 'dismissed' | 'snoozed';
  readonly snoozedUntil: string | null;
  readonly at: string;
}

export interface AdvisorsRepository {
  /** Queues a scan of the database, or answers the unfinished one it already has (`created` false). */
  requestScan(orgId: string, databaseId: string, trigger: ScanTrigger, at: string): Promise<{ scan: Scan; created: boolean }>;
  getScan(orgId: string, databaseId: string, scanId: string): Promise<Scan | undefined>;
  /** Newest first. */
  listScans(orgId: string, databaseId: string, limit: number): Promise<Scan[]>;
  /** Queued scans, oldest first. */
  queuedScans(limit: number): Promise<Scan[]>;
  /** queued → running; false when another process took it first. */
  startScan(scanId: string, at: string): Promise<boolean>;
  finishScan(scanId: string, outcome: { status: 'done'; summary: ScanSummary } | { status: 'failed'; error: string }, at: string): Promise<void>;
  /** Fails scans still running since before `startedBefore`: their process stopped mid-scan (a live one renews its lease and finishes in seconds). */
  failAbandonedScans(startedBefore: string, at: string): Promise<number>;
  /** Databases with no scan requested since `since` (the schedule's candidates), at most `limit`. */
  databasesDueForScan(since: string, limit: number): Promise<{ org_id: string; id: string }[]>;
  /** Every recommendation of a database (the scan reconciles against them). */
  databaseRecommendations(databaseId: string): Promise<Recommendation[]>;
  /** Writes one scan's changes in one transaction. */
  applyScanChanges(scan: Scan, engine: string, changes: ScanChanges, at: string): Promise<void>;
  listRecommendations(orgId: string, filter: RecommendationFilter): Promise<{ items: Recommendation[]; total: number }>;
  getRecommendation(orgId: string, id: string): Promise<Recommendation | undefined>;
  /** A user's or key's status change: applied is attributed `manual`; undefined when not in the organization. */
  setRecommendationStatus(orgId: string, id: string, change: StatusChange): Promise<Recommendation | undefined>;
  /** Applied recommendations of the organization per attribution. */
  attributionCounts(orgId: string): Promise<Record<Attribution, number>>;
}
