import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { readMetrics, type MetricInput, type MetricReading, type ThresholdOverrides } from '../engines/catalogue/index.js';
import { diagnose, type DoctorAlert, type DoctorReport } from '../engines/doctor/doctor.js';
import { healthScore, type HealthScore } from '../engines/health/health-score.js';
import type { IngestEvents, StoredEvent } from '../ingest/ingest-events.js';
import type { Logger } from '../logger.js';
import type { AlertsRepository } from '../storage/meta/alerts-repository.js';
import { leaseFor, type Database, type LeaseStore } from '../storage/meta/meta-store.js';
import { withLease } from '../storage/meta/with-lease.js';
import { healthScoresKind } from '../storage/telemetry/kinds/health-scores-kind.js';
import { metricInputs, type InputAgentSource, type MetricInputs } from '../storage/telemetry/reads/metric-inputs.js';
import { telemetryReads } from '../storage/telemetry/reads/telemetry-reads.js';
import type { TelemetryStore } from '../storage/telemetry/telemetry-store.js';

/**
 * When and how a database is evaluated (issue 11): its MetricInput assembled from the read seam,
 * the catalogue's readings, the health score and the doctor, all pure engines over that one input.
 * Evaluated when its telemetry is stored (debounced: an agent's collectors land in several flushes)
 * and on read when the last evaluation is stale. Each evaluation's score joins the health_scores
 * series, written under a lease per database so several server processes do not double it.
 */

/** Where the alerts of a database come from: the seam the alerts engine fills; none until it exists. */
export interface AlertSource {
  /** The alerts open on the database (active, acknowledged, snoozed), custom rules included. */
  openAlerts(db: Database): Promise<readonly DoctorAlert[]>;
  /** The built-in rules' levels as the organization edited them (engines/alerts thresholdOverrides). */
  thresholds(orgId: string): Promise<ThresholdOverrides>;
}

export const NO_ALERTS: AlertSource = {
  openAlerts: async () => [],
  thresholds: async () => ({}),
};

/** One evaluation of one database. */
export interface Evaluation {
  readonly database_id: string;
  readonly evaluated_at: number;
  /** The telemetry read for it; absent when the tick judged the database's stored digest instead (services/metric-digests.ts). */
  readonly input?: MetricInput | undefined;
  readonly readings: readonly MetricReading[];
  readonly health: HealthScore;
  readonly doctor: DoctorReport;
  readonly open_alerts: readonly DoctorAlert[];
}

export interface EvaluatorOptions {
  /** Wait this long after a stored event before evaluating, so a burst of flushes makes one evaluation. */
  readonly debounceMs: number;
  /** An evaluation older than this is redone on read. */
  readonly staleMs: number;
  /** At most one stored score per database per this interval, across processes. */
  readonly writeIntervalMs: number;
  readonly leaseTtlMs: number;
}

export const EVALUATOR_DEFAULTS: EvaluatorOptions = { debounceMs: 1000, staleMs: 15_000, writeIntervalMs: 15_000, leaseTtlMs: 30_000 };

const HOUR_MS = 3600_000;

export interface EvaluatorDeps {
  readonly meta: InputAgentSource &
    LeaseStore & { getDatabase(orgId: string, id: string): Promise<Database | undefined>; readonly alerts: Pick<AlertsRepository, 'tryAcquireLeases' | 'releaseLeases'> };
  readonly telemetry: TelemetryStore;
  readonly logger: Logger;
  readonly alerts?: AlertSource;
  /** Shared with the alert job so both read a database's input once per stored batch; default: its own. */
  readonly inputs?: MetricInputs;
}

/** A database as the tick holds it (a metadata `Database` row is one). */
type EvaluationTargetLike = Pick<Database, 'id' | 'org_id' | 'engine'>;

/** A health_scores row: the score, its components and every metric that had a value. */
function scoreRow(s: { db: EvaluationTargetLike; health: HealthScore; readings: readonly MetricReading[]; now: number }) {
  const score = s.health.overall_score!;
  const components = Object.fromEntries(Object.entries(s.health.components).flatMap(([name, c]) => (c.score === null ? [] : [[name, c.score]])));
  const metrics = Object.fromEntries(s.readings.flatMap((r) => ('value' in r.result ? [[r.entry.key, r.result.value]] : [])));
  return {
    org_id: s.db.org_id,
    database_id: s.db.id,
    ts: s.now,
    score,
    uncapped_score: s.health.uncapped_score ?? score,
    grade: s.health.grade ?? '',
    components: JSON.stringify(components),
    metrics: JSON.stringify(metrics),
  };
}

export class DatabaseEvaluator {
  readonly #deps: EvaluatorDeps;
  readonly #options: EvaluatorOptions;
  readonly #inputs: MetricInputs;
  readonly #reads;
  readonly #log: Logger;
  readonly #owner = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}/evaluator`;
  /** The latest evaluation per database id, and the one in flight. */
  readonly #latest = new Map<string, Evaluation>();
  readonly #running = new Map<string, Promise<Evaluation>>();
  /** Debounced evaluations started by ingest events, until they settle. */
  readonly #scheduled = new Set<Promise<void>>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  #alerts: AlertSource;
  #unsubscribe: (() => void) | undefined;

  constructor(deps: EvaluatorDeps, options: Partial<EvaluatorOptions> = {}) {
    this.#deps = deps;
    this.#options = { ...EVALUATOR_DEFAULTS, ...options };
    this.#reads = telemetryReads(deps.telemetry);
    this.#inputs = deps.inputs ?? metricInputs(this.#reads, deps.meta);
    this.#log = deps.logger.child({ component: 'evaluator' });
    this.#alerts = deps.alerts ?? NO_ALERTS;
  }

  /** Plugs in the alerts engine (open alerts cap the score and join the doctor; edited rules set the levels). */
  setAlertSource(alerts: AlertSource): void {
    this.#alerts = alerts;
  }

  /** Evaluates each database its stored telemetry concerns, debounced. */
  listen(events: IngestEvents): void {
    const onStored = (event: StoredEvent): void => this.#schedule(event.orgId, event.databaseId);
    events.on('stored', onStored);
    this.#unsubscribe = () => events.off('stored', onStored);
  }

  #schedule(orgId: string, databaseId: string): void {
    if (this.#timers.has(databaseId)) return;
    const timer = setTimeout(() => {
      this.#timers.delete(databaseId);
      const work = this.#evaluateById(orgId, databaseId).finally(() => this.#scheduled.delete(work));
      this.#scheduled.add(work);
    }, this.#options.debounceMs);
    timer.unref();
    this.#timers.set(databaseId, timer);
  }

  async #evaluateById(orgId: string, databaseId: string): Promise<void> {
    try {
      const db = await this.#deps.meta.getDatabase(orgId, databaseId);
      if (db) await this.evaluate(db);
    } catch (err) {
      this.#log.warn({ err, database_id: databaseId }, 'evaluating a database failed');
    }
  }

  /** The database's latest evaluation, redone first when older than staleMs (or never done here). */
  async current(db: Database, now = Date.now()): Promise<Evaluation> {
    const latest = this.#latest.get(db.id);
    if (latest && now - latest.evaluated_at < this.#options.staleMs) return latest;
    return this.evaluate(db);
  }

  /**
   * `current` for many databases (the org overview's databases with no stored score): the stale ones
   * scored together, as the alert tick scores a chunk — inputs in one batch read, each organization's
   * thresholds once, open alerts concurrently, score leases in one statement and the scores in one
   * insert; a database whose lease another process holds is scored here but stored by that process.
   */
  async currentMany(dbs: readonly Database[], now = Date.now()): Promise<Map<string, Evaluation>> {
    const out = new Map<string, Evaluation>();
    const stale: Database[] = [];
    for (const db of dbs) {
      const latest = this.#latest.get(db.id);
      if (latest && now - latest.evaluated_at < this.#options.staleMs) out.set(db.id, latest);
      else stale.push(db);
    }
    if (stale.length === 0) return out;
    const { alerts } = this.#deps.meta;
    const names = stale.map((db) => DatabaseEvaluator.leaseName(db.id));
    const won = await alerts.tryAcquireLeases(names, leaseFor(this.#owner, this.#options.leaseTtlMs, now));
    try {
      const orgs = [...new Set(stale.map((db) => db.org_id))];
      const [inputs, open, thresholdsOf] = await Promise.all([
        this.#inputs.forDatabases(stale, now),
        Promise.all(stale.map((db) => this.#alerts.openAlerts(db))),
        Promise.all(orgs.map(async (org) => [org, await this.#alerts.thresholds(org)] as const)).then((entries) => new Map(entries)),
      ]);
      const chunk = stale.map((db, i) => {
        const input = inputs.get(db.id)!;
        return { db, input, readings: readMetrics(input, thresholdsOf.get(db.org_id)!), open: open[i]! };
      });
      for (const [id, evaluation] of await this.#scoreMany(chunk, now, (id) => won.has(DatabaseEvaluator.leaseName(id)))) out.set(id, evaluation);
    } finally {
      await alerts.releaseLeases([...won], this.#owner).catch((err: unknown) => this.#log.warn({ err }, 'could not release score leases'));
    }
    return out;
  }

  /** Evaluates the database now (joining an evaluation already in flight) and stores its score. */
  evaluate(db: Database): Promise<Evaluation> {
    return this.#evaluateOnce(db, () => this.#inputs.forDatabase(db));
  }

  #evaluateOnce(db: Database, input: () => Promise<MetricInput>): Promise<Evaluation> {
    const running = this.#running.get(db.id);
    if (running) return running;
    const work = this.#run(db, input).finally(() => this.#running.delete(db.id));
    this.#running.set(db.id, work);
    return work;
  }

  async #run(db: Database, assemble: () => Promise<MetricInput>): Promise<Evaluation> {
    const [input, openAlerts, thresholds] = await Promise.all([assemble(), this.#alerts.openAlerts(db), this.#alerts.thresholds(db.org_id)]);
    const now = input.now_ms;
    const previous = await this.#reads.over('health_score', db, { since: now - 2 * HOUR_MS, until: now - HOUR_MS + 1 });
    const readings = readMetrics(input, thresholds);
    const health = healthScore(db.engine, readings, { openAlerts, previousScore: previous?.score ?? null, calculatedAt: now });
    const evaluation: Evaluation = { database_id: db.id, evaluated_at: now, input, readings, health, doctor: diagnose(readings, openAlerts, health), open_alerts: openAlerts };
    this.#latest.set(db.id, evaluation);
    await this.#store(db, health, readings, now).catch((err: unknown) => this.#log.warn({ err, database_id: db.id }, 'could not store a health score'));
    return evaluation;
  }

  /** Appends the score to the series, unless another process (or this one) stored one within writeIntervalMs. */
  async #store(db: Database, health: HealthScore, readings: readonly MetricReading[], now: number): Promise<void> {
    if (health.overall_score === null) return;
    await withLease(this.#deps.meta, DatabaseEvaluator.leaseName(db.id), { owner: this.#owner, ttlMs: this.#options.leaseTtlMs }, async (lost) => {
      const recent = await this.#reads.over('health_score', db, { since: now - this.#options.writeIntervalMs + 1, until: now + 1 });
      if (recent || lost.aborted) return;
      await this.#deps.telemetry.insertRecords(healthScoresKind, [scoreRow({ db, health, readings, now })]);
    });
  }

  /** Lease name of a database's stored score: the single path takes it alone, the alert tick with its alerts lease. */
  static leaseName(databaseId: string): string {
    return `health-score:${databaseId}`;
  }

  /**
   * Scores a chunk the alert tick evaluated (the readings its rules were judged on, at the
   * organization's levels; its open alerts after the tick's changes; the caller holds each
   * database's score lease): the previous and recent scores read in two queries for the chunk,
   * every score stored in one insert, at most one per writeIntervalMs.
   */
  async recordMany(chunk: readonly { readonly db: Database | EvaluationTargetLike; readonly readings: readonly MetricReading[]; readonly open: readonly DoctorAlert[] }[], now: number): Promise<void> {
    await this.#scoreMany(chunk, now, () => true);
  }

  /** Scores a chunk (previous and recent scores in two queries) and stores, in one insert, the scores of the databases `mayStore` allows that have none within writeIntervalMs. */
  async #scoreMany(
    chunk: readonly { readonly db: Database | EvaluationTargetLike; readonly input?: MetricInput; readonly readings: readonly MetricReading[]; readonly open: readonly DoctorAlert[] }[],
    now: number,
    mayStore: (databaseId: string) => boolean,
  ): Promise<Map<string, Evaluation>> {
    const out = new Map<string, Evaluation>();
    if (chunk.length === 0) return out;
    const dbs = chunk.map((c) => c.db);
    const [previous, recent] = await Promise.all([
      this.#reads.overMany('health_score', dbs, { since: now - 2 * HOUR_MS, until: now - HOUR_MS + 1 }),
      this.#reads.overMany('health_score', dbs, { since: now - this.#options.writeIntervalMs + 1, until: now + 1 }),
    ]);
    const rows: Parameters<typeof scoreRow>[0][] = [];
    for (const { db, input, readings, open } of chunk) {
      const health = healthScore(db.engine, readings, { openAlerts: open, previousScore: previous.get(db.id)?.score ?? null, calculatedAt: now });
      const evaluation: Evaluation = { database_id: db.id, evaluated_at: now, input, readings, health, doctor: diagnose(readings, open, health), open_alerts: open };
      this.#latest.set(db.id, evaluation);
      out.set(db.id, evaluation);
      if (health.overall_score !== null && !recent.has(db.id) && mayStore(db.id)) rows.push({ db, health, readings, now });
    }
    if (rows.length > 0) await this.#deps.telemetry.insertRecords(healthScoresKind, rows.map(scoreRow));
    return out;
  }

  /** Forgets a deleted database. */
  forget(databaseId: string): void {
    this.#latest.delete(databaseId);
    clearTimeout(this.#timers.get(databaseId));
    this.#timers.delete(databaseId);
  }

  /** Stops listening and waits for evaluations under way: the stores close next, and a read still running would hold them open. */
  async close(): Promise<void> {
    this.#unsubscribe?.();
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    await Promise.allSettled([...this.#scheduled, ...this.#running.values()]);
  }
}
