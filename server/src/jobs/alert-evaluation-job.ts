import { randomUUID } from 'node:crypto';
import { evaluateRules, thresholdOverrides } from '../engines/alerts/alert-rules.js';
import { loadRules, type RuleView } from '../engines/alerts/alert-rule-set.js';
import type { AlertEvents } from '../engines/alerts/alert-events.js';
import { deriveMetrics, judgeMetrics, METRICS_BY_KEY, type DerivedMetrics, type MetricInput, type MetricReading } from '../engines/catalogue/index.js';
import type { IngestEvents, StoredEvent } from '../ingest/ingest-events.js';
import type { Logger } from '../logger.js';
import type { Alert, AlertsRepository, EvaluationTarget } from '../storage/meta/alerts-repository.js';
import { leaseFor, type CatalogRepository, type LeaseStore } from '../storage/meta/meta-store.js';
import { withLease } from '../storage/meta/with-lease.js';

/** Where evaluation gets a database's current telemetry facts (the read layer's MetricInput assembler). */
export interface MetricInputSource {
  forDatabase(db: EvaluationTarget, now?: number): Promise<MetricInput>;
  /** Inputs of a tick's chunk, by database id: a dozen queries whatever its size. */
  forDatabases(dbs: readonly EvaluationTarget[], now?: number): Promise<Map<string, MetricInput>>;
  /**
   * Every metric's result at `now` for a tick's chunk, by database id, without reading telemetry where a
   * database's digest is stored (services/metric-digests.ts); absent, the tick derives from forDatabases.
   */
  derivedMany?(dbs: readonly EvaluationTarget[], now: number): Promise<Map<string, DerivedMetrics>>;
}

/** What the tick hands on once a chunk's rules are evaluated: the health evaluator records each database's score (DatabaseEvaluator.recordMany). */
export interface ChunkScores {
  /** Lease name of a database's stored score, taken with its alerts lease in the chunk's one statement. */
  leaseName(databaseId: string): string;
  /** Scores the chunk over the readings its rules were just judged on and the alerts now open, storing them in one insert. */
  recordMany(chunk: readonly { readonly db: EvaluationTarget; readonly readings: readonly MetricReading[]; readonly open: readonly Alert[] }[], now: number): Promise<void>;
}

export interface AlertEvaluationOptions {
  readonly meta: LeaseStore & Pick<CatalogRepository, 'getDatabase'> & { readonly alerts: AlertsRepository };
  readonly inputs: MetricInputSource;
  readonly events: AlertEvents;
  readonly ingestEvents?: IngestEvents | undefined;
  readonly logger: Logger;
  /** VIGIL_ALERT_EVAL_INTERVAL_S: the tick that catches conditions of absence (an agent gone quiet). */
  readonly intervalMs: number;
  /** How long a database's stored batches are gathered before one evaluation (a flush per second would otherwise evaluate every second). */
  readonly debounceMs?: number;
  /** This process run: the lease owner. */
  readonly owner?: string;
  /** Databases a tick reads and evaluates together (default 500). */
  readonly chunkSize?: number;
  /** The health evaluator, scoring each chunk the tick evaluates. */
  readonly scores?: ChunkScores;
}

export interface EvaluationOutcome {
  /** false: another process holds this database's lease right now (it evaluates instead). */
  readonly evaluated: boolean;
  readonly opened: number;
  readonly resolved: number;
}

/** Lease name for one database's rules; also what an operator sees in the leases table. */
export function alertLeaseName(databaseId: string): string {
  return `alerts:${databaseId}`;
}

const LEASE_TTL_MS = 30_000;
const CHUNK_SIZE = 500;

/**
 * Evaluates alert rules per database: soon after its batches are stored (debounced) and on a tick
 * for every database. One process at a time per database (a lease); each alert opens exactly once
 * across processes (the repository's unique index on open alerts), resolves when its condition
 * clears, and notifies unless it opened within its rule's cooldown (then `suppressed`).
 */
export class AlertEvaluationJob {
  readonly #o: AlertEvaluationOptions;
  readonly #owner: string;
  readonly #log: Logger;
  readonly #pending = new Map<string, NodeJS.Timeout>();
  #timer: NodeJS.Timeout | undefined;
  #ticking: Promise<void> | undefined;
  #running = new Set<Promise<unknown>>();
  #stopped = false;
  readonly #onStored = (event: StoredEvent): void => this.#schedule(event.orgId, event.databaseId);

  constructor(options: AlertEvaluationOptions) {
    this.#o = options;
    this.#owner = options.owner ?? `alerts-${randomUUID()}`;
    this.#log = options.logger.child({ component: 'alert-evaluation' });
  }

  start(): void {
    this.#o.ingestEvents?.on('stored', this.#onStored);
    this.#timer = setInterval(() => void this.tick(), this.#o.intervalMs);
    this.#timer.unref();
  }

  /** Stops scheduling and waits for evaluations under way. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#o.ingestEvents?.off('stored', this.#onStored);
    clearInterval(this.#timer);
    for (const t of this.#pending.values()) clearTimeout(t);
    this.#pending.clear();
    await this.#ticking;
    await Promise.allSettled([...this.#running]);
  }

  #track<T>(p: Promise<T>): Promise<T> {
    this.#running.add(p);
    void p.finally(() => this.#running.delete(p)).catch(() => undefined);
    return p;
  }

  #schedule(orgId: string, databaseId: string): void {
    if (this.#stopped || this.#pending.has(databaseId)) return;
    const timer = setTimeout(() => {
      this.#pending.delete(databaseId);
      void this.#track(
        (async () => {
          const db = await this.#o.meta.getDatabase(orgId, databaseId);
          if (db) await this.evaluate(db);
        })().catch((err: unknown) => this.#log.error({ err, database_id: databaseId }, 'alert evaluation failed')),
      );
    }, this.#o.debounceMs ?? 1000);
    timer.unref();
    this.#pending.set(databaseId, timer);
  }

  /** One pass over every database (skipping those another process is evaluating); at most one pass at a time. */
  tick(now?: number): Promise<void> {
    this.#ticking ??= (async () => {
      try {
        const targets = await this.#o.meta.alerts.evaluationTargets();
        const size = this.#o.chunkSize ?? CHUNK_SIZE;
        for (let i = 0; i < targets.length && !this.#stopped; i += size) {
          const chunk = targets.slice(i, i + size);
          await this.evaluateMany(chunk, now).catch((err: unknown) => this.#log.error({ err, databases: chunk.length }, 'alert evaluation of a chunk failed'));
        }
      } catch (err) {
        this.#log.error({ err }, 'alert evaluation tick failed');
      } finally {
        this.#ticking = undefined;
      }
    })();
    return this.#ticking;
  }

  /** Evaluates one database's rules now, under its lease. */
  async evaluate(db: EvaluationTarget, now: number = Date.now()): Promise<EvaluationOutcome> {
    const outcome = await withLease(this.#o.meta, alertLeaseName(db.id), { owner: this.#owner, ttlMs: LEASE_TTL_MS }, async (signal) => {
      const { alerts } = this.#o.meta;
      const [rules, input, open] = await Promise.all([loadRules(alerts, db.org_id), this.#o.inputs.forDatabase(db, now), alerts.listOpenAlerts(db.org_id, db.id)]);
      const decided = await this.#apply(db, deriveMetrics(input), rules, open, now, signal);
      if (!signal.aborted) await alerts.updateAlertValues(decided.values, new Date(now).toISOString());
      return decided.outcome;
    });
    return outcome.held ? outcome.value : { evaluated: false, opened: 0, resolved: 0 };
  }

  /**
   * Evaluates a chunk of databases (the tick): the leases of all in one statement (with their score
   * leases when the evaluator scores the chunk), their inputs in a dozen queries, each
   * organization's rules and open alerts read once, alert writes only where an alert opens or
   * resolves, the kept alerts' values in one update and the scores in one insert. A database whose
   * lease another process holds is skipped (that process evaluates it). By database id.
   */
  async evaluateMany(dbs: readonly EvaluationTarget[], now: number = Date.now()): Promise<Map<string, EvaluationOutcome>> {
    const { alerts } = this.#o.meta;
    const scores = this.#o.scores;
    const names = dbs.flatMap((db) => [alertLeaseName(db.id), ...(scores ? [scores.leaseName(db.id)] : [])]);
    const won = await alerts.tryAcquireLeases(names, leaseFor(this.#owner, LEASE_TTL_MS));
    const out = new Map<string, EvaluationOutcome>(dbs.map((db) => [db.id, { evaluated: false, opened: 0, resolved: 0 }]));
    // Renewed together every third of the ttl (one statement, as taken); once one is lost the chunk's writes stop.
    const lost = new AbortController();
    const renewals = setInterval(() => {
      alerts.tryAcquireLeases([...won], leaseFor(this.#owner, LEASE_TTL_MS)).then(
        (kept) => {
          if (kept.size < won.size) lost.abort(new Error('an evaluation lease was lost'));
        },
        (err: unknown) => lost.abort(err),
      );
    }, Math.floor(LEASE_TTL_MS / 3));
    renewals.unref();
    const signal = lost.signal;
    try {
      const held = dbs.filter((db) => won.has(alertLeaseName(db.id)) && (!scores || won.has(scores.leaseName(db.id))));
      if (held.length === 0) return out;
      const orgs = [...new Set(held.map((db) => db.org_id))];
      const [derivedOf, rulesOf, openOf] = await Promise.all([
        this.#derivedMany(held, now),
        Promise.all(orgs.map(async (org) => [org, await loadRules(alerts, org)] as const)).then((entries) => new Map(entries)),
        Promise.all(orgs.map((org) => alerts.listOpenAlerts(org, held.filter((db) => db.org_id === org).map((db) => db.id)))).then((lists) => groupBy(lists.flat(), (a) => a.database_id)),
      ]);
      const values: { id: string; value: number }[] = [];
      const scored: { db: EvaluationTarget; readings: readonly MetricReading[]; open: readonly Alert[] }[] = [];
      for (const db of held) {
        if (signal.aborted) break;
        const open = openOf.get(db.id) ?? [];
        const decided = await this.#apply(db, derivedOf.get(db.id)!, rulesOf.get(db.org_id)!, open, now, signal);
        out.set(db.id, decided.outcome);
        values.push(...decided.values);
        // The score is judged at the same levels (the built-in rules as edited): one set of readings serves both.
        scored.push({ db, readings: decided.readings, open: decided.open });
      }
      if (signal.aborted) return out;
      await alerts.updateAlertValues(values, new Date(now).toISOString());
      await scores?.recordMany(scored, now);
      return out;
    } finally {
      clearInterval(renewals);
      if (!signal.aborted) await alerts.releaseLeases([...won], this.#owner).catch((err: unknown) => this.#log.warn({ err }, 'could not release evaluation leases'));
    }
  }

  /** A chunk's metric results: from the source's digests when it keeps them, else derived from its inputs. */
  async #derivedMany(dbs: readonly EvaluationTarget[], now: number): Promise<Map<string, DerivedMetrics>> {
    const { inputs } = this.#o;
    if (inputs.derivedMany) return inputs.derivedMany(dbs, now);
    const read = await inputs.forDatabases(dbs, now);
    return new Map([...read].map(([id, input]) => [id, deriveMetrics(input)]));
  }

  /** Decides a database's alerts over its metrics and writes the transitions; the kept alerts' values are returned for one update. */
  async #apply(
    db: EvaluationTarget,
    derived: DerivedMetrics,
    rules: readonly RuleView[],
    open: readonly Alert[],
    now: number,
    signal: AbortSignal,
  ): Promise<{ outcome: EvaluationOutcome; values: { id: string; value: number }[]; open: Alert[]; readings: MetricReading[] }> {
    const { alerts } = this.#o.meta;
    const readings = judgeMetrics(db.engine, derived, thresholdOverrides(rules));
    const decisions = evaluateRules({ databaseId: db.id, engine: db.engine, readings, rules, open });
    const at = new Date(now).toISOString();
    let opened = 0;
    let resolved = 0;
    const stillOpen = new Map(open.map((a) => [a.id, a]));
    for (const r of decisions.resolve) {
      if (signal.aborted) break;
      const alert = await alerts.resolveAlert(r.alert_id, r.reason, r.value, at);
      stillOpen.delete(r.alert_id);
      if (alert) {
        resolved += 1;
        this.#o.events.emit('resolved', { alert });
      }
    }
    // Only values that moved: a tick over databases whose alerts stay as they were writes nothing.
    const values = decisions.keep.flatMap((k) => (k.value === null || stillOpen.get(k.alert_id)?.value === k.value ? [] : [{ id: k.alert_id, value: k.value }]));
    const ruleById = new Map<string, RuleView>(rules.map((r) => [r.id, r]));
    for (const o of decisions.open) {
      if (signal.aborted) break;
      const rule = ruleById.get(o.rule_id)!;
      const last = await alerts.lastOpenedAt(db.id, o.rule_id, o.object_key);
      const cooling = last !== undefined && now - Date.parse(last) < rule.cooldown_sec * 1000;
      const alert = await alerts.openAlert({
        org_id: db.org_id,
        database_id: db.id,
        rule_id: o.rule_id,
        rule_name: rule.built_in ? (METRICS_BY_KEY.get(o.metric_key)?.doctor.title ?? rule.name) : rule.name,
        metric_key: o.metric_key,
        severity: o.severity,
        operator: o.operator,
        threshold: o.threshold,
        value: o.value,
        object_key: o.object_key,
        object_label: o.object_label,
        opened_at: at,
        delivery_status: cooling ? 'suppressed' : 'pending',
      });
      if (alert) {
        opened += 1;
        stillOpen.set(alert.id, alert);
        this.#o.events.emit('opened', { alert });
      }
    }
    if (opened + resolved > 0) this.#log.info({ database_id: db.id, opened, resolved }, 'alerts changed');
    return { outcome: { evaluated: true, opened, resolved }, values, open: [...stillOpen.values()], readings };
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}
