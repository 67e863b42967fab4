import { get, type Get } from '../../api/client';
import { bytes, ms, num } from '../../format';
import { Chart, Section, Time, html, useLoad } from '../../ui';
import { DataTable, OtherEngine, Reason, seconds, series, xRangeOf, type Column, type TabProps } from './common';

type Bgwriter = Get<'/databases/{id}/bgwriter'>;
type WalLatest = Get<'/databases/{id}/wal-stats'>;
type WalSeries = Get<'/databases/{id}/wal-stats/timeseries'>;
type Io = Get<'/databases/{id}/io-stats'>;
type IoRow = Io['io'][number];
type DbStats = Get<'/databases/{id}/database-stats'>;
type DbStat = DbStats['databases'][number];

function Checkpointer({ b }: { b: Bgwriter }) {
  if (b.timeseries.length === 0) return html`<${Reason} text="No checkpointer reading in this range yet: the agent reads pg_stat_bgwriter with the server figures, every minute by default." />`;
  const p = b.timeseries;
  const times = seconds(p.map((x) => x.ts));
  const timed = p.reduce((s, x) => s + x.checkpoints_timed, 0);
  const requested = p.reduce((s, x) => s + x.checkpoints_requested, 0);
  return html`<p>${num(timed)} timed and ${num(requested)} requested checkpoint(s) in the range${timed + requested > 0 ? ` (${num((timed / (timed + requested)) * 100, '%')} timed; under 50 % suggests max_wal_size is too small)` : ''}.</p>
    <div class="charts">
      <${Chart} times=${times} series=${[series('Timed', p.map((x) => x.checkpoints_timed)), series('Requested', p.map((x) => x.checkpoints_requested))]} label="Checkpoints per bucket" height=${160} xRange=${xRangeOf(b)} />
      <${Chart} times=${times} series=${[series('Checkpointer', p.map((x) => x.buffers_checkpoint)), series('Background writer', p.map((x) => x.buffers_clean)), series('Backends', p.map((x) => x.buffers_backend))]} label="Buffers written per bucket, by writer" height=${160} xRange=${xRangeOf(b)} />
    </div>`;
}

function Wal({ latest, history }: { latest: WalLatest; history: WalSeries | undefined }) {
  if (!latest.wal) return html`<${Reason} text=${latest.reason ?? 'No WAL reading yet.'} />`;
  const w = latest.wal;
  return html`<dl class="figures">
      <div><dt>WAL rate</dt><dd>${bytes(w.wal_bytes_per_second)}/s</dd></div>
      <div><dt>WAL written</dt><dd>${bytes(w.wal_bytes)}</dd></div>
      <div><dt>Records</dt><dd>${num(w.wal_records)}</dd></div>
      <div><dt>Full-page images</dt><dd>${num(w.wal_fpi)}</dd></div>
      <div><dt>Buffers full</dt><dd>${num(w.wal_buffers_full)}</dd></div>
      <div><dt>Window</dt><dd><${Time} iso=${latest.window_start} /> – <${Time} iso=${latest.ts} /></dd></div>
    </dl>
    ${history && history.timeseries.length > 0
      ? html`<${Chart} times=${seconds(history.timeseries.map((x) => x.ts))} series=${[series('WAL', history.timeseries.map((x) => x.wal_bytes / 1048576), 'MiB')]} label="WAL generated per bucket (MiB)" height=${160} xRange=${xRangeOf(history)} />`
      : null}`;
}

const IO_COLUMNS: Column<IoRow>[] = [
  { label: 'Backend', cell: (r) => r.backend_type },
  { label: 'Object', cell: (r) => r.object },
  { label: 'Context', cell: (r) => r.context },
  { label: 'Reads', cell: (r) => `${num(r.reads)} (${bytes(r.reads * r.op_bytes)})`, num: true },
  { label: 'Read time', cell: (r) => ms(r.read_time_ms), num: true },
  { label: 'Writes', cell: (r) => `${num(r.writes)} (${bytes(r.writes * r.op_bytes)})`, num: true },
  { label: 'Hits', cell: (r) => num(r.hits), num: true },
  { label: 'Evictions', cell: (r) => num(r.evictions), num: true },
  { label: 'Fsyncs', cell: (r) => num(r.fsyncs), num: true },
];

const DB_COLUMNS: Column<DbStat>[] = [
  { label: 'Database', cell: (d) => d.datname },
  { label: 'Size', cell: (d) => bytes(d.size_bytes), num: true },
  { label: 'Backends', cell: (d) => num(d.numbackends), num: true },
  { label: 'Commits', cell: (d) => num(d.xact_commit), num: true },
  { label: 'Rollbacks', cell: (d) => num(d.xact_rollback), num: true },
  { label: 'Cache hit', cell: (d) => (d.blks_hit + d.blks_read > 0 ? num((d.blks_hit / (d.blks_hit + d.blks_read)) * 100, '%') : '—'), num: true },
  { label: 'Temp files', cell: (d) => `${num(d.temp_files)} (${bytes(d.temp_bytes)})`, num: true },
  { label: 'Deadlocks', cell: (d) => num(d.deadlocks), num: true },
  { label: 'Conflicts', cell: (d) => num(d.conflicts), num: true },
  { label: 'XID age', cell: (d) => num(d.xid_age), num: true },
];

/** The Internals tab: checkpointer and background writer, WAL, I/O and per-database counters (PostgreSQL). */
export function InternalsTab({ id, engine, range }: TabProps) {
  const pg = engine === 'postgres';
  const none = () => Promise.resolve(undefined);
  const bgwriter = useLoad(() => (pg ? get('/databases/{id}/bgwriter', { path: { id }, query: { since: range } }) : none()), [id, pg, range], 60_000);
  const wal = useLoad(() => (pg ? get('/databases/{id}/wal-stats', { path: { id } }) : none()), [id, pg], 60_000);
  const walSeries = useLoad(() => (pg ? get('/databases/{id}/wal-stats/timeseries', { path: { id }, query: { since: range } }) : none()), [id, pg, range], 60_000);
  const io = useLoad(() => (pg ? get('/databases/{id}/io-stats', { path: { id } }) : none()), [id, pg], 60_000);
  const stats = useLoad(() => (pg ? get('/databases/{id}/database-stats', { path: { id } }) : none()), [id, pg], 60_000);
  if (!pg) return html`<${OtherEngine} what="PostgreSQL internals" engine=${engine} on="postgres" />`;
  return html`<section aria-labelledby="bgwriter-title"><h2 id="bgwriter-title">Checkpoints and background writer</h2>
      <${Section} loaded=${bgwriter} what="the checkpointer statistics">${(b: Bgwriter | undefined) => (b ? html`<${Checkpointer} b=${b} />` : null)}<//></section>
    <section aria-labelledby="wal-title"><h2 id="wal-title">WAL</h2>
      <${Section} loaded=${wal} what="the WAL statistics">${(w: WalLatest | undefined) => (w ? html`<${Wal} latest=${w} history=${walSeries.data} />` : null)}<//></section>
    <section aria-labelledby="io-title"><h2 id="io-title">I/O</h2>
      <${Section} loaded=${io} what="the I/O statistics">${(x: Io | undefined) =>
        !x ? null : x.reason ? html`<${Reason} text=${x.reason} />` : html`<p class="muted small">Over <${Time} iso=${x.window_start} /> – <${Time} iso=${x.ts} /></p><${DataTable} rows=${x.io} columns=${IO_COLUMNS} caption="I/O by backend type, object and context" />`}<//></section>
    <section aria-labelledby="dbstats-title"><h2 id="dbstats-title">Databases of the server</h2>
      <${Section} loaded=${stats} what="the database statistics">${(s: DbStats | undefined) =>
        !s ? null : s.reason ? html`<${Reason} text=${s.reason} />` : html`<p class="muted small">Counters over <${Time} iso=${s.window_start} /> – <${Time} iso=${s.ts} /></p><${DataTable} rows=${s.databases} columns=${DB_COLUMNS} caption="pg_stat_database per database" />`}<//></section>`;
}
