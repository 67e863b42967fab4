import type { ThresholdOverrides } from '../catalogue/metric-entry.js';
import type { Alert, AlertsRepository, OpenAlertCounts } from '../../storage/meta/alerts-repository.js';
import { thresholdOverrides } from './alert-rules.js';
import { loadRules } from './alert-rule-set.js';

/**
 * What the health score, the doctor and /overview read of the alerts: the open alerts of a
 * database (an Alert is a DoctorAlert: rule_id, rule_name, metric_key, severity, value, threshold,
 * object_label), active alert counts per database, and the levels of the built-in rules as the
 * organization edited them. The evaluator's AlertSource (services/database-evaluator.ts).
 */
export interface AlertReads {
  openAlerts(db: { readonly org_id: string; readonly id: string }): Promise<readonly Alert[]>;
  /** Unresolved alerts per database id of the organization (`active_alert_count` is `.total`); absent: none. */
  activeAlertCounts(orgId: string): Promise<Map<string, OpenAlertCounts>>;
  thresholds(orgId: string): Promise<ThresholdOverrides>;
}

export function alertReads(alerts: AlertsRepository): AlertReads {
  return {
    openAlerts: (db) => alerts.listOpenAlerts(db.org_id, db.id),
    activeAlertCounts: (orgId) => alerts.openAlertCounts(orgId),
    thresholds: async (orgId) => thresholdOverrides(await loadRules(alerts, orgId)),
  };
}
