import { useEffect, useRef, useState } from 'preact/hooks';
import { call, get, postStream, type Get, type Post, type StreamEvent } from '../api/client';
import { ms, num } from '../format';
import { setQuery, usePlace } from '../router';
import { Code, OutcomeLine, Section, Time, attempt, describeError, html, useLoad, type Outcome } from '../ui';

type Done = Post<'/chat/execute/{message_id}'>;
type Results = NonNullable<Done['results']>;
type Session = Get<'/chat/sessions/{id}'>;
type Message = Session['messages'][number];
type Mode = Get<'/ask/settings'>['execution_mode'];
type Me = Get<'/auth/me'>;

/** One question and its answer, as stored in the session or as it streams in. */
interface Turn {
  readonly key: string;
  readonly question: string;
  readonly databaseId: string | null;
  readonly messageId: string | null;
  readonly status: Done['status'] | null;
  readonly query: string | null;
  readonly explanation: string | null;
  readonly results: Results | null;
  readonly error: Done['error'];
  readonly tokens: Done['tokens'];
  readonly cacheHit: boolean;
  /** While the answer streams: the stage in words and the model's text so far. */
  readonly live?: { readonly progress: string; readonly text: string };
}

export const MODE_WORDS: Record<Mode, string> = {
  auto_execute: 'Answers run as soon as their SQL passes the guard.',
  review_first: 'An owner or admin approves each query before it runs.',
  generate_only: 'Queries are written, not run: run one yourself from its answer.',
};

const STATUS_WORDS: Record<Done['status'], { text: string; cls: string }> = {
  executed: { text: 'ran', cls: 'ok' },
  cached: { text: 'cached answer', cls: 'ok' },
  pending_approval: { text: 'waiting for approval', cls: 'warning' },
  query_only: { text: 'not run', cls: 'unavailable' },
  error: { text: 'failed', cls: 'critical' },
};

export function isAdmin(me: Me | undefined): boolean {
  return me !== undefined && 'role' in me && me.role !== 'member';
}

/** A session's messages as turns: each question with the answer that follows it. */
function turnsOf(messages: readonly Message[]): Turn[] {
  const turns: Turn[] = [];
  for (const m of messages) {
    if (m.role === 'user') {
      turns.push({ key: m.id, question: m.content, databaseId: m.database_id, messageId: null, status: null, query: null, explanation: null, results: null, error: null, tokens: null, cacheHit: false });
      continue;
    }
    const last = turns.at(-1);
    const answer = { messageId: m.id, status: m.status, query: m.query, explanation: m.content || null, results: m.results, error: m.error, tokens: m.tokens, cacheHit: m.status === 'cached' };
    if (last && last.messageId === null) turns[turns.length - 1] = { ...last, ...answer };
    else turns.push({ key: m.id, question: '', databaseId: m.database_id, ...answer });
  }
  return turns;
}

/** Values as the query returned them (no rounding: this is the SQL's answer), NULL marked. */
function cell(value: unknown) {
  if (value === null || value === undefined) return html`<span class="muted">NULL</span>`;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** 64-bit integers arrive as strings: a column of numbers either way is right-aligned. */
const numeric = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(v));

/** The rows of an answer, in a table that scrolls in its box on a narrow screen. */
export function ResultTable({ results }: { results: Results }) {
  const numbers = results.columns.map((_, i) => results.rows.some((r) => r[i] !== null && r[i] !== undefined) && results.rows.every((r) => r[i] === null || r[i] === undefined || numeric(r[i])));
  const summary = `${num(results.row_count)} row${results.row_count === 1 ? '' : 's'} in ${ms(results.execution_time_ms)}${results.truncated ? ', more matched than the row limit' : ''}`;
  return html`<div class="results">
    <p class="muted small">${summary}</p>
    ${results.columns.length === 0 || results.rows.length === 0
      ? html`<p>No row matched.</p>`
      : html`<div class="scroll" tabindex="0" role="region" aria-label="Results"><table class="data results-table">
          <caption class="sr-only">Results: ${summary}</caption>
          <thead><tr>${results.columns.map((c, i) => html`<th scope="col" class=${numbers[i] ? 'num' : ''}>${c}</th>`)}</tr></thead>
          <tbody>${results.rows.map((row) => html`<tr>${row.map((v, i) => html`<td class=${numbers[i] ? 'num' : ''}>${cell(v)}</td>`)}</tr>`)}</tbody>
        </table></div>`}
  </div>`;
}

function Answer({ turn, admin, onChange }: { turn: Turn; admin: boolean; onChange: (patch: Partial<Turn>) => void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [kept, setKept] = useState<Outcome>();
  const act = async (work: () => Promise<Partial<Turn>>) => {
    setBusy(true);
    setFailure(undefined);
    try {
      onChange(await work());
    } catch (err) {
      setFailure(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  const approve = () =>
    act(async () => {
      const done = await call('post', '/chat/execute/{message_id}', { path: { message_id: turn.messageId! } });
      return { status: done.status, results: done.results, error: done.error };
    });
  const run = () =>
    act(async () => {
      const out = await call('post', '/execute', { body: { sql: turn.query!, ...(turn.databaseId ? { database_id: turn.databaseId } : {}) } });
      return { results: out.results };
    });
  // An answer that ran is a verified question → SQL pair: kept, the model sees it as an example next time.
  const keep = () => attempt(setKept, () => call('post', '/ask/examples', { body: { question: turn.question, sql: turn.query! } }), 'Kept: the model sees it as an example from now on.', () => undefined);
  const status = turn.status ? STATUS_WORDS[turn.status] : undefined;
  // Polite and busy while it streams: a screen reader reads the answer once, when it is whole.
  return html`<div class="answer" aria-live="polite" aria-busy=${turn.live ? 'true' : 'false'}>
    ${turn.live && !turn.query ? html`<pre class="stream" aria-label="The model's answer so far">${turn.live.text || '…'}</pre>` : null}
    ${turn.explanation ? html`<p class="explanation">${turn.explanation}</p>` : null}
    ${turn.query ? html`<${Code} text=${turn.query} label="SQL" />` : null}
    ${status ? html`<p class="small"><span class=${`pill ${status.cls}`}>${status.text}</span>${turn.tokens ? html` <span class="muted">· ${num(turn.tokens.total)} tokens (${num(turn.tokens.prompt)} prompt, ${num(turn.tokens.completion)} completion)</span>` : null}</p>` : null}
    ${turn.error ? html`<p class="error" role="alert">${turn.error.message} (${turn.error.code})</p>` : null}
    ${turn.status === 'pending_approval' && turn.messageId
      ? admin
        ? html`<div class="actions"><button type="button" onClick=${approve} disabled=${busy}>Approve and run</button><span class="muted small">Read the SQL first: it runs once, over your organization's data only.</span></div>`
        : html`<p class="muted">An owner or admin of the organization approves this query before it runs.</p>`
      : null}
    ${turn.status === 'query_only' && turn.query && !turn.results ? html`<div class="actions"><button type="button" onClick=${run} disabled=${busy}>Run this query</button></div>` : null}
    ${failure ? html`<p class="error" role="alert">${failure}</p>` : null}
    ${turn.results ? html`<${ResultTable} results=${turn.results} />` : null}
    ${admin && turn.results && turn.query && turn.question && !turn.live
      ? html`<div class="actions">${kept?.ok ? null : html`<button type="button" onClick=${keep}>Keep as an example</button>`}<${OutcomeLine} outcome=${kept} /></div>`
      : null}
  </div>`;
}

function NoProvider({ admin }: { admin: boolean }) {
  return html`<section class="empty ask-empty" aria-labelledby="ask-empty-title">
    <h2 id="ask-empty-title">Connect a language model first</h2>
    <p>Ask turns a question in words into SQL over your organization's own Vigil data, through a language model your organization connects. None is connected yet.</p>
    ${admin
      ? html`<p><a href="/settings">Add a provider in Settings</a> (section “Ask: language models”): an OpenAI-compatible API (OpenAI, Groq, vLLM, llama.cpp, Ollama's <code>/v1</code>), Anthropic, or Ollama, with its model name and API key. Then choose whether answers run at once or wait for your approval.</p>`
      : html`<p>An owner or admin of the organization adds one in Settings (section “Ask: language models”).</p>`}
  </section>`;
}

function Sessions({ current, sessions }: { current: string | null; sessions: Get<'/chat/sessions'> }) {
  if (sessions.sessions.length === 0) return html`<p class="muted small">Your questions are kept here.</p>`;
  return html`<ul class="session-list">${sessions.sessions.map(
    (s) => html`<li><a href=${`/ask?session=${encodeURIComponent(s.id)}`} aria-current=${s.id === current ? 'page' : undefined}>${s.title}</a><br /><span class="muted small"><${Time} iso=${s.updated_at} /></span></li>`,
  )}</ul>`;
}

/** Ask: a question in words, the answer streamed in, its SQL, approval where the mode asks for it, the rows; earlier sessions beside. */
export function Ask() {
  const place = usePlace();
  const sessionId = place.query.get('session');
  const me = useLoad(() => get('/auth/me'), []);
  const providers = useLoad(() => get('/providers'), []);
  const settings = useLoad(() => get('/ask/settings'), []);
  const databases = useLoad(() => get('/databases'), []);
  const sessions = useLoad(() => get('/chat/sessions', { query: { limit: 50 } }), []);
  const [turns, setTurns] = useState<Turn[]>([]);
  const [loadState, setLoadState] = useState<{ loading: boolean; error?: unknown }>({ loading: false });
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<string>();
  // The session this page just started: its id arriving in the URL must not reload what is shown.
  const ours = useRef<string | null>(null);
  const abort = useRef<AbortController>();
  const admin = isAdmin(me.data);

  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => {
    if (sessionId === ours.current) return;
    ours.current = sessionId;
    setFailure(undefined);
    if (!sessionId) {
      setTurns([]);
      return;
    }
    let live = true;
    setLoadState({ loading: true });
    get('/chat/sessions/{id}', { path: { id: sessionId } }).then(
      (s) => live && (setTurns(turnsOf(s.messages)), setLoadState({ loading: false })),
      (error: unknown) => live && setLoadState({ loading: false, error }),
    );
    return () => {
      live = false;
    };
  }, [sessionId]);

  const patch = (key: string, change: Partial<Turn> | ((t: Turn) => Partial<Turn>)) =>
    setTurns((all) => all.map((t) => (t.key === key ? { ...t, ...(typeof change === 'function' ? change(t) : change) } : t)));

  const ask = async (event: SubmitEvent) => {
    event.preventDefault();
    const formEl = event.target as HTMLFormElement;
    const form = new FormData(formEl);
    const message = String(form.get('message') ?? '').trim();
    if (!message || asking) return;
    const databaseId = String(form.get('database_id') ?? '') || null;
    const key = `live-${Date.now()}`;
    setFailure(undefined);
    setAsking(true);
    setTurns((all) => [...all, { key, question: message, databaseId, messageId: null, status: null, query: null, explanation: null, results: null, error: null, tokens: null, cacheHit: false, live: { progress: 'Sending the question', text: '' } }]);
    const controller = new AbortController();
    abort.current = controller;
    const onEvent = ({ event: name, data }: StreamEvent) => {
      const d = data as Record<string, unknown>;
      if (name === 'progress') patch(key, (t) => ({ live: { text: t.live?.text ?? '', progress: String(d['message'] ?? '') } }));
      else if (name === 'delta') patch(key, (t) => ({ live: { progress: t.live?.progress ?? '', text: (t.live?.text ?? '') + String(d['text'] ?? '') } }));
      else if (name === 'sql') patch(key, { query: String(d['query'] ?? '') });
      else if (name === 'rows') patch(key, { results: data as Results });
      else if (name === 'explanation') patch(key, { explanation: String(d['explanation'] ?? '') });
      else if (name === 'error') patch(key, { status: 'error', error: data as Done['error'], live: undefined });
      else if (name === 'done') {
        const done = data as Done;
        patch(key, { messageId: done.message_id, status: done.status, query: done.query, explanation: done.explanation, results: done.results, error: done.error, tokens: done.tokens, cacheHit: done.cache_hit, live: undefined });
        if (sessionId !== done.session_id) {
          ours.current = done.session_id;
          setQuery({ session: done.session_id });
        }
      }
    };
    try {
      await postStream('/chat', { body: { message, session_id: sessionId, ...(databaseId ? { database_id: databaseId } : {}), options: { show_query: true, explain_results: form.get('explain_results') === 'on' } } }, onEvent, controller.signal);
      formEl.querySelector('textarea')!.value = '';
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      setTurns((all) => all.filter((t) => t.key !== key));
      setFailure(describeError(err));
    } finally {
      patch(key, { live: undefined });
      setAsking(false);
      sessions.reload();
    }
  };

  const keyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) (event.target as HTMLTextAreaElement).form?.requestSubmit();
  };
  const liveTurn = turns.find((t) => t.live);

  return html`<main id="main" class="ask">
    <h1>Ask</h1>
    <p class="muted">Questions in words about your databases, answered with SQL that reads only your organization's Vigil data.</p>
    <${Section} loaded=${providers} what="the language model providers">${(p: Get<'/providers'>) =>
      p.providers.length === 0
        ? html`<${NoProvider} admin=${admin} />`
        : html`<div class="ask-layout">
          <aside class="sessions" aria-labelledby="sessions-title">
            <h2 id="sessions-title">Sessions</h2>
            <p><a href="/ask" aria-current=${sessionId ? undefined : 'page'}>New session</a></p>
            <${Section} loaded=${sessions} what="the sessions">${(s: Get<'/chat/sessions'>) => html`<${Sessions} current=${sessionId} sessions=${s} />`}<//>
          </aside>
          <section class="conversation" aria-labelledby="conversation-title">
            <h2 id="conversation-title" class="sr-only">Conversation</h2>
            ${loadState.loading ? html`<p class="muted" aria-busy="true">Loading the session…</p>` : null}
            ${loadState.error ? html`<p class="error" role="alert">Could not load the session: ${describeError(loadState.error)}</p>` : null}
            ${turns.length === 0 && !loadState.loading && !loadState.error ? html`<p class="muted">Ask, for example, “Which statements took the most time today?” or “Which tables grew most this week?”</p>` : null}
            <ol class="turns">${turns.map(
              (t) => html`<li class="turn" key=${t.key} data-message=${t.messageId ?? ''}>
                ${t.question ? html`<p class="question"><span class="sr-only">You asked: </span>${t.question}</p>` : null}
                <${Answer} turn=${t} admin=${admin} onChange=${(change: Partial<Turn>) => patch(t.key, change)} />
              </li>`,
            )}</ol>
            <div class="stream-status" role="status" aria-live="polite" aria-atomic="true">${liveTurn ? liveTurn.live!.progress : ''}</div>
            ${failure ? html`<p class="error" role="alert">${failure}</p>` : null}
            <form class="ask-form" onSubmit=${ask} aria-busy=${asking}>
              <label class="block">Question <textarea name="message" rows="3" required maxlength="4000" placeholder="Which queries got slower since yesterday?" onKeyDown=${keyDown}></textarea></label>
              <div class="inline">
                <label>Database <select name="database_id"><option value="">All databases</option>${(databases.data?.databases ?? []).map((d) => html`<option value=${d.id}>${d.name}</option>`)}</select></label>
                <label class="check"><input type="checkbox" name="explain_results" /> Explain the rows in words</label>
                <button type="submit" disabled=${asking}>${asking ? 'Asking…' : 'Ask'}</button>
              </div>
              ${settings.data ? html`<p class="muted small">${MODE_WORDS[settings.data.execution_mode]}${admin ? html` <a href="/settings">Change in Settings</a>.` : null} Ctrl+Enter asks.</p>` : null}
            </form>
          </section>
        </div>`}<//>
  </main>`;
}
