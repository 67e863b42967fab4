import { useState } from 'preact/hooks';
import { ApiError, call, get, type Get } from '../../api/client';
import { bytes, ms, num } from '../../format';
import { Chart, Code, Section, Time, describeError, html, useLoad } from '../../ui';
import { Reason, series, seconds, xRangeOf, type TabProps } from './common';

type Detail = Get<'/databases/{id}/queries/{hash}'>;
type PgDetail = Extract<Detail, { engine: 'postgres' }>;
type ChDetail = Extract<Detail, { engine: 'clickhouse' }>;
type Plans = Get<'/databases/{id}/queries/{hash}/explain'>;
type Plan = Plans['plans'][number];

/** Stored plans reach back this far, whatever the charts' range: a plan stays worth reading for weeks. */
const PLANS_SINCE = '30d';

/** What to do about each refusal of POST …/explain, beyond the server's message. */
const EXPLAIN_ADVICE: Record<string, string> = {
  AGENT_NOT_CONNECTED: 'The agent serving this database is not connected to the Vigil server: start it (vigil-agent run) or check its log, then try again.',
  COMMAND_TIMEOUT: 'The agent did not answer in time: the database may be busy or unreachable from the agent.',
  COMMAND_NOT_SUPPORTED: 'This database release cannot explain without running the query (ClickHouse needs 21.6 or later).',
  STATEMENT_NOT_FOUND: 'The monitored server no longer has this statement (pg_stat_statements was reset, or the query log rotated).',
  COMMAND_REFUSED: 'The agent explains only a single SELECT-like statement.',
  COMMAND_FAILED: "The database could not plan it: often the agent's role lacks SELECT on the tables (pg_read_all_data on PostgreSQL 14+).",
};

/** The charts of one statement over the range: calls, time and rows, then blocks (PostgreSQL) or bytes read and memory (ClickHouse). */
function Charts({ d }: { d: Detail }) {
  const times = seconds(d.timeseries.map((p) => p.ts));
  const xRange = xRangeOf(d);
  const per = d.bucket_seconds >= 60 ? `${num(d.bucket_seconds / 60)} min` : `${d.bucket_seconds} s`;
  const common = html`
    <${Chart} times=${times} series=${[series('Calls', d.timeseries.map((p) => p.calls))]} label="Calls per bucket" height=${160} xRange=${xRange} />
    <${Chart} times=${times} series=${[series('Mean time', d.timeseries.map((p) => p.mean_time_ms), 'ms')]} label="Mean time (ms)" height=${160} xRange=${xRange} />
    <${Chart} times=${times} series=${[series('Rows', d.timeseries.map((p) => p.rows))]} label="Rows per bucket" height=${160} xRange=${xRange} />`;
  if (d.engine === 'postgres') {
    const points = (d as PgDetail).timeseries;
    return html`<p class="muted small">One point per ${per}.</p><div class="charts">${common}
      <${Chart} times=${times} series=${[series('Hit', points.map((p) => p.shared_blks_hit)), series('Read', points.map((p) => p.shared_blks_read)), series('Temp written', points.map((p) => p.temp_blks_written))]} label="Shared blocks per bucket" height=${160} xRange=${xRange} />
    </div>`;
  }
  const points = (d as ChDetail).timeseries;
  return html`<p class="muted small">One point per ${per}.</p><div class="charts">${common}
    <${Chart} times=${times} series=${[series('Read', points.map((p) => p.read_bytes / 1048576), 'MiB')]} label="Bytes read per bucket (MiB)" height=${160} xRange=${xRange} />
    <${Chart} times=${times} series=${[series('Peak memory', points.map((p) => p.memory_bytes / 1048576), 'MiB')]} label="Peak memory (MiB)" height=${160} xRange=${xRange} />
  </div>`;
}

function Totals({ d }: { d: Detail }) {
  const t = d.totals;
  const pg = d.engine === 'postgres' ? (d as PgDetail).totals : undefined;
  const ch = d.engine === 'clickhouse' ? (d as ChDetail).totals : undefined;
  return html`<dl class="figures">
    <div><dt>Calls</dt><dd>${num(t.total_calls)}</dd></div>
    <div><dt>Total time</dt><dd>${ms(t.total_time_ms)}</dd></div>
    <div><dt>Mean time</dt><dd>${ms(t.mean_time_ms)}</dd></div>
    <div><dt>Rows</dt><dd>${num(t.total_rows)}</dd></div>
    ${pg
      ? html`<div><dt>Blocks hit / read</dt><dd>${num(pg.shared_blks_hit)} / ${num(pg.shared_blks_read)}</dd></div><div><dt>Temp blocks written</dt><dd>${num(pg.temp_blks_written)}</dd></div>`
      : null}
    ${ch
      ? html`<div><dt>p95 / p99</dt><dd>${ms(ch.p95_time_ms)} / ${ms(ch.p99_time_ms)}</dd></div><div><dt>Read</dt><dd>${bytes(ch.read_bytes)} (${num(ch.read_rows)} rows)</dd></div><div><dt>Peak memory</dt><dd>${bytes(ch.memory_bytes)}</dd></div><div><dt>Errors</dt><dd>${num(ch.errors)}</dd></div>`
      : null}
    <div><dt>First / last seen</dt><dd><${Time} iso=${d.first_seen_at} /> / <${Time} iso=${d.last_seen_at} /></dd></div>
  </dl>`;
}

interface PlanNode {
  readonly 'Node Type'?: string;
  readonly 'Relation Name'?: string;
  readonly 'Index Name'?: string;
  readonly Alias?: string;
  readonly 'Join Type'?: string;
  readonly 'Total Cost'?: number;
  readonly 'Plan Rows'?: number;
  readonly Filter?: string;
  readonly 'Index Cond'?: string;
  readonly 'Hash Cond'?: string;
  readonly Plans?: readonly PlanNode[];
}

/** One node of a PostgreSQL JSON plan and its children, as nested lists (a tree screen readers announce level by level). */
function PlanTreeNode({ node }: { node: PlanNode }) {
  const target = node['Index Name'] ? ` using ${node['Index Name']} on ${node['Relation Name'] ?? ''}` : node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
  const condition = node['Index Cond'] ?? node['Hash Cond'] ?? node.Filter;
  return html`<li>
    <span class=${`plan-node ${node['Node Type'] === 'Seq Scan' ? 'seq' : ''}`}><strong>${node['Join Type'] ? `${node['Join Type']} ` : ''}${node['Node Type'] ?? '?'}</strong>${target}</span>
    <span class="muted small"> cost ${num(node['Total Cost'])}, ${num(node['Plan Rows'])} rows${condition ? ` · ${condition}` : ''}</span>
    ${node.Plans?.length ? html`<ul>${node.Plans.map((child) => html`<${PlanTreeNode} node=${child} />`)}</ul>` : null}
  </li>`;
}

/** A stored plan: PostgreSQL's JSON as a tree, ClickHouse's text as it came (already indented as a tree). */
function PlanView({ plan }: { plan: Plan }) {
  const json = plan.plan_json as unknown;
  const text = json && typeof json === 'object' && 'text' in json ? String((json as { text: unknown }).text) : undefined;
  const root = Array.isArray(json) ? (json[0] as { Plan?: PlanNode } | undefined)?.Plan : undefined;
  return html`<details class="plan" open>
    <summary><${Time} iso=${plan.ts} /> · ${plan.source === 'on_demand' ? 'explained on request' : 'collected'}${plan.total_cost === null ? '' : ` · cost ${num(plan.total_cost)}`} · ${num(plan.seq_scans)} sequential scan(s), ${num(plan.index_scans)} index scan(s)</summary>
    ${root ? html`<ul class="plan-tree" aria-label="Plan tree">${html`<${PlanTreeNode} node=${root} />`}</ul>` : html`<${Code} text=${text ?? JSON.stringify(json, null, 2)} label="plan" />`}
  </details>`;
}

function ExplainNow({ id, hash, onDone }: { id: string; hash: string; onDone: () => void }) {
  const [state, setState] = useState<{ busy: boolean; error?: unknown; done?: boolean }>({ busy: false });
  const explain = async () => {
    setState({ busy: true });
    try {
      await call('post', '/databases/{id}/queries/{hash}/explain', { path: { id, hash } });
      setState({ busy: false, done: true });
      onDone();
    } catch (error) {
      setState({ busy: false, error });
    }
  };
  const advice = state.error instanceof ApiError ? EXPLAIN_ADVICE[state.error.code] : undefined;
  return html`<div class="actions">
    <button type="button" onClick=${explain} disabled=${state.busy} aria-describedby="explain-note">${state.busy ? 'Explaining…' : 'Explain now'}</button>
    <span id="explain-note" class="muted small">The agent plans it on the database (a generic plan: the query is never run).</span>
    ${state.error ? html`<p class="error" role="alert">Explain failed: ${describeError(state.error)}${advice ? html`<br />${advice}` : null}</p>` : null}
    ${state.done ? html`<p class="ok" role="status">Plan stored.</p>` : null}
  </div>`;
}

function StoredPlans({ id, hash }: { id: string; hash: string }) {
  const plans = useLoad(() => get('/databases/{id}/queries/{hash}/explain', { path: { id, hash }, query: { since: PLANS_SINCE, limit: 5 } }), [id, hash]);
  return html`<section aria-labelledby="plans-title">
    <h3 id="plans-title">EXPLAIN plans</h3>
    <${ExplainNow} id=${id} hash=${hash} onDone=${plans.reload} />
    <${Section} loaded=${plans} what="the stored plans">${(p: Plans) =>
      p.plans.length === 0
        ? html`<p class="muted">No plan stored in the last 30 days: ask for one with Explain now, or turn on collect_explain_plans for this database.</p>`
        : p.plans.map((plan) => html`<${PlanView} plan=${plan} />`)}<//>
  </section>`;
}

/** The Query tab: one statement (a deep link: ?tab=query&query=<hash>&range=…) with its charts and plans. */
export function QueryDetailTab({ id, range, hash }: TabProps & { hash: string | null }) {
  const detail = useLoad(() => (hash ? get('/databases/{id}/queries/{hash}', { path: { id, hash }, query: { since: range } }) : Promise.resolve(undefined)), [id, hash, range]);
  if (!hash) return html`<${Reason} text="Choose a query on the Queries tab to see its charts and plans." />`;
  return html`<section class="query-detail" aria-labelledby="query-title">
    <h2 id="query-title">Query <code>${hash}</code></h2>
    <p><a href=${`?${new URLSearchParams({ tab: 'queries', range })}`}>← All queries</a></p>
    <${Section} loaded=${detail} what="the query's statistics">${(d: Detail | undefined) =>
      d
        ? html`<${Code} text=${d.query_text} label="query text" /><${Totals} d=${d} />${d.timeseries.length === 0 ? html`<${Reason} text=${`The statement did not run in the last ${range}; pick a longer range.`} />` : html`<${Charts} d=${d} />`}`
        : null}<//>
    <${StoredPlans} id=${id} hash=${hash} />
  </section>`;
}
