/**
 * A real ClickHouse server for integration tests: Debian's clickhouse-server (an old 18.16 release)
 * run from a copy of its packaged config, with every path in a temp dir and every port a free
 * loopback one. No systemd or init script, so it runs the same on a laptop, in a container and in CI.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { errorMessage, isExecutable, isRoot, ProcessServer, runEchoed, startInTempDir, tail } from './local-server.js';
import { sharedService } from './shared-service.js';
import { freePort } from '../helpers/free-port.js';

export interface ChInstance {
  readonly host: string;
  readonly httpPort: number;
  readonly tcpPort: number;
  /** HTTP interface as the `default` user (no password, may do anything). */
  readonly httpUrl: string;
  /** HTTP interface as `vigil_monitor`, a read-only user (readonly=2: may change settings, not data). */
  readonly monitorUrl: string;
  /** version(), e.g. "18.16.1". */
  readonly version: string;
  readonly baseDir: string;
  /** Runs one statement as `default` and resolves with the response body; rejects with ClickHouse's error text. */
  query(sql: string): Promise<string>;
  /** Runs a SELECT as `default` and parses its rows (FORMAT JSONEachRow is appended; 64-bit integers come back as numbers). */
  queryRows<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const MONITOR_USER = 'vigil_monitor';
const PACKAGED_CONFIG_DIR = '/etc/clickhouse-server';
// /usr/sbin is where Debian puts it; /usr/bin is where ClickHouse's own packages link it.
const SERVER_BINARIES = ['/usr/sbin/clickhouse-server', '/usr/bin/clickhouse-server'];
// Covers a first-run apt-get install on a fresh CI machine; a start on its own takes about a second.
const SETUP_TIMEOUT_MS = 300_000;
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

/** ClickHouse is absent and cannot be installed here: a reason to skip locally, a failure in CI. */
export class ClickHouseUnavailableError extends Error {
  override readonly name = 'ClickHouseUnavailableError';
}

/** What a cluster member needs beyond the defaults (test/harness/clickhouse-cluster.ts). */
export interface ClickHouseOptions {
  /** Ports chosen beforehand, so the other members' config can name them. */
  readonly ports?: Partial<Ports>;
  /** Elements added inside the config's root element (zookeeper, remote_servers, macros). */
  readonly extraConfig?: string;
}

/** Starts a throwaway ClickHouse server (installing clickhouse-server with apt-get first when root and it is missing). */
export async function startClickHouse(options: ClickHouseOptions = {}): Promise<ChInstance> {
  const binary = await ensureServerBinary();
  return startInTempDir(
    'vigil-ch-',
    async (baseDir) => {
      const ports = { http: options.ports?.http ?? (await freePort()), tcp: options.ports?.tcp ?? (await freePort()), interserver: options.ports?.interserver ?? (await freePort()) };
      const configFile = await writeConfig(baseDir, ports, options.extraConfig);
      return new LocalClickHouse(binary, configFile, baseDir, ports.http, ports.tcp);
    },
    (instance) => instance.start(),
  );
}

/** Mocha helper, called inside describe(): one ClickHouse shared by the whole run, stopped after it. */
export const useClickHouse: () => () => ChInstance = sharedService({
  label: 'ClickHouse',
  helper: 'useClickHouse',
  tag: 'ch harness',
  start: startClickHouse,
  unavailable: ClickHouseUnavailableError,
  setupTimeoutMs: SETUP_TIMEOUT_MS,
});

class LocalClickHouse extends ProcessServer implements ChInstance {
  readonly host = HOST;
  readonly httpUrl: string;
  readonly monitorUrl: string;
  readonly #binary: string;
  readonly #configFile: string;
  #version = '';

  constructor(
    binary: string,
    configFile: string,
    baseDir: string,
    readonly httpPort: number,
    readonly tcpPort: number,
  ) {
    super(baseDir, STOP_TIMEOUT_MS);
    this.#binary = binary;
    this.#configFile = configFile;
    this.httpUrl = `http://${HOST}:${httpPort}`;
    this.monitorUrl = `http://${MONITOR_USER}:${MONITOR_USER}@${HOST}:${httpPort}`;
  }

  get version(): string {
    return this.#version;
  }

  async start(): Promise<void> {
    const consoleLog = path.join(this.baseDir, 'console.log');
    // Runs as whoever runs the tests (root included): 18.16 does not refuse root, and the temp dir is ours.
    const server = this.spawn(this.#binary, [`--config-file=${this.#configFile}`], consoleLog);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (server.exit) throw new Error(`clickhouse-server ${server.exit} while starting\n${await this.#logTail(consoleLog)}`);
      if (await this.#ping()) break;
      if (Date.now() > deadline) throw new Error(`clickhouse-server did not answer /ping within ${READY_TIMEOUT_MS} ms\n${await this.#logTail(consoleLog)}`);
      await delay(100);
    }
    this.#version = (await this.query('SELECT version()')).trim();
  }

  query(sql: string): Promise<string> {
    return httpPost(this.httpPort, '/', sql);
  }

  async queryRows<T = Record<string, unknown>>(sql: string): Promise<T[]> {
    const text = await httpPost(this.httpPort, '/?output_format_json_quote_64bit_integers=0', `${sql}\nFORMAT JSONEachRow`);
    return text
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as T);
  }


  async #ping(): Promise<boolean> {
    return httpGet(this.httpPort, '/ping').then(
      (body) => body.trim() === 'Ok.',
      () => false,
    );
  }

  async #logTail(consoleLog: string): Promise<string> {
    const sections = await Promise.all(
      [consoleLog, path.join(this.baseDir, 'log', 'clickhouse-server.err.log')].map(async (file) => `--- tail of ${file} ---\n${await tail(file)}`),
    );
    return sections.join('\n');
  }
}

export interface Ports {
  readonly http: number;
  readonly tcp: number;
  readonly interserver: number;
}

/**
 * Copies the packaged config.xml and users.xml into baseDir and overrides, through the config.d/ and
 * users.d/ merge directories every version reads, what must not touch the machine's own server.
 */
async function writeConfig(baseDir: string, ports: Ports, extraConfig: string | undefined): Promise<string> {
  const configFile = path.join(baseDir, 'config.xml');
  for (const file of ['config.xml', 'users.xml']) {
    try {
      await copyFile(path.join(PACKAGED_CONFIG_DIR, file), path.join(baseDir, file));
    } catch (err) {
      throw new ClickHouseUnavailableError(`cannot copy the packaged ${PACKAGED_CONFIG_DIR}/${file}: ${errorMessage(err)}`);
    }
  }
  // Override files must use the main file's root element: <yandex> until 21.x, <clickhouse> after.
  const root = /<(clickhouse|yandex)>/.exec(await readFile(configFile, 'utf8'))?.[1] ?? 'yandex';
  const dataDir = path.join(baseDir, 'data');
  const logDir = path.join(baseDir, 'log');
  await mkdir(path.join(baseDir, 'config.d'));
  await mkdir(path.join(baseDir, 'users.d'));
  await mkdir(logDir);
  await writeFile(path.join(baseDir, 'config.d', 'vigil-harness.xml'), serverOverrides(root, dataDir, logDir, ports));
  await writeFile(path.join(baseDir, 'users.d', 'vigil-harness.xml'), userOverrides(root));
  if (extraConfig) await writeFile(path.join(baseDir, 'config.d', 'vigil-cluster.xml'), `<?xml version="1.0"?>\n<${root}>\n${extraConfig}\n</${root}>\n`);
  return configFile;
}

function serverOverrides(root: string, dataDir: string, logDir: string, ports: Ports): string {
  const dir = (name: string) => xmlText(`${path.join(dataDir, name)}/`);
  // `remove` drops ports a newer packaged config may open (MySQL, PostgreSQL, gRPC wire protocols);
  // releases that do not know them ignore the removal.
  return `<?xml version="1.0"?>
<!-- vigil test harness: everything in ${xmlText(path.dirname(dataDir))}, loopback only -->
<${root}>
  <logger>
    <level>information</level>
    <log>${xmlText(path.join(logDir, 'clickhouse-server.log'))}</log>
    <errorlog>${xmlText(path.join(logDir, 'clickhouse-server.err.log'))}</errorlog>
    <size>100M</size>
    <count>1</count>
  </logger>
  <listen_host>${HOST}</listen_host>
  <http_port>${ports.http}</http_port>
  <tcp_port>${ports.tcp}</tcp_port>
  <interserver_http_port>${ports.interserver}</interserver_http_port>
  <interserver_http_host>${HOST}</interserver_http_host>
  <https_port remove="1"/>
  <tcp_port_secure remove="1"/>
  <mysql_port remove="1"/>
  <postgresql_port remove="1"/>
  <grpc_port remove="1"/>
  <path>${xmlText(`${dataDir}/`)}</path>
  <tmp_path>${dir('tmp')}</tmp_path>
  <user_files_path>${dir('user_files')}</user_files_path>
  <format_schema_path>${dir('format_schemas')}</format_schema_path>
  <!-- The packaged 5 GiB / 8 GiB caches are allocated on demand, but a test server needs far less. -->
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <!-- system.query_log is what the agent's ClickHouse collectors read; flushed often so tests wait less
       (SYSTEM FLUSH LOGS forces it). -->
  <query_log>
    <flush_interval_milliseconds>1000</flush_interval_milliseconds>
  </query_log>
</${root}>
`;
}

// log_queries is off by default in old releases; the agent's collectors need system.query_log filled.
function userOverrides(root: string): string {
  return `<?xml version="1.0"?>
<${root}>
  <profiles>
    <default>
      <log_queries>1</log_queries>
    </default>
    <${MONITOR_USER}>
      <readonly>2</readonly>
    </${MONITOR_USER}>
  </profiles>
  <users>
    <${MONITOR_USER}>
      <password>${MONITOR_USER}</password>
      <networks replace="replace">
        <ip>${HOST}</ip>
      </networks>
      <profile>${MONITOR_USER}</profile>
      <quota>default</quota>
    </${MONITOR_USER}>
  </users>
</${root}>
`;
}

function xmlText(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

async function findServerBinary(): Promise<string | undefined> {
  for (const candidate of SERVER_BINARIES) if (await isExecutable(candidate)) return candidate;
  return undefined;
}

async function ensureServerBinary(): Promise<string> {
  const found = await findServerBinary();
  if (found) return found;
  if (!isRoot()) {
    throw new ClickHouseUnavailableError(`no clickhouse-server at ${SERVER_BINARIES.join(' or ')} and not root, so it cannot be installed here: apt-get install clickhouse-server`);
  }
  process.stderr.write('[ch harness] no clickhouse-server; installing it with apt-get\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await runEchoed('apt-get', ['update'], env);
    await runEchoed('apt-get', ['install', '-y', '--no-install-recommends', 'clickhouse-server'], env);
  } catch (err) {
    throw new ClickHouseUnavailableError(`installing clickhouse-server with apt-get failed: ${errorMessage(err)}`);
  }
  const installed = await findServerBinary();
  if (!installed) throw new ClickHouseUnavailableError(`apt-get installed clickhouse-server, but there is no binary at ${SERVER_BINARIES.join(' or ')}`);
  return installed;
}


/**
 * One HTTP request on its own connection (agent: false), so no keep-alive socket outlives a test.
 * ClickHouse answers errors with a non-2xx status and the exception text as the body.
 */
function httpRequest(port: number, method: 'GET' | 'POST', pathAndQuery: string, body?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: HOST, port, method, path: pathAndQuery, agent: false, timeout: 30_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        if (res.statusCode === 200) resolve(text);
        else reject(new Error(`ClickHouse HTTP ${res.statusCode}: ${text.trim()}`));
      });
      res.on('error', reject);
    });
    req.once('timeout', () => req.destroy(new Error('ClickHouse HTTP request timed out')));
    req.once('error', reject);
    req.end(body);
  });
}

function httpGet(port: number, pathAndQuery: string): Promise<string> {
  return httpRequest(port, 'GET', pathAndQuery);
}

function httpPost(port: number, pathAndQuery: string, body: string): Promise<string> {
  return httpRequest(port, 'POST', pathAndQuery, body);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
