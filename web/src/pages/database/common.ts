import { collectorStatus } from '../../../../shared/src/collector-statuses';
import { get, type Get } from '../../api/client';
import { ms, num } from '../../format';
import { Time, html, useLoad, type Range, type Series } from '../../ui';

/** What every tab of the database page is given. */
export interface TabProps {
  readonly id: string;
  /** The name the agent reports it under (its heartbeat's collectors are keyed by it). */
  readonly name: string;
  readonly engine: 'postgres' | 'clickhouse';
  readonly version: string | null;
  readonly range: Range;
}

export type Database = Get<'/databases/{id}'>;

/** One column of a DataTable: a header and how a row shows in it; `num` right-aligns it. */
export interface Column<T> {
  readonly label: string;
  readonly cell: (row: T) => unknown;
  readonly num?: boolean;
}

/**
 * A plain data table with a caption for screen readers (visible when `caption` should show) and a
 * first column of row headers; `rowClass` marks rows (an unused index, a waiting lock).
 */
export function DataTable<T>({ rows, columns, caption, rowClass, className = '' }: { rows: readonly T[]; columns: readonly Column<T>[]; caption: string; rowClass?: (row: T) => string; className?: string }) {
  return html`<div class="scroll"><table class=${`data ${className}`}>
    <caption class="sr-only">${caption}</caption>
    <thead><tr>${columns.map((c) => html`<th scope="col" class=${c.num ? 'num' : ''}>${c.label}</th>`)}</tr></thead>
    <tbody>${rows.map(
      (row) => html`<tr class=${rowClass?.(row) ?? ''}>${columns.map((c, i) =>
        i === 0 ? html`<th scope="row">${c.cell(row)}</th>` : html`<td class=${c.num ? 'num' : ''}>${c.cell(row)}</td>`,
      )}</tr>`,
    )}</tbody>
  </table></div>`;
}

/** Why a view is empty, in the API's words when it gave them (an old release, no reading yet). */
export function Reason({ text }: { text: string }) {
  return html`<p class="reason" role="note">${text}</p>`;
}

/** "Snapshot at …" for views of the newest collected snapshot; the reason when there is none yet. */
export function SnapshotNote({ ts, what }: { ts: string | null | undefined; what: string }) {
  return ts
    ? html`<p class="muted small">Snapshot <${Time} iso=${ts} /></p>`
    : html`<${Reason} text=${`No ${what} snapshot received from the agent yet: it sends one at its next collection.`} />`;
}

/** Epoch seconds of RFC 3339 times (uPlot's x axis). */
export function seconds(iso: readonly string[]): number[] {
  return iso.map((t) => Date.parse(t) / 1000);
}

/** The [since, until] a series was asked for, in epoch seconds. */
export function xRangeOf(w: { since: string; until: string }): readonly [number, number] {
  return [Date.parse(w.since) / 1000, Date.parse(w.until) / 1000];
}

export function series(label: string, values: readonly (number | null)[], unit?: string): Series {
  return unit ? { label, values, unit } : { label, values };
}

/** Seconds as the largest unit that keeps them readable (uptimes and ages run to days; ms() stops at minutes). */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds >= 86_400) return num(seconds / 86_400, 'd');
  if (seconds >= 3_600) return num(seconds / 3_600, 'h');
  return ms(seconds * 1000);
}

export const ENGINE_LABEL = { postgres: 'PostgreSQL', clickhouse: 'ClickHouse' } as const;

/** A tab asked for by URL on the other engine: say so instead of calling a route that would refuse. */
export function OtherEngine({ what, engine, on }: { what: string; engine: TabProps['engine']; on: TabProps['engine'] }) {
  return html`<${Reason} text=${`${what} is a ${ENGINE_LABEL[on]} view; this database runs ${ENGINE_LABEL[engine]}.`} />`;
}

/**
 * What the agent's last heartbeat says about the collectors behind a tab: a source this release
 * lacks, a missing grant, the last error, a collector switched off. Nothing when all is well.
 */
export function CollectorNotes({ id, name, collectors }: { id: string; name: string; collectors: readonly string[] }) {
  const health = useLoad(() => get('/databases/{id}/health', { path: { id } }), [id], 60_000);
  const mine = (health.data?.agent?.heartbeat?.collectors ?? []).filter((c) => c.database === name && collectors.includes(c.collector));
  const notes = mine.flatMap((c) => [
    ...(c.disabled ? [{ key: `${c.collector}-off`, severity: 'info', text: `The ${c.collector} collector is switched off for this database (its settings).` }] : []),
    ...c.statuses.map((code) => {
      const entry = collectorStatus(code);
      return { key: `${c.collector}-${code}`, severity: entry?.severity ?? 'info', text: `${c.collector}: ${entry?.summary ?? 'reported'} (${code}).` };
    }),
    ...(c.last_error && (!c.last_success_at || (c.last_error_at ?? '') > c.last_success_at)
      ? [{ key: `${c.collector}-error`, severity: 'warning', text: `${c.collector} failed at its last run: ${c.last_error}` }]
      : []),
  ]);
  if (notes.length === 0) return null;
  return html`<ul class="collector-notes" aria-label="What the agent reports about these collectors">${notes.map((n) => html`<li class=${n.severity}>${n.text}</li>`)}</ul>`;
}
