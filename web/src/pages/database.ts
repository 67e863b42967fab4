import { useMemo } from 'preact/hooks';
import { get, type Get } from '../api/client';
import { ago, ms, num, withUnit } from '../format';
import { setQuery, usePlace } from '../router';
import { Chart, Code, Grade, RANGES, RangePicker, Section, SortHeader, Time, html, useLoad, type Range } from '../ui';

type Score = Get<'/databases/{id}/panels/health-score'>;
type Doctor = Get<'/databases/{id}/doctor'>;
type Database = Get<'/databases/{id}'>;

const OPERATOR_WORDS: Record<string, string> = { '>=': 'at or above', '>': 'above', '<': 'below', '<=': 'at or below' };

function Components({ score }: { score: Score }) {
  return html`<section aria-labelledby="components-title">
    <h2 id="components-title">Health score ${score.overall_score === null ? '' : `${num(score.overall_score)} / 100`}</h2>
    <p class="muted">Each component scores 0–100 from its worst metric (100 at ok, 70 at the warning level, 30 at critical); the score is their weighted mean${
      score.capped_at !== null ? html`, <strong>capped at ${score.capped_at}</strong> while an alert is open (${num(score.uncapped_score)} before the cap)` : ''
    }. Trend: ${score.trend}${score.previous_score === null ? '' : ` (${num(score.previous_score)} an hour ago)`}.</p>
    <div class="components">${Object.entries(score.components).map(
      ([key, c]) => html`<details class=${`component ${c.status}`} open=${c.status === 'warning' || c.status === 'critical'}>
        <summary><span class="label">${c.label}</span> <span class=${`pill ${c.status}`}>${c.status}</span> <span class="score">${c.score === null ? 'n/a' : num(c.score)}</span> <span class="muted small">weight ${num(c.weight)}</span></summary>
        <table class="metrics"><caption class="sr-only">Metrics of ${c.label}</caption>
          <thead><tr><th scope="col">Metric</th><th scope="col">Value</th><th scope="col">Warning</th><th scope="col">Critical</th><th scope="col">Status</th></tr></thead>
          <tbody>${c.metrics.map(
            (m) => html`<tr>
              <th scope="row"><code>${m.key}</code></th>
              <td>${m.value === null ? html`<span class="muted">${m.reason ?? 'unavailable'}</span>` : withUnit(m.value, m.unit)}</td>
              <td>${m.warning === null ? '—' : `${OPERATOR_WORDS[m.operator] ?? m.operator} ${withUnit(m.warning, m.unit)}`}</td>
              <td>${m.critical === null ? '—' : `${OPERATOR_WORDS[m.operator] ?? m.operator} ${withUnit(m.critical, m.unit)}`}</td>
              <td><span class=${`pill ${m.status}`}>${m.status}</span></td>
            </tr>`,
          )}</tbody>
        </table>
        <span class="sr-only">${key}</span>
      </details>`,
    )}</div>
  </section>`;
}

function ScoreHistory({ id, range }: { id: string; range: Range }) {
  const history = useLoad(() => get('/databases/{id}/panels/health-score/history', { path: { id }, query: { range } }), [id, range], 60_000);
  return html`<${Section} loaded=${history} what="the score history">${(h: Get<'/databases/{id}/panels/health-score/history'>) =>
    h.points.length === 0
      ? html`<p class="muted">No stored score in this range yet.</p>`
      : html`<${HistoryChart} points=${h.points} range=${range} since=${h.since} until=${h.until} />`}<//>`;
}

const SCORE_AXIS = [0, 100] as const;

function HistoryChart({ points, range, since, until }: { points: Get<'/databases/{id}/panels/health-score/history'>['points']; range: Range; since: string; until: string }) {
  const data = useMemo(
    () => ({
      times: points.map((p) => Date.parse(p.ts) / 1000),
      series: [
        { label: 'Score', values: points.map((p) => p.score) },
        { label: 'Lowest', values: points.map((p) => p.min_score) },
      ],
    }),
    [points],
  );
  const xRange = useMemo(() => [Date.parse(since) / 1000, Date.parse(until) / 1000] as const, [since, until]);
  return html`<${Chart} times=${data.times} series=${data.series} label=${`Health score over ${range}`} xRange=${xRange} yRange=${SCORE_AXIS} />`;
}

function DoctorIssues({ doctor }: { doctor: Doctor }) {
  return html`<section aria-labelledby="doctor-title">
    <h2 id="doctor-title">Doctor: ${doctor.status}</h2>
    <p class="muted">${doctor.metrics_summary.passed} of ${doctor.metrics_summary.checks} checks pass, ${doctor.metrics_summary.warning} warning, ${doctor.metrics_summary.critical} critical, ${doctor.metrics_summary.unavailable} unavailable. Evaluated <${Time} iso=${doctor.evaluated_at} />.</p>
    ${doctor.top_issues.length === 0
      ? html`<p>No issue found.</p>`
      : html`<ol class="issues">${doctor.top_issues.map(
          (issue) => html`<li class=${`issue ${issue.severity}`}>
            <h3><span class=${`pill ${issue.severity}`}>${issue.severity}</span> ${issue.title}</h3>
            <p>${issue.detail}</p>
            <p><strong>Recommendation:</strong> ${issue.recommendation}</p>
            ${issue.objects.length > 0 ? html`<ul class="objects">${issue.objects.map((o) => html`<li><code>${o.label}</code>${o.detail ? ` — ${o.detail}` : ''}</li>`)}</ul>` : null}
            <h4>How to investigate</h4><${Code} text=${issue.how_to_investigate} label="investigation SQL" />
            <h4>How to fix</h4><${Code} text=${issue.how_to_fix} label="fix" />
          </li>`,
        )}</ol>`}
  </section>`;
}

function HealthTab({ id, range }: { id: string; range: Range }) {
  const score = useLoad(() => get('/databases/{id}/panels/health-score', { path: { id } }), [id], 30_000);
  const doctor = useLoad(() => get('/databases/{id}/doctor', { path: { id } }), [id], 30_000);
  return html`<${ScoreHistory} id=${id} range=${range} />
    <${Section} loaded=${doctor} what="the doctor's findings">${(d: Doctor) => html`<${DoctorIssues} doctor=${d} />`}<//>
    <${Section} loaded=${score} what="the health score">${(s: Score) => html`<${Components} score=${s} />`}<//>`;
}

type Queries = Get<'/databases/{id}/queries'>;
type QueryRow = NonNullable<Queries['queries']>[number];

function QueryChart({ id, hash, range }: { id: string; hash: string; range: Range }) {
  const detail = useLoad(() => get('/databases/{id}/queries/{hash}', { path: { id, hash }, query: { since: range } }), [id, hash, range]);
  return html`<${Section} loaded=${detail} what="the query's timeseries">${(d: Get<'/databases/{id}/queries/{hash}'>) => {
    const points = d.timeseries as readonly { ts: string; calls: number; mean_time_ms: number; rows: number }[];
    const times = points.map((p) => Date.parse(p.ts) / 1000);
    const xRange = [Date.parse(d.since) / 1000, Date.parse(d.until) / 1000] as const;
    return html`<section class="query-detail" aria-labelledby="query-title">
      <h3 id="query-title">Query ${hash}</h3>
      <${Code} text=${d.query_text} label="query text" />
      <div class="charts">
        <${Chart} times=${times} series=${[{ label: 'Calls', values: points.map((p) => p.calls) }]} label="Calls per bucket" height=${160} xRange=${xRange} />
        <${Chart} times=${times} series=${[{ label: 'Mean time', unit: 'ms', values: points.map((p) => p.mean_time_ms) }]} label="Mean time (ms)" height=${160} xRange=${xRange} />
        <${Chart} times=${times} series=${[{ label: 'Rows', values: points.map((p) => p.rows) }]} label="Rows per bucket" height=${160} xRange=${xRange} />
      </div>
    </section>`;
  }}<//>`;
}

const QUERY_SORTS = ['total_time', 'calls', 'mean_time', 'rows'] as const;

function QueriesTab({ id, range }: { id: string; range: Range }) {
  const place = usePlace();
  const search = place.query.get('q') ?? '';
  const sortBy = (place.query.get('sort_by') ?? 'total_time') as (typeof QUERY_SORTS)[number];
  const selected = place.query.get('query');
  const list = useLoad(() => get('/databases/{id}/queries', { path: { id }, query: { since: range, sort_by: sortBy, limit: 50, ...(search ? { q: search } : {}) } }), [id, range, sortBy, search], 60_000);
  const sort = { column: sortBy, desc: true };
  const onSort = (column: string) => setQuery({ sort_by: column });
  return html`<div class="filters"><label>Search <input type="search" value=${search} onChange=${(e: Event) => setQuery({ q: (e.target as HTMLInputElement).value })} placeholder="text in the query" /></label></div>
    <${Section} loaded=${list} what="the queries">${(data: Queries) => {
      const rows = (data.queries ?? []) as readonly QueryRow[];
      if (rows.length === 0) return html`<p class="muted">No statement statistics in this range yet.</p>`;
      return html`<table class="queries"><caption class="sr-only">Statements, ranked by ${sortBy.replace('_', ' ')}</caption>
        <thead><tr><th scope="col">Query</th>
          <${SortHeader} label="Total time" column="total_time" sort=${sort} onSort=${onSort} />
          <${SortHeader} label="Calls" column="calls" sort=${sort} onSort=${onSort} />
          <${SortHeader} label="Mean" column="mean_time" sort=${sort} onSort=${onSort} />
          <${SortHeader} label="Rows" column="rows" sort=${sort} onSort=${onSort} />
        </tr></thead>
        <tbody>${rows.map(
          (r) => html`<tr aria-selected=${r.query_hash === selected}>
            <td><a href=${`?${new URLSearchParams({ ...Object.fromEntries(place.query), query: r.query_hash })}`} class="sql">${r.query_text.slice(0, 160)}</a></td>
            <td>${ms(r.total_time_ms)}</td><td>${num(r.total_calls)}</td><td>${ms(r.mean_time_ms)}</td><td>${num(r.total_rows)}</td>
          </tr>`,
        )}</tbody></table>`;
    }}<//>
    ${selected ? html`<${QueryChart} id=${id} hash=${selected} range=${range} />` : html`<p class="muted">Choose a query to see its calls, time and rows over the range.</p>`}`;
}

function ActivityTab({ id, engine }: { id: string; engine: string }) {
  const active = useLoad(() => get('/databases/{id}/active', { path: { id } }), [id], 5_000);
  const locks = useLoad(() => (engine === 'postgres' ? get('/databases/{id}/locks', { path: { id } }) : Promise.resolve(undefined)), [id, engine], 5_000);
  return html`<h2>Running now</h2>
    <${Section} loaded=${active} what="the running queries">${(a: Get<'/databases/{id}/active'>) => {
      const queries = a.queries as readonly { pid?: number; query_id?: string; query_text: string; duration_ms: number; state?: string | null; usename?: string | null; user?: string | null; blocking_pids?: number[] }[];
      return html`<p class="muted">Snapshot <${Time} iso=${a.ts} /> · refreshed every 5 s</p>
        ${queries.length === 0
          ? html`<p>Nothing running.</p>`
          : html`<table><caption class="sr-only">Running queries, longest first</caption><thead><tr><th scope="col">Session</th><th scope="col">User</th><th scope="col">State</th><th scope="col">Running for</th><th scope="col">Blocked by</th><th scope="col">Query</th></tr></thead>
            <tbody>${queries.map((q) => html`<tr><td>${q.pid ?? q.query_id}</td><td>${q.usename ?? q.user ?? '—'}</td><td>${q.state ?? '—'}</td><td>${ms(q.duration_ms)}</td><td>${q.blocking_pids?.length ? q.blocking_pids.join(', ') : '—'}</td><td><code class="sql">${q.query_text.slice(0, 200)}</code></td></tr>`)}</tbody></table>`}`;
    }}<//>
    ${engine === 'postgres'
      ? html`<h2>Locks</h2><${Section} loaded=${locks} what="the locks">${(l: Get<'/databases/{id}/locks'> | undefined) =>
          !l || l.locks.length === 0
            ? html`<p>No lock wait.</p>`
            : html`<p>${l.blocked_sessions} blocked session(s).</p><table><caption class="sr-only">Lock waits and their holders</caption><thead><tr><th scope="col">Session</th><th scope="col">Lock</th><th scope="col">Relation</th><th scope="col">Granted</th><th scope="col">Waits for</th><th scope="col">For</th><th scope="col">Query</th></tr></thead>
                <tbody>${l.locks.map((k) => html`<tr class=${k.granted ? '' : 'waiting'}><td>${k.pid}</td><td>${k.lock_type} ${k.mode}</td><td>${k.relation_name ?? '—'}</td><td>${k.granted ? 'yes' : 'waiting'}</td><td>${k.blocked_by_pid ?? '—'}</td><td>${ms(k.duration_ms)}</td><td><code class="sql">${(k.query_text ?? '').slice(0, 160)}</code></td></tr>`)}</tbody></table>`}<//>`
      : null}`;
}

const TABS = [
  ['health', 'Health'],
  ['queries', 'Queries'],
  ['activity', 'Activity'],
] as const;

export function DatabasePage({ id }: { id: string }) {
  const place = usePlace();
  const tab = place.query.get('tab') ?? 'health';
  const range = (RANGES as readonly string[]).includes(place.query.get('range') ?? '') ? (place.query.get('range') as Range) : '24h';
  const database = useLoad(() => get('/databases/{id}', { path: { id } }), [id], 30_000);
  const score = useLoad(() => get('/databases/{id}/panels/health-score', { path: { id } }), [id], 30_000);
  return html`<main id="main">
    <${Section} loaded=${database} what="the database">${(db: Database) => html`
      <header class="db-head">
        <h1>${db.name} <span class="muted small">${db.engine === 'postgres' ? 'PostgreSQL' : 'ClickHouse'} ${db.engine_version ?? ''}</span></h1>
        <p>${score.data ? html`<${Grade} grade=${score.data.grade} score=${score.data.overall_score} /> <span class="score">${num(score.data.overall_score)}</span> · ` : null}
          <span class=${`status ${db.status === 'connected' ? 'online' : 'offline'}`}>${db.status === 'connected' ? 'agent connected' : 'agent disconnected'}</span>${' · '}last seen <span title=${db.last_seen_at ?? ''}>${ago(db.last_seen_at)}</span>${db.host ? ` · ${db.host}${db.port ? `:${db.port}` : ''}` : ''}</p>
      </header>
      <div class="toolbar">
        <nav aria-label="Database sections" class="tabs">${TABS.map(([key, label]) => html`<a href=${`?${new URLSearchParams({ tab: key, range })}`} aria-current=${tab === key ? 'page' : undefined}>${label}</a>`)}</nav>
        ${tab !== 'activity' ? html`<${RangePicker} value=${range} onChange=${(r: Range) => setQuery({ range: r })} />` : null}
      </div>
      ${tab === 'queries' ? html`<${QueriesTab} id=${id} range=${range} />` : tab === 'activity' ? html`<${ActivityTab} id=${id} engine=${db.engine} />` : html`<${HealthTab} id=${id} range=${range} />`}
    `}<//>
  </main>`;
}

