import { useMemo } from 'preact/hooks';
import { get, type Get } from '../../api/client';
import { num, withUnit } from '../../format';
import { Chart, Code, Section, Time, html, useLoad, type Range } from '../../ui';

type Score = Get<'/databases/{id}/panels/health-score'>;
type Doctor = Get<'/databases/{id}/doctor'>;

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

/** The Health tab: score history, the doctor's issues, the score's components and their metrics. */
export function HealthTab({ id, range }: { id: string; range: Range }) {
  const score = useLoad(() => get('/databases/{id}/panels/health-score', { path: { id } }), [id], 30_000);
  const doctor = useLoad(() => get('/databases/{id}/doctor', { path: { id } }), [id], 30_000);
  return html`<${ScoreHistory} id=${id} range=${range} />
    <${Section} loaded=${doctor} what="the doctor's findings">${(d: Doctor) => html`<${DoctorIssues} doctor=${d} />`}<//>
    <${Section} loaded=${score} what="the health score">${(s: Score) => html`<${Components} score=${s} />`}<//>`;
}
