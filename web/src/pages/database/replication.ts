import { get, type Get } from '../../api/client';
import { bytes, ms, num } from '../../format';
import { Chart, Section, Time, html, useLoad } from '../../ui';
import { DataTable, duration, Reason, seconds, series, SnapshotNote, xRangeOf, type Column, type TabProps } from './common';

type PgReplication = Get<'/databases/{id}/replication'>;
type PgHistory = Get<'/databases/{id}/replication/history'>;
type Standby = PgReplication['standbys'][number];
type Slot = PgReplication['slots'][number];
type ChReplication = Get<'/databases/{id}/panels/replication'>;
type Replica = NonNullable<ChReplication['current']>['replicas'][number];
type QueueGroup = NonNullable<ChReplication['queue']>['groups'][number];

const STANDBY_COLUMNS: Column<Standby>[] = [
  { label: 'Standby', cell: (s) => s.application_name ?? `pid ${s.pid}` },
  { label: 'Address', cell: (s) => s.client_addr ?? '—' },
  { label: 'State', cell: (s) => `${s.state ?? '—'}${s.sync_state ? ` (${s.sync_state})` : ''}` },
  { label: 'Replay lag', cell: (s) => `${bytes(s.replay_lag_bytes)} · ${ms(s.replay_lag_ms)}`, num: true },
  { label: 'Flush lag', cell: (s) => bytes(s.flush_lag_bytes), num: true },
];

const SLOT_COLUMNS: Column<Slot>[] = [
  { label: 'Slot', cell: (s) => html`${s.slot_name}${s.active ? null : html` <span class="pill critical">inactive</span>`}` },
  { label: 'Type', cell: (s) => `${s.slot_type}${s.plugin ? ` (${s.plugin})` : ''}` },
  { label: 'WAL retained', cell: (s) => bytes(s.retained_bytes), num: true },
  { label: 'WAL status', cell: (s) => s.wal_status ?? '—' },
  { label: 'xmin age', cell: (s) => num(s.xmin_age), num: true },
];

function PostgresReplication({ r, history }: { r: PgReplication; history: PgHistory | undefined }) {
  if (r.ts === null) return html`<${Reason} text="No replication snapshot received from the agent yet: it reads replication every 30 s unless collect_replication is off for this database." />`;
  const points = history?.history ?? [];
  return html`<${SnapshotNote} ts=${r.ts} what="replication" />
    <p>${r.is_replica ? html`A <strong>replica</strong> of ${r.upstream_host ?? 'its upstream'}${r.upstream_port ? `:${r.upstream_port}` : ''} (receiver ${r.receiver_status ?? 'unknown'})` : html`A <strong>primary</strong>`}${
      r.replication_lag_bytes === null ? ': no replication.' : html`, lag ${bytes(r.replication_lag_bytes)}${r.replication_lag_seconds === null ? '' : ` / ${ms(r.replication_lag_seconds * 1000)}`}.`
    }</p>
    ${points.some((p) => p.replication_lag_bytes !== null)
      ? html`<${Chart} times=${seconds(points.map((p) => p.ts))} series=${[series('Lag', points.map((p) => (p.replication_lag_bytes === null ? null : p.replication_lag_bytes / 1048576)), 'MiB')]} label="Replication lag, worst per bucket (MiB)" height=${160} xRange=${xRangeOf(history!)} />`
      : null}
    <h3>Standbys</h3>
    ${r.standbys.length === 0 ? html`<p class="muted">No standby streams from this server.</p>` : html`<${DataTable} rows=${r.standbys} columns=${STANDBY_COLUMNS} caption="Standbys streaming from this server" />`}
    <h3>Replication slots</h3>
    ${r.slots.length === 0 ? html`<p class="muted">No replication slot.</p>` : html`<${DataTable} rows=${r.slots} columns=${SLOT_COLUMNS} caption="Replication slots; inactive ones marked" />`}`;
}

const REPLICA_COLUMNS: Column<Replica>[] = [
  { label: 'Table', cell: (r) => html`<code>${r.database}.${r.table}</code>${r.is_readonly ? html` <span class="pill critical">read-only</span>` : null}` },
  { label: 'Leader', cell: (r) => (r.is_leader ? 'yes' : 'no') },
  { label: 'Delay', cell: (r) => duration(r.absolute_delay_s), num: true },
  { label: 'Queue', cell: (r) => num(r.queue_size), num: true },
  { label: 'Inserts / merges queued', cell: (r) => `${num(r.inserts_in_queue)} / ${num(r.merges_in_queue)}`, num: true },
  { label: 'Last queue update', cell: (r) => html`<${Time} iso=${r.last_queue_update} />` },
];

const QUEUE_COLUMNS: Column<QueueGroup>[] = [
  { label: 'Table', cell: (g) => html`<code>${g.database}.${g.table}</code>` },
  { label: 'Type', cell: (g) => g.type },
  { label: 'Entries', cell: (g) => num(g.entries), num: true },
  { label: 'Most tries', cell: (g) => num(g.max_num_tries), num: true },
  { label: 'Last exception', cell: (g) => g.last_exception || '—' },
];

function ClickHouseReplication({ r }: { r: ChReplication }) {
  const times = seconds(r.tables[0]?.points.map((p) => p.ts) ?? []);
  return html`${r.tables.length > 0
      ? html`<${Chart} times=${times} series=${r.tables.slice(0, 5).map((t) => series(`${t.database}.${t.table}`, t.points.map((p) => p.absolute_delay_s), 's'))} label="Replication delay of the most delayed tables (s)" height=${180} xRange=${xRangeOf(r)} />`
      : null}
    <h3>Replicas</h3>
    ${r.current === null
      ? html`<${Reason} text="No replicas snapshot received from the agent yet: it reads system.replicas every 30 s unless collect_replication is off for this database." />`
      : r.current.replicas.length === 0
        ? html`<p class="muted">No Replicated table on this server (snapshot <${Time} iso=${r.current.ts} />).</p>`
        : html`<${DataTable} rows=${r.current.replicas} columns=${REPLICA_COLUMNS} caption="Replicated tables, most delayed first" />`}
    <h3>Replication queue</h3>
    ${r.queue === null || r.queue.groups.length === 0 ? html`<p class="muted">The replication queue is empty.</p>` : html`<${DataTable} rows=${r.queue.groups} columns=${QUEUE_COLUMNS} caption="Replication queue by table and entry type" />`}`;
}

/** The Replication tab: role, lag, standbys and slots (PostgreSQL), or replicas and their queue (ClickHouse). */
export function ReplicationTab({ id, engine, range }: TabProps) {
  const pg = engine === 'postgres';
  const none = () => Promise.resolve(undefined);
  const status = useLoad(() => (pg ? get('/databases/{id}/replication', { path: { id } }) : none()), [id, pg], 30_000);
  const history = useLoad(() => (pg ? get('/databases/{id}/replication/history', { path: { id }, query: { since: range } }) : none()), [id, pg, range], 60_000);
  const panel = useLoad(() => (pg ? none() : get('/databases/{id}/panels/replication', { path: { id }, query: { range } })), [id, pg, range], 30_000);
  return html`<h2>Replication</h2>
    ${pg
      ? html`<${Section} loaded=${status} what="the replication status">${(r: PgReplication | undefined) => (r ? html`<${PostgresReplication} r=${r} history=${history.data} />` : null)}<//>`
      : html`<${Section} loaded=${panel} what="the replication panel">${(r: ChReplication | undefined) => (r ? html`<${ClickHouseReplication} r=${r} />` : null)}<//>`}`;
}
