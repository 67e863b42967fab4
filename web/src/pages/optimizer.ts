import { useRef, useState } from 'preact/hooks';
import { ApiError, call, type Post } from '../api/client';
import { num } from '../format';
import { setQuery, usePlace } from '../router';
import { Code, describeError, html } from '../ui';
import { LineageView, type Lineage } from './lineage';

type Dialect = 'clickhouse' | 'postgresql';
type Analysis = Post<'/queries/optimize'>;

const DIALECTS: readonly (readonly [Dialect, string])[] = [
  ['clickhouse', 'ClickHouse'],
  ['postgresql', 'PostgreSQL'],
];

const EXAMPLES: Record<Dialect, string> = {
  clickhouse: "SELECT *\nFROM events\nWHERE toDate(ts) = today() AND url LIKE '%checkout%'\nORDER BY ts",
  postgresql: "SELECT *\nFROM orders o\nJOIN customers c ON c.id = o.customer_id\nWHERE lower(c.email) LIKE '%@example.com'\nORDER BY o.created_at",
};

/** The optional workload figures the API scales its cost estimate by. */
const KNOBS = [
  ['runs_per_day', 'Runs a day', '1'],
  ['avg_duration_ms', 'Time a run (ms)', 'any'],
  ['avg_read_gb', 'Data read a run (GB)', 'any'],
] as const;

/** What went wrong, for a person: a parse error points at its place in the SQL; a 429 says when to retry. */
function Failure({ error, sql, dialect }: { error: unknown; sql: string; dialect: Dialect }) {
  if (error instanceof ApiError && error.code === 'RATE_LIMITED') {
    const wait = Number(error.details.retry_after_s);
    return html`<div class="error" role="alert"><strong>Too many analyses from your address.</strong> The public optimizer takes a limited number a minute from each address; try again in ${Number.isFinite(wait) ? `${wait} s` : 'a minute'}.</div>`;
  }
  if (error instanceof ApiError && error.code === 'SQL_PARSE_ERROR') {
    const line = Number(error.details.line);
    const column = Number(error.details.column);
    const text = Number.isInteger(line) ? sql.split('\n')[line - 1] : undefined;
    const reason = typeof error.details.reason === 'string' ? error.details.reason : undefined;
    return html`<div class="error" role="alert">
      <strong>This is not valid ${dialect === 'postgresql' ? 'PostgreSQL' : 'ClickHouse'} SQL.</strong> ${error.message}${reason ? `: ${reason}` : ''}.
      ${text !== undefined && Number.isInteger(column) ? html`<pre class="parse-error" aria-label="where the parser stopped"><code>${`${text}\n${' '.repeat(Math.max(0, column - 1))}^`}</code></pre>` : null}
      <p class="small">Check the dialect: ${dialect === 'postgresql' ? 'ClickHouse' : 'PostgreSQL'} syntax reads differently.</p>
    </div>`;
  }
  if (error instanceof ApiError && error.code === 'SQL_TOO_LONG') return html`<p class="error" role="alert"><strong>The SQL is too long.</strong> ${error.message}.</p>`;
  return html`<p class="error" role="alert">The analysis failed: ${describeError(error)}</p>`;
}

function Issues({ analysis }: { analysis: Analysis }) {
  const { cost } = analysis;
  return html`<section aria-labelledby="issues-title">
    <h2 id="issues-title" tabindex="-1">${analysis.issues.length === 0 ? 'No issue found' : `${analysis.issues.length} issue${analysis.issues.length === 1 ? '' : 's'}, most important first`}</h2>
    <p class="muted" role="status">${analysis.query_type} statement, read by ${analysis.dialect === 'postgresql' ? 'PostgreSQL' : 'ClickHouse'}'s parser.${analysis.issues.length > 0 ? ` Fixing all of them typically saves about ${num(cost.estimated_savings_pct)} % of the read.` : ''}</p>
    ${cost.read_gb_per_day !== null || cost.compute_hours_per_day !== null
      ? html`<dl class="figures cost">
          ${cost.read_gb_per_day !== null ? html`<dt>Read a day</dt><dd>${num(cost.read_gb_per_day, 'GB')}${cost.estimated_read_gb_saved_per_day !== null ? html` <span class="ok">(${num(cost.estimated_read_gb_saved_per_day, 'GB')} saved)</span>` : null}</dd>` : null}
          ${cost.compute_hours_per_day !== null ? html`<dt>Compute a day</dt><dd>${num(cost.compute_hours_per_day, 'h')}${cost.estimated_hours_saved_per_day !== null ? html` <span class="ok">(${num(cost.estimated_hours_saved_per_day, 'h')} saved)</span>` : null}</dd>` : null}
        </dl>`
      : null}
    <ol class="issues">${analysis.issues.map(
      (i, n) => html`<li class="issue" data-rule=${i.rule}>
        <h3><span class=${`pill ${i.severity}`}>${i.severity}</span> ${i.title} <span class="muted small">saves about ${num(i.estimated_savings_pct)} %</span></h3>
        <p>${i.message}</p>
        ${i.rewrite ? html`<${Code} text=${i.rewrite} label=${`rewrite ${n + 1}`} />` : null}
      </li>`,
    )}</ol>
  </section>`;
}

/** The public optimizer (/optimizer, no sign-in): paste SQL, pick the dialect and workload, see issues, rewrites and lineage. */
export function Optimizer() {
  const place = usePlace();
  const dialect: Dialect = place.query.get('dialect') === 'postgresql' ? 'postgresql' : 'clickhouse';
  const [sql, setSql] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ sql: string; dialect: Dialect; analysis?: Analysis; lineage?: Lineage; error?: unknown }>();
  const form = useRef<HTMLFormElement>(null);
  const analyse = async (event?: Event) => {
    event?.preventDefault();
    const data = new FormData(form.current!);
    const knobs: Record<string, number> = {};
    for (const [name] of KNOBS) {
      const value = String(data.get(name) ?? '').trim();
      if (value !== '') knobs[name] = Number(value);
    }
    setBusy(true);
    const [analysis, lineage] = await Promise.allSettled([
      call('post', '/queries/optimize', { body: { sql, dialect, ...knobs } }),
      call('post', '/queries/lineage', { body: { sql, dialect } }),
    ]);
    setBusy(false);
    setResult({
      sql,
      dialect,
      ...(analysis.status === 'fulfilled' ? { analysis: analysis.value } : {}),
      ...(lineage.status === 'fulfilled' ? { lineage: lineage.value } : {}),
      // The two calls fail together but for the rate limit, which may refuse only one of them.
      ...(analysis.status === 'rejected' ? { error: analysis.reason } : lineage.status === 'rejected' ? { error: lineage.reason } : {}),
    });
    requestAnimationFrame(() => document.getElementById('issues-title')?.focus());
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void analyse(event);
  };
  return html`<main id="main" class="optimizer">
    <h1>Query optimizer</h1>
    <p class="muted">Paste one statement: Vigil parses it with the database's own parser and lists what makes it slow or expensive, with rewrites, and what it reads and writes. Nothing is stored and no database is touched.</p>
    <form ref=${form} onSubmit=${analyse}>
      <div class="inline">
        <label>Dialect <select name="dialect" value=${dialect} onChange=${(e: Event) => setQuery({ dialect: (e.target as HTMLSelectElement).value })}>
          ${DIALECTS.map(([value, label]) => html`<option value=${value}>${label}</option>`)}
        </select></label>
        <button type="button" onClick=${() => setSql(EXAMPLES[dialect])}>Use an example</button>
      </div>
      <label class="block">SQL <textarea name="sql" rows="8" required spellcheck=${false} value=${sql} onInput=${(e: Event) => setSql((e.target as HTMLTextAreaElement).value)} onKeyDown=${onKey} placeholder="SELECT …" aria-describedby="sql-hint"></textarea></label>
      <p id="sql-hint" class="muted small">One statement, at most 50,000 characters. Ctrl+Enter analyses.</p>
      <fieldset><legend>Workload (optional: scales the cost estimate)</legend>
        <div class="inline">${KNOBS.map(([name, label, step]) => html`<label>${label} <input name=${name} type="number" min="0" step=${step} class="num" /></label>`)}</div>
      </fieldset>
      <button type="submit" disabled=${busy || sql.trim() === ''}>${busy ? 'Analysing…' : 'Analyse'}</button>
    </form>
    ${result?.error !== undefined ? html`<${Failure} error=${result.error} sql=${result.sql} dialect=${result.dialect} />` : null}
    ${result?.analysis ? html`<${Issues} analysis=${result.analysis} />` : null}
    ${result?.lineage ? html`<${LineageView} lineage=${result.lineage} />` : null}
  </main>`;
}
