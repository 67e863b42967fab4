import { useEffect, useState } from 'preact/hooks';
import { call, get, type Get } from '../../api/client';
import { bytes, ms, num } from '../../format';
import { Section, Time, describeError, html, useLoad } from '../../ui';
import { blockingTree, type TreeNode } from './blocking-tree';
import { DataTable, Reason, type Column, type TabProps } from './common';

type Active = Get<'/databases/{id}/active'>;
type PgActive = Extract<Active, { engine: 'postgres' }>;
type ChActive = Extract<Active, { engine: 'clickhouse' }>;
type Locks = Get<'/databases/{id}/locks'>;
type Lock = Locks['locks'][number];

/** Seconds before a dropped stream is opened again. */
const RECONNECT_MS = 5_000;

interface Live {
  readonly snapshot: Active | undefined;
  readonly state: 'connecting' | 'live' | 'lost';
  readonly error: string | undefined;
}

/**
 * The /active snapshot as the server streams it (/active/ws, a message every 5 s): a stream token
 * first (browsers cannot send an Authorization header on a WebSocket), reconnecting when dropped.
 */
function useActiveStream(id: string): Live {
  const [live, setLive] = useState<Live>({ snapshot: undefined, state: 'connecting', error: undefined });
  useEffect(() => {
    let ws: WebSocket | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const open = async () => {
      try {
        const { url } = await call('post', '/databases/{id}/active/ws-token', { path: { id } });
        if (stopped) return;
        ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${url}`);
        ws.onopen = () => setLive((l) => ({ ...l, state: 'live', error: undefined }));
        ws.onmessage = (event) => {
          const message = JSON.parse(String(event.data)) as { type: string } & Active;
          if (message.type === 'snapshot') setLive({ snapshot: message, state: 'live', error: undefined });
        };
        ws.onclose = (event) => {
          if (stopped) return;
          setLive((l) => ({ ...l, state: 'lost', error: `the live stream closed (${event.code}${event.reason ? `: ${event.reason}` : ''})` }));
          retry = setTimeout(() => void open(), RECONNECT_MS);
        };
      } catch (error) {
        if (stopped) return;
        setLive((l) => ({ ...l, state: 'lost', error: describeError(error) }));
        retry = setTimeout(() => void open(), RECONNECT_MS);
      }
    };
    void open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      // Closing a socket still connecting makes Chromium log an error: let it open, then close it.
      if (ws?.readyState === WebSocket.CONNECTING) ws.onopen = () => ws?.close(1000);
      else ws?.close(1000);
    };
  }, [id]);
  return live;
}

const PG_COLUMNS: Column<PgActive['queries'][number]>[] = [
  { label: 'Session', cell: (q) => q.pid },
  { label: 'User', cell: (q) => q.usename ?? '—' },
  { label: 'Database', cell: (q) => q.datname ?? '—' },
  { label: 'State', cell: (q) => q.state ?? '—' },
  { label: 'Waiting on', cell: (q) => (q.wait_event ? `${q.wait_event_type}: ${q.wait_event}` : '—') },
  { label: 'Running for', cell: (q) => ms(q.duration_ms), num: true },
  { label: 'Transaction', cell: (q) => ms(q.xact_duration_ms), num: true },
  { label: 'Blocked by', cell: (q) => (q.blocking_pids.length ? q.blocking_pids.join(', ') : '—') },
  { label: 'Query', cell: (q) => html`<code class="sql">${q.query_text.slice(0, 200)}</code>` },
];

const CH_COLUMNS: Column<ChActive['queries'][number]>[] = [
  { label: 'Query id', cell: (q) => html`<code>${q.query_id.slice(0, 12)}</code>` },
  { label: 'User', cell: (q) => q.user },
  { label: 'Running for', cell: (q) => ms(q.duration_ms), num: true },
  { label: 'Memory', cell: (q) => bytes(q.memory_usage), num: true },
  { label: 'Read', cell: (q) => `${bytes(q.read_bytes)} (${num(q.read_rows)} rows)`, num: true },
  { label: 'Query', cell: (q) => html`<code class="sql">${q.query_text.slice(0, 200)}</code>` },
];

function Running({ a }: { a: Active }) {
  if (a.ts === null) return html`<${Reason} text="No activity snapshot received from the agent yet: it sends one every 10 s by default." />`;
  const summary = a.engine === 'postgres' ? (a as PgActive).summary : null;
  return html`<p class="muted small">Snapshot <${Time} iso=${a.ts} />${summary ? ` · ${num(summary.sessions_total)} active session(s), ${num(summary.waiting_on_locks)} waiting on locks, longest transaction ${ms(summary.longest_transaction_ms)}` : ''}</p>
    ${a.queries.length === 0
      ? html`<p>Nothing running.</p>`
      : a.engine === 'postgres'
        ? html`<${DataTable} rows=${(a as PgActive).queries} columns=${PG_COLUMNS} caption="Running sessions, longest first" rowClass=${(q: PgActive['queries'][number]) => (q.blocking_pids.length ? 'waiting' : '')} />`
        : html`<${DataTable} rows=${(a as ChActive).queries} columns=${CH_COLUMNS} caption="Running queries, longest first" />`}`;
}

function TreeItem({ node, root }: { node: TreeNode<Lock>; root: boolean }) {
  const l = node.lock;
  const what = l ? `${l.mode} on ${l.relation_name ?? l.lock_type}` : '';
  return html`<li>
    <span class=${root ? 'holder' : 'waiter'}><strong>${root ? 'Holds' : 'Waits'}</strong> · session ${node.pid}${l ? ` · ${what}` : ''}${l?.duration_ms ? ` · ${root ? 'transaction open' : 'waiting'} ${ms(l.duration_ms)}` : ''}</span>
    ${l?.query_text ? html` <code class="sql">${l.query_text.slice(0, 160)}</code>` : null}
    ${node.children.length ? html`<ul>${node.children.map((c) => html`<${TreeItem} node=${c} root=${false} />`)}</ul>` : null}
  </li>`;
}

function BlockingTree({ id }: { id: string }) {
  const locks = useLoad(() => get('/databases/{id}/locks', { path: { id } }), [id], 5_000);
  return html`<h3>Blocking tree</h3>
    <${Section} loaded=${locks} what="the locks">${(l: Locks) => {
      if (l.ts === null) return html`<${Reason} text="No lock snapshot received from the agent yet: it sends one every 15 s by default." />`;
      const tree = blockingTree(l.locks);
      return html`<p class="muted small">Lock snapshot <${Time} iso=${l.ts} /> · ${num(l.blocked_sessions)} blocked session(s)</p>
        ${tree.length === 0 ? html`<p>No session waits for a lock.</p>` : html`<ul class="blocking-tree" aria-label="Sessions holding locks, with the sessions waiting for them nested below">${tree.map((n) => html`<${TreeItem} node=${n} root=${true} />`)}</ul>`}`;
    }}<//>`;
}

/** The Activity tab: what runs now, live over /active/ws, and (PostgreSQL) who blocks whom. */
export function ActivityTab({ id, engine }: TabProps) {
  const live = useActiveStream(id);
  return html`<h2>Running now <span class=${`pill ${live.state === 'live' ? 'ok' : live.state === 'lost' ? 'critical' : 'unavailable'}`} role="status">${live.state === 'live' ? 'live' : live.state === 'lost' ? 'reconnecting' : 'connecting'}</span></h2>
    ${live.error ? html`<p class="error" role="alert">Live activity: ${live.error}. Retrying in ${RECONNECT_MS / 1000} s.</p>` : null}
    ${live.snapshot ? html`<${Running} a=${live.snapshot} />` : live.state === 'lost' ? null : html`<p class="muted" aria-busy="true">Connecting to the live activity stream…</p>`}
    ${engine === 'postgres' ? html`<${BlockingTree} id=${id} />` : null}`;
}
