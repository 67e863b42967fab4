import { useState } from 'preact/hooks';
import { call, get, type Get } from '../api/client';
import { CopyButton, Section, Time, describeError, html, useLoad } from '../ui';

type Key = Get<'/api-keys'>['api_keys'][number];
type Scope = Key['scope'];

const SCOPES: readonly (readonly [Scope, string])[] = [
  ['agent', 'agent: connects and pushes statistics, nothing else (for vigil-agent)'],
  ['read', 'read: reads the API (dashboards, scripts)'],
  ['admin', 'admin: everything an admin may do (automation)'],
];

/** A key just created: its only appearance, with a copy button. */
function NewKey({ created, onDone }: { created: { name: string; key: string; scope: Scope }; onDone: () => void }) {
  return html`<div class="key-once" role="status" aria-labelledby="key-once-title">
    <h3 id="key-once-title">Key “${created.name}” created (${created.scope})</h3>
    <p>Copy it now: Vigil keeps only its hash and will not show it again.</p>
    <div class="code"><pre aria-label="new API key"><code>${created.key}</code></pre><${CopyButton} text=${created.key} label="Copy key" /></div>
    ${created.scope === 'agent' ? html`<p class="muted small">Put it in the agent's configuration (<code>api_key:</code>) or its environment (<code>VIGIL_API_KEY</code>).</p>` : null}
    <button type="button" onClick=${onDone}>I have stored it</button>
  </div>`;
}

function KeyRow({ apiKey, onRevoked }: { apiKey: Key; onRevoked: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const revoke = async () => {
    setError(undefined);
    try {
      await call('delete', '/api-keys/{id}', { path: { id: apiKey.id } });
      setConfirming(false);
      onRevoked();
    } catch (err) {
      setError(describeError(err));
    }
  };
  const revoked = apiKey.revoked_at !== null;
  return html`<tr data-key=${apiKey.id} class=${revoked ? 'disabled' : ''}>
    <th scope="row">${apiKey.name}</th>
    <td><code>${apiKey.prefix}…</code></td>
    <td><span class=${`pill scope-${apiKey.scope}`}>${apiKey.scope}</span></td>
    <td><${Time} iso=${apiKey.created_at} /></td>
    <td>${apiKey.last_used_at ? html`<${Time} iso=${apiKey.last_used_at} />` : html`<span class="muted">never</span>`}</td>
    <td>${revoked
      ? html`<span class="muted">revoked <${Time} iso=${apiKey.revoked_at} /></span>`
      : confirming
        ? html`<div class="actions"><button type="button" class="danger" onClick=${revoke}>Revoke ${apiKey.name} now</button><button type="button" onClick=${() => setConfirming(false)}>Cancel</button></div>`
        : html`<button type="button" onClick=${() => setConfirming(true)}>Revoke<span class="sr-only"> ${apiKey.name}</span></button>`}
      ${confirming && apiKey.scope === 'agent' ? html`<div class="muted small">Agents using it are disconnected at once.</div>` : null}
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}</td>
  </tr>`;
}

/** API keys of the organization: create (shown once, with a copy button), list, revoke. */
export function ApiKeys() {
  const [showRevoked, setShowRevoked] = useState(false);
  const keys = useLoad(() => get('/api-keys', { query: { include_revoked: showRevoked ? 'true' : 'false' } }), [showRevoked]);
  const [created, setCreated] = useState<{ name: string; key: string; scope: Scope }>();
  const [error, setError] = useState<string>();
  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    const formEl = event.target as HTMLFormElement;
    const form = new FormData(formEl);
    setError(undefined);
    try {
      const key = await call('post', '/api-keys', { body: { name: String(form.get('name')).trim(), scope: String(form.get('scope')) as Scope } });
      setCreated({ name: key.name, key: key.key, scope: key.scope });
      formEl.reset();
      keys.reload();
    } catch (err) {
      setError(describeError(err));
    }
  };
  return html`<section class="api-keys" aria-labelledby="keys-title">
    <h2 id="keys-title">API keys</h2>
    ${created ? html`<${NewKey} created=${created} onDone=${() => setCreated(undefined)} />` : null}
    <form class="inline" onSubmit=${create}>
      <label>Name <input name="name" required maxlength="100" placeholder="db-host-1" autocomplete="off" /></label>
      <label>Scope <select name="scope">${SCOPES.map(([value, text]) => html`<option value=${value} selected=${value === 'agent'}>${text}</option>`)}</select></label>
      <button type="submit">Create key</button>
    </form>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    <label><input type="checkbox" checked=${showRevoked} onChange=${(e: Event) => setShowRevoked((e.target as HTMLInputElement).checked)} /> Show revoked keys</label>
    <${Section} loaded=${keys} what="the API keys">${(k: Get<'/api-keys'>) =>
      k.api_keys.length === 0
        ? html`<p class="muted">No API key yet. An agent needs one of scope agent.</p>`
        : html`<div class="scroll"><table class="keys">
            <caption class="sr-only">API keys, newest first</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Key</th><th scope="col">Scope</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
            <tbody>${k.api_keys.map((key) => html`<${KeyRow} key=${key.id} apiKey=${key} onRevoked=${keys.reload} />`)}</tbody>
          </table></div>`}<//>
  </section>`;
}
