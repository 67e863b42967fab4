import { useState } from 'preact/hooks';
import { call, get, type Get } from '../api/client';
import { withUnit } from '../format';
import { setQuery, usePlace } from '../router';
import { Section, Time, describeError, html, useLoad } from '../ui';

type History = Get<'/alerts/history'>;
type Alert = History['alerts'][number];
/** What the actions need of an alert: the inbox's rows and the detail page's alert both have it. */
type ActionTarget = Pick<Alert, 'id' | 'title' | 'status' | 'resolved_at'>;

const SNOOZES = [
  [60, '1 hour'],
  [240, '4 hours'],
  [1440, '1 day'],
] as const;

/** Acknowledge, snooze and notify-now buttons for one alert (the inbox rows and the alert's own page). */
export function AlertActions({ alert, onChanged }: { alert: ActionTarget; onChanged: () => void }) {
  const [error, setError] = useState<string>();
  const act = async (work: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await work();
      onChanged();
    } catch (err) {
      setError(describeError(err));
    }
  };
  if (alert.status === 'resolved') return html`<span class="muted">resolved <${Time} iso=${alert.resolved_at} /></span>`;
  const path = { id: alert.id };
  return html`<div class="actions">
    ${alert.status === 'active' ? html`<button type="button" onClick=${() => act(() => call('post', '/alerts/{id}/acknowledge', { path }))}>Acknowledge<span class="sr-only"> ${alert.title}</span></button>` : null}
    <label class="snooze">Snooze <select aria-label=${`Snooze ${alert.title}`} onChange=${(e: Event) => {
      const minutes = Number((e.target as HTMLSelectElement).value);
      if (minutes) void act(() => call('post', '/alerts/{id}/snooze', { path, body: { duration_minutes: minutes } }));
    }}><option value="">for…</option>${SNOOZES.map(([m, label]) => html`<option value=${m}>${label}</option>`)}</select></label>
    <button type="button" onClick=${() => act(() => call('post', '/alerts/{id}/escalate', { path }))}>Notify now</button>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
  </div>`;
}

/** The alert inbox: filters in the URL, acknowledge / snooze / escalate in place. */
export function Alerts() {
  const place = usePlace();
  const filters = {
    status: place.query.get('status') ?? '',
    severity: place.query.get('severity') ?? '',
    hours: place.query.get('hours') ?? '24',
    database_id: place.query.get('database_id') ?? '',
  };
  const databases = useLoad(() => get('/databases'), []);
  const alerts = useLoad(
    () =>
      get('/alerts/history', {
        query: {
          hours: Number(filters.hours),
          limit: 200,
          ...(filters.status ? { status: filters.status as Alert['status'] } : {}),
          ...(filters.severity ? { severity: filters.severity as Alert['severity'] } : {}),
          ...(filters.database_id ? { database_id: filters.database_id } : {}),
        },
      }),
    [filters.status, filters.severity, filters.hours, filters.database_id],
    30_000,
  );
  const names = new Map((databases.data?.databases ?? []).map((d) => [d.id, d.name]));
  const select = (name: keyof typeof filters, label: string, options: readonly (readonly [string, string])[]) =>
    html`<label>${label} <select value=${filters[name]} onChange=${(e: Event) => setQuery({ [name]: (e.target as HTMLSelectElement).value })}>${options.map(([v, l]) => html`<option value=${v}>${l}</option>`)}</select></label>`;
  return html`<main id="main">
    <div class="toolbar"><h1>Alerts</h1><a href="/alerts/rules">Alert rules</a></div>
    <div class="filters">
      ${select('status', 'Status', [['', 'Any'], ['active', 'Active'], ['acknowledged', 'Acknowledged'], ['snoozed', 'Snoozed'], ['resolved', 'Resolved']])}
      ${select('severity', 'Severity', [['', 'Any'], ['critical', 'Critical'], ['warning', 'Warning']])}
      ${select('hours', 'Opened in the last', [['1', 'hour'], ['24', '24 hours'], ['168', '7 days']])}
      ${select('database_id', 'Database', [['', 'All'], ...[...names.entries()]])}
    </div>
    <${Section} loaded=${alerts} what="the alerts">${(h: History) =>
      h.alerts.length === 0
        ? html`<p>No alert matches these filters.</p>`
        : html`<div class="scroll"><table class="alerts"><caption class="sr-only">Alerts, newest first (${h.total})</caption>
          <thead><tr><th scope="col">Severity</th><th scope="col">Alert</th><th scope="col">Database</th><th scope="col">Value</th><th scope="col">Opened</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
          <tbody>${h.alerts.map(
            (a) => html`<tr data-alert=${a.id}>
              <td><span class=${`pill ${a.severity}`}>${a.severity}</span></td>
              <td><a class="alert-title" href=${`/alerts/${encodeURIComponent(a.id)}`}><strong>${a.title}</strong></a>${a.object_label ? html`<div class="muted small">${a.object_label}</div>` : null}<div class="muted small">notification: ${a.delivery_status}${a.delivery_last_error ? ` (${a.delivery_last_error})` : ''}</div></td>
              <td><a href=${`/databases/${encodeURIComponent(a.database_id)}`}>${names.get(a.database_id) ?? a.database_id}</a></td>
              <td>${withUnit(a.value, '')} <span class="muted small">${a.operator} ${withUnit(a.threshold, '')}</span></td>
              <td><${Time} iso=${a.created_at} /></td>
              <td><span class=${`pill ${a.status}`}>${a.status}</span>${a.snoozed_until ? html`<div class="muted small">until <${Time} iso=${a.snoozed_until} /></div>` : null}</td>
              <td><${AlertActions} alert=${a} onChanged=${alerts.reload} /></td>
            </tr>`,
          )}</tbody></table></div>`}<//>
  </main>`;
}
