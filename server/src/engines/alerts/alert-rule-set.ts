import { CATALOGUE, METRICS_BY_KEY } from '../catalogue/index.js';
import type { MetricEntry, Severity } from '../catalogue/metric-entry.js';
import type { CustomRule, RuleOverride } from '../../storage/meta/alerts-repository.js';
import { builtInRules, type AlertRule, type BuiltInRuleEdits } from './alert-rules.js';

/** Cooldown of a built-in rule nobody edited: a condition that flaps re-notifies at most every 5 minutes. */
export const DEFAULT_COOLDOWN_SEC = 300;

/** A rule as GET /alerts/rules shows it and evaluation uses it: the evaluator's fields plus name, cooldown and type. */
export interface RuleView extends AlertRule {
  readonly name: string;
  readonly cooldown_sec: number;
  readonly rule_type: 'built_in' | 'custom';
  readonly database_id: string | null;
  readonly created_at: string | null;
  readonly updated_at: string | null;
}

function builtInName(entry: MetricEntry | undefined, key: string, level: Severity): string {
  return `${entry?.doctor.title ?? key} (${level})`;
}

/**
 * An organization's rules, pure: the catalogue's built-in rules with its edits, then its custom
 * rules (disabled ones included, so their open alerts resolve).
 */
export function ruleSet(overrides: readonly RuleOverride[], custom: readonly CustomRule[], catalogue: readonly MetricEntry[] = CATALOGUE): RuleView[] {
  const byId = new Map(overrides.map((o) => [o.rule_id, o]));
  const edits: Record<string, BuiltInRuleEdits[string]> = {};
  for (const o of overrides) {
    edits[o.rule_id] = {
      ...(o.threshold === null ? {} : { threshold: o.threshold }),
      ...(o.severity === null ? {} : { severity: o.severity }),
      ...(o.enabled === null ? {} : { enabled: o.enabled }),
    };
  }
  const builtIn = builtInRules(edits, catalogue).map((r): RuleView => {
    const o = byId.get(r.id);
    const level = r.id.endsWith(':critical') ? 'critical' : 'warning';
    return {
      ...r,
      name: builtInName(METRICS_BY_KEY.get(r.metric_key), r.metric_key, level),
      cooldown_sec: o?.cooldown_sec ?? DEFAULT_COOLDOWN_SEC,
      rule_type: 'built_in',
      database_id: null,
      created_at: null,
      updated_at: o?.updated_at ?? null,
    };
  });
  const customRules = custom.map(
    (c): RuleView => ({
      id: c.id,
      metric_key: c.metric_key,
      operator: c.operator,
      threshold: c.threshold,
      severity: c.severity,
      enabled: c.enabled,
      built_in: false,
      name: c.name,
      cooldown_sec: c.cooldown_sec,
      rule_type: 'custom',
      database_id: c.database_id,
      created_at: c.created_at,
      updated_at: c.updated_at,
    }),
  );
  return [...builtIn, ...customRules];
}

/** The organization's rules from the alerts repository (what evaluation, the doctor and the health score judge by). */
export async function loadRules(alerts: { listRuleOverrides(orgId: string): Promise<RuleOverride[]>; listCustomRules(orgId: string): Promise<CustomRule[]> }, orgId: string): Promise<RuleView[]> {
  const [overrides, custom] = await Promise.all([alerts.listRuleOverrides(orgId), alerts.listCustomRules(orgId)]);
  return ruleSet(overrides, custom);
}
