import { get, type Get } from '../../api/client';
import { num } from '../../format';
import { Section, Time, html, useLoad } from '../../ui';
import { DataTable, duration, OtherEngine, SnapshotNote, type Column, type TabProps } from './common';

type Mutations = Get<'/databases/{id}/mutations'>;
type Mutation = Mutations['mutations'][number];

const COLUMNS: Column<Mutation>[] = [
  { label: 'Table', cell: (m) => html`<code>${m.database}.${m.table}</code>${m.is_stuck ? html` <span class="pill critical">stuck</span>` : null}${m.is_killed ? html` <span class="pill">killed</span>` : null}` },
  { label: 'Mutation', cell: (m) => m.mutation_id },
  { label: 'Command', cell: (m) => html`<code class="sql">${m.command}</code>` },
  { label: 'Created', cell: (m) => html`<${Time} iso=${m.create_time} />` },
  { label: 'Age', cell: (m) => duration(m.age_s), num: true },
  { label: 'Parts to do', cell: (m) => num(m.parts_to_do), num: true },
  { label: 'Last failure', cell: (m) => (m.latest_fail_reason ? html`${m.latest_fail_reason} (<${Time} iso=${m.latest_fail_time} />)` : '—') },
];

/** The Mutations tab: ALTER … UPDATE/DELETE not yet done, the stuck ones marked (ClickHouse). */
export function MutationsTab({ id, engine }: TabProps) {
  const ch = engine === 'clickhouse';
  const mutations = useLoad(() => (ch ? get('/databases/{id}/mutations', { path: { id } }) : Promise.resolve(undefined)), [id, ch], 30_000);
  if (!ch) return html`<${OtherEngine} what="Mutations" engine=${engine} on="clickhouse" />`;
  return html`<h2>Mutations</h2>
    <${Section} loaded=${mutations} what="the mutations">${(m: Mutations | undefined) =>
      !m
        ? null
        : html`<${SnapshotNote} ts=${m.ts} what="mutations" />
          ${m.ts ? html`<p>${num(m.mutations_total)} mutation(s) not done, ${num(m.stuck_total)} stuck (its last attempt failed, or older than an hour).</p>` : null}
          ${m.mutations.length > 0 ? html`<${DataTable} rows=${m.mutations} columns=${COLUMNS} caption="Mutations not yet done, oldest first" />` : null}`}<//>`;
}
