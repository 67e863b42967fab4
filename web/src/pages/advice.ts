import { useState } from 'preact/hooks';
import { ApiError, callUnlisted } from '../api/client';
import { Code, Section, Time, describeError, html, useLoad } from '../ui';
import { setQuery, usePlace } from '../router';

/**
 * Recommendations (the advisors, issue 12), against OptiHouse's contract: GET /recommendations
 * filtered by status, type and severity; PATCH /recommendations/{id}/status. Not in this server's
 * OpenAPI document yet, so typed here by hand until the routes land and the generated types carry them.
 */
interface Recommendation {
  readonly id: string;
  readonly database_id?: string;
  readonly type?: string;
  readonly severity: string;
  readonly title: string;
  readonly status: string;
  readonly summary?: string;
  readonly evidence?: unknown;
  readonly runbook?: string;
  readonly runbook_sql?: string;
  readonly created_at?: string;
}

const STATUSES = [
  ['applied', 'Mark applied'],
  ['dismissed', 'Dismiss'],
  ['snoozed', 'Snooze'],
] as const;

function Item({ rec, onChanged }: { rec: Recommendation; onChanged: () => void }) {
  const [error, setError] = useState<string>();
  const change = async (status: string) => {
    setError(undefined);
    try {
      await callUnlisted('PATCH', `/recommendations/${encodeURIComponent(rec.id)}/status`, { status });
      onChanged();
    } catch (err) {
      setError(describeError(err));
    }
  };
  const sql = rec.runbook_sql ?? rec.runbook;
  return html`<li class=${`issue ${rec.severity}`}>
    <h3><span class=${`pill ${rec.severity}`}>${rec.severity}</span> ${rec.title} <span class=${`pill ${rec.status}`}>${rec.status}</span></h3>
    ${rec.summary ? html`<p>${rec.summary}</p>` : null}
    ${rec.evidence ? html`<details><summary>Evidence</summary><pre>${typeof rec.evidence === 'string' ? rec.evidence : JSON.stringify(rec.evidence, null, 2)}</pre></details>` : null}
    ${sql ? html`<h4>Runbook</h4><${Code} text=${sql} label="runbook" />` : null}
    ${rec.created_at ? html`<p class="muted small">Found <${Time} iso=${rec.created_at} /></p>` : null}
    <div class="actions">${STATUSES.filter(([s]) => s !== rec.status).map(([s, label]) => html`<button type="button" onClick=${() => change(s)}>${label}<span class="sr-only"> ${rec.title}</span></button>`)}</div>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
  </li>`;
}

const SEVERITY_ORDER: Record<string, number> = { critical: 0, high: 1, warning: 2, medium: 3, low: 4, info: 5 };

export function Advice() {
  const place = usePlace();
  const status = place.query.get('status') ?? 'open';
  const list = useLoad(async () => {
    try {
      const body = await callUnlisted<{ recommendations?: Recommendation[]; items?: Recommendation[] } | Recommendation[]>('GET', `/recommendations${status ? `?status=${encodeURIComponent(status)}` : ''}`);
      return Array.isArray(body) ? body : (body.recommendations ?? body.items ?? []);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'ROUTE_NOT_FOUND') return null;
      throw err;
    }
  }, [status]);
  return html`<main id="main">
    <h1>Advice</h1>
    <div class="filters"><label>Status <select value=${status} onChange=${(e: Event) => setQuery({ status: (e.target as HTMLSelectElement).value })}>
      ${['open', 'applied', 'dismissed', 'snoozed', ''].map((s) => html`<option value=${s}>${s || 'any'}</option>`)}
    </select></label></div>
    <${Section} loaded=${list} what="the recommendations">${(recs: Recommendation[] | null) =>
      recs === null
        ? html`<p>This server does not produce recommendations yet.</p>`
        : recs.length === 0
          ? html`<p>No recommendation with this status.</p>`
          : html`<ol class="issues">${[...recs].sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9)).map((r) => html`<${Item} rec=${r} onChanged=${list.reload} />`)}</ol>`}<//>
  </main>`;
}
