import type { EngineName } from '@vigil/shared';

/**
 * What every advisor shares: the recommendation types, a finding's shape (evidence with its time
 * window, runbook with the exact SQL, estimated impact, the object) and the Advisor contract.
 * Advisors are pure functions over a scan's input (plain data the scan service read through the
 * read layer): `detect` finds, `fixSeen` tells from a later scan's input whether the advice was
 * followed (the recommendation is then applied with attribution auto_evidence) or its condition
 * went away for another reason (resolved).
 */

export const POSTGRES_TYPES = ['unused_index', 'duplicate_index', 'invalid_index', 'missing_index', 'table_bloat', 'autovacuum_tuning', 'sequence_exhaustion', 'setting_tuning'] as const;
export const CLICKHOUSE_TYPES = ['too_many_parts', 'small_inserts', 'partition_granularity', 'order_by_mismatch', 'low_cardinality', 'codec', 'select_star_heavy', 'final_usage', 'missing_ttl'] as const;
export const RECOMMENDATION_TYPES = [...POSTGRES_TYPES, ...CLICKHOUSE_TYPES] as const;
export type PostgresType = (typeof POSTGRES_TYPES)[number];
export type ClickHouseType = (typeof CLICKHOUSE_TYPES)[number];
export type RecommendationType = (typeof RECOMMENDATION_TYPES)[number];

export const ADVICE_SEVERITIES = ['high', 'medium', 'low'] as const;
export type AdviceSeverity = (typeof ADVICE_SEVERITIES)[number];

/** What a recommendation is about, as the database names it. */
export interface AdviceObject {
  readonly kind: 'index' | 'table' | 'column' | 'sequence' | 'setting' | 'statement';
  /** PostgreSQL database (datname) or ClickHouse database the object lives in. */
  readonly database: string;
  readonly schema: string | null;
  readonly table: string | null;
  /** The object's own name: index, table, column, sequence, setting or statement hash. */
  readonly name: string;
}

export interface TimeWindow {
  /** Unix ms. */
  readonly since: number;
  readonly until: number;
}

/** The figures that triggered a finding, over the window they were measured in. */
export interface Evidence {
  readonly window: TimeWindow;
  readonly figures: Readonly<Record<string, number | string | boolean | null>>;
  /** Caveats a reader should weigh (replicas, statistics reset, …). */
  readonly notes: readonly string[];
}

export interface Runbook {
  readonly steps: readonly string[];
  /** The exact SQL to run (several statements separated by newlines). */
  readonly sql: string;
}

export interface EstimatedImpact {
  readonly summary: string;
  /** Disk that the change frees, when it frees any. */
  readonly bytes_reclaimed: number | null;
  /** Query time the change should save per day, when it can be estimated. */
  readonly time_saved_ms_per_day: number | null;
}

export interface Finding {
  readonly type: RecommendationType;
  readonly severity: AdviceSeverity;
  /** Identifies the object within the database: the same finding on it is the same recommendation in every scan. */
  readonly objectKey: string;
  readonly object: AdviceObject;
  readonly title: string;
  readonly message: string;
  readonly evidence: Evidence;
  readonly runbook: Runbook;
  readonly impact: EstimatedImpact;
}

/** A recommendation a previous scan made, as fixSeen needs it. */
export interface PriorFinding {
  readonly object: AdviceObject;
  readonly evidence: Evidence;
  /** Unix ms. */
  readonly firstSeenMs: number;
}

/** Whether a vanished finding was fixed as advised (applied) or went away otherwise (resolved), with what the scan saw. */
export type Closure = { readonly outcome: 'applied' | 'resolved'; readonly reason: string };

export interface Advisor<I> {
  readonly type: RecommendationType;
  readonly engine: EngineName;
  detect(input: I): Finding[];
  /** Called for a recommendation this scan no longer finds. */
  closure(prior: PriorFinding, input: I): Closure;
}

/** "schema"."name", quoted as PostgreSQL needs it to run as written. */
export function pgIdent(...parts: readonly (string | null)[]): string {
  return parts
    .filter((p): p is string => p !== null && p !== '')
    .map((p) => `"${p.replaceAll('"', '""')}"`)
    .join('.');
}

/** `database`.`name`, quoted as ClickHouse needs it. */
export function chIdent(...parts: readonly string[]): string {
  return parts.map((p) => `\`${p.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``).join('.');
}

/** The key of an object within its database: stable across scans. */
export function objectKey(o: AdviceObject, detail?: string): string {
  return [o.kind, o.database, o.schema ?? '', o.table ?? '', o.name, ...(detail === undefined ? [] : [detail])].join('/');
}

export function mb(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}
