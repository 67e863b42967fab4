import { useState } from 'preact/hooks';
import { get, type Get } from '../api/client';
import { ago, num } from '../format';
import { setQuery, usePlace } from '../router';
import { Code, Grade, Section, SortHeader, Sparkline, html, useLoad } from '../ui';

type Row = Get<'/overview'>['databases'][number];

/** Every database with its grade, 24 h score line (in the same answer), alerts and agent status; refreshed every 30 s. */
async function loadOverview(): Promise<Row[]> {
  return (await get('/overview')).databases;
}

const SORTS: Record<string, (a: Row, b: Row) => number> = {
  name: (a, b) => a.name.localeCompare(b.name),
  engine: (a, b) => a.engine.localeCompare(b.engine) || a.name.localeCompare(b.name),
  score: (a, b) => (a.health_score ?? -1) - (b.health_score ?? -1),
  alerts: (a, b) => a.active_alert_count - b.active_alert_count,
  status: (a, b) => a.collector_status.localeCompare(b.collector_status),
  seen: (a, b) => (a.last_collected_at ?? '').localeCompare(b.last_collected_at ?? ''),
};

function EmptyState() {
  const [engine, setEngine] = useState<'postgres' | 'clickhouse'>('postgres');
  // The install instructions are an admin's (they are how keys get made): a member is told whom to ask instead of being refused.
  const me = useLoad(() => get('/auth/me'), []);
  const member = me.data !== undefined && 'role' in me.data && me.data.role === 'member';
  const install = useLoad(() => (me.loading || member ? new Promise<never>(() => undefined) : get('/agent/install', { query: { engine } })), [engine, me.loading, member]);
  if (member)
    return html`<section class="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">No database yet</h2>
      <p>An owner or admin of your organization installs the Vigil agent next to a database; it then appears here within a minute.</p>
    </section>`;
  return html`<section class="empty" aria-labelledby="empty-title">
    <h2 id="empty-title">No database yet</h2>
    <p>Install the Vigil agent next to a database; it connects out to this server and the database appears here within a minute.</p>
    <label>Engine <select value=${engine} onChange=${(e: Event) => setEngine((e.target as HTMLSelectElement).value as 'postgres')}>
      <option value="postgres">PostgreSQL</option><option value="clickhouse">ClickHouse</option>
    </select></label>
    <${Section} loaded=${install} what="the install instructions">${(i: Get<'/agent/install'>) => html`
      <h3>1. Create the agent's database role</h3><${Code} text=${i.grants_command} label="grants command" />
      <h3>2. Install the agent</h3><${Code} text=${i.install_command} label="install command" />
      <h3>3. Its configuration (/etc/vigil/agent.yaml)</h3><${Code} text=${i.config_template} label="agent configuration" />
      <p class="muted">Create an agent API key under <a href="/settings">Settings</a> and put it where the configuration says.</p>`}
    <//>
  </section>`;
}

export function Overview() {
  const place = usePlace();
  const q = place.query.get('q') ?? '';
  const engine = place.query.get('engine') ?? '';
  const sort = { column: place.query.get('sort') ?? 'score', desc: place.query.get('dir') === 'desc' };
  const rows = useLoad(loadOverview, [], 30_000);
  const onSort = (column: string) => setQuery({ sort: column, dir: sort.column === column && !sort.desc ? 'desc' : 'asc' });
  return html`<main id="main">
    <h1>Databases</h1>
    <${Section} loaded=${rows} what="the databases">${(all: Row[]) => {
      if (all.length === 0) return html`<${EmptyState} />`;
      const needle = q.toLowerCase();
      const shown = all
        .filter((r) => (!engine || r.engine === engine) && (!needle || r.name.toLowerCase().includes(needle) || (r.host ?? '').toLowerCase().includes(needle)))
        .sort((a, b) => (SORTS[sort.column] ?? SORTS.score!)(a, b) * (sort.desc ? -1 : 1));
      return html`<div class="filters">
          <label>Filter <input type="search" value=${q} placeholder="name or host" onInput=${(e: Event) => setQuery({ q: (e.target as HTMLInputElement).value })} /></label>
          <label>Engine <select value=${engine} onChange=${(e: Event) => setQuery({ engine: (e.target as HTMLSelectElement).value })}>
            <option value="">All</option><option value="postgres">PostgreSQL</option><option value="clickhouse">ClickHouse</option>
          </select></label>
          <span class="muted" aria-live="polite">${shown.length} of ${all.length}</span>
        </div>
        <div class="scroll"><table class="databases">
          <caption class="sr-only">Databases, sortable by column</caption>
          <thead><tr>
            <${SortHeader} label="Engine" column="engine" sort=${sort} onSort=${onSort} />
            <${SortHeader} label="Name" column="name" sort=${sort} onSort=${onSort} />
            <${SortHeader} label="Health" column="score" sort=${sort} onSort=${onSort} />
            <th scope="col">Last 24 h</th>
            <${SortHeader} label="Alerts" column="alerts" sort=${sort} onSort=${onSort} />
            <${SortHeader} label="Agent" column="status" sort=${sort} onSort=${onSort} />
            <${SortHeader} label="Last seen" column="seen" sort=${sort} onSort=${onSort} />
          </tr></thead>
          <tbody>${shown.map(
            (r) => html`<tr>
              <td>${r.engine === 'postgres' ? 'PostgreSQL' : 'ClickHouse'}</td>
              <td><a href=${`/databases/${encodeURIComponent(r.id)}`}>${r.name}</a>${r.host ? html`<div class="muted small">${r.host}${r.port ? `:${r.port}` : ''}</div>` : null}</td>
              <td class="health"><${Grade} grade=${r.grade} score=${r.health_score} /> <span class="score">${r.health_score === null ? 'no score yet' : num(r.health_score)}</span></td>
              <td><${Sparkline} values=${r.score_history_24h.map((p) => p.score)} label=${`Health score of ${r.name} over 24 hours`} /></td>
              <td>${r.active_alert_count > 0 ? html`<a class="badge warn" href=${`/alerts?database_id=${encodeURIComponent(r.id)}`}>${r.active_alert_count} open</a>` : html`<span class="muted">none</span>`}</td>
              <td><span class=${`status ${r.collector_status}`}>${r.collector_status}</span></td>
              <td title=${r.last_collected_at ?? ''}>${ago(r.last_collected_at)}</td>
            </tr>`,
          )}</tbody>
        </table></div>`;
    }}<//>
  </main>`;
}
