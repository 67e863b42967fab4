/**
 * Kysely table types of migration 0007_advisors (MetaSchema extends these). Times are ISO 8601
 * UTC text; JSON documents (summary, object, evidence, runbook, impact) are text.
 */
export interface AdvisorsSchema {
  /** One scan of one database: queued by the API or the schedule, run by one process under a lease. */
  advisor_scans: {
    id: string;
    org_id: string;
    database_id: string;
    /** queued | running | done | failed */
    status: string;
    /** manual | schedule */
    trigger: string;
    requested_at: string;
    started_at: string | null;
    finished_at: string | null;
    /** JSON ScanSummary once done. */
    summary: string | null;
    error: string | null;
  };
  /** One finding on one object of one database, kept across scans (unique by database, type, object_key). */
  recommendations: {
    id: string;
    org_id: string;
    database_id: string;
    type: string;
    engine: string;
    severity: string;
    object_key: string;
    object: string;
    title: string;
    message: string;
    evidence: string;
    runbook: string;
    estimated_impact: string;
    /** open | applied | dismissed | snoozed | resolved */
    status: string;
    /** manual | auto_rule | auto_evidence | webhook, once applied. */
    attribution: string | null;
    /** What the scan saw that credited the fix (auto_evidence), or why it closed (resolved). */
    closed_reason: string | null;
    snoozed_until: string | null;
    first_seen_at: string;
    last_seen_at: string;
    first_scan_id: string;
    last_scan_id: string;
    status_changed_at: string;
    created_at: string;
    updated_at: string;
  };
}
