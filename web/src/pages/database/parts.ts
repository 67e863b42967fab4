import { get, type Get } from '../../api/client';
import { bytes, num } from '../../format';
import { Section, html, useLoad } from '../../ui';
import { DataTable, OtherEngine, Reason, SnapshotNote, type Column, type TabProps } from './common';

type Parts = Get<'/databases/{id}/parts'>;
type TableParts = Parts['tables'][number];
type Distribution = Get<'/databases/{id}/queries/parts-distribution'>;
type SizeClass = Distribution['size_classes'][number];

/** ClickHouse delays inserts into a partition from this many active parts (parts_to_delay_insert). */
const DELAY_AT = 150;
const WARN_AT = 300;

function partsPill(parts: number) {
  if (parts >= WARN_AT) return html` <span class="pill critical">inserts refused soon</span>`;
  if (parts >= DELAY_AT) return html` <span class="pill warning">inserts delayed</span>`;
  return null;
}

const COLUMNS: Column<TableParts>[] = [
  { label: 'Table', cell: (t) => html`<code>${t.database}.${t.table}</code>` },
  { label: 'Active parts', cell: (t) => num(t.active_parts), num: true },
  { label: 'Fullest partition', cell: (t) => html`${num(t.max_parts_in_partition)} part${t.max_parts_in_partition === 1 ? "" : "s"}${partsPill(t.max_parts_in_partition)}`, num: true },
  { label: 'Partitions', cell: (t) => num(t.partitions), num: true },
  { label: 'Rows', cell: (t) => num(t.rows), num: true },
  { label: 'On disk', cell: (t) => bytes(t.bytes_on_disk), num: true },
  { label: 'Compression', cell: (t) => (t.data_compressed_bytes > 0 ? `${num(t.data_uncompressed_bytes / t.data_compressed_bytes)}×` : '—'), num: true },
  {
    label: 'Fullest partitions',
    cell: (t) => (t.partition_stats.length === 0 ? '—' : t.partition_stats.slice(0, 3).map((p) => html`<span class="chip">${p.partition}: ${num(p.active_parts)} parts, ${bytes(p.bytes_on_disk)}</span> `)),
  },
];

const SIZE_COLUMNS: Column<SizeClass>[] = [
  { label: 'Average part size', cell: (c) => c.label },
  { label: 'Partitions', cell: (c) => num(c.partitions), num: true },
  { label: 'Parts', cell: (c) => num(c.parts), num: true },
];

/** The Parts tab: active parts per MergeTree table and partition, and how part sizes spread (ClickHouse). */
export function PartsTab({ id, engine }: TabProps) {
  const ch = engine === 'clickhouse';
  const none = () => Promise.resolve(undefined);
  const parts = useLoad(() => (ch ? get('/databases/{id}/parts', { path: { id }, query: { limit: 100, partitions: 3 } }) : none()), [id, ch], 60_000);
  const distribution = useLoad(() => (ch ? get('/databases/{id}/queries/parts-distribution', { path: { id } }) : none()), [id, ch], 60_000);
  if (!ch) return html`<${OtherEngine} what="Parts" engine=${engine} on="clickhouse" />`;
  return html`<h2>Parts</h2>
    <p class="muted">ClickHouse delays inserts into a partition from ${DELAY_AT} active parts and refuses them from ${num(3000)} (${WARN_AT} before 23.6).</p>
    <${Section} loaded=${parts} what="the parts">${(p: Parts | undefined) =>
      !p
        ? null
        : html`<${SnapshotNote} ts=${p.ts} what="parts" />${p.ts && p.tables.length === 0 ? html`<${Reason} text="No MergeTree table with active parts on this server." />` : null}
          ${p.tables.length > 0 ? html`<${DataTable} rows=${p.tables} columns=${COLUMNS} caption="MergeTree tables, fullest partition first" />` : null}
          ${p.has_detached === false ? html`<p class="muted small">This release has no system.detached_parts: detached parts are not known.</p>` : null}`}<//>
    <h3>Part sizes</h3>
    <${Section} loaded=${distribution} what="the parts size distribution">${(d: Distribution | undefined) =>
      !d ? null : d.size_classes.length === 0 ? html`<p class="muted">No partition to classify yet.</p>` : html`<${DataTable} rows=${d.size_classes} columns=${SIZE_COLUMNS} caption="Partitions by their average part size" />`}<//>`;
}
