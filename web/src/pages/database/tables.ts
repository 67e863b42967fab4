import { get, type Get } from '../../api/client';
import { bytes, num } from '../../format';
import { Section, Time, html, useLoad } from '../../ui';
import { DataTable, OtherEngine, Reason, type Column, type TabProps } from './common';

type Tables = Get<'/databases/{id}/tables'>;
type Table = Tables['tables'][number];
type Indexes = Get<'/databases/{id}/indexes'>;
type Index = Indexes['indexes'][number];

const name = (schema: string, object: string) => html`<code>${schema}.${object}</code>`;
const count = (value: number | null) => (value === null ? html`<span class="muted" title="No reading in the range had deltas yet">—</span>` : num(value));

const TABLE_COLUMNS: Column<Table>[] = [
  { label: 'Table', cell: (t) => name(t.schema_name, t.table_name) },
  { label: 'Database', cell: (t) => t.datname },
  { label: 'Total size', cell: (t) => bytes(t.total_size_bytes), num: true },
  { label: 'Live rows', cell: (t) => num(t.n_live_tup), num: true },
  { label: 'Dead rows', cell: (t) => num(t.n_dead_tup), num: true },
  { label: 'Seq scans', cell: (t) => count(t.seq_scan), num: true },
  { label: 'Index scans', cell: (t) => count(t.idx_scan), num: true },
  { label: 'Inserted / updated / deleted', cell: (t) => html`${count(t.n_tup_ins)} / ${count(t.n_tup_upd)} / ${count(t.n_tup_del)}`, num: true },
  { label: 'Last vacuum', cell: (t) => html`<${Time} iso=${latest(t.last_vacuum, t.last_autovacuum)} />` },
  { label: 'Last analyze', cell: (t) => html`<${Time} iso=${latest(t.last_analyze, t.last_autoanalyze)} />` },
  { label: 'XID age', cell: (t) => num(t.xid_age), num: true },
];

function latest(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

/** The Tables tab: tables of the latest reading with counters over the range (PostgreSQL). */
export function TablesTab({ id, engine, range }: TabProps) {
  const tables = useLoad(() => (engine === 'postgres' ? get('/databases/{id}/tables', { path: { id }, query: { since: range, limit: 100 } }) : Promise.resolve(undefined)), [id, engine, range], 60_000);
  if (engine !== 'postgres') return html`<${OtherEngine} what="Tables" engine=${engine} on="postgres" />`;
  return html`<h2>Tables</h2><p class="muted">Largest first; scan and row counters are summed over the last ${range}.</p>
    <${Section} loaded=${tables} what="the tables">${(t: Tables | undefined) =>
      !t ? null : t.tables.length === 0 ? html`<${Reason} text="No table reading in this range yet: the agent reads tables every 5 minutes by default." />` : html`<${DataTable} rows=${t.tables} columns=${TABLE_COLUMNS} caption="Tables, largest first" />`}<//>`;
}

/** An index is marked unused by the API's own rule (/indexes/unused): no scan over the range, not a constraint, 1 MB or more. */
function indexColumns(unused: ReadonlySet<string>): Column<Index>[] {
  const key = (x: Index) => `${x.datname}/${x.schema_name}.${x.index_name}`;
  return [
    {
      label: 'Index',
      cell: (x) => html`${name(x.schema_name, x.index_name)}${unused.has(key(x)) ? html` <span class="pill warning">unused</span>` : null}${x.is_valid ? null : html` <span class="pill critical">invalid</span>`}`,
    },
    { label: 'Table', cell: (x) => name(x.schema_name, x.table_name) },
    { label: 'Size', cell: (x) => bytes(x.size_bytes), num: true },
    { label: 'Scans', cell: (x) => count(x.idx_scan), num: true },
    { label: 'Tuples read', cell: (x) => count(x.idx_tup_read), num: true },
    { label: 'Kind', cell: (x) => (x.is_primary ? 'primary key' : x.is_unique ? 'unique' : '') },
    { label: 'Definition', cell: (x) => html`<code class="sql">${x.index_def}</code>` },
  ];
}

/** The Indexes tab: indexes with scans over the range, the unused ones marked (PostgreSQL). */
export function IndexesTab({ id, engine, range }: TabProps) {
  const pg = engine === 'postgres';
  const all = useLoad(() => (pg ? get('/databases/{id}/indexes', { path: { id }, query: { since: range, limit: 200 } }) : Promise.resolve(undefined)), [id, pg, range], 60_000);
  const unused = useLoad(() => (pg ? get('/databases/{id}/indexes/unused', { path: { id }, query: { since: range, limit: 200 } }) : Promise.resolve(undefined)), [id, pg, range], 60_000);
  if (!pg) return html`<${OtherEngine} what="Indexes" engine=${engine} on="postgres" />`;
  const marked = new Set((unused.data?.indexes ?? []).map((x) => `${x.datname}/${x.schema_name}.${x.index_name}`));
  return html`<h2>Indexes</h2>
    <p class="muted">Largest first. <span class="pill warning">unused</span> marks indexes of 1 MB or more, neither primary nor unique, with no scan in the last ${range}: check replicas and when statistics were reset before dropping one.</p>
    <${Section} loaded=${unused} what="the unused indexes">${() => null}<//>
    <${Section} loaded=${all} what="the indexes">${(x: Indexes | undefined) =>
      !x ? null : x.indexes.length === 0 ? html`<${Reason} text="No index reading in this range yet: the agent reads indexes with the tables, every 5 minutes by default." />` : html`<${DataTable} rows=${x.indexes} columns=${indexColumns(marked)} caption="Indexes, largest first; unused ones marked" rowClass=${(i: Index) => (marked.has(`${i.datname}/${i.schema_name}.${i.index_name}`) ? 'unused' : '')} />`}<//>`;
}
