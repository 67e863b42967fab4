import { useMemo } from 'preact/hooks';
import { get, type Get } from '../api/client';
import { withUnit } from '../format';
import { Chart, Code, Section, Time, html, useLoad, type Series } from '../ui';
import { AlertActions } from './alerts';

type AlertView = Get<'/alerts/{id}'>;

const HISTORY_MARGIN_S = 30 * 60;

/** The metric around the alert with its threshold as a second line, so the crossing is visible. */
function HistoryChart({ alert, unit }: { alert: AlertView; unit: string }) {
  const { times, series, xRange, yRange } = useMemo(() => {
    const points = alert.metric_history;
    const lines: Series[] = [
      { label: alert.metric_key, values: points.map((p) => p.value), ...(unit ? { unit } : {}) },
      { label: `threshold ${alert.operator} ${withUnit(alert.threshold, unit)}`, values: points.map(() => alert.threshold) },
    ];
    const times = points.map((p) => Date.parse(p.ts) / 1000);
    // The window the API reads (30 min either side of the alert, up to now), so a few points sit where they belong.
    const start = Math.min(times[0] ?? Infinity, Date.parse(alert.created_at) / 1000 - HISTORY_MARGIN_S);
    const end = Math.max(times[times.length - 1] ?? 0, Math.min(Date.now() / 1000, alert.resolved_at ? Date.parse(alert.resolved_at) / 1000 + HISTORY_MARGIN_S : Infinity));
    const high = Math.max(alert.threshold, ...points.map((p) => p.value));
    const low = Math.min(0, alert.threshold, ...points.map((p) => p.value));
    return { times, series: lines, xRange: [start, end] as const, yRange: [low, high > 0 ? high * 1.2 : 1] as const };
  }, [alert, unit]);
  if (times.length === 0) return html`<p class="muted">No health evaluation has recorded ${alert.metric_key} around this alert yet.</p>`;
  return html`<${Chart} times=${times} series=${series} xRange=${xRange} yRange=${yRange} label=${`${alert.metric_key} around the alert`} />`;
}

/** One alert by URL (/alerts/<id>): what fired, its metric over time, how to investigate and fix it, and the actions. */
export function AlertDetail({ id }: { id: string }) {
  const alert = useLoad(() => get('/alerts/{id}', { path: { id } }), [id], 30_000);
  const metrics = useLoad(() => get('/alerts/rules/metrics'), []);
  const database = useLoad(async () => (alert.data ? get('/databases/{id}', { path: { id: alert.data.database_id } }).catch(() => undefined) : undefined), [alert.data?.database_id]);
  return html`<main id="main" class="alert-detail">
    <p><a href="/alerts">← All alerts</a></p>
    <${Section} loaded=${alert} what="the alert">${(a: AlertView) => {
      const unit = metrics.data?.metrics.find((m) => m.key === a.metric_key)?.unit ?? '';
      return html`
        <h1><span class=${`pill ${a.severity}`}>${a.severity}</span> ${a.title}</h1>
        <dl class="figures">
          <dt>Status</dt><dd><span class=${`pill ${a.status}`}>${a.status}</span>${a.snoozed_until && a.status === 'snoozed' ? html` until <${Time} iso=${a.snoozed_until} />` : null}</dd>
          <dt>Database</dt><dd><a href=${`/databases/${encodeURIComponent(a.database_id)}`}>${database.data?.name ?? a.database_id}</a></dd>
          ${a.object_label ? html`<dt>Object</dt><dd>${a.object_label}</dd>` : null}
          <dt>Value</dt><dd><strong>${withUnit(a.value, unit)}</strong> <span class="muted">(${a.operator} ${withUnit(a.threshold, unit)} is ${a.severity})</span></dd>
          <dt>Rule</dt><dd><a href="/alerts/rules">${a.rule_name}</a> <span class="muted small">${a.metric_key}</span></dd>
          <dt>Opened</dt><dd><${Time} iso=${a.created_at} /></dd>
          <dt>Last evaluated</dt><dd><${Time} iso=${a.updated_at} /></dd>
          ${a.acknowledged_at ? html`<dt>Acknowledged</dt><dd><${Time} iso=${a.acknowledged_at} /></dd>` : null}
          ${a.resolved_at ? html`<dt>Resolved</dt><dd><${Time} iso=${a.resolved_at} />${a.resolve_reason ? ` (${a.resolve_reason})` : ''}</dd>` : null}
          <dt>Notification</dt><dd>${a.delivery_status}${a.delivery_attempts > 1 ? `, ${a.delivery_attempts} attempts` : ''}${a.delivery_last_error ? html` <span class="error">${a.delivery_last_error}</span>` : null}${a.delivered_at ? html`, <${Time} iso=${a.delivered_at} />` : null}</dd>
        </dl>
        <${AlertActions} alert=${a} onChanged=${alert.reload} />
        <h2>History</h2>
        <${HistoryChart} alert=${a} unit=${unit} />
        ${a.recommendation ? html`<h2>What it means</h2><p>${a.recommendation}</p>` : null}
        ${a.how_to_investigate ? html`<h2>Investigate</h2><${Code} text=${a.how_to_investigate} label="investigation SQL" />` : null}
        ${a.fix_command ? html`<h2>Fix</h2><${Code} text=${a.fix_command} label="fix command" />` : null}`;
    }}<//>
  </main>`;
}
