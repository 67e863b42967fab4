import { useState } from 'preact/hooks';
import { call, get, type Get } from '../api/client';
import { Section, describeError, html, useLoad } from '../ui';

type SettingsData = Get<'/settings'>;

function Notifications({ settings, onSaved }: { settings: SettingsData; onSaved: () => void }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const run = async (work: () => Promise<unknown>, ok: string) => {
    setMessage(undefined);
    try {
      await work();
      setMessage({ ok: true, text: ok });
      onSaved();
    } catch (err) {
      setMessage({ ok: false, text: describeError(err) });
    }
  };
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

export function Settings() {
  const settings = useLoad(() => get('/settings'), []);
  return html`<main id="main">
    <h1>Settings</h1>
    <${Section} loaded=${settings} what="the settings">${(s: SettingsData) => html`<${Notifications} settings=${s} onSaved=${settings.reload} />`}<//>
  </main>`;
}
