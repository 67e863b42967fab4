import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { VigilError } from '@vigil/shared';
import { loadAgentConfig, parseAgentConfig, parseDuration } from '../../agent/src/config/agent-config.js';
import { redactText, redactUrl, secretsInConfig } from '../../agent/src/config/secret-redaction.js';

const PASSWORD = 'pa55-w0rd-xyz';
const API_KEY = 'vk_live_0123456789abcdef';

const VALID = {
  server_url: 'wss://vigil.example.com/',
  api_key: API_KEY,
  databases: [
    { name: 'main', engine: 'postgres', url: `postgres://monitor:${PASSWORD}@db.internal:5432/app` },
    { name: 'events', engine: 'clickhouse', url: `https://default:${PASSWORD}@ch.internal:8443` },
  ],
};

/** The CONFIG_INVALID error parsing `document` throws (fails the test when it does not throw). */
function configError(document: unknown, env: Record<string, string> = {}): VigilError {
  try {
    parseAgentConfig(document, { env, baseDir: '/etc/vigil' });
  } catch (err) {
    expect(err).to.be.instanceOf(VigilError);
    expect((err as VigilError).code).to.equal('CONFIG_INVALID');
    return err as VigilError;
  }
  throw new Error('expected CONFIG_INVALID');
}

describe('agent/config/agent-config', () => {
  describe('parseDuration', () => {
    for (const [text, ms] of [
      ['500ms', 500],
      ['10s', 10_000],
      ['5m', 300_000],
      ['1h', 3_600_000],
    ] as const) {
      it(`reads ${text} as ${ms} ms`, () => expect(parseDuration(text)).to.equal(ms));
    }
    for (const text of ['10', '1.5s', '5 min', '-1s', 's', '']) {
      it(`refuses ${JSON.stringify(text)}`, () => expect(parseDuration(text)).to.equal(undefined));
    }
  });

  it('parses a valid document into a frozen object with defaults', () => {
    const config = parseAgentConfig(VALID, { env: {}, baseDir: '/etc/vigil' });
    expect(config).to.deep.equal({
      serverUrl: 'wss://vigil.example.com',
      apiKey: API_KEY,
      spoolDir: '/etc/vigil/vigil-spool',
      spoolMaxBytes: 256 * 1024 * 1024,
      queryTimeoutMs: 5000,
      logLevel: 'info',
      databases: VALID.databases,
      intervals: {},
    });
    expect(Object.isFrozen(config)).to.equal(true);
    expect(Object.isFrozen(config.databases[0])).to.equal(true);
    expect(Object.isFrozen(config.intervals)).to.equal(true);
  });

  it('converts interval durations to milliseconds', () => {
    expect(parseAgentConfig({ ...VALID, intervals: { statements: '5m' } }, { env: {} }).intervals.statements).to.equal(300_000);
    expect(parseAgentConfig({ ...VALID, intervals: { statements: '10s' } }, { env: {} }).intervals.statements).to.equal(10_000);
  });

  it('lets VIGIL_SERVER_URL and VIGIL_API_KEY override the file, and supply keys it lacks', () => {
    const env = { VIGIL_SERVER_URL: 'ws://127.0.0.1:8080', VIGIL_API_KEY: 'from-env' };
    expect(parseAgentConfig(VALID, { env })).to.include({ serverUrl: 'ws://127.0.0.1:8080', apiKey: 'from-env' });
    const { server_url: _url, api_key: _key, ...rest } = VALID;
    expect(parseAgentConfig(rest, { env })).to.include({ serverUrl: 'ws://127.0.0.1:8080', apiKey: 'from-env' });
    // An empty variable is an unset one (a blank line in an env file must not wipe the key).
    expect(parseAgentConfig(VALID, { env: { VIGIL_API_KEY: '' } }).apiKey).to.equal(API_KEY);
  });

  it('names the bad key path', () => {
    const cases: [unknown, string][] = [
      [{ ...VALID, databases: [{ ...VALID.databases[0], engine: 'mysql' }] }, 'databases[0].engine: expected one of postgres, clickhouse'],
      [{ ...VALID, server_url: 'https://vigil.example.com' }, 'server_url: must be a URL starting with ws:// or wss://'],
      [{ ...VALID, api_key: undefined }, 'api_key: is required'],
      [{ ...VALID, databases: [] }, 'databases: must list at least one database'],
      [{ ...VALID, databases: [VALID.databases[0], VALID.databases[0]] }, 'databases[1].name: duplicate database name "main"'],
      [{ ...VALID, intervals: { statements: 'often' } }, 'intervals.statements: expected a duration'],
      [{ ...VALID, intervals: { statements: '100ms' } }, 'intervals.statements: must be at least 1s'],
      [{ ...VALID, intervals: { statments: '10s' } }, 'intervals.statments: unknown key'],
      [{ ...VALID, databse: [] }, 'databse: unknown key'],
      [{ ...VALID, databases: [{ ...VALID.databases[0], url: 'mysql://x@y/z' }] }, 'databases[0].url: must be a URL starting with postgres:// or postgresql://'],
      [{ ...VALID, server_url: 'wss://user:pw@vigil.example.com' }, 'server_url: must not contain credentials'],
      [[1, 2], 'config: expected a mapping'],
    ];
    for (const [document, expected] of cases) expect(configError(document).message).to.include(expected);
  });

  it('reads a ClickHouse entry\'s keeper_nodes as hosts and ports, refusing a bad one by its path and the key on PostgreSQL', () => {
    const withNodes = (index: number, keeper_nodes: unknown) => ({ ...VALID, databases: VALID.databases.map((db, i) => (i === index ? { ...db, keeper_nodes } : db)) });
    const config = parseAgentConfig(withNodes(1, ['keeper-1:2181', '[::1]:9181']), { env: {}, baseDir: '/etc/vigil' });
    expect(config.databases[1]!.keeperNodes).to.deep.equal([
      { host: 'keeper-1', port: 2181 },
      { host: '::1', port: 9181 },
    ]);
    expect(config.databases[0]).to.not.have.property('keeperNodes');
    expect(configError(withNodes(1, ['keeper-1:2181', 'keeper-2'])).message).to.match(/^databases\[1\]\.keeper_nodes\[1\]: expected host:port/);
    expect(configError(withNodes(1, ['keeper-1:70000'])).message).to.match(/keeper_nodes\[0\]: expected host:port/);
    expect(configError(withNodes(0, ['keeper-1:2181'])).message).to.match(/^databases\[0\]\.keeper_nodes: only applies to engine clickhouse/);
  });

  it('says when the bad value came from the environment', () => {
    expect(configError(VALID, { VIGIL_SERVER_URL: 'http://x' }).message).to.include('server_url (from VIGIL_SERVER_URL): must be a URL');
  });

  it('never puts a secret in an error message', () => {
    const messages = [
      configError({ ...VALID, databases: [{ name: 'main', engine: 'mysql', url: `postgres://u:${PASSWORD}@h/db` }] }).message,
      configError({ ...VALID, databases: [{ name: 'main', engine: 'postgres', url: `http://u:${PASSWORD}@h/db` }] }).message,
      configError({ ...VALID, databases: [{ name: 'main', engine: 'postgres', url: `not a url ${PASSWORD}` }] }).message,
      configError({ ...VALID, server_url: `wss://u:${PASSWORD}@h` }).message,
      configError({ ...VALID, api_key: `${API_KEY} trailing` }).message,
      configError({ ...VALID, api_key: 42 }, {}).message,
      configError({ ...VALID, server_url: 'http://x' }, { VIGIL_API_KEY: API_KEY }).message,
    ];
    for (const message of messages) {
      expect(message).not.to.include(PASSWORD);
      expect(message).not.to.include(API_KEY);
    }
  });

  describe('loadAgentConfig', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-agent-config-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('reads YAML and resolves spool_dir against the file directory', () => {
      const file = path.join(dir, 'agent.yaml');
      writeFileSync(
        file,
        `server_url: ws://127.0.0.1:8080
api_key: ${API_KEY}
spool_dir: spool
intervals:
  statements: 30s
databases:
  - name: main
    engine: postgres
    url: postgres://monitor:${PASSWORD}@127.0.0.1:5432/postgres
`,
      );
      const config = loadAgentConfig(file, {});
      expect(config).to.include({ serverUrl: 'ws://127.0.0.1:8080', spoolDir: path.join(dir, 'spool') });
      expect(config.intervals.statements).to.equal(30_000);
    });

    it('reports a YAML syntax error by position without quoting the line', () => {
      const file = path.join(dir, 'agent.yaml');
      writeFileSync(file, `api_key: "${API_KEY}\nserver_url: [ws://x\n`);
      let message = '';
      try {
        loadAgentConfig(file, {});
      } catch (err) {
        expect((err as VigilError).code).to.equal('CONFIG_INVALID');
        message = (err as VigilError).message;
      }
      expect(message).to.match(/invalid YAML at line \d+, column \d+/);
      expect(message).not.to.include(API_KEY);
    });

    it('says plainly when the file is missing or empty', () => {
      expect(() => loadAgentConfig(path.join(dir, 'nope.yaml'), {})).to.throw(VigilError, 'no such file');
      writeFileSync(path.join(dir, 'empty.yaml'), '');
      expect(() => loadAgentConfig(path.join(dir, 'empty.yaml'), {})).to.throw(VigilError, 'the file is empty');
    });
  });

  describe('secret redaction', () => {
    it('hides passwords and credential query parameters in URLs', () => {
      expect(redactUrl(`postgres://monitor:${PASSWORD}@db:5432/app?sslmode=require`)).to.equal('postgres://monitor:***@db:5432/app?sslmode=require');
      expect(redactUrl(`postgres://db/app?password=${PASSWORD}&application_name=x`)).to.equal('postgres://db/app?password=***&application_name=x');
      expect(redactUrl(`garbage ${PASSWORD}`)).to.equal('<invalid url>');
    });

    it('censors every configured secret in free text', () => {
      const config = parseAgentConfig(VALID, { env: {} });
      const text = redactText(`failed for ${PASSWORD} with key ${API_KEY}`, secretsInConfig(config));
      expect(text).to.equal('failed for *** with key ***');
    });
  });
});
