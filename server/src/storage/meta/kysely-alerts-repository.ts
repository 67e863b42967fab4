import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { RuleOperator } from '../../engines/alerts/alert-rules.js';
import type { Severity } from '../../engines/catalogue/metric-entry.js';
import type {
  Alert,
  AlertFilter,
  AlertsRepository,
  AlertStatus,
  CustomRule,
  CustomRulePatch,
  DeliveryStatus,
  DeliveryUpdate,
  EvaluationTarget,
  NewAlert,
  NewCustomRule,
  OpenAlertCounts,
  RuleOverride,
  RuleOverridePatch,
  StoredMetricDigest,
} from './alerts-repository.js';
import type { AlertsSchema } from './alerts-schema.js';
import type { ClaimLease } from './ledger-repository.js';
import type { MetaDialect } from './meta-dialect.js';
import type { MetaSchema } from './schema.js';

type RuleRow = Selectable<AlertsSchema['alert_rules']>;
type OverrideRow = Selectable<AlertsSchema['alert_rule_overrides']>;
type AlertRow = Selectable<AlertsSchema['alerts']>;

function bool(n: number | null): boolean | null {
  return n === null ? null : n !== 0;
}

function int(b: boolean | null | undefined): number | null | undefined {
  return b === undefined ? undefined : b === null ? null : b ? 1 : 0;
}

function ruleOf(row: RuleRow): CustomRule {
  return {
    ...row,
    operator: row.operator as RuleOperator,
    threshold: Number(row.threshold),
    severity: row.severity as Severity,
    cooldown_sec: Number(row.cooldown_sec),
    enabled: row.enabled !== 0,
  };
}

function overrideOf(row: OverrideRow): RuleOverride {
  return {
    rule_id: row.rule_id,
    threshold: row.threshold === null ? null : Number(row.threshold),
    severity: row.severity as Severity | null,
    cooldown_sec: row.cooldown_sec === null ? null : Number(row.cooldown_sec),
    enabled: bool(row.enabled),
    updated_at: row.updated_at,
  };
}

function alertOf(row: AlertRow): Alert {
  return {
    ...row,
    severity: row.severity as Severity,
    operator: row.operator as RuleOperator,
    threshold: Number(row.threshold),
    value: Number(row.value),
    status: row.status as AlertStatus,
    delivery_status: row.delivery_status as DeliveryStatus,
    delivery_attempts: Number(row.delivery_attempts),
  };
}

/** Drops undefined fields, so a patch sets only what it names. */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Alert rules, rule edits and alerts over any Kysely dialect. */
/** Leases per statement: 3 values a row stays far below SQLite's 32766 parameters. */
const LEASE_SLICE = 2000;
/** Digests per insert: four parameters each, well inside SQLite's and PostgreSQL's limits. */
const DIGEST_SLICE = 1000;

export class KyselyAlertsRepository implements AlertsRepository {
  readonly #db: Kysely<MetaSchema>;

  constructor(dialect: MetaDialect) {
    this.#db = dialect.db;
  }

  async evaluationTargets(): Promise<EvaluationTarget[]> {
    return this.#db.selectFrom('databases').select(['id', 'org_id', 'name', 'engine', 'engine_version', 'agent_id', 'last_seen_at']).orderBy('id').execute();
  }

  async tryAcquireLeases(names: readonly string[], lease: ClaimLease): Promise<Set<string>> {
    const won = new Set<string>();
    // Sorted: two processes claiming overlapping chunks lock rows in one order. A free name is
    // inserted; a taken one updated only when lapsed or already ours (the conflict's WHERE), so of
    // concurrent claimants exactly one gets each name; RETURNING lists both kinds of win.
    const sorted = [...new Set(names)].sort();
    for (let i = 0; i < sorted.length; i += LEASE_SLICE) {
      const rows = await this.#db
        .insertInto('leases')
        .values(sorted.slice(i, i + LEASE_SLICE).map((name) => ({ name, owner: lease.owner, lease_until: lease.until })))
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet({ owner: lease.owner, lease_until: lease.until })
            .where(sql<boolean>`leases.lease_until <= ${lease.now} or leases.owner = ${lease.owner}`),
        )
        .returning('name')
        .execute();
      for (const row of rows) won.add(row.name);
    }
    return won;
  }

  async releaseLeases(names: readonly string[], owner: string): Promise<void> {
    for (let i = 0; i < names.length; i += LEASE_SLICE) {
      await this.#db.deleteFrom('leases').where('name', 'in', names.slice(i, i + LEASE_SLICE)).where('owner', '=', owner).execute();
    }
  }

  async putMetricDigests(digests: readonly StoredMetricDigest[]): Promise<void> {
    // Sorted, like the leases: two processes writing overlapping sets lock rows in one order.
    const sorted = [...digests].sort((a, b) => (a.database_id < b.database_id ? -1 : a.database_id > b.database_id ? 1 : 0));
    for (let i = 0; i < sorted.length; i += DIGEST_SLICE) {
      await this.#db
        .insertInto('metric_digests')
        .values(sorted.slice(i, i + DIGEST_SLICE).map((d) => ({ database_id: d.database_id, org_id: d.org_id, derived_at: d.derived_at, body: d.body })))
        .onConflict((oc) =>
          oc
            .column('database_id')
            .doUpdateSet((eb) => ({ derived_at: eb.ref('excluded.derived_at'), body: eb.ref('excluded.body') }))
            .where(sql<boolean>`metric_digests.derived_at <= excluded.derived_at`),
        )
        .execute();
    }
  }

  async metricDigests(databaseIds: readonly string[]): Promise<Map<string, StoredMetricDigest>> {
    const out = new Map<string, StoredMetricDigest>();
    for (let i = 0; i < databaseIds.length; i += LEASE_SLICE) {
      const rows = await this.#db.selectFrom('metric_digests').selectAll().where('database_id', 'in', databaseIds.slice(i, i + LEASE_SLICE)).execute();
      for (const row of rows) out.set(row.database_id, { ...row, derived_at: Number(row.derived_at) });
    }
    return out;
  }

  async listRuleOverrides(orgId: string): Promise<RuleOverride[]> {
    const rows = await this.#db.selectFrom('alert_rule_overrides').selectAll().where('org_id', '=', orgId).execute();
    return rows.map(overrideOf);
  }

  async putRuleOverride(orgId: string, ruleId: string, patch: RuleOverridePatch, at: string): Promise<RuleOverride> {
    const set = { ...defined({ threshold: patch.threshold, severity: patch.severity, cooldown_sec: patch.cooldown_sec, enabled: int(patch.enabled) }), updated_at: at };
    const row = await this.#db
      .insertInto('alert_rule_overrides')
      .values({ org_id: orgId, rule_id: ruleId, threshold: null, severity: null, cooldown_sec: null, enabled: null, ...set })
      .onConflict((oc) => oc.columns(['org_id', 'rule_id']).doUpdateSet(set))
      .returningAll()
      .executeTakeFirstOrThrow();
    return overrideOf(row);
  }

  async listCustomRules(orgId: string): Promise<CustomRule[]> {
    const rows = await this.#db.selectFrom('alert_rules').selectAll().where('org_id', '=', orgId).orderBy('created_at').orderBy('id').execute();
    return rows.map(ruleOf);
  }

  async getCustomRule(orgId: string, id: string): Promise<CustomRule | undefined> {
    const row = await this.#db.selectFrom('alert_rules').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && ruleOf(row);
  }

  async createCustomRule(rule: NewCustomRule, at: string): Promise<CustomRule> {
    const row = await this.#db
      .insertInto('alert_rules')
      .values({ ...rule, id: randomUUID(), enabled: rule.enabled ? 1 : 0, created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    return ruleOf(row);
  }

  async updateCustomRule(orgId: string, id: string, patch: CustomRulePatch, at: string): Promise<CustomRule | undefined> {
    const row = await this.#db
      .updateTable('alert_rules')
      .set({ ...defined({ ...patch, enabled: patch.enabled === undefined ? undefined : patch.enabled ? 1 : 0 }), updated_at: at })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && ruleOf(row);
  }

  async deleteCustomRule(orgId: string, id: string): Promise<boolean> {
    const result = await this.#db.deleteFrom('alert_rules').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async openAlert(alert: NewAlert): Promise<Alert | undefined> {
    // The partial unique index decides: of two processes opening the same alert, one insert conflicts.
    const row = await this.#db
      .insertInto('alerts')
      .values({ ...alert, id: randomUUID(), status: 'active', updated_at: alert.opened_at, acknowledged_at: null, resolved_at: null, resolve_reason: null, snoozed_until: null, escalated_at: null, delivery_last_error: null, delivered_at: null })
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst();
    return row && alertOf(row);
  }

  async listOpenAlerts(orgId: string, databaseId?: string | readonly string[]): Promise<Alert[]> {
    const q = this.#db.selectFrom('alerts').selectAll().where('org_id', '=', orgId).where('resolved_at', 'is', null);
    if (typeof databaseId !== 'object') {
      const rows = await (databaseId === undefined ? q : q.where('database_id', '=', databaseId)).orderBy('opened_at').orderBy('id').execute();
      return rows.map(alertOf);
    }
    // A tick's chunk: its databases' alerts only, not every open alert of the organization once per chunk.
    const rows = [];
    for (let i = 0; i < databaseId.length; i += LEASE_SLICE) rows.push(...(await q.where('database_id', 'in', databaseId.slice(i, i + LEASE_SLICE)).execute()));
    return rows.sort((a, b) => (a.opened_at < b.opened_at ? -1 : a.opened_at > b.opened_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(alertOf);
  }

  async openAlertCounts(orgId: string): Promise<Map<string, OpenAlertCounts>> {
    const rows = await this.#db
      .selectFrom('alerts')
      .select(['database_id', 'severity', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('org_id', '=', orgId)
      .where('resolved_at', 'is', null)
      .groupBy(['database_id', 'severity'])
      .execute();
    const out = new Map<string, { total: number; critical: number; warning: number }>();
    for (const row of rows) {
      const c = out.get(row.database_id) ?? { total: 0, critical: 0, warning: 0 };
      const n = Number(row.n);
      c.total += n;
      if (row.severity === 'critical' || row.severity === 'warning') c[row.severity] += n;
      out.set(row.database_id, c);
    }
    return out;
  }

  async updateAlertValues(updates: readonly { readonly id: string; readonly value: number }[], at: string): Promise<void> {
    if (updates.length === 0) return;
    await this.#db.transaction().execute(async (trx) => {
      for (const u of updates) await trx.updateTable('alerts').set({ value: u.value, updated_at: at }).where('id', '=', u.id).where('resolved_at', 'is', null).execute();
    });
  }

  async resolveAlert(id: string, reason: string, value: number | null, at: string): Promise<Alert | undefined> {
    const row = await this.#db
      .updateTable('alerts')
      .set({ status: 'resolved', resolved_at: at, resolve_reason: reason, updated_at: at, ...(value === null ? {} : { value }) })
      .where('id', '=', id)
      .where('resolved_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row && alertOf(row);
  }

  async lastOpenedAt(databaseId: string, ruleId: string, objectKey: string): Promise<string | undefined> {
    const row = await this.#db
      .selectFrom('alerts')
      .select('opened_at')
      .where('database_id', '=', databaseId)
      .where('rule_id', '=', ruleId)
      .where('object_key', '=', objectKey)
      .orderBy('opened_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.opened_at;
  }

  async getAlert(orgId: string, id: string): Promise<Alert | undefined> {
    const row = await this.#db.selectFrom('alerts').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && alertOf(row);
  }

  async listAlerts(orgId: string, f: AlertFilter): Promise<{ alerts: Alert[]; total: number }> {
    let q = this.#db.selectFrom('alerts').where('org_id', '=', orgId).where('opened_at', '>=', f.since);
    if (f.severity) q = q.where('severity', '=', f.severity);
    if (f.databaseId) q = q.where('database_id', '=', f.databaseId);
    const notSnoozed = sql<boolean>`(${sql.ref('snoozed_until')} is null or ${sql.ref('snoozed_until')} <= ${f.now})`;
    if (f.status === 'snoozed') q = q.where('resolved_at', 'is', null).where('snoozed_until', '>', f.now);
    else if (f.status === 'resolved') q = q.where('status', '=', 'resolved');
    else if (f.status) q = q.where('status', '=', f.status).where(notSnoozed);
    const [rows, count] = await Promise.all([
      q.selectAll().orderBy('opened_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { alerts: rows.map(alertOf), total: Number(count.n) };
  }

  async acknowledgeAlert(orgId: string, id: string, at: string): Promise<Alert | undefined> {
    await this.#db.updateTable('alerts').set({ status: 'acknowledged', acknowledged_at: at }).where('org_id', '=', orgId).where('id', '=', id).where('status', '=', 'active').execute();
    return this.getAlert(orgId, id);
  }

  async snoozeAlert(orgId: string, id: string, until: string): Promise<Alert | undefined> {
    const row = await this.#db.updateTable('alerts').set({ snoozed_until: until }).where('org_id', '=', orgId).where('id', '=', id).returningAll().executeTakeFirst();
    return row && alertOf(row);
  }

  async escalateAlert(orgId: string, id: string, at: string): Promise<Alert | undefined> {
    const row = await this.#db
      .updateTable('alerts')
      .set({ escalated_at: at, delivery_status: 'pending' })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && alertOf(row);
  }

  async recordDelivery(id: string, update: DeliveryUpdate): Promise<void> {
    await this.#db
      .updateTable('alerts')
      .set({ delivery_status: update.status, delivery_attempts: update.attempts, delivery_last_error: update.last_error, ...(update.status === 'sent' ? { delivered_at: update.at } : {}) })
      .where('id', '=', id)
      .execute();
  }
}
