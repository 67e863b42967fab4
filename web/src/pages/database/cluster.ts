import { get, type Get } from '../../api/client';
import { bytes, ms, num } from '../../format';
import { Chart, Section, Time, html, useLoad } from '../../ui';
import { DataTable, duration, OtherEngine, Reason, seconds, series, SnapshotNote, xRangeOf, type Column, type TabProps } from './common';

type Server = Get<'/databases/{id}/server-metrics'>;
type Disk = Get<'/databases/{id}/panels/disk'>;
type Compression = Get<'/databases/{id}/panels/compression'>;
type Broken = Get<'/databases/{id}/panels/broken-parts'>;
type Errors = Get<'/databases/{id}/panels/errors'>;
type Failed = Get<'/databases/{id}/queries/failed'>;
type Keeper = Get<'/databases/{id}/panels/keeper'>;
type KeeperNodes = Get<'/databases/{id}/panels/keeper-nodes'>;
type ZooKeeper = Get<'/databases/{id}/panels/zookeeper'>;

const HOURS = { '1h': 1, '6h': 6, '24h': 24, '7d': 168 } as const;

function ServerFigures({ s }: { s: Server }) {
  const c = s.current;
  const t = s.totals;
  if (!c) return html`<${Reason} text="No server reading received from the agent yet: it reads the server's metrics every minute by default." />`;
  return html`<dl class="figures">
    <div><dt>Uptime</dt><dd>${duration(c.uptime_s)}</dd></div>
    <div><dt>Memory (tracked / resident)</dt><dd>${bytes(c.memory.tracking_bytes)} / ${bytes(c.memory.resident_bytes)}</dd></div>
    <div><dt>Connections (TCP / HTTP / interserver)</dt><dd>${num(c.connections.tcp)} / ${num(c.connections.http)} / ${num(c.connections.interserver)}</dd></div>
    <div><dt>Queries / merges running</dt><dd>${num(c.queries_running)} / ${num(c.merges_running)}</dd></div>
    <div><dt>Read-only replicas</dt><dd>${num(c.readonly_replicas)}</dd></div>
    ${s.disk ? html`<div><dt>Disk used</dt><dd>${bytes(s.disk.used_bytes)} of ${bytes(s.disk.total_bytes)}${s.disk.usage_pct === null ? '' : ` (${num(s.disk.usage_pct, '%')})`}</dd></div>` : null}
    <div><dt>Queries in the range (failed)</dt><dd>${num(t['queries'])} (${num(t['failed_queries'])})</dd></div>
    <div><dt>Inserted</dt><dd>${num(t['inserted_rows'])} rows, ${bytes(t['inserted_bytes'])}</dd></div>
    <div><dt>Delayed / rejected inserts</dt><dd>${num(t['delayed_inserts'])} / ${num(t['rejected_inserts'])}</dd></div>
  </dl><p class="muted small">Reading <${Time} iso=${c.ts} />; counters over the range.</p>`;
}

const DISK_COLUMNS: Column<Disk['disks'][number]>[] = [
  { label: 'Disk', cell: (d) => d.name },
  { label: 'Path', cell: (d) => html`<code>${d.path}</code>` },
  { label: 'Used', cell: (d) => bytes(d.used_bytes), num: true },
  { label: 'Total', cell: (d) => bytes(d.total_bytes), num: true },
  { label: 'Usage', cell: (d) => (d.usage_pct === null ? '—' : num(d.usage_pct, '%')), num: true },
];

const COMPRESSION_COLUMNS: Column<Compression['tables'][number]>[] = [
  { label: 'Table', cell: (t) => html`<code>${t.database}.${t.table}</code>` },
  { label: 'Compressed', cell: (t) => bytes(t.compressed_bytes), num: true },
  { label: 'Uncompressed', cell: (t) => bytes(t.uncompressed_bytes), num: true },
  { label: 'Ratio', cell: (t) => (t.compression_ratio === null ? '—' : `${num(t.compression_ratio)}×`), num: true },
];

const BROKEN_COLUMNS: Column<Broken['tables'][number]>[] = [
  { label: 'Table', cell: (t) => html`<code>${t.database}.${t.table}</code>` },
  { label: 'Detached parts', cell: (t) => num(t.detached_parts), num: true },
  { label: 'Broken', cell: (t) => num(t.broken_parts), num: true },
  { label: 'Reasons', cell: (t) => t.reasons.map((r) => `${r.reason || 'by hand'}: ${num(r.parts)}`).join(', ') },
];

const ERROR_COLUMNS: Column<Errors['errors'][number]>[] = [
  { label: 'Error', cell: (e) => `${e.name} (${e.code})${e.remote ? ', remote' : ''}` },
  { label: 'Count', cell: (e) => num(e.count), num: true },
  { label: 'Last', cell: (e) => html`<${Time} iso=${e.last_error_time} />` },
  { label: 'Last message', cell: (e) => e.last_error_message },
];

const FAILED_COLUMNS: Column<Failed['errors'][number]>[] = [
  { label: 'Error', cell: (e) => `${e.name ?? 'unknown'} (${e.code})` },
  { label: 'Failures', cell: (e) => num(e.count), num: true },
  { label: 'Queries', cell: (e) => num(e.queries), num: true },
  { label: 'Last seen', cell: (e) => html`<${Time} iso=${e.last_seen} />` },
  { label: 'Failing most', cell: (e) => e.top_queries.slice(0, 2).map((q) => html`<code class="sql">${q.query_text.slice(0, 100)}</code> `) },
];

const KEEPER_STATUS = { ONLINE: ['ok', 'online'], OFFLINE: ['critical', 'offline'], NOT_CONFIGURED: ['unavailable', 'not configured'] } as const;

const yesNo = (v: boolean | null) => (v === null ? '—' : v ? 'yes' : 'no');

function KeeperStatus({ k }: { k: Keeper }) {
  const [cls, words] = k.status ? KEEPER_STATUS[k.status] : ['unavailable', 'unknown'];
  return html`${k.status ? html`<p>Session: <span class=${`pill ${cls}`}>${words}</span></p>` : null}
    ${k.reason ? html`<${Reason} text=${k.reason} />` : null}
    ${k.status && k.status !== 'NOT_CONFIGURED'
      ? html`<dl class="figures">
          <div><dt>Root znode listed in</dt><dd>${k.root_read_ms === null ? '—' : ms(k.root_read_ms)}</dd></div>
          <div><dt>Connected node</dt><dd>${k.connected_node ? html`<code>${k.connected_node.host}:${k.connected_node.port}</code>${k.connected_node.since ? html` since <${Time} iso=${k.connected_node.since} />` : null}` : html`<span class="muted">not told before ClickHouse 23</span>`}</dd></div>
          <div><dt>Session expired</dt><dd>${yesNo(k.session_expired)}</dd></div>
        </dl>`
      : null}
    ${k.ts ? html`<p class="muted small">Snapshot <${Time} iso=${k.ts} /></p>` : null}`;
}

const NODE_COLUMNS: Column<KeeperNodes['nodes'][number]>[] = [
  { label: 'Node', cell: (n) => html`<code>${n.host}:${n.port}</code>${n.connected ? html` <span class="pill open">session</span>` : null}` },
  { label: 'TCP from the agent', cell: (n) => (n.status === 1 ? html`<span class="pill ok">reachable</span>` : html`<span class="pill critical">unreachable</span>`) },
  { label: 'Connect', cell: (n) => (n.connect_ms === null ? '—' : ms(n.connect_ms)), num: true },
  { label: 'Error', cell: (n) => n.error ?? '' },
];

function ZooKeeperSession({ z }: { z: ZooKeeper }) {
  const s = z.session;
  if (!s) return html`<${Reason} text=${z.reason ?? 'No Keeper session figures.'} />`;
  return html`<dl class="figures">
    <div><dt>Healthy</dt><dd>${s.healthy ? html`<span class="ok">yes</span>` : html`<span class="error">no</span>`}</dd></div>
    <div><dt>Open sessions</dt><dd>${num(s.sessions)}${s.sessions > 1 ? html` <span class="warn">(more than one risks stale reads)</span>` : null}</dd></div>
    <div><dt>Watches / requests in flight</dt><dd>${num(s.watches)} / ${num(s.requests_in_flight)}</dd></div>
    <div><dt>Reconnects since start</dt><dd>${num(s.reconnects)}</dd></div>
    <div><dt>Exceptions (hardware / user / other)</dt><dd>${num(s.hardware_exceptions)} / ${num(s.user_exceptions)} / ${num(s.other_exceptions)}</dd></div>
    <div><dt>Requests, average wait</dt><dd>${num(s.transactions)}, ${s.avg_wait_ms === null ? '—' : ms(s.avg_wait_ms)}</dd></div>
    <div><dt>Session expired / up for</dt><dd>${yesNo(s.session_expired)} / ${duration(s.session_uptime_s)}</dd></div>
  </dl><p class="muted small">Snapshot <${Time} iso=${z.ts} />; counters since the server started.</p>`;
}

/** The Cluster tab: ClusterSight's panels (server, disks, compression, detached parts, errors, failed queries, Keeper) for a ClickHouse database. */
export function ClusterTab({ id, engine, range }: TabProps) {
  const ch = engine === 'clickhouse';
  const none = () => Promise.resolve(undefined);
  const server = useLoad(() => (ch ? get('/databases/{id}/server-metrics', { path: { id }, query: { since: range } }) : none()), [id, ch, range], 60_000);
  const disk = useLoad(() => (ch ? get('/databases/{id}/panels/disk', { path: { id } }) : none()), [id, ch], 60_000);
  const compression = useLoad(() => (ch ? get('/databases/{id}/panels/compression', { path: { id }, query: { limit: 20 } }) : none()), [id, ch], 60_000);
  const broken = useLoad(() => (ch ? get('/databases/{id}/panels/broken-parts', { path: { id } }) : none()), [id, ch], 60_000);
  const errors = useLoad(() => (ch ? get('/databases/{id}/panels/errors', { path: { id }, query: { range } }) : none()), [id, ch, range], 60_000);
  const failed = useLoad(() => (ch ? get('/databases/{id}/queries/failed', { path: { id }, query: { hours: HOURS[range] } }) : none()), [id, ch, range], 60_000);
  const keeper = useLoad(() => (ch ? get('/databases/{id}/panels/keeper', { path: { id } }) : none()), [id, ch], 60_000);
  const keeperNodes = useLoad(() => (ch ? get('/databases/{id}/panels/keeper-nodes', { path: { id } }) : none()), [id, ch], 60_000);
  const zookeeper = useLoad(() => (ch ? get('/databases/{id}/panels/zookeeper', { path: { id } }) : none()), [id, ch], 60_000);
  if (!ch) return html`<${OtherEngine} what="The cluster panels" engine=${engine} on="clickhouse" />`;
  return html`<section aria-labelledby="server-title"><h2 id="server-title">Server</h2>
      <${Section} loaded=${server} what="the server metrics">${(s: Server | undefined) => (s ? html`<${ServerFigures} s=${s} />` : null)}<//></section>
    <section aria-labelledby="disk-title"><h2 id="disk-title">Disks</h2>
      <${Section} loaded=${disk} what="the disks">${(d: Disk | undefined) =>
        !d
          ? null
          : d.reason
            ? html`<${Reason} text=${d.reason} />`
            : d.disks.length === 0
              ? html`<${Reason} text="The agent's last disks snapshot listed no disk: the notes at the top of this tab say why (a release without system.disks, before 19.15, or a missing grant)." />`
              : html`<${SnapshotNote} ts=${d.ts} what="disks" /><${DataTable} rows=${d.disks} columns=${DISK_COLUMNS} caption="Disks" />`}<//></section>
    <section aria-labelledby="compression-title"><h2 id="compression-title">Compression</h2>
      <${Section} loaded=${compression} what="the compression panel">${(c: Compression | undefined) =>
        !c ? null : html`<${SnapshotNote} ts=${c.ts} what="parts" />${c.tables.length > 0 ? html`<${DataTable} rows=${c.tables} columns=${COMPRESSION_COLUMNS} caption="Tables, largest compressed first" />` : null}`}<//></section>
    <section aria-labelledby="broken-title"><h2 id="broken-title">Detached and broken parts</h2>
      <${Section} loaded=${broken} what="the detached parts">${(b: Broken | undefined) =>
        !b
          ? null
          : b.has_detached === false
            ? html`<${Reason} text="This ClickHouse release has no system.detached_parts: detached and broken parts cannot be listed." />`
            : html`<${SnapshotNote} ts=${b.ts} what="detached parts" />${b.ts && b.tables.length === 0 ? html`<p>No detached part.</p>` : null}${b.tables.length > 0 ? html`<${DataTable} rows=${b.tables} columns=${BROKEN_COLUMNS} caption="Tables with detached parts" />` : null}`}<//></section>
    <section aria-labelledby="errors-title"><h2 id="errors-title">Server errors</h2>
      <${Section} loaded=${errors} what="the errors panel">${(e: Errors | undefined) =>
        !e
          ? null
          : e.total === 0 && e.errors.length === 0
            ? html`<p class="muted">No error counted in the last ${range} (system.errors needs ClickHouse 20.11 or later; older releases report none).</p>`
            : html`<p>${num(e.total)} error(s) in the last ${range}.</p>
              <${Chart} times=${seconds(e.series.map((p) => p.ts))} series=${[series('Errors', e.series.map((p) => p.count))]} label="Errors per bucket" height=${140} xRange=${xRangeOf(e)} />
              <${DataTable} rows=${e.errors} columns=${ERROR_COLUMNS} caption="Errors, most frequent first" />`}<//></section>
    <section aria-labelledby="failed-title"><h2 id="failed-title">Failed queries</h2>
      <${Section} loaded=${failed} what="the failed queries">${(f: Failed | undefined) =>
        !f ? null : f.errors.length === 0 ? html`<p class="muted">No failed query in the last ${range}.</p>` : html`<p>${num(f.total_failures)} failure(s).</p><${DataTable} rows=${f.errors} columns=${FAILED_COLUMNS} caption="Failed queries by error code" />`}<//></section>
    <section aria-labelledby="keeper-title"><h2 id="keeper-title">Keeper</h2>
      <${Section} loaded=${keeper} what="the Keeper status">${(k: Keeper | undefined) => (k ? html`<${KeeperStatus} k=${k} />` : null)}<//></section>
    <section aria-labelledby="keeper-nodes-title"><h2 id="keeper-nodes-title">Keeper nodes</h2>
      <${Section} loaded=${keeperNodes} what="the Keeper nodes">${(n: KeeperNodes | undefined) =>
        !n
          ? null
          : !n.ts
            ? html`<${SnapshotNote} ts=${n.ts} what="Keeper" />`
            : n.nodes.length === 0
              ? html`<${Reason} text="No Keeper node to test: list them under keeper_nodes in the agent's configuration (from ClickHouse 23 the node the session is on shows by itself)." />`
              : html`<p>${num(n.reachable)} reachable, ${num(n.unreachable)} unreachable.</p><${DataTable} rows=${n.nodes} columns=${NODE_COLUMNS} caption="Keeper nodes, tried from the agent's host" />`}<//></section>
    <section aria-labelledby="zookeeper-title"><h2 id="zookeeper-title">ZooKeeper session</h2>
      <${Section} loaded=${zookeeper} what="the ZooKeeper session">${(z: ZooKeeper | undefined) => (z ? html`<${ZooKeeperSession} z=${z} />` : null)}<//></section>`;
}
