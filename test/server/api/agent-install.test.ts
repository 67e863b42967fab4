import { createRequire } from 'node:module';
import { expect } from 'chai';
import { parseAgentConfig } from '../../../agent/src/config/agent-config.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

// The agent's own YAML parser, so the template is read the way the agent will read it.
const { parse: parseYaml } = createRequire(new URL('../../../agent/package.json', import.meta.url))('yaml') as { parse(text: string): unknown };

describe('GET /api/v1/agent/install', () => {
  let server: TestServer;
  let token: string;
  after(async () => server?.close());
  before(async () => {
    server = await startTestServer();
    ({ accessToken: token } = await server.signup('install'));
  });

  it('answers an admin with the install command and a template the agent accepts, holding no key', async () => {
    const res = await server.request('GET', '/api/v1/agent/install', { token });
    expect(res.status).to.equal(200);
    const host = new URL(server.baseUrl).host;
    expect(res.body.server_url).to.equal(`ws://${host}`);
    expect(res.body.api_key).to.equal(null);
    expect(res.body.install_command).to.equal(
      `sudo sh install.sh --server-url ws://${host} --api-key-file vigil-agent.key --database main=postgres:postgres://vigil@127.0.0.1:5432/postgres`,
    );
    expect(res.body.grants_command).to.equal('vigil-agent grants --engine postgres');
    const config = parseAgentConfig(parseYaml(res.body.config_template), { env: {} });
    expect(config.serverUrl).to.equal(`ws://${host}`);
    expect(config.apiKey).to.equal('vgl_replace_me');
    expect(config.spoolDir).to.equal('/var/lib/vigil-agent');
    const keys = await server.request('GET', '/api/v1/api-keys', { token });
    expect(keys.body.api_keys).to.have.length(0);
  });

  it('creates an agent key only when asked, shows it once in the template, and the key connects', async () => {
    const res = await server.request('GET', '/api/v1/agent/install?create_key=true&engine=clickhouse', { token });
    expect(res.status).to.equal(200);
    const key: string = res.body.api_key.key;
    expect(res.body.api_key.scope).to.equal('agent');
    expect(res.body.config_template).to.contain(`api_key: ${key}`).and.contain('engine: clickhouse');
    expect(res.body.install_command).to.not.contain(key);
    const keys = await server.request('GET', '/api/v1/api-keys', { token });
    expect(keys.body.api_keys.map((k: { id: string; scope: string }) => [k.id, k.scope])).to.deep.equal([[res.body.api_key.id, 'agent']]);
    // An agent key: the read API refuses it, which is how a key of that scope behaves.
    expect((await server.request('GET', '/api/v1/databases', { apiKey: key })).status).to.equal(403);
  });

  it('refuses non-admins and a bad parameter with a 400 naming it', async () => {
    const read = await server.createKey(token, 'read');
    const agent = await server.createKey(token, 'agent');
    expect((await server.request('GET', '/api/v1/agent/install', { apiKey: read })).status).to.equal(403);
    expect((await server.request('GET', '/api/v1/agent/install', { apiKey: agent })).status).to.equal(403);
    expect((await server.request('GET', '/api/v1/agent/install')).status).to.equal(401);
    const bad = await server.request('GET', '/api/v1/agent/install?create_key=yes', { token });
    expect(bad.status).to.equal(400);
    expect(bad.body.error).to.contain('create_key');
  });
});

// Its own server: chDB allows one per process at a time, so the one above must be closed first.
describe('GET /api/v1/agent/install behind a proxy', () => {
  it('uses VIGIL_PUBLIC_URL when set (https → wss, path kept)', async () => {
    const proxied = await startTestServer({ env: { VIGIL_PUBLIC_URL: 'https://vigil.example.com/monitoring/' } });
    try {
      const { accessToken } = await proxied.signup('public');
      const res = await proxied.request('GET', '/api/v1/agent/install', { token: accessToken });
      expect(res.body.server_url).to.equal('wss://vigil.example.com/monitoring');
      expect(res.body.config_template).to.contain('server_url: wss://vigil.example.com/monitoring\n');
    } finally {
      await proxied.close();
    }
  });
});
