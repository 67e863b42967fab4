import { html } from 'htm/preact';
import { useEffect, useRef, useState, useCallback } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { ApiError } from './api/client';
import { localTime, utcTitle } from './format';

export { html };

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  reload(): void;
}

/** Runs `load` when `deps` change (and every `everyMs` if given), keeping the last data while reloading. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[], everyMs?: number): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState((s) => ({ ...s, error, loading: false })),
    );
    const timer = everyMs ? setTimeout(reload, everyMs) : undefined;
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [...deps, tick]);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** What failed, in words: the server's message and code, or the network. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'AUTH_FORBIDDEN_SCOPE') return `Not allowed: ${error.message}`;
    return `${error.message} (${error.code})`;
  }
  return error instanceof Error ? `Could not reach the Vigil server: ${error.message}` : String(error);
}

/** A finished action's words: saved, deleted, or what the server refused. */
export interface Outcome {
  readonly ok: boolean;
  readonly text: string;
}

export function OutcomeLine({ outcome }: { outcome: Outcome | undefined }) {
  if (!outcome) return null;
  return html`<span class=${outcome.ok ? 'ok' : 'error'} role=${outcome.ok ? 'status' : 'alert'}>${outcome.text}</span>`;
}

/** Runs `work`, reporting its outcome in `set`, and `after` when it succeeded (a reload). */
export async function attempt(set: (o: Outcome | undefined) => void, work: () => Promise<unknown>, ok: string, after: () => void): Promise<void> {
  set(undefined);
  try {
    await work();
    set({ ok: true, text: ok });
    after();
  } catch (err) {
    set({ ok: false, text: describeError(err) });
  }
}

/** The loading / error / content states of one loaded section. */
export function Section<T>({ loaded, what, children }: { loaded: Loaded<T>; what: string; children: (data: T) => unknown }) {
  if (loaded.data === undefined && loaded.error) return html`<p class="error" role="alert">Could not load ${what}: ${describeError(loaded.error)} <button type="button" onClick=${loaded.reload}>Retry</button></p>`;
  if (loaded.data === undefined) return html`<p class="muted" aria-busy="true">Loading ${what}…</p>`;
  return html`${loaded.error ? html`<p class="error" role="alert">Refreshing ${what} failed: ${describeError(loaded.error)}</p>` : null}${children(loaded.data)}`;
}

export function Time({ iso }: { iso: string | null | undefined }) {
  return iso ? html`<time datetime=${iso} title=${utcTitle(iso)}>${localTime(iso)}</time>` : html`<span>—</span>`;
}

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [done, setDone] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(text).catch(() => undefined);
    setDone(true);
    setTimeout(() => setDone(false), 1500);
  };
  return html`<button type="button" class="copy" onClick=${copy} aria-live="polite">${done ? 'Copied' : label}</button>`;
}

/** A block of SQL or shell with a copy button. */
export function Code({ text, label }: { text: string; label: string }) {
  return html`<div class="code"><pre aria-label=${label}><code>${text}</code></pre><${CopyButton} text=${text} label=${`Copy ${label}`} /></div>`;
}

export function gradeClass(grade: string | null | undefined): string {
  if (!grade) return 'grade none';
  return `grade g-${grade[0]!.toLowerCase()}`;
}

export function Grade({ grade, score }: { grade: string | null | undefined; score: number | null | undefined }) {
  return html`<span class=${gradeClass(grade)} title=${score === null || score === undefined ? 'No score yet' : `Health score ${Math.round(score)} of 100`}>${grade ?? '—'}</span>`;
}

/** A small inline SVG line of `values` (0–100 scores), for table rows. */
export function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  if (values.length < 2) return html`<span class="muted">${values.length === 1 ? 'one reading' : 'no history'}</span>`;
  const w = 120;
  const h = 28;
  const step = w / (values.length - 1);
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(h - (Math.max(0, Math.min(100, v)) / 100) * h).toFixed(1)}`).join(' ');
  return html`<svg class="spark" width=${w} height=${h} viewBox=${`0 0 ${w} ${h}`} role="img" aria-label=${label}><polyline points=${points} fill="none" stroke="currentColor" stroke-width="1.5" /></svg>`;
}

/** Whether the system asks for the dark theme, following changes (canvas drawings must redraw). */
function useColorScheme(): boolean {
  const query = matchMedia('(prefers-color-scheme: dark)');
  const [dark, setDark] = useState(query.matches);
  useEffect(() => {
    const change = () => setDark(query.matches);
    query.addEventListener('change', change);
    return () => query.removeEventListener('change', change);
  }, []);
  return dark;
}

export interface Series {
  readonly label: string;
  readonly values: readonly (number | null)[];
  readonly unit?: string;
}

const COLORS = ['#2f6fde', '#d9534f', '#3a9d5d', '#d08c1a', '#8a4fd8'];

/**
 * A uPlot time-series chart: `times` in epoch seconds, one line per series; resizes with its box.
 * `xRange` (the range asked for, in epoch seconds) and `yRange` fix the axes, so a few points are
 * drawn where they belong in the range instead of stretched over the whole width.
 */
export function Chart({ times, series, label, height = 220, xRange, yRange }: { times: readonly number[]; series: readonly Series[]; label: string; height?: number; xRange?: readonly [number, number]; yRange?: readonly [number, number] }) {
  const box = useRef<HTMLDivElement>(null);
  const dark = useColorScheme();
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // A canvas does not resolve currentColor from the theme: the axes take the box's computed text colour.
    const ink = getComputedStyle(el).color;
    const plot = new uPlot(
      {
        width: el.clientWidth || 600,
        height,
        series: [{}, ...series.map((s, i) => ({ label: s.unit ? `${s.label} (${s.unit})` : s.label, stroke: COLORS[i % COLORS.length], width: 1.5, spanGaps: false }))],
        axes: [{ stroke: ink, grid: { stroke: 'rgba(128,128,128,0.2)' } }, { stroke: ink, grid: { stroke: 'rgba(128,128,128,0.2)' } }],
        scales: {
          x: { time: true, ...(xRange ? { range: (): uPlot.Range.MinMax => [xRange[0], xRange[1]] } : {}) },
          ...(yRange ? { y: { range: (): uPlot.Range.MinMax => [yRange[0], yRange[1]] } } : {}),
        },
      },
      [times as number[], ...series.map((s) => s.values as (number | null)[])] as uPlot.AlignedData,
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [times, series, height, xRange?.[0], xRange?.[1], yRange?.[0], yRange?.[1], dark]);
  return html`<figure class="chart"><figcaption>${label}</figcaption><div ref=${box} role="img" aria-label=${`Chart: ${label}`}></div></figure>`;
}

export const RANGES = ['1h', '6h', '24h', '7d'] as const;
export type Range = (typeof RANGES)[number];

export function RangePicker({ value, onChange }: { value: Range; onChange: (r: Range) => void }) {
  return html`<div class="range" role="group" aria-label="Time range">
    ${RANGES.map((r) => html`<button type="button" aria-pressed=${r === value} onClick=${() => onChange(r)}>${r}</button>`)}
  </div>`;
}

/** Whether to sort by `key` descending (numbers) or ascending (text) on first click. */
export function SortHeader({ label, column, sort, onSort }: { label: string; column: string; sort: { column: string; desc: boolean }; onSort: (column: string) => void }) {
  const active = sort.column === column;
  return html`<th scope="col" aria-sort=${active ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
    <button type="button" class="sort" onClick=${() => onSort(column)}>${label}${active ? (sort.desc ? ' ▼' : ' ▲') : ''}</button>
  </th>`;
}
