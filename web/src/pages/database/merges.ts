import { get, type Get } from '../../api/client';
import { bytes, num } from '../../format';
import { Chart, Section, html, useLoad } from '../../ui';
import { DataTable, duration, OtherEngine, seconds, series, SnapshotNote, xRangeOf, type Column, type TabProps } from './common';

type Merges = Get<'/databases/{id}/merges'>;
type Merge = Merges['merges'][number];
type Panel = Get<'/databases/{id}/panels/merges'>;

const COLUMNS: Column<Merge>[] = [
  { label: 'Table', cell: (m) => html`<code>${m.database}.${m.table}</code>${m.is_mutation ? html` <span class="pill">mutation</span>` : null}` },
  { label: 'Result part', cell: (m) => m.result_part_name },
  { label: 'Progress', cell: (m) => html`<progress max="1" value=${m.progress} aria-label=${`${num(m.progress * 100)} %`}></progress> ${num(m.progress * 100, '%')}` },
  { label: 'Running for', cell: (m) => duration(m.elapsed_s), num: true },
  { label: 'Remaining', cell: (m) => (m.estimated_remaining_s === null ? '—' : duration(m.estimated_remaining_s)), num: true },
  { label: 'Parts', cell: (m) => num(m.num_parts), num: true },
  { label: 'Size', cell: (m) => bytes(m.total_size_bytes_compressed), num: true },
  { label: 'Memory', cell: (m) => bytes(m.memory_bytes), num: true },
];

/** The Merges tab: merges running now, and active merges over the range (ClickHouse). */
export function MergesTab({ id, engine, range }: TabProps) {
  const ch = engine === 'clickhouse';
  const none = () => Promise.resolve(undefined);
  const merges = useLoad(() => (ch ? get('/databases/{id}/merges', { path: { id } }) : none()), [id, ch], 15_000);
  const panel = useLoad(() => (ch ? get('/databases/{id}/panels/merges', { path: { id }, query: { range } }) : none()), [id, ch, range], 60_000);
  if (!ch) return html`<${OtherEngine} what="Merges" engine=${engine} on="clickhouse" />`;
  return html`<h2>Merges</h2>
    <${Section} loaded=${panel} what="the merges over time">${(p: Panel | undefined) =>
      !p
        ? null
        : html`${p.current ? html`<p>${num(p.current.active_merges)} merge(s) running${p.current.estimated_completion_s === null ? '' : `, all done in about ${duration(p.current.estimated_completion_s)}`}.</p>` : null}
          ${p.series.some((s) => s.active_merges !== null)
            ? html`<${Chart} times=${seconds(p.series.map((s) => s.ts))} series=${[series('Merges', p.series.map((s) => s.active_merges)), series('Mutation merges', p.series.map((s) => s.mutation_merges))]} label="Active merges, busiest snapshot per bucket" height=${160} xRange=${xRangeOf(p)} />`
            : null}`}<//>
    <${Section} loaded=${merges} what="the running merges">${(m: Merges | undefined) =>
      !m
        ? null
        : html`<${SnapshotNote} ts=${m.ts} what="merges" />${m.ts && m.merges.length === 0 ? html`<p>No merge running.</p>` : null}
          ${m.merges.length > 0 ? html`<${DataTable} rows=${m.merges} columns=${COLUMNS} caption="Merges running now, longest first" />` : null}`}<//>`;
}
