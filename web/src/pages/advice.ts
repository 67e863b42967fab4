import { useState } from 'preact/hooks';
import { call, get, type Get } from '../api/client';
import { setQuery, usePlace } from '../router';
import { Code, Section, Time, describeError, html, useLoad } from '../ui';

type List = Get<'/recommendations'>;
type Recommendation = List['recommendations'][number];
type Status = 'open' | 'applied' | 'dismissed' | 'snoozed';

const SNOOZE_DAYS = 7;
const ACTIONS: readonly (readonly [Status, string])[] = [
  ['applied', 'Mark applied'],
  ['dismissed', 'Dismiss'],
  ['snoozed', `Snooze ${SNOOZE_DAYS} days`],
  ['open', 'Reopen'],
];

function Item({ rec, onChanged }: { rec: Recommendation; onChanged: () => void }) {
  const [error, setError] = useState<string>();
  const change = async (status: Status) => {
    setError(undefined);
    try {
      const snoozed = status === 'snoozed' ? { snoozed_until: new Date(Date.now() + SNOOZE_DAYS * 86_400_000).toISOString() } : {};
      await call('patch', '/recommendations/{id}/status', { path: { id: rec.id }, body: { status, ...snoozed } });
      onChanged();
    } catch (err) {
      setError(describeError(err));
    }
  };
  const figures = Object.entries(rec.evidence.figures);
  return html`<li class=${`issue ${rec.severity}`} data-recommendation=${rec.id}>
    <h3><span class=${`pill ${rec.severity}`}>${rec.severity}</span> ${rec.title} <span class=${`pill ${rec.status}`}>${rec.status}</span></h3>
    <p>${rec.message}</p>
    <p><strong>Impact:</strong> ${rec.estimated_impact.summary}</p>
    <details><summary>Evidence (<${Time} iso=${rec.evidence.window.since} /> to <${Time} iso=${rec.evidence.window.until} />)</summary>
      ${figures.length > 0 ? html`<dl class="figures">${figures.map(([k, v]) => html`<dt>${k}</dt><dd>${String(v)}</dd>`)}</dl>` : null}
      ${rec.evidence.notes.length > 0 ? html`<ul>${rec.evidence.notes.map((n) => html`<li>${n}</li>`)}</ul>` : null}
    </details>
    <h4>Runbook</h4>
    ${rec.runbook.steps.length > 0 ? html`<ol>${rec.runbook.steps.map((s) => html`<li>${s}</li>`)}</ol>` : null}
    <${Code} text=${rec.runbook.sql} label="runbook SQL" />
    <p class="muted small">First seen <${Time} iso=${rec.first_seen_at} />, last seen <${Time} iso=${rec.last_seen_at} />${rec.snoozed_until ? html`, snoozed until <${Time} iso=${rec.snoozed_until} />` : null}${rec.closed_reason ? ` · ${rec.closed_reason}` : ''}</p>
    <div class="actions">${ACTIONS.filter(([s]) => s !== rec.status && (s !== 'open' || rec.status !== 'resolved')).map(
      ([s, label]) => html`<button type="button" onClick=${() => change(s)}>${label}<span class="sr-only"> ${rec.title}</span></button>`,
    )}</div>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
  </li>`;
}

/** The advisors' recommendations, most severe first, with evidence, runbook SQL and status changes. */
export function Advice() {
  const place = usePlace();
  const status = place.query.get('status') ?? 'open';
  const list = useLoad(() => get('/recommendations', { query: { limit: 200, ...(status ? { status: status as Recommendation['status'] } : {}) } }), [status]);
  const stats = useLoad(() => get('/recommendations/auto-apply-stats'), [list.data]);
  return html`<main id="main">
    <h1>Advice</h1>
    <div class="filters">
      <label>Status <select value=${status} onChange=${(e: Event) => setQuery({ status: (e.target as HTMLSelectElement).value })}>
        ${['open', 'applied', 'dismissed', 'snoozed', 'resolved', ''].map((s) => html`<option value=${s}>${s || 'any'}</option>`)}
      </select></label>
      ${stats.data ? html`<span class="muted">Applied so far: ${stats.data.total} (manual ${stats.data.manual}, seen in the telemetry ${stats.data.auto_evidence})</span>` : null}
    </div>
    <${Section} loaded=${list} what="the recommendations">${(l: List) =>
      l.recommendations.length === 0
        ? html`<p>No recommendation ${status ? `with status ${status}` : 'yet'}: the advisors scan each database's telemetry and list what they find here.</p>`
        : html`<ol class="issues">${l.recommendations.map((r) => html`<${Item} rec=${r} onChanged=${list.reload} />`)}</ol>`}<//>
  </main>`;
}
