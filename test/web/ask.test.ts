import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { statementRow } from '../helpers/ask-fixtures.js';
import { ensureBuilt, launchChromium, screenshot, watchedPage } from '../helpers/dashboard-browser.js';
import { FakeLlm } from '../helpers/fake-llm.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const API_KEY = 'sk-web-ask-secret-9f8e7d6c5b4a';
/** Wide on purpose: on a phone the rows must scroll in their box, not the page. */
const WIDE_SQL =
  'SELECT query_hash, sum(calls) AS total_calls, sum(total_time_ms) AS total_time_ms, sum(rows) AS total_rows, sum(shared_blks_hit) AS shared_blocks_hit, sum(shared_blks_read) AS shared_blocks_read, sum(temp_blks_written) AS temp_blocks_written FROM statement_stats GROUP BY query_hash ORDER BY total_calls DESC';
const sqlAnswer = (sql: string, words: string) => '```sql\n' + sql + '\n```\n' + words;


/**
 * The Ask page and Settings' Ask section in Debian's Chromium against a real server (embedded
 * stores), with a local OpenAI-compatible server standing in for the model: the answer streams
 * in over SSE, the guard and execution are the real ones. One server, one browser, tests in order.
 * Any console error, page error or failed request fails the test that caused it.
 */
describe('web: Ask (questions in words) and its settings in a real browser', function () {
  this.timeout(30_000);
  const llm = new FakeLlm();
  const email = `web-ask-${Date.now()}@example.com`;
  const password = 'correct horse battery';
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let takeProblems: () => string[];
  let token: string;
  let providerId: string;
  let sessionUrl: string;

  const nav = (label: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();

  before(async () => {
    const ready = Promise.all([llm.start(), startTestServer({ env: { VIGIL_ALLOW_PRIVATE_WEBHOOKS: 'true' } }), launchChromium(), ensureBuilt()]);
    [, server, browser] = await ready;
    const signup = await server.request('POST', '/api/v1/auth/signup', { body: { email, password, name: 'Ask Admin', org_name: 'Asking Org' } });
    token = signup.body.access_token;
    const meta = server.server.context.meta;
    const orgId = (await meta.findUserByEmail(email))!.org_id;
    const db = await meta.createDatabase({ orgId, name: 'orders', engine: 'postgres', engineVersion: '16', host: 'h', port: 5432, tags: {}, at: new Date().toISOString() });
    await server.server.context.telemetry.insertStatements([statementRow(orgId, db.id, 'qa1', 10), statementRow(orgId, db.id, 'qa2', 5)]);
    ({ page, takeProblems } = await watchedPage(browser, server.baseUrl));
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/signin');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  });
  afterEach(() => {
    expect(takeProblems(), 'console errors or failed requests').to.deep.equal([]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await llm.close();
  });

  it('tells an organization without a provider what to set up', async () => {
    await nav('Ask');
    await page.getByRole('heading', { name: 'Connect a language model first' }).waitFor();
    const empty = (await page.locator('.ask-empty').textContent())!;
    expect(empty).to.include('OpenAI-compatible').and.include('Anthropic').and.include('Ollama');
    await page.locator('.ask-empty').getByRole('link', { name: 'Add a provider in Settings' }).click();
    await page.getByRole('heading', { name: 'Ask: language models' }).waitFor();
  });

  it('adds a provider in Settings with a write-only key shown masked, edits it without the key, and picks review first', async () => {
    const form = page.locator('form.provider-form');
    await form.getByLabel('Provider name').fill('Local model');
    await form.getByLabel('Kind').selectOption('openai_compatible');
    await form.getByLabel('Base URL').fill(llm.baseUrl);
    await form.getByLabel('Model').fill('fake-sql-1');
    await form.getByLabel('Provider API key').fill(API_KEY);
    await form.getByRole('button', { name: 'Add provider' }).click();
    const row = page.locator('table.providers tr', { hasText: 'Local model' });
    await row.waitFor();
    expect(await row.textContent()).to.include('fake-sql-1').and.include('••••••••').and.include('stored').and.include('default');
    expect(await page.content(), 'the key is never shown').to.not.include(API_KEY);
    const listed = (await server.request('GET', '/api/v1/providers', { token })).body.providers;
    expect(listed).to.have.length(1);
    expect(listed[0]).to.include({ name: 'Local model', has_api_key: true, is_default: true, base_url: llm.baseUrl });
    providerId = listed[0].id;

    await row.getByRole('button', { name: 'Edit Local model' }).click();
    const edit = page.locator('form.provider-form', { has: page.getByRole('heading', { name: 'Edit Local model' }) });
    expect(await edit.getByLabel('Provider API key').inputValue(), 'the key field starts empty').to.equal('');
    await edit.getByLabel('Model').fill('fake-sql-2');
    await edit.getByRole('button', { name: 'Save provider' }).click();
    await page.locator('table.providers tr', { hasText: 'fake-sql-2' }).waitFor();
    expect((await server.request('GET', `/api/v1/providers/${providerId}`, { token })).body).to.include({ model: 'fake-sql-2', has_api_key: true });

    await edit.getByRole('status').filter({ hasText: 'Provider Local model saved.' }).waitFor();
    await page.getByRole('heading', { name: 'Ask: language models' }).evaluate((h) => h.scrollIntoView());
    await screenshot(page, 'settings-ask');
    const mode = page.locator('form.ask-mode');
    expect(await mode.getByLabel(/Run at once/).isChecked(), 'the default mode').to.equal(true);
    await mode.getByLabel(/Review first/).check();
    await mode.getByRole('button', { name: 'Save Ask settings' }).click();
    await mode.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect((await server.request('GET', '/api/v1/ask/settings', { token })).body.execution_mode).to.equal('review_first');
  });

  it('streams an answer in, shows its SQL, runs it once an admin approves, copies the SQL and keeps it as an example', async () => {
    llm.chunkDelayMs = 25;
    llm.answer(sqlAnswer(WIDE_SQL, 'The statements with the most calls, with their time, rows and blocks.'));
    await nav('Ask');
    await page.getByLabel('Question').fill('Which statements ran most often?');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    // The model's text shows as it arrives, in a region a screen reader reads once it is whole.
    const streaming = page.locator('.turn .answer[aria-busy="true"][aria-live="polite"] pre.stream', { hasText: 'SELECT' });
    await streaming.waitFor();
    const partial = (await streaming.textContent())!;
    expect(partial.length, 'part of the answer, before the whole').to.be.below(sqlAnswer(WIDE_SQL, '').length);
    await page.getByRole('button', { name: 'Approve and run' }).waitFor();
    expect(await page.locator('.turn .pill').first().textContent()).to.equal('waiting for approval');
    expect(await page.locator('.turn .explanation').textContent()).to.include('most calls');
    expect(llm.requests.at(-1)!.authorization, 'the stored key reaches the model').to.equal(`Bearer ${API_KEY}`);
    expect(llm.requests.at(-1)!.body.model).to.equal('fake-sql-2');
    const sql = (await page.getByLabel('SQL', { exact: true }).textContent())!;
    expect(sql).to.include('statement_stats').and.include('total_calls');
    expect(await page.locator('table.results-table').count(), 'nothing ran before the approval').to.equal(0);

    await page.getByRole('button', { name: 'Approve and run' }).click();
    const table = page.locator('table.results-table');
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).to.deep.equal(['query_hash', 'total_calls', 'total_time_ms', 'total_rows', 'shared_blocks_hit', 'shared_blocks_read', 'temp_blocks_written']);
    expect(await table.locator('tbody tr').count()).to.equal(2);
    expect(await table.locator('tbody tr').first().locator('td').first().textContent()).to.equal('qa1');
    expect(await page.locator('.turn .pill').first().textContent()).to.equal('ran');
    await page.waitForURL(/\/ask\?session=/);
    sessionUrl = new URL(page.url()).pathname + new URL(page.url()).search;
    await screenshot(page, 'ask');
    await page.getByRole('button', { name: 'Copy SQL' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).to.equal(sql);
    await page.getByRole('button', { name: 'Keep as an example' }).click();
    await page.getByRole('status').filter({ hasText: 'Kept' }).waitFor();
    const examples = (await server.request('GET', '/api/v1/ask/examples', { token })).body.examples as { question: string; sql: string; builtin: boolean }[];
    expect(examples.filter((e) => !e.builtin).map((e) => e.question)).to.deep.equal(['Which statements ran most often?']);
  });

  it('continues the session under auto execute, and picks an earlier session up from the list', async () => {
    await server.request('PUT', '/api/v1/ask/execution-mode', { token, body: { mode: 'auto_execute' } });
    llm.chunkDelayMs = 0;
    llm.answer(sqlAnswer('SELECT count() AS statements FROM statement_stats', 'How many statement rows there are.'));
    await page.reload();
    await page.getByLabel('Question').fill('How many statement rows are there?');
    await page.keyboard.press('Control+Enter');
    await page.locator('.turn').nth(1).locator('table.results-table').waitFor();
    expect(await page.locator('.turn').nth(1).locator('tbody td').textContent()).to.equal('2');
    // The second question went to the model with the first answer in its history (the kept example alone has no such words).
    expect(llm.requests.at(-1)!.body.messages.map((m) => m.content).join('\n')).to.include('The statements with the most calls');

    await page.getByRole('link', { name: 'New session' }).click();
    await page.getByText('Ask, for example').waitFor();
    expect(await page.locator('.turn').count()).to.equal(0);
    await page.locator('.session-list').getByRole('link', { name: 'Which statements ran most often?' }).click();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).to.equal(sessionUrl);
    await page.locator('.turn').nth(1).waitFor();
    expect(await page.locator('.turn .question').allTextContents()).to.deep.equal(['You asked: Which statements ran most often?', 'You asked: How many statement rows are there?']);
    expect(await page.locator('.turn').first().locator('tbody tr').count(), 'the approved rows were kept').to.equal(2);
  });

  it('fits a 390×844 screen: the rows scroll in their box, the page does not, nor does Settings with its Ask section', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.reload();
      const box = page.locator('.turn').first().locator('.results .scroll');
      await box.waitFor();
      const [scrollWidth, clientWidth] = await box.evaluate((el) => [el.scrollWidth, el.clientWidth]);
      expect(scrollWidth, 'the table is wider than its box').to.be.above(clientWidth);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).to.be.at.most(390);
      await page.locator('.turn').first().locator('.code').evaluate((el) => el.scrollIntoView());
      await screenshot(page, 'ask-mobile');
      // Settings with a provider listed, its edit form open and the examples unfolded: the page still fits.
      await page.goto('/settings');
      await page.locator('table.providers').getByRole('button', { name: 'Edit Local model' }).click();
      await page.getByText('Examples the model is shown').click();
      await page.getByText('Semantic model', { exact: true }).click();
      await page.locator('ul.examples li').first().waitFor();
      expect(await page.evaluate<number>('document.documentElement.scrollWidth'), '/settings').to.be.at.most(390);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('shows a member the providers and the mode without the means to change them, and asks them to leave approval to an admin', async () => {
    const { hashPassword } = await import('../../server/src/auth/passwords.js');
    const meta = server.server.context.meta;
    const memberEmail = `web-ask-member-${Date.now()}@example.com`;
    await meta.createUserInOrganization({ orgId: (await meta.findUserByEmail(email))!.org_id, email: memberEmail, name: 'Ask Member', passwordHash: await hashPassword(password), role: 'member', emailVerified: true });
    await server.request('PUT', '/api/v1/ask/execution-mode', { token, body: { mode: 'review_first' } });
    llm.answer(sqlAnswer('SELECT count() AS statements FROM statement_stats', 'Counts the rows.'));
    const member = await watchedPage(browser, server.baseUrl);
    try {
      await member.page.goto('/signin');
      await member.page.getByLabel('Email').fill(memberEmail);
      await member.page.getByLabel('Password').fill(password);
      await member.page.getByRole('button', { name: 'Sign in' }).click();
      await member.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await member.page.locator('table.providers tr', { hasText: 'Local model' }).waitFor();
      expect(await member.page.getByRole('button', { name: /^(Edit|Remove) Local model/ }).count()).to.equal(0);
      expect(await member.page.locator('form.provider-form').count()).to.equal(0);
      expect(await member.page.getByLabel(/Review first/).isDisabled(), 'the mode is read-only').to.equal(true);
      await member.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Ask' }).click();
      await member.page.getByLabel('Question').fill('How many statement rows?');
      await member.page.getByRole('button', { name: 'Ask', exact: true }).click();
      await member.page.getByText('An owner or admin of the organization approves this query before it runs.').waitFor();
      expect(await member.page.getByRole('button', { name: 'Approve and run' }).count()).to.equal(0);
      expect(member.takeProblems(), "the member's console errors or failed requests").to.deep.equal([]);
    } finally {
      await member.page.context().close();
    }
  });

  it('lists the kept example in Settings and removes it, and saves the semantic model (naming a view that does not exist is refused)', async () => {
    await page.goto('/settings');
    await page.getByText('Examples the model is shown').click();
    const kept = page.locator('ul.examples li', { hasText: 'Which statements ran most often?' });
    await kept.getByRole('button', { name: 'Remove the example “Which statements ran most often?”' }).click();
    await kept.waitFor({ state: 'detached' });
    expect((await server.request('GET', '/api/v1/ask/examples', { token })).body.examples.filter((e: { builtin: boolean }) => !e.builtin)).to.deep.equal([]);

    await page.getByText('Semantic model', { exact: true }).click();
    const model = page.getByLabel('Semantic model (JSON)');
    await model.fill(JSON.stringify({ views: { no_such_view: { description: 'x' } } }));
    await page.getByRole('button', { name: 'Save semantic model' }).click();
    await page.getByRole('alert').filter({ hasText: 'no_such_view' }).waitFor();
    expect(takeProblems().filter((p) => !/(HTTP 400: PUT .*\/ask\/semantic-model|status of 400)/.test(p)), 'problems besides the refusal asked for').to.deep.equal([]);
    const notes = { views: { statement_stats: { display_name: 'Statements', description: 'Per-minute statement statistics' } }, join_hints: [], glossary: { slow: 'over 100 ms a call' } };
    await model.fill(JSON.stringify(notes));
    await page.getByRole('button', { name: 'Save semantic model' }).click();
    await page.getByRole('status').filter({ hasText: 'Semantic model saved.' }).waitFor();
    expect((await server.request('GET', '/api/v1/ask/semantic-model', { token })).body).to.deep.include({ glossary: notes.glossary });
  });

  it('removes the provider in Settings, and Ask says what to set up again', async () => {
    await nav('Settings');
    const row = page.locator('table.providers tr', { hasText: 'Local model' });
    await row.getByRole('button', { name: 'Remove Local model' }).click();
    await row.getByRole('button', { name: 'Remove Local model now' }).click();
    await page.getByText('No provider yet').waitFor();
    expect((await server.request('GET', '/api/v1/providers', { token })).body.providers).to.deep.equal([]);
    await nav('Ask');
    await page.getByRole('heading', { name: 'Connect a language model first' }).waitFor();
  });
});
