import { get, type Get } from '../api/client';
import { ago, num } from '../format';
import { setQuery, usePlace } from '../router';
import { Grade, RANGES, RangePicker, Section, html, useLoad, type Range } from '../ui';
import { ActivityTab } from './database/activity';
import { ClusterTab } from './database/cluster';
import { CollectorNotes, ENGINE_LABEL, type TabProps } from './database/common';
import { HealthTab } from './database/health';
import { IndexesTab, TablesTab } from './database/tables';
import { InternalsTab } from './database/internals';
import { MergesTab } from './database/merges';
import { MutationsTab } from './database/mutations';
import { PartsTab } from './database/parts';
import { QueriesTab } from './database/queries';
import { QueryDetailTab } from './database/query-detail';
import { ReplicationTab } from './database/replication';
import { WaitsTab } from './database/waits';

type Database = Get<'/databases/{id}'>;
type Engine = TabProps['engine'];

interface Tab {
  readonly label: string;
  /** The tab's view; `hash` is the query of the Query tab. */
  readonly view: (props: TabProps & { hash: string | null }) => unknown;
  /** Collectors whose heartbeat statuses explain what the tab shows (or lacks), per engine. */
  readonly collectors?: Partial<Record<Engine, readonly string[]>>;
  /** The tab's data has no time range (a latest snapshot, a live stream). */
  readonly noRange?: boolean;
}

const TAB_VIEWS: Record<string, Tab> = {
  health: { label: 'Health', view: (p) => html`<${HealthTab} id=${p.id} range=${p.range} />` },
  queries: { label: 'Queries', view: (p) => html`<${QueriesTab} ...${p} />`, collectors: { postgres: ['statements'], clickhouse: ['query_log'] } },
  query: { label: 'Query', view: (p) => html`<${QueryDetailTab} ...${p} />` },
  activity: { label: 'Activity', view: (p) => html`<${ActivityTab} ...${p} />`, collectors: { postgres: ['activity', 'locks'], clickhouse: ['processes'] }, noRange: true },
  waits: { label: 'Waits', view: (p) => html`<${WaitsTab} ...${p} />`, collectors: { postgres: ['wait_events'] } },
  tables: { label: 'Tables', view: (p) => html`<${TablesTab} ...${p} />`, collectors: { postgres: ['tables'] } },
  indexes: { label: 'Indexes', view: (p) => html`<${IndexesTab} ...${p} />`, collectors: { postgres: ['tables'] } },
  parts: { label: 'Parts', view: (p) => html`<${PartsTab} ...${p} />`, collectors: { clickhouse: ['parts'] }, noRange: true },
  merges: { label: 'Merges', view: (p) => html`<${MergesTab} ...${p} />`, collectors: { clickhouse: ['merges'] } },
  mutations: { label: 'Mutations', view: (p) => html`<${MutationsTab} ...${p} />`, collectors: { clickhouse: ['mutations'] }, noRange: true },
  cluster: { label: 'Cluster', view: (p) => html`<${ClusterTab} ...${p} />`, collectors: { clickhouse: ['server', 'disks', 'errors', 'keeper'] } },
  replication: { label: 'Replication', view: (p) => html`<${ReplicationTab} ...${p} />`, collectors: { postgres: ['replication'], clickhouse: ['replicas'] } },
  internals: { label: 'Internals', view: (p) => html`<${InternalsTab} ...${p} />`, collectors: { postgres: ['server'] } },
};

/** The tabs each engine shows, in order; a tab of the other engine asked for by URL explains itself instead. */
const ENGINE_TABS: Record<Engine, readonly string[]> = {
  postgres: ['health', 'queries', 'query', 'activity', 'waits', 'tables', 'indexes', 'replication', 'internals'],
  clickhouse: ['health', 'queries', 'query', 'activity', 'parts', 'merges', 'mutations', 'replication', 'cluster'],
};

export function DatabasePage({ id }: { id: string }) {
  const place = usePlace();
  const asked = place.query.get('tab') ?? 'health';
  const tab = Object.hasOwn(TAB_VIEWS, asked) ? asked : 'health';
  const hash = place.query.get('query');
  const range = (RANGES as readonly string[]).includes(place.query.get('range') ?? '') ? (place.query.get('range') as Range) : '24h';
  const database = useLoad(() => get('/databases/{id}', { path: { id } }), [id], 30_000);
  const score = useLoad(() => get('/databases/{id}/panels/health-score', { path: { id } }), [id], 30_000);
  const link = (key: string) => `?${new URLSearchParams({ tab: key, range, ...(hash ? { query: hash } : {}) })}`;
  return html`<main id="main">
    <${Section} loaded=${database} what="the database">${(db: Database) => {
      const current = TAB_VIEWS[tab]!;
      const props = { id, name: db.name, engine: db.engine, version: db.engine_version, range, hash };
      // The Query tab is listed once a query is chosen (a deep link, or a click on the Queries tab).
      const tabs = ENGINE_TABS[db.engine].filter((key) => key !== 'query' || hash || tab === 'query');
      const collectors = current.collectors?.[db.engine];
      return html`
      <header class="db-head">
        <h1>${db.name} <span class="muted small">${ENGINE_LABEL[db.engine]} ${db.engine_version ?? ''}</span></h1>
        <p>${score.data ? html`<${Grade} grade=${score.data.grade} score=${score.data.overall_score} /> <span class="score">${num(score.data.overall_score)}</span> · ` : null}
          <span class=${`status ${db.status === 'connected' ? 'online' : 'offline'}`}>${db.status === 'connected' ? 'agent connected' : 'agent disconnected'}</span>${' · '}last seen <span title=${db.last_seen_at ?? ''}>${ago(db.last_seen_at)}</span>${db.host ? ` · ${db.host}${db.port ? `:${db.port}` : ''}` : ''}</p>
      </header>
      <div class="toolbar">
        <nav aria-label="Database sections" class="tabs">${tabs.map((key) => html`<a href=${link(key)} aria-current=${tab === key ? 'page' : undefined}>${TAB_VIEWS[key]!.label}</a>`)}</nav>
        ${current.noRange ? null : html`<${RangePicker} value=${range} onChange=${(r: Range) => setQuery({ range: r })} />`}
      </div>
      ${collectors ? html`<${CollectorNotes} id=${id} name=${db.name} collectors=${collectors} />` : null}
      ${current.view(props)}
    `;
    }}<//>
  </main>`;
}
