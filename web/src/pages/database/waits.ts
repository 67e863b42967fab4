import { get, type Get } from '../../api/client';
import { ms, num } from '../../format';
import { Chart, Section, html, useLoad } from '../../ui';
import { DataTable, OtherEngine, Reason, seconds, series, xRangeOf, type Column, type TabProps } from './common';

type Waits = Get<'/databases/{id}/waits'>;

/** Series drawn: the wait types with the most time; the table lists every event. */
const MAX_SERIES = 5;

interface EventTotal {
  readonly event: string;
  readonly type: string;
  readonly ms: number;
  readonly samples: number;
}

const COLUMNS: Column<EventTotal>[] = [
  { label: 'Wait event', cell: (e) => e.event },
  { label: 'Type', cell: (e) => e.type },
  { label: 'Session time', cell: (e) => ms(e.ms), num: true },
  { label: 'Sessions sampled', cell: (e) => num(e.samples), num: true },
];

function WaitsView({ w }: { w: Waits }) {
  if (w.waits.length === 0) return html`<${Reason} text="No wait samples in this range yet: the agent samples pg_stat_activity every 5 s and sends the samples each minute." />`;
  const buckets = [...new Set(w.waits.map((x) => x.ts))].sort();
  const index = new Map(buckets.map((ts, i) => [ts, i]));
  const byType = new Map<string, number[]>();
  const byEvent = new Map<string, EventTotal>();
  for (const x of w.waits) {
    const values = byType.get(x.wait_event_type) ?? byType.set(x.wait_event_type, buckets.map(() => 0)).get(x.wait_event_type)!;
    values[index.get(x.ts)!]! += x.avg_sessions;
    const key = `${x.wait_event_type}/${x.wait_event}`;
    const e = byEvent.get(key);
    byEvent.set(key, { event: x.wait_event, type: x.wait_event_type, ms: (e?.ms ?? 0) + x.total_duration_ms, samples: (e?.samples ?? 0) + x.count });
  }
  const total = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const top = [...byType].sort((a, b) => total(b[1]) - total(a[1])).slice(0, MAX_SERIES);
  return html`${w.truncated ? html`<p class="muted small">Over 10,000 rows: showing the first; pick a shorter range.</p>` : null}
    <${Chart} times=${seconds(buckets)} series=${top.map(([type, values]) => series(type, values))} label="Average sessions waiting, by wait type" xRange=${xRangeOf(w)} />
    <${DataTable} rows=${[...byEvent.values()].sort((a, b) => b.ms - a.ms)} columns=${COLUMNS} caption="Wait events over the range, most session time first" />`;
}

/** The Waits tab: sampled wait events over the range (PostgreSQL). */
export function WaitsTab({ id, engine, range }: TabProps) {
  const waits = useLoad(() => (engine === 'postgres' ? get('/databases/{id}/waits', { path: { id }, query: { since: range } }) : Promise.resolve(undefined)), [id, engine, range], 60_000);
  if (engine !== 'postgres') return html`<${OtherEngine} what="Waits" engine=${engine} on="postgres" />`;
  return html`<h2>Waits</h2><p class="muted">"CPU" stands for sessions active without a wait event.</p>
    <${Section} loaded=${waits} what="the wait events">${(w: Waits | undefined) => (w ? html`<${WaitsView} w=${w} />` : null)}<//>`;
}
