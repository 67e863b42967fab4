import { useState } from 'preact/hooks';
import { call, get, type Get } from '../api/client';
import { num } from '../format';
import { OutcomeLine, Section, attempt, html, useLoad, type Outcome } from '../ui';
import { MODE_WORDS } from './ask';

type Provider = Get<'/providers'>['providers'][number];
type Kind = Provider['kind'];
type AskSettingsData = Get<'/ask/settings'>;
type Mode = AskSettingsData['execution_mode'];

const KINDS: readonly (readonly [Kind, string, string])[] = [
  ['openai_compatible', 'OpenAI-compatible (OpenAI, Groq, vLLM, llama.cpp, Ollama /v1)', 'https://api.openai.com/v1 (left empty) or your server’s …/v1'],
  ['anthropic', 'Anthropic', 'https://api.anthropic.com (left empty)'],
  ['ollama', 'Ollama', 'http://127.0.0.1:11434 (required)'],
];

const MODES: readonly (readonly [Mode, string])[] = [
  ['auto_execute', 'Run at once'],
  ['review_first', 'Review first'],
  ['generate_only', 'Generate only'],
];

const kindLabel = (kind: Kind) => KINDS.find(([k]) => k === kind)?.[1].split(' (')[0] ?? kind;

/**
 * Add or edit a provider. The API key is write-only: the field starts empty, an empty field keeps
 * the stored key, and the key is never read back (the API only says whether there is one).
 */
function ProviderForm({ provider, onSaved, onClose }: { provider?: Provider; onSaved: () => void; onClose?: () => void }) {
  const [kind, setKind] = useState<Kind>(provider?.kind ?? 'openai_compatible');
  const [outcome, setOutcome] = useState<Outcome>();
  const editing = provider !== undefined;
  const save = (event: SubmitEvent) => {
    event.preventDefault();
    const formEl = event.target as HTMLFormElement;
    const form = new FormData(formEl);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const key = String(form.get('api_key') ?? '');
    // A new provider left unmarked is still the default when it is the first (the server decides).
    const isDefault = form.get('is_default') === 'on';
    const common = { name: text('name'), model: text('model'), timeout_s: Number(text('timeout_s') || 60), ...(editing || isDefault ? { is_default: isDefault } : {}) };
    void attempt(
      setOutcome,
      () =>
        editing
          ? call('put', '/providers/{id}', {
              path: { id: provider.id },
              body: { ...common, base_url: text('base_url') || null, ...(key ? { api_key: key } : form.get('remove_key') === 'on' ? { api_key: null } : {}) },
            })
          : call('post', '/providers', { body: { ...common, kind, ...(text('base_url') ? { base_url: text('base_url') } : {}), ...(key ? { api_key: key } : {}) } }),
      editing ? `Provider ${common.name} saved.` : `Provider ${common.name} added.`,
      () => {
        if (!editing) {
          formEl.reset();
          setKind('openai_compatible');
        }
        onSaved();
      },
    );
  };
  const id = provider ? `provider-${provider.id}` : 'provider-new';
  return html`<form class="provider-form" onSubmit=${save} aria-labelledby=${`${id}-title`}>
    <h3 id=${`${id}-title`}>${editing ? `Edit ${provider.name}` : 'Add a provider'}</h3>
    <label>Provider name <input name="name" required maxlength="100" value=${provider?.name ?? ''} autocomplete="off" placeholder="OpenAI" /></label>
    <label>Kind <select name="kind" value=${kind} disabled=${editing} onChange=${(e: Event) => setKind((e.target as HTMLSelectElement).value as Kind)}>${KINDS.map(([k, label]) => html`<option value=${k}>${label}</option>`)}</select></label>
    <label>Base URL <input name="base_url" type="url" maxlength="2048" value=${provider?.base_url ?? ''} required=${kind === 'ollama'} placeholder=${KINDS.find(([k]) => k === kind)![2]} autocomplete="off" /></label>
    <label>Model <input name="model" required maxlength="200" value=${provider?.model ?? ''} placeholder=${kind === 'anthropic' ? 'claude-sonnet-4-5' : kind === 'ollama' ? 'qwen2.5-coder' : 'gpt-4o-mini'} autocomplete="off" /></label>
    <label>Provider API key <input name="api_key" type="password" maxlength="4096" autocomplete="new-password" placeholder=${editing && provider.has_api_key ? 'stored key kept unless you enter a new one' : kind === 'ollama' ? 'usually none' : 'sk-…'} /></label>
    ${editing && provider.has_api_key ? html`<label class="check"><input type="checkbox" name="remove_key" /> Remove the stored key</label>` : null}
    <label>Timeout (seconds) <input name="timeout_s" type="number" class="num" min="1" max="600" value=${provider?.timeout_s ?? 60} /></label>
    <label class="check"><input type="checkbox" name="is_default" checked=${provider?.is_default ?? false} /> Default provider for questions</label>
    <p class="muted small">The key is stored encrypted and never shown again, here or by the API. The base URL must be https on a public address unless the server allows private addresses.</p>
    <div class="actions">
      <button type="submit">${editing ? 'Save provider' : 'Add provider'}</button>
      ${onClose ? html`<button type="button" onClick=${onClose}>Close</button>` : null}
      <${OutcomeLine} outcome=${outcome} />
    </div>
  </form>`;
}

function ProviderRow({ provider, admin, onEdit, onRemoved }: { provider: Provider; admin: boolean; onEdit: () => void; onRemoved: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const remove = () => attempt(setOutcome, () => call('delete', '/providers/{id}', { path: { id: provider.id } }), 'Removed.', onRemoved);
  return html`<tr data-provider=${provider.id}>
    <th scope="row">${provider.name}${provider.is_default ? html` <span class="pill open">default</span>` : null}</th>
    <td>${kindLabel(provider.kind)}</td>
    <td><code>${provider.model}</code></td>
    <td>${provider.base_url ? html`<code>${provider.base_url}</code>` : html`<span class="muted">official endpoint</span>`}</td>
    <td>${provider.has_api_key ? html`<span aria-label="API key stored (hidden)"><code aria-hidden="true">••••••••</code> stored</span>` : html`<span class="muted">none</span>`}</td>
    ${admin
      ? html`<td>${confirming
          ? html`<div class="actions"><button type="button" class="danger" onClick=${remove}>Remove ${provider.name} now</button><button type="button" onClick=${() => setConfirming(false)}>Cancel</button></div>`
          : html`<div class="actions"><button type="button" onClick=${onEdit}>Edit<span class="sr-only"> ${provider.name}</span></button><button type="button" onClick=${() => setConfirming(true)}>Remove<span class="sr-only"> ${provider.name}</span></button></div>`}
          <${OutcomeLine} outcome=${outcome} /></td>`
      : null}
  </tr>`;
}

function ModeForm({ settings, admin, onSaved }: { settings: AskSettingsData; admin: boolean; onSaved: () => void }) {
  const [outcome, setOutcome] = useState<Outcome>();
  const save = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    void attempt(
      setOutcome,
      () => call('put', '/ask/settings', { body: { execution_mode: String(form.get('execution_mode')) as Mode, max_rows: Number(form.get('max_rows')), cache_ttl_s: Number(form.get('cache_ttl_s')) } }),
      'Saved.',
      onSaved,
    );
  };
  return html`<form class="settings ask-mode" onSubmit=${save}>
    <fieldset disabled=${!admin}><legend>When generated SQL runs</legend>
      ${MODES.map(([mode, label]) => html`<label><input type="radio" name="execution_mode" value=${mode} checked=${settings.execution_mode === mode} /> <strong>${label}</strong> <span class="muted">${MODE_WORDS[mode]}</span></label>`)}
      <label>Rows per answer <input name="max_rows" type="number" class="num" min="1" max="10000" value=${settings.max_rows} /></label>
      <label>Keep answers in the cache for (seconds, 0: never) <input name="cache_ttl_s" type="number" class="num" min="0" max="2592000" value=${settings.cache_ttl_s} /></label>
    </fieldset>
    ${admin ? html`<div class="actions"><button type="submit">Save Ask settings</button><${OutcomeLine} outcome=${outcome} /></div>` : html`<p class="muted">Owners and admins change these.</p>`}
  </form>`;
}

function Cache({ admin }: { admin: boolean }) {
  const stats = useLoad(() => get('/cache/stats'), []);
  const [outcome, setOutcome] = useState<Outcome>();
  return html`<${Section} loaded=${stats} what="the answer cache">${(s: Get<'/cache/stats'>) => html`<p class="actions">
    <span>Answer cache: ${num(s.entries)} answer${s.entries === 1 ? '' : 's'}, ${num(s.hits)} hit${s.hits === 1 ? '' : 's'}, ${num(s.misses)} miss${s.misses === 1 ? '' : 'es'}${s.hit_rate === null ? '' : ` (${num(s.hit_rate * 100, '%')} hit rate)`}.</span>
    ${admin && s.entries > 0 ? html`<button type="button" onClick=${() => attempt(setOutcome, () => call('delete', '/cache'), 'Cache emptied.', stats.reload)}>Empty the cache</button>` : null}
    <${OutcomeLine} outcome=${outcome} />
  </p>`}<//>`;
}

type Example = Get<'/ask/examples'>['examples'][number];

/** Verified question → SQL pairs the model is shown: the built-in starters, then the organization's (an admin removes those). */
function Examples({ admin }: { admin: boolean }) {
  const examples = useLoad(() => get('/ask/examples'), []);
  const [outcome, setOutcome] = useState<Outcome>();
  const remove = (e: Example) => attempt(setOutcome, () => call('delete', '/ask/examples/{id}', { path: { id: e.id } }), 'Example removed.', examples.reload);
  return html`<details class="ask-examples"><summary>Examples the model is shown</summary>
    <p class="muted small">Keep an answer that ran as an example from the Ask page (“Keep as an example”); the built-in ones stay.</p>
    <${Section} loaded=${examples} what="the examples">${(x: Get<'/ask/examples'>) => html`<ul class="examples">${x.examples.map(
      (e) => html`<li data-example=${e.id}><p><strong>${e.question}</strong> <span class="muted small">${e.builtin ? 'built-in' : 'kept by your organization'}</span>
        ${admin && !e.builtin ? html` <button type="button" onClick=${() => remove(e)}>Remove<span class="sr-only"> the example “${e.question}”</span></button>` : null}</p>
        <pre><code>${e.sql}</code></pre></li>`,
    )}</ul>`}<//>
    <${OutcomeLine} outcome=${outcome} />
  </details>`;
}

/** The semantic model as JSON (display names, descriptions, value mappings, join hints, glossary): the server names a bad field. */
function SemanticModelEditor({ admin }: { admin: boolean }) {
  const model = useLoad(() => get('/ask/semantic-model'), []);
  const [outcome, setOutcome] = useState<Outcome>();
  const save = (event: SubmitEvent) => {
    event.preventDefault();
    const text = String(new FormData(event.target as HTMLFormElement).get('model') ?? '');
    let body: Get<'/ask/semantic-model'>;
    try {
      body = JSON.parse(text) as Get<'/ask/semantic-model'>;
    } catch (err) {
      setOutcome({ ok: false, text: `Not JSON: ${(err as Error).message}` });
      return;
    }
    void attempt(setOutcome, () => call('put', '/ask/semantic-model', { body }), 'Semantic model saved.', model.reload);
  };
  return html`<details class="ask-model"><summary>Semantic model</summary>
    <p class="muted small">What your organization's words mean for the model: per view (<code>GET /api/v1/ask/schema</code> lists them) a display name, a description and column notes with value mappings; join hints; a glossary.</p>
    <${Section} loaded=${model} what="the semantic model">${(m: Get<'/ask/semantic-model'>) => html`<form onSubmit=${save}>
      <label class="block">Semantic model (JSON) <textarea name="model" rows="10" spellcheck=${false} readonly=${!admin} value=${JSON.stringify(m, null, 2)}></textarea></label>
      ${admin ? html`<div class="actions"><button type="submit">Save semantic model</button><${OutcomeLine} outcome=${outcome} /></div>` : null}
    </form>`}<//>
  </details>`;
}

/** Settings → Ask: the organization's LLM providers (admins add, edit, remove them), the execution mode, the cache. */
export function AskSettings({ admin }: { admin: boolean }) {
  const providers = useLoad(() => get('/providers'), []);
  const settings = useLoad(() => get('/ask/settings'), []);
  const [editing, setEditing] = useState<string>();
  // An edit form stays open after a save, with its outcome; a removal closes it.
  const saved = () => {
    providers.reload();
    settings.reload();
  };
  const removed = () => {
    setEditing(undefined);
    saved();
  };
  return html`<section class="ask-settings" id="ask" aria-labelledby="ask-title">
    <h2 id="ask-title">Ask: language models</h2>
    <p class="muted">Ask turns questions in words into SQL through one of these providers.${admin ? '' : ' Owners and admins add and change them.'}</p>
    <${Section} loaded=${providers} what="the providers">${(p: Get<'/providers'>) => {
      const edited = p.providers.find((x) => x.id === editing);
      return html`${p.providers.length === 0
          ? html`<p class="reason" role="note">No provider yet: questions on the Ask page need one.</p>`
          : html`<div class="scroll"><table class="providers">
              <caption class="sr-only">Language model providers</caption>
              <thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Model</th><th scope="col">Base URL</th><th scope="col">API key</th>${admin ? html`<th scope="col"><span class="sr-only">Actions</span></th>` : null}</tr></thead>
              <tbody>${p.providers.map((x) => html`<${ProviderRow} key=${x.id} provider=${x} admin=${admin} onEdit=${() => setEditing(x.id)} onRemoved=${removed} />`)}</tbody>
            </table></div>`}
        ${admin ? (edited ? html`<${ProviderForm} key=${edited.id} provider=${edited} onSaved=${saved} onClose=${() => setEditing(undefined)} />` : html`<${ProviderForm} key="new" onSaved=${saved} />`) : null}`;
    }}<//>
    <${Section} loaded=${settings} what="the Ask settings">${(s: AskSettingsData) => html`<${ModeForm} settings=${s} admin=${admin} onSaved=${settings.reload} />`}<//>
    <${Cache} admin=${admin} />
    <${Examples} admin=${admin} />
    <${SemanticModelEditor} admin=${admin} />
  </section>`;
}
