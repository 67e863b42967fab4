import { get, type Get } from '../../api/client';
import { bytes, ms, num } from '../../format';
import { setQuery, usePlace } from '../../router';
import { Section, SortHeader, html, useLoad } from '../../ui';
import type { TabProps } from './common';

type Queries = Get<'/databases/{id}/queries'>;
type Row = NonNullable<Queries['queries']>[number];
type PgRow = Extract<Row, { shared_blks_hit: number }>;
type ChRow = Extract<Row, { read_bytes: number }>;

const SORTS = {
  postgres: [
    ['total_time', 'Total time'],
    ['calls', 'Calls'],
    ['mean_time', 'Mean'],
    ['rows', 'Rows'],
  ],
  clickhouse: [
    ['total_time', 'Total time'],
    ['calls', 'Calls'],
    ['mean_time', 'Mean'],
    ['rows', 'Rows'],
    ['errors', 'Errors'],
    ['read_bytes', 'Read'],
    ['memory', 'Peak memory'],
  ],
} as const;
type Sort = (typeof SORTS)['clickhouse'][number][0];

/** The cells after the sortable ones: block cache hits (PostgreSQL) or rows and bytes read (ClickHouse). */
function extraCells(engine: TabProps['engine'], r: Row) {
  if (engine === 'postgres') {
    const p = r as PgRow;
    return html`<td class="num">${p.cache_hit_ratio === null ? '—' : num(p.cache_hit_ratio * 100, '%')}</td>`;
  }
  const c = r as ChRow;
  return html`<td class="num">${num(c.errors)}</td><td class="num">${bytes(c.read_bytes)}</td><td class="num">${bytes(c.memory_bytes)}</td>`;
}

/** The Queries tab: statements ranked over the range, searchable; each links to its detail (a deep link). */
export function QueriesTab({ id, engine, range }: TabProps) {
  const place = usePlace();
  const search = place.query.get('q') ?? '';
  const sorts = SORTS[engine];
  const asked = place.query.get('sort_by') ?? 'total_time';
  const sortBy = (sorts.some(([key]) => key === asked) ? asked : 'total_time') as Sort;
  const list = useLoad(() => get('/databases/{id}/queries', { path: { id }, query: { since: range, sort_by: sortBy, limit: 50, ...(search ? { q: search } : {}) } }), [id, range, sortBy, search], 60_000);
  const sort = { column: sortBy, desc: true };
  const onSort = (column: string) => setQuery({ sort_by: column });
  const detail = (hash: string) => `?${new URLSearchParams({ tab: 'query', query: hash, range })}`;
  return html`<div class="filters"><label>Search <input type="search" value=${search} onChange=${(e: Event) => setQuery({ q: (e.target as HTMLInputElement).value })} placeholder="text in the query" /></label></div>
    <${Section} loaded=${list} what="the queries">${(data: Queries) => {
      const rows = (data.queries ?? []) as readonly Row[];
      if (rows.length === 0) return html`<p class="muted">No statement statistics in this range${search ? ` matching “${search}”` : ''} yet.</p>`;
      return html`<div class="scroll"><table class="queries"><caption class="sr-only">Statements, ranked by ${sorts.find(([k]) => k === sortBy)?.[1] ?? sortBy}; each links to its detail</caption>
        <thead><tr><th scope="col">Query</th>
          ${sorts.slice(0, 4).map(([column, label]) => html`<${SortHeader} label=${label} column=${column} sort=${sort} onSort=${onSort} />`)}
          ${engine === 'postgres'
            ? html`<th scope="col" class="num">Cache hits</th>`
            : sorts.slice(4).map(([column, label]) => html`<${SortHeader} label=${label} column=${column} sort=${sort} onSort=${onSort} />`)}
        </tr></thead>
        <tbody>${rows.map(
          (r) => html`<tr>
            <td><a href=${detail(r.query_hash)} class="sql">${r.query_text.slice(0, 160)}</a></td>
            <td class="num">${ms(r.total_time_ms)}</td><td class="num">${num(r.total_calls)}</td><td class="num">${ms(r.mean_time_ms)}</td><td class="num">${num(r.total_rows)}</td>
            ${extraCells(engine, r)}
          </tr>`,
        )}</tbody></table></div>`;
    }}<//>`;
}
