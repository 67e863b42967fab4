import { useState } from 'preact/hooks';
import { call, get, signOut, type Get } from '../api/client';
import { navigate } from '../router';
import { Code, Section, Time, describeError, html, useLoad } from '../ui';

type Member = Get<'/org/members'>['members'][number];
type Pending = Get<'/org/invitations'>['invitations'][number];
type Role = Member['role'];

const ROLES: readonly Role[] = ['member', 'admin', 'owner'];
const RANK: Record<Role, number> = { member: 0, admin: 1, owner: 2 };

/** What a user of `role` may do here, as the server enforces it (owners manage owners, admins the rest). */
function powers(role: Role | undefined) {
  const admin = role !== undefined && RANK[role] >= RANK.admin;
  return { admin, manages: (target: Role) => admin && (target !== 'owner' || role === 'owner'), grantable: ROLES.filter((r) => admin && (r !== 'owner' || role === 'owner')) };
}

/** A destructive button that asks once more in place (no window.confirm). */
function ConfirmButton({ label, confirm, onConfirm }: { label: string; confirm: string; onConfirm: () => void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) return html`<button type="button" class="danger" onClick=${() => setAsking(true)}>${label}</button>`;
  return html`<span class="actions"><button type="button" class="danger" onClick=${() => (setAsking(false), onConfirm())}>${confirm}</button><button type="button" onClick=${() => setAsking(false)}>Cancel</button></span>`;
}

function InviteForm({ grantable, onInvited }: { grantable: readonly Role[]; onInvited: () => void }) {
  const [result, setResult] = useState<{ ok: boolean; text: string; link?: string }>();
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const target = event.target as HTMLFormElement;
    const form = new FormData(target);
    setResult(undefined);
    try {
      const invited = await call('post', '/org/invitations', { body: { email: String(form.get('email')), role: String(form.get('role')) as Role } });
      target.reset();
      setResult(
        invited.email_sent
          ? { ok: true, text: `Invitation emailed to ${invited.email}.` }
          : { ok: true, text: `No email was sent to ${invited.email} (this server has no mail configured): hand them this link yourself. It works once, for 7 days, and is not shown again.`, ...(invited.accept_link ? { link: invited.accept_link } : {}) },
      );
      onInvited();
    } catch (err) {
      setResult({ ok: false, text: describeError(err) });
    }
  };
  return html`<form onSubmit=${submit} class="inline" aria-label="Invite">
    <label>Email <input name="email" type="email" autocomplete="off" required /></label>
    <label>Role <select name="role">${grantable.map((r) => html`<option value=${r} selected=${r === 'member'}>${r}</option>`)}</select></label>
    <button type="submit">Invite</button>
  </form>
  ${result ? html`<p class=${result.ok ? 'ok' : 'error'} role=${result.ok ? 'status' : 'alert'}>${result.text}</p>` : null}
  ${result?.link ? html`<${Code} text=${result.link} label="invitation link" />` : null}`;
}

function PendingInvitations({ pending, onChanged, onError }: { pending: readonly Pending[]; onChanged: () => void; onError: (text: string) => void }) {
  if (pending.length === 0) return html`<p class="muted">No pending invitations.</p>`;
  const revoke = (id: string) =>
    call('delete', '/org/invitations/{id}', { path: { id } }).then(onChanged, (err: unknown) => onError(describeError(err)));
  return html`<div class="scroll"><table aria-label="Pending invitations">
    <thead><tr><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Invited</th><th scope="col">Expires</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
    <tbody>${pending.map(
      (i) => html`<tr key=${i.id}>
        <th scope="row">${i.email}</th><td>${i.role}</td><td><${Time} iso=${i.created_at} /></td><td><${Time} iso=${i.expires_at} /></td>
        <td><${ConfirmButton} label="Revoke" confirm=${`Revoke the invitation of ${i.email}`} onConfirm=${() => void revoke(i.id)} /></td>
      </tr>`,
    )}</tbody>
  </table></div>`;
}

/** The organization's members with their roles, invitations, and the way to the audit log. */
export function Members() {
  const me = useLoad(() => get('/auth/me'), []);
  const user = me.data && 'user' in me.data ? me.data : undefined;
  const { admin, manages, grantable } = powers(user?.role);
  const members = useLoad(() => get('/org/members'), []);
  const pending = useLoad(() => (admin ? get('/org/invitations') : Promise.resolve({ invitations: [] })), [admin]);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const changed = (text: string) => {
    setMessage({ ok: true, text });
    members.reload();
    pending.reload();
  };
  // Bumped by each refusal: rows are keyed by it, so a refused role change's select shows the stored role again.
  const [refusals, setRefusals] = useState(0);
  const fail = (err: unknown) => {
    setMessage({ ok: false, text: describeError(err) });
    setRefusals((n) => n + 1);
  };
  const setRole = (m: Member, role: Role) =>
    call('patch', '/org/members/{id}', { path: { id: m.id }, body: { role } }).then(() => changed(`${m.name} is now ${role === 'admin' ? 'an admin' : `a ${role}`}.`), fail);
  const remove = async (m: Member) => {
    const self = m.id === user?.user.id;
    try {
      await call('delete', '/org/members/{id}', { path: { id: m.id } });
      if (self) {
        // Leaving ends this session in the organization.
        await signOut();
        navigate('/signin');
        return;
      }
      changed(`${m.name} was removed.`);
    } catch (err) {
      fail(err);
    }
  };
  const row = (m: Member) => {
    const self = m.id === user?.user.id;
    return html`<tr key=${`${m.id}:${refusals}`}>
      <th scope="row">${m.name}${self ? html` <span class="muted">(you)</span>` : null}</th>
      <td>${m.email}</td>
      <td>${manages(m.role)
        ? html`<label><span class="sr-only">Role of ${m.name}</span><select value=${m.role} onChange=${(e: Event) => void setRole(m, (e.target as HTMLSelectElement).value as Role)}>
            ${ROLES.filter((r) => r === m.role || grantable.includes(r)).map((r) => html`<option value=${r}>${r}</option>`)}
          </select></label>`
        : m.role}</td>
      <td><${Time} iso=${m.joined_at} /></td>
      <td>${self
        ? html`<${ConfirmButton} label="Leave" confirm="Leave this organization" onConfirm=${() => void remove(m)} />`
        : manages(m.role)
          ? html`<${ConfirmButton} label="Remove" confirm=${`Remove ${m.name}`} onConfirm=${() => void remove(m)} />`
          : null}</td>
    </tr>`;
  };
  return html`<main id="main">
    <div class="toolbar"><h1>Members</h1>${admin ? html`<a href="/audit-log">Audit log</a>` : null}</div>
    ${message ? html`<p class=${message.ok ? 'ok' : 'error'} role=${message.ok ? 'status' : 'alert'}>${message.text}</p>` : null}
    <${Section} loaded=${members} what="the members">${(data: Get<'/org/members'>) => html`<div class="scroll"><table aria-label="Members">
      <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Joined</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
      <tbody>${data.members.map(row)}</tbody>
    </table></div>`}<//>
    ${admin
      ? html`<h2>Invite someone</h2>
          <${InviteForm} grantable=${grantable} onInvited=${pending.reload} />
          <h2>Pending invitations</h2>
          <${Section} loaded=${pending} what="the invitations">${(data: Get<'/org/invitations'>) => html`<${PendingInvitations} pending=${data.invitations} onChanged=${() => changed('Invitation revoked.')} onError=${(text: string) => setMessage({ ok: false, text })} />`}<//>`
      : html`<p class="muted">Admins and owners invite members and change roles.</p>`}
  </main>`;
}
