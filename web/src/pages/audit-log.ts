import { useState } from 'preact/hooks';
import { get, type Get } from '../api/client';
import { setQuery, usePlace } from '../router';
import { Section, Time, html, useLoad } from '../ui';

type Page = Get<'/org/audit-log'>;
type Entry = Page['entries'][number];

/** The actions the server records (server/src/auth/audit.ts), for the filter. */
const ACTIONS = [
  'api_key.created',
  'api_key.revoked',
  'member.invited',
  'invitation.revoked',
  'member.joined',
  'member.removed',
  'member.role_changed',
  'settings.changed',
  'alert_rule.created',
  'alert_rule.changed',
  'alert_rule.deleted',
  'database.deleted',
  'scan.requested',
  'recommendation.status_changed',
  'password.reset',
] as const;
const WINDOWS: readonly [string, string][] = [
  ['24', 'last 24 hours'],
  ['168', 'last 7 days'],
  ['720', 'last 30 days'],
  ['8760', 'last year'],
];
const PAGE_SIZE = 50;

function actor(e: Entry): string {
  if (e.actor.type === 'user') return e.actor.label ?? e.actor.id ?? 'a user';
  if (e.actor.type === 'api_key') return `API key ${e.actor.id ?? ''}`;
  return 'Vigil';
}

function details(e: Entry): string {
  return Object.entries(e.details)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
}

/** Who did what in the organization (admins): filtered by actor, action and time window, newest first, paged. */
export function AuditLog() {
  const place = usePlace();
  const filters = { actor: place.query.get('actor') ?? '', action: place.query.get('action') ?? '', hours: place.query.get('hours') ?? '168' };
  // The cursors of the pages before this one (newest first): "Newer" pops, "Older" pushes.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const members = useLoad(() => get('/org/members'), []);
  const page = useLoad(
    () => get('/org/audit-log', { query: { ...(filters.actor ? { actor: filters.actor } : {}), ...(filters.action ? { action: filters.action } : {}), hours: Number(filters.hours), limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } }),
    [filters.actor, filters.action, filters.hours, cursor],
  );
  const filter = (name: keyof typeof filters) => (e: Event) => {
    setCursors([]);
    setQuery({ [name]: (e.target as HTMLSelectElement).value });
  };
  return html`<main id="main">
    <div class="toolbar"><h1>Audit log</h1><a href="/members">Members</a></div>
    <div class="filters" role="group" aria-label="Filters">
      <label>Who <select value=${filters.actor} onChange=${filter('actor')}>
        <option value="">anyone</option>
        ${(members.data?.members ?? []).map((m) => html`<option value=${m.id}>${m.email}</option>`)}
      </select></label>
      <label>Action <select value=${filters.action} onChange=${filter('action')}>
        <option value="">any</option>
        ${ACTIONS.map((a) => html`<option value=${a}>${a}</option>`)}
      </select></label>
      <label>When <select value=${filters.hours} onChange=${filter('hours')}>
        ${WINDOWS.map(([h, label]) => html`<option value=${h}>${label}</option>`)}
      </select></label>
    </div>
    <${Section} loaded=${page} what="the audit log">${(data: Page) => html`
      ${data.entries.length === 0
        ? html`<p class="muted">Nothing recorded for these filters.</p>`
        : html`<div class="scroll"><table aria-label="Audit log">
            <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Target</th><th scope="col">Details</th><th scope="col">From</th></tr></thead>
            <tbody>${data.entries.map(
              (e) => html`<tr key=${e.id}>
                <td><${Time} iso=${e.at} /></td>
                <td>${actor(e)}</td>
                <th scope="row"><code>${e.action}</code></th>
                <td>${e.target.type ? html`${e.target.type} <span class="muted small">${e.target.id}</span>` : '—'}</td>
                <td class="small">${details(e)}</td>
                <td class="small" title=${e.request_id ? `request ${e.request_id}` : undefined}>${e.address ?? '—'}</td>
              </tr>`,
            )}</tbody>
          </table></div>`}
      <div class="actions">
        <button type="button" disabled=${cursors.length === 0} onClick=${() => setCursors(cursors.slice(0, -1))}>Newer</button>
        <button type="button" disabled=${!data.next_cursor} onClick=${() => data.next_cursor && setCursors([...cursors, data.next_cursor])}>Older</button>
      </div>`}<//>
  </main>`;
}
