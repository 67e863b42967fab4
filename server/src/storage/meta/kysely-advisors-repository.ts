import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Finding } from '../../engines/advisors/advisor.js';
import type { ScanChanges } from '../../engines/advisors/reconcile.js';
import { ATTRIBUTIONS, type AdvisorsRepository, type Attribution, type Recommendation, type Scan } from './advisors-repository.js';
import type { AdvisorsSchema } from './advisors-schema.js';
import type { MetaDialect } from './meta-dialect.js';
import type { MetaSchema } from './schema.js';

type ScanRow = Selectable<AdvisorsSchema['advisor_scans']>;
type RecommendationRow = Selectable<AdvisorsSchema['recommendations']>;

function scanOf(row: ScanRow): Scan {
  return { ...row, status: row.status as Scan['status'], trigger: row.trigger as Scan['trigger'], summary: row.summary === null ? null : JSON.parse(row.summary) };
}

function recommendationOf(row: RecommendationRow): Recommendation {
  return {
    ...row,
    type: row.type as Recommendation['type'],
    severity: row.severity as Recommendation['severity'],
    status: row.status as Recommendation['status'],
    attribution: row.attribution as Attribution | null,
    object: JSON.parse(row.object),
    evidence: JSON.parse(row.evidence),
    runbook: JSON.parse(row.runbook),
    estimated_impact: JSON.parse(row.estimated_impact),
  };
}

/** The columns a finding fills, whether it creates its recommendation or updates it. */
function findingColumns(f: Finding) {
  return {
    severity: f.severity,
    object: JSON.stringify(f.object),
    title: f.title,
    message: f.message,
    evidence: JSON.stringify(f.evidence),
    runbook: JSON.stringify(f.runbook),
    estimated_impact: JSON.stringify(f.impact),
  };
}

export class KyselyAdvisorsRepository implements AdvisorsRepository {
  readonly #db: Kysely<MetaSchema>;
  readonly #isUniqueViolation: (err: unknown) => boolean;

  constructor(dialect: MetaDialect) {
    this.#db = dialect.db;
    this.#isUniqueViolation = dialect.isUniqueViolation;
  }

  async #unfinished(databaseId: string): Promise<Scan | undefined> {
    const row = await this.#db.selectFrom('advisor_scans').selectAll().where('database_id', '=', databaseId).where('finished_at', 'is', null).executeTakeFirst();
    return row && scanOf(row);
  }

  async requestScan(orgId: string, databaseId: string, trigger: Scan['trigger'], at: string): Promise<{ scan: Scan; created: boolean }> {
    const existing = await this.#unfinished(databaseId);
    if (existing) return { scan: existing, created: false };
    const row: ScanRow = { id: randomUUID(), org_id: orgId, database_id: databaseId, status: 'queued', trigger, requested_at: at, started_at: null, finished_at: null, summary: null, error: null };
    try {
      await this.#db.insertInto('advisor_scans').values(row).execute();
      return { scan: scanOf(row), created: true };
    } catch (err) {
      // Another process queued one between the read and the insert: the unique index kept it to one.
      if (!this.#isUniqueViolation(err)) throw err;
      const raced = await this.#unfinished(databaseId);
      if (!raced) throw err;
      return { scan: raced, created: false };
    }
  }

  async getScan(orgId: string, databaseId: string, scanId: string): Promise<Scan | undefined> {
    const row = await this.#db.selectFrom('advisor_scans').selectAll().where('id', '=', scanId).where('org_id', '=', orgId).where('database_id', '=', databaseId).executeTakeFirst();
    return row && scanOf(row);
  }

  async listScans(orgId: string, databaseId: string, limit: number): Promise<Scan[]> {
    const rows = await this.#db
      .selectFrom('advisor_scans')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('database_id', '=', databaseId)
      .orderBy('requested_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(scanOf);
  }

  async queuedScans(limit: number): Promise<Scan[]> {
    const rows = await this.#db.selectFrom('advisor_scans').selectAll().where('status', '=', 'queued').orderBy('requested_at', 'asc').limit(limit).execute();
    return rows.map(scanOf);
  }

  async startScan(scanId: string, at: string): Promise<boolean> {
    const result = await this.#db.updateTable('advisor_scans').set({ status: 'running', started_at: at }).where('id', '=', scanId).where('status', '=', 'queued').executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async finishScan(scanId: string, outcome: { status: 'done'; summary: Scan['summary'] & object } | { status: 'failed'; error: string }, at: string): Promise<void> {
    await this.#db
      .updateTable('advisor_scans')
      .set({ status: outcome.status, finished_at: at, summary: outcome.status === 'done' ? JSON.stringify(outcome.summary) : null, error: outcome.status === 'failed' ? outcome.error : null })
      .where('id', '=', scanId)
      .execute();
  }

  async failAbandonedScans(startedBefore: string, at: string): Promise<number> {
    const result = await this.#db
      .updateTable('advisor_scans')
      .set({ status: 'failed', finished_at: at, error: 'abandoned: the server process running it stopped' })
      .where('status', '=', 'running')
      .where('started_at', '<', startedBefore)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async databasesDueForScan(since: string, limit: number): Promise<{ org_id: string; id: string }[]> {
    return this.#db
      .selectFrom('databases as d')
      .select(['d.org_id', 'd.id'])
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('advisor_scans as s').select('s.id').whereRef('s.database_id', '=', 'd.id').where('s.requested_at', '>=', since))))
      .orderBy('d.id')
      .limit(limit)
      .execute();
  }

  async databaseRecommendations(databaseId: string): Promise<Recommendation[]> {
    const rows = await this.#db.selectFrom('recommendations').selectAll().where('database_id', '=', databaseId).execute();
    return rows.map(recommendationOf);
  }

  async applyScanChanges(scan: Scan, engine: string, changes: ScanChanges, at: string): Promise<void> {
    await this.#db.transaction().execute(async (tx) => {
      for (const f of changes.created) {
        await tx
          .insertInto('recommendations')
          .values({
            id: randomUUID(),
            org_id: scan.org_id,
            database_id: scan.database_id,
            type: f.type,
            engine,
            object_key: f.objectKey,
            ...findingColumns(f),
            status: 'open',
            attribution: null,
            closed_reason: null,
            snoozed_until: null,
            first_seen_at: at,
            last_seen_at: at,
            first_scan_id: scan.id,
            last_scan_id: scan.id,
            status_changed_at: at,
            created_at: at,
            updated_at: at,
          })
          .execute();
      }
      for (const s of changes.seen) {
        const reset = s.reopened || s.status === 'open' ? { attribution: null, closed_reason: null, snoozed_until: null } : {};
        await tx
          .updateTable('recommendations')
          .set({ ...findingColumns(s.finding), ...reset, status: s.status, last_seen_at: at, last_scan_id: scan.id, updated_at: at, ...(s.reopened ? { status_changed_at: at } : {}) })
          .where('id', '=', s.id)
          .where('status', '=', s.priorStatus)
          .execute();
      }
      for (const c of changes.closed) {
        await tx
          .updateTable('recommendations')
          .set({ status: c.closure.outcome, attribution: c.closure.outcome === 'applied' ? 'auto_evidence' : null, closed_reason: c.closure.reason, snoozed_until: null, status_changed_at: at, updated_at: at, last_scan_id: scan.id })
          .where('id', '=', c.id)
          .where('status', '=', c.priorStatus)
          .execute();
      }
    });
  }

  /** Snoozes that ran out read as open again. */
  async #wakeSnoozed(orgId: string): Promise<void> {
    const now = new Date().toISOString();
    await this.#db.updateTable('recommendations').set({ status: 'open', snoozed_until: null, status_changed_at: now, updated_at: now }).where('org_id', '=', orgId).where('status', '=', 'snoozed').where('snoozed_until', '<=', now).execute();
  }

  async listRecommendations(orgId: string, filter: Parameters<AdvisorsRepository['listRecommendations']>[1]): Promise<{ items: Recommendation[]; total: number }> {
    await this.#wakeSnoozed(orgId);
    let query = this.#db.selectFrom('recommendations').where('org_id', '=', orgId);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.type) query = query.where('type', '=', filter.type);
    if (filter.severity) query = query.where('severity', '=', filter.severity);
    if (filter.databaseId) query = query.where('database_id', '=', filter.databaseId);
    const total = await query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    // high < low < medium alphabetically, so severity is ranked explicitly.
    const rows = await query
      .selectAll()
      .orderBy((eb) => eb.case().when('severity', '=', 'high').then(0).when('severity', '=', 'medium').then(1).else(2).end())
      .orderBy('last_seen_at', 'desc')
      .orderBy('id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return { items: rows.map(recommendationOf), total: Number(total.n) };
  }

  async getRecommendation(orgId: string, id: string): Promise<Recommendation | undefined> {
    await this.#wakeSnoozed(orgId);
    const row = await this.#db.selectFrom('recommendations').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && recommendationOf(row);
  }

  async setRecommendationStatus(orgId: string, id: string, change: Parameters<AdvisorsRepository['setRecommendationStatus']>[2]): Promise<Recommendation | undefined> {
    await this.#db
      .updateTable('recommendations')
      .set({
        status: change.status,
        attribution: change.status === 'applied' ? 'manual' : null,
        closed_reason: change.status === 'applied' ? 'marked applied by a user' : null,
        snoozed_until: change.status === 'snoozed' ? change.snoozedUntil : null,
        status_changed_at: change.at,
        updated_at: change.at,
      })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
    return this.getRecommendation(orgId, id);
  }

  async attributionCounts(orgId: string): Promise<Record<Attribution, number>> {
    const rows = await this.#db
      .selectFrom('recommendations')
      .select(['attribution', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('org_id', '=', orgId)
      .where('status', '=', 'applied')
      .groupBy('attribution')
      .execute();
    const counts = Object.fromEntries(ATTRIBUTIONS.map((a) => [a, 0])) as Record<Attribution, number>;
    for (const row of rows) if (row.attribution !== null && row.attribution in counts) counts[row.attribution as Attribution] = Number(row.n);
    return counts;
  }
}
