import { randomUUID } from 'node:crypto';
import { evaluateRules, thresholdOverrides } from '../engines/alerts/alert-rules.js';
import { loadRules, type RuleView } from '../engines/alerts/alert-rule-set.js';
import type { AlertEvents } from '../engines/alerts/alert-events.js';
import { METRICS_BY_KEY, readMetrics, type MetricInput } from '../engines/catalogue/index.js';
import type { IngestEvents, StoredEvent } from '../ingest/ingest-events.js';
import type { Logger } from '../logger.js';
import type { AlertsRepository, EvaluationTarget } from '../storage/meta/alerts-repository.js';
import type { CatalogRepository, LeaseStore } from '../storage/meta/meta-store.js';
import { withLease } from '../storage/meta/with-lease.js';

/** Where evaluation gets a database's current telemetry facts (the read layer's MetricInput assembler). */
export interface MetricInputSource {
  forDatabase(db: EvaluationTarget, now?: number): Promise<MetricInput>;
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
        for (const db of targets) {
          if (this.#stopped) break;
          await this.evaluate(db, now).catch((err: unknown) => this.#log.error({ err, database_id: db.id }, 'alert evaluation failed'));
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
    const outcome = await withLease(this.#o.meta, alertLeaseName(db.id), { owner: this.#owner, ttlMs: LEASE_TTL_MS }, (signal) => this.#evaluate(db, now, signal));
    return outcome.held ? outcome.value : { evaluated: false, opened: 0, resolved: 0 };
  }

  async #evaluate(db: EvaluationTarget, now: number, signal: AbortSignal): Promise<EvaluationOutcome> {
    const { alerts } = this.#o.meta;
    const rules = await loadRules(alerts, db.org_id);
    const [input, open] = await Promise.all([this.#o.inputs.forDatabase(db, now), alerts.listOpenAlerts(db.org_id, db.id)]);
    const readings = readMetrics(input, thresholdOverrides(rules));
    const decisions = evaluateRules({ databaseId: db.id, engine: db.engine, readings, rules, open });
    const at = new Date(now).toISOString();
    let opened = 0;
    let resolved = 0;
    for (const r of decisions.resolve) {
      if (signal.aborted) break;
      const alert = await alerts.resolveAlert(r.alert_id, r.reason, r.value, at);
      if (alert) {
        resolved += 1;
        this.#o.events.emit('resolved', { alert });
      }
    }
    if (!signal.aborted) await alerts.updateAlertValues(decisions.keep.flatMap((k) => (k.value === null ? [] : [{ id: k.alert_id, value: k.value }])), at);
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
        this.#o.events.emit('opened', { alert });
      }
    }
    if (opened + resolved > 0) this.#log.info({ database_id: db.id, opened, resolved }, 'alerts changed');
    return { evaluated: true, opened, resolved };
  }
}
