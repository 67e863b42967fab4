import { useState } from 'preact/hooks';
import { call, get, type Get } from '../api/client';
import { Section, Time, attempt, html, useLoad, type Outcome } from '../ui';
import { ApiKeys } from './api-keys';
import { isAdmin } from './ask';
import { AskSettings } from './ask-settings';

type SettingsData = Get<'/settings'>;
type Me = Get<'/auth/me'>;

/** The organization signed in to (GET /auth/me): name, slug, plan, whether it is verified, and the user's role. */
function Organization({ me }: { me: Me }) {
  const org = me.organization;
  const user = 'user' in me ? me : undefined;
  return html`<section aria-labelledby="org-title">
    <h2 id="org-title">Organization</h2>
    <dl class="figures org">
      <dt>Name</dt><dd>${org.name}</dd>
      <dt>Slug</dt><dd><code>${org.slug}</code></dd>
      <dt>Plan</dt><dd>${org.plan}</dd>
      <dt>Verified</dt><dd>${org.verified ? html`<span class="ok">yes</span>` : html`<span class="warn">not yet</span> <span class="muted small">(an unverified organization monitors one database; the owner verifies through the link emailed at signup, or <a href="/verify-email">asks for a new one</a>)</span>`}</dd>
      ${user ? html`<dt>You</dt><dd>${user.user.name} (${user.user.email}), ${user.role}; member since <${Time} iso=${user.user.created_at} /></dd>` : null}
      ${user && user.organizations.length > 1 ? html`<dt>Your organizations</dt><dd>${user.organizations.map((o) => o.name).join(', ')}</dd>` : null}
    </dl>
    <p><a href="/members">Members and invitations</a>${user && user.role !== 'member' ? html` · <a href="/audit-log">Audit log</a>` : null}</p>
  </section>`;
}

function Notifications({ settings, onSaved }: { settings: SettingsData; onSaved: () => void }) {
  const [message, setMessage] = useState<Outcome>();
  const run = (work: () => Promise<unknown>, ok: string) => attempt(setMessage, work, ok, onSaved);
  const save = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const slack = String(form.get('slack_webhook_url') ?? '').trim();
    void run(
      () =>
        call('put', '/settings', {
          body: {
            // An empty field keeps the stored webhook (it is only ever shown masked); "Remove" clears it.
            ...(slack ? { slack_webhook_url: slack } : {}),
            notify_resolved: form.get('notify_resolved') === 'on',
            notify_min_severity: String(form.get('notify_min_severity')) as 'warning' | 'critical',
          },
        }),
      'Saved.',
    );
  };
  return html`<form onSubmit=${save} class="settings">
    <fieldset><legend>Slack</legend>
      <p>Current webhook: <code>${settings.slack_webhook_url ?? 'none'}</code></p>
      <label>New incoming webhook URL <input name="slack_webhook_url" type="url" placeholder="https://hooks.slack.com/services/…" autocomplete="off" /></label>
      <div class="actions">
        <button type="button" onClick=${() => run(() => call('post', '/settings/test-notification'), 'Test message sent.')} disabled=${!settings.slack_webhook_url && !settings.webhook_url}>Send test</button>
        ${settings.slack_webhook_url ? html`<button type="button" onClick=${() => run(() => call('put', '/settings', { body: { slack_webhook_url: null } }), 'Slack webhook removed.')}>Remove</button>` : null}
      </div>
    </fieldset>
    <fieldset><legend>Notifications</legend>
      <label><input type="checkbox" name="notify_resolved" checked=${settings.notify_resolved} /> Also notify when an alert resolves</label>
      <label>Notify from severity <select name="notify_min_severity" value=${settings.notify_min_severity}><option value="warning">warning</option><option value="critical">critical</option></select></label>
    </fieldset>
    <p class="muted">Retention (server configuration): raw ${settings.retention_raw_days} d, hourly ${settings.retention_hourly_days} d, daily ${settings.retention_daily_days} d.</p>
    <button type="submit">Save</button>
    ${message ? html`<p class=${message.ok ? 'ok' : 'error'} role=${message.ok ? 'status' : 'alert'}>${message.text}</p>` : null}
  </form>`;
}

/** API keys are an admin's to see and manage (GET /api-keys answers a member 403): a member is told who manages them. */
function keysSection(me: Me | undefined) {
  if (me === undefined) return null;
  if ('role' in me && me.role === 'member') {
    return html`<section aria-labelledby="keys-title"><h2 id="keys-title">API keys</h2><p class="muted">API keys are created and revoked by the organization's owners and admins.</p></section>`;
  }
  return html`<${ApiKeys} />`;
}

export function Settings() {
  const settings = useLoad(() => get('/settings'), []);
  const me = useLoad(() => get('/auth/me'), []);
  return html`<main id="main" class="settings-page">
    <h1>Settings</h1>
    <${Section} loaded=${me} what="the organization">${(m: Me) => html`<${Organization} me=${m} />`}<//>
    <h2>Notifications</h2>
    <${Section} loaded=${settings} what="the settings">${(s: SettingsData) => html`<${Notifications} settings=${s} onSaved=${settings.reload} />`}<//>
    ${keysSection(me.data)}
    ${me.data ? html`<${AskSettings} admin=${isAdmin(me.data)} />` : null}
  </main>`;
}
