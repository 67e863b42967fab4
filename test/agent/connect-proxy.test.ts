import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { expect } from 'chai';
import { vigil } from '@vigil/proto';
import { PROTOCOL_MAJOR } from '@vigil/shared';
import { createAgentLogger } from '../../agent/src/logging/agent-logger.js';
import { MemoryBatchQueue } from '../../agent/src/spool/batch-queue.js';
import { AgentConnection, type Disconnect } from '../../agent/src/transport/agent-connection.js';
import { bypassesProxy, proxyForTarget } from '../../agent/src/transport/proxy-env.js';
import { MinimalServer, until } from './minimal-agent-server.ts';

const API_KEY = 'vk_proxy_test_key_456';
const PROXY_PASSWORD = 'proxy-pa55word';

/**
 * A real HTTP CONNECT proxy on loopback, as corporate proxies behave: it opens a TCP tunnel to
 * host:port and relays bytes, optionally demanding Basic credentials. It records every CONNECT.
 */
class ConnectProxy {
  readonly tunnels: { target: string; headers: http.IncomingHttpHeaders }[] = [];
  requireAuth: string | undefined;
  readonly #server = http.createServer((_req, res) => res.writeHead(405).end());
  readonly #sockets = new Set<net.Socket>();

  async start(): Promise<string> {
    this.#server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
      this.#sockets.add(client);
      this.tunnels.push({ target: req.url ?? '', headers: req.headers });
      if (this.requireAuth && req.headers['proxy-authorization'] !== `Basic ${Buffer.from(this.requireAuth).toString('base64')}`) {
        client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      const [host, port] = splitTarget(req.url ?? '');
      const upstream = net.connect({ host, port }, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length > 0) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      this.#sockets.add(upstream);
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise((resolve) => this.#server.close(resolve));
  }
}

function splitTarget(target: string): [string, number] {
  const at = target.lastIndexOf(':');
  return [target.slice(0, at).replace(/^\[|\]$/g, ''), Number(target.slice(at + 1))];
}

const hello = (): vigil.v1.Hello.$Properties => ({ protocolMajor: PROTOCOL_MAJOR, protocolMinor: 0, agentVersion: '0.0.0-test', hostname: 'test-host', databases: [{ name: 'main', engine: vigil.v1.Engine.POSTGRES }] });

describe('agent/transport through an HTTP CONNECT proxy', () => {
  let dir: string;
  let cert: string;
  let key: string;
  let server: MinimalServer;
  let proxy: ConnectProxy;
  let proxyUrl: string;
  let connection: AgentConnection | undefined;
  let logLines: string[];

  before(function () {
    this.timeout(30_000);
    dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-tls-'));
    // A self-signed certificate for localhost, as a customer's private CA would issue.
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')],
      { stdio: 'ignore' },
    );
    cert = readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    key = readFileSync(path.join(dir, 'key.pem'), 'utf8');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  beforeEach(async () => {
    logLines = [];
    proxy = new ConnectProxy();
    proxyUrl = await proxy.start();
  });
  afterEach(async () => {
    await connection?.close();
    connection = undefined;
    await server?.stop();
    await proxy.stop();
  });

  function open(serverUrl: string, options: { proxyUrl?: string; tlsCa?: string }): AgentConnection {
    const logger = createAgentLogger(
      'debug',
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(chunk.toString());
          done();
        },
      }),
    );
    connection = new AgentConnection({ serverUrl, apiKey: API_KEY, hello, queue: new MemoryBatchQueue(), logger, timing: { initialBackoffMs: 60_000 }, ...options });
    connection.start();
    return connection;
  }

  it('reaches a wss:// server through the tunnel, trusting the CA from tls_ca_file, and the proxy sees no key', async () => {
    server = new MinimalServer({ tls: { key, cert } });
    const url = await server.start(0, 'localhost');
    const conn = open(url, { proxyUrl, tlsCa: cert });
    await until(() => conn.ready, 'Welcome through the proxy');
    expect(proxy.tunnels.map((t) => t.target)).to.deep.equal([`localhost:${new URL(url).port}`]);
    // The Authorization header travelled inside TLS: the proxy saw only the CONNECT.
    expect(JSON.stringify(proxy.tunnels[0]!.headers)).not.to.include(API_KEY);
    expect(server.upgrades[0]!.authorization).to.equal(`Bearer ${API_KEY}`);
  });

  it('refuses a server certificate it was not told to trust, with a plain reason', async () => {
    server = new MinimalServer({ tls: { key, cert } });
    const conn = open(await server.start(0, 'localhost'), { proxyUrl });
    const disconnect = await new Promise<Disconnect>((resolve) => conn.once('disconnected', resolve));
    expect(disconnect.reason).to.match(/TLS certificate rejected/);
    expect(proxy.tunnels).to.have.length(1);
    expect(server.connections).to.have.length(0);
  });

  it('authenticates to the proxy with the credentials in its URL, and says so plainly when they are refused', async () => {
    server = new MinimalServer({ tls: { key, cert } });
    const url = await server.start(0, 'localhost');
    proxy.requireAuth = `agent:${PROXY_PASSWORD}`;
    const withAuth = new URL(proxyUrl);
    withAuth.username = 'agent';
    withAuth.password = PROXY_PASSWORD;
    const conn = open(url, { proxyUrl: withAuth.toString(), tlsCa: cert });
    await until(() => conn.ready, 'Welcome through the authenticating proxy');
    await conn.close();

    withAuth.password = 'wrong';
    const refused = open(url, { proxyUrl: withAuth.toString(), tlsCa: cert });
    const disconnect = await new Promise<Disconnect>((resolve) => refused.once('disconnected', resolve));
    expect(disconnect.reason).to.include('HTTP 407').and.include('proxy authentication required');
    expect(logLines.join('') + disconnect.reason).not.to.include(PROXY_PASSWORD);
  });

  it('tunnels ws:// too (HTTP_PROXY)', async () => {
    server = new MinimalServer();
    const url = await server.start();
    const conn = open(url, { proxyUrl });
    await until(() => conn.ready, 'Welcome through the proxy');
    expect(proxy.tunnels.map((t) => t.target)).to.deep.equal([url.replace('ws://', '')]);
  });

  it('says which proxy it could not reach', async () => {
    server = new MinimalServer();
    const url = await server.start();
    await proxy.stop();
    const conn = open(url, { proxyUrl });
    const disconnect = await new Promise<Disconnect>((resolve) => conn.once('disconnected', resolve));
    expect(disconnect.reason).to.include(`cannot reach proxy ${new URL(proxyUrl).host}`);
    proxy = new ConnectProxy();
    await proxy.start();
  });
});

describe('agent/transport/proxy-env', () => {
  const wss = new URL('wss://vigil.example.com');

  it('picks the proxy for the scheme, lowercase first, and none when unset', () => {
    expect(proxyForTarget(wss, { HTTPS_PROXY: 'http://upper:3128', https_proxy: 'http://lower:3128' })).to.deep.equal({ url: 'http://lower:3128/', source: 'https_proxy' });
    expect(proxyForTarget(wss, { HTTP_PROXY: 'http://plain:3128' })).to.equal(undefined);
    expect(proxyForTarget(new URL('ws://vigil.example.com'), { HTTP_PROXY: 'http://plain:3128' })).to.deep.include({ source: 'HTTP_PROXY' });
    expect(proxyForTarget(wss, { HTTPS_PROXY: 'proxy.internal:3128' })!.url).to.equal('http://proxy.internal:3128/');
    expect(proxyForTarget(wss, {})).to.equal(undefined);
  });

  it('honours NO_PROXY', () => {
    expect(proxyForTarget(wss, { HTTPS_PROXY: 'http://p:3128', NO_PROXY: 'localhost, .example.com' })).to.equal(undefined);
    expect(proxyForTarget(wss, { HTTPS_PROXY: 'http://p:3128', no_proxy: 'other.com' })).not.to.equal(undefined);
    const cases: [string, number, string, boolean][] = [
      ['vigil.example.com', 443, '*', true],
      ['vigil.example.com', 443, 'example.com', true],
      ['vigil.example.com', 443, '*.example.com', true],
      ['example.com', 443, '.example.com', true],
      ['badexample.com', 443, 'example.com', false],
      ['vigil.example.com', 443, 'example.com:8443', false],
      ['vigil.example.com', 8443, 'example.com:8443', true],
      ['10.1.2.3', 443, '10.0.0.0/8', true],
      ['11.1.2.3', 443, '10.0.0.0/8', false],
      ['10.1.2.3', 443, '10.1.2.3', true],
      ['::1', 443, '[::1]:443', true],
      ['[::1]', 443, '::1', true],
      ['VIGIL.Example.COM', 443, 'example.com', true],
    ];
    for (const [host, port, list, expected] of cases) expect(bypassesProxy(host, port, list), `${host}:${port} vs ${list}`).to.equal(expected);
  });

  it('refuses a proxy URL it cannot use, naming the variable but never its value', () => {
    for (const value of [`https://user:${PROXY_PASSWORD}@proxy:3128`, `socks5://user:${PROXY_PASSWORD}@proxy:1080`, 'http://']) {
      let message = '';
      try {
        proxyForTarget(wss, { HTTPS_PROXY: value });
      } catch (err) {
        expect((err as { code?: string }).code).to.equal('CONFIG_INVALID');
        message = (err as Error).message;
      }
      expect(message).to.match(/^HTTPS_PROXY \(environment\): /);
      expect(message).not.to.include(PROXY_PASSWORD);
    }
  });
});
