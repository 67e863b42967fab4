#!/usr/bin/env tsx
import v8 from 'node:v8';
import { PROTOCOL_MAJOR, PROTOCOL_MINOR, agentMessageToJson, isVigilError, uuidv7 } from '@vigil/shared';
import { AGENT_VERSION } from './agent-version.js';
import { loadAgentConfig, type AgentConfig, type DatabaseConfig } from './config/agent-config.js';
import { grantsCommand } from './grants/grants-command.js';
import { redactText, redactUrl, secretsInConfig } from './config/secret-redaction.js';
import { createAgentLogger } from './logging/agent-logger.js';
import { describeError } from './logging/describe-error.js';
import { ReloadingAgent } from './runner/reloading-agent.js';
import { buildBatches } from './runner/batch-builder.js';
import type { RunContext } from './runner/database-session.js';
import { ENGINE_DRIVERS } from './runner/engine-drivers.js';
import { buildHello } from './runner/hello-builder.js';
import { checkServer } from './transport/agent-connection.js';

const USAGE = `Usage: vigil-agent <command>

Commands:
  run --config FILE    collect and send until SIGINT/SIGTERM
  test --config FILE   check every database and the server once; print what would be sent (JSON on stdout)
  version              print the agent and protocol versions
  grants --engine E    print the least-privilege SQL for the agent's role (grants --help)

Environment: VIGIL_SERVER_URL and VIGIL_API_KEY override server_url and api_key in FILE;
HTTPS_PROXY (wss://) or HTTP_PROXY (ws://) and NO_PROXY choose an HTTP proxy for the server.
`;

/**
 * V8 settings for the long-running agent, set from code because a single executable takes no node
 * flags. Only flags V8 reads as it goes take effect this late (heap size limits are fixed at start,
 * and turning off concurrent GC at run time crashes V8), so each was checked by measurement:
 * --semi-space-growth-factor=1 keeps the young generation at its initial size. Without it, every
 * statements interval (thousands of rows alive at once) grows it to 32 MB, which stays resident for
 * most of the minute; the price is more, smaller scavenges, within the benchmark's noise on CPU.
 */
const SERVICE_V8_FLAGS = '--semi-space-growth-factor=1';

const EXIT_OK = 0;
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

class UsageError extends Error {}

function configPath(args: readonly string[]): string {
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--config' || arg === '-c') {
      file = args[++i];
      if (!file) throw new UsageError(`${arg} needs a file name`);
    } else if (arg.startsWith('--config=')) {
      file = arg.slice('--config='.length);
    } else {
      throw new UsageError(`unknown argument ${arg}`);
    }
  }
  if (!file) throw new UsageError('missing --config FILE');
  return file;
}

function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function run(config: AgentConfig, file: string): Promise<number> {
  v8.setFlagsFromString(SERVICE_V8_FLAGS);
  // SIGHUP (systemctl reload) re-reads the file: a bad edit is refused and logged, the running config kept.
  const agent = new ReloadingAgent({ config, load: () => loadAgentConfig(file), logger: (c) => createAgentLogger(c.logLevel) });
  process.on('SIGHUP', () => {
    agent.logger.info({ signal: 'SIGHUP' }, 'reloading the config');
    void agent.reload();
  });
  let stopping = false;
  const stopped = new Promise<void>((resolve) => {
    const shutdown = (signal: NodeJS.Signals): void => {
      if (stopping) {
        agent.logger.warn({ signal }, 'second signal: exiting without waiting');
        process.exit(EXIT_FAILURE);
      }
      stopping = true;
      agent.logger.info({ signal }, 'shutting down');
      void agent.stop().then(resolve);
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });
  await agent.start();
  await stopped;
  agent.logger.info('stopped');
  return EXIT_OK;
}

interface DatabaseCheck {
  readonly serverVersion: string;
  /** What each task would send now, as JSON batches. */
  readonly batches: readonly Record<string, unknown>[];
  readonly ok: boolean;
}

// Generous: `test` is run by a person waiting for an answer, not on a schedule.
const TEST_TASK_TIMEOUT_MS = 30_000;

/**
 * Runs every collector task of one database once, saying for each what it found. A task that
 * throws, or that reports problems and collected nothing at all, fails the check.
 */
async function testDatabase(database: DatabaseConfig, config: AgentConfig, secrets: readonly string[]): Promise<DatabaseCheck> {
  const label = `database "${database.name}" (${redactUrl(database.url)})`;
  const driver = ENGINE_DRIVERS[database.engine];
  if (!driver) {
    say(`skip ${label}: no ${database.engine} collectors in this agent version`);
    return { serverVersion: '', batches: [], ok: true };
  }
  const session = driver.openSession(database, { statementTimeoutMs: config.queryTimeoutMs });
  const run = (): RunContext => ({ signal: AbortSignal.timeout(TEST_TASK_TIMEOUT_MS), statementTimeoutMs: config.queryTimeoutMs });
  const batches: Record<string, unknown>[] = [];
  let ok = true;
  try {
    try {
      await session.client(run());
    } catch (err) {
      say(`FAIL ${label}: ${redactText(describeError(err), secrets)}`);
      return { serverVersion: '', batches, ok: false };
    }
    say(`ok   ${label}: ${database.engine} ${session.serverVersion ?? ''}`);
    let seq = 1;
    for (const task of driver.tasks) {
      const context = run();
      try {
        const nowMs = Date.now();
        const result = await task.run({ client: await session.client(context), previous: undefined, nowMs, signal: context.signal });
        const built = buildBatches({ database: database.name, windowStartMs: nowMs, windowEndMs: nowMs }, result.records);
        for (const content of built.batches) batches.push(agentMessageToJson({ batch: { ...content, batchId: uuidv7(), seq: seq++ } }));
        const records = Object.values(result.records).reduce((sum, value) => sum + (Array.isArray(value) ? value.length : 0), 0);
        const blocked = result.statuses.length > 0 && records === 0 && result.persisted === undefined;
        for (const status of result.statuses) {
          say(`${blocked ? 'FAIL' : 'WARN'} ${label} ${task.name}: ${status.message}${status.restartRequired ? ' (takes effect after a restart)' : ''}`);
          if (status.fixSql) for (const line of status.fixSql.split('\n')) say(`       ${line}`);
        }
        if (blocked) ok = false;
        else say(`ok   ${label} ${task.name}: ${records > 0 ? `${records} records` : result.persisted === undefined ? 'nothing to report now' : 'baseline taken; changes are reported from the next interval'}`);
      } catch (err) {
        ok = false;
        say(`FAIL ${label} ${task.name}: ${redactText(describeError(err), secrets)}`);
        session.failed(err);
      }
    }
    return { serverVersion: session.serverVersion ?? '', batches, ok };
  } finally {
    await session.close();
  }
}

/** `vigil-agent test`: every check once, plain reasons on stderr, what would be sent on stdout. */
async function test(config: AgentConfig): Promise<number> {
  const secrets = secretsInConfig(config);
  let failed = false;
  const versions = new Map<string, string>();
  const batches: Record<string, unknown>[] = [];
  for (const database of config.databases) {
    const result = await testDatabase(database, config, secrets);
    if (!result.ok) failed = true;
    if (result.serverVersion) versions.set(database.name, result.serverVersion);
    batches.push(...result.batches);
  }
  const hello = buildHello(config.databases, (name) => versions.get(name));
  for (const message of [agentMessageToJson({ hello }), ...batches]) process.stdout.write(`${JSON.stringify(message, null, 2)}\n`);

  const server = await checkServer({
    serverUrl: config.serverUrl,
    apiKey: config.apiKey,
    hello: () => hello,
    logger: createAgentLogger('silent'),
    proxyUrl: config.proxy?.url,
    tlsCa: config.tlsCa,
  });
  const via = config.proxy ? ` via the proxy from ${config.proxy.source}` : '';
  if (server.ok) {
    const registered = (server.welcome.databases ?? []).map((db) => db.name).join(', ');
    say(`ok   server ${config.serverUrl}${via}: accepted the agent (agent id ${server.welcome.agentId}${registered ? `; databases ${registered}` : ''})`);
  } else {
    failed = true;
    say(`FAIL server ${config.serverUrl}${via}: ${redactText(server.reason, secrets)}`);
  }
  return failed ? EXIT_FAILURE : EXIT_OK;
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'version':
        process.stdout.write(`vigil-agent ${AGENT_VERSION} (protocol ${PROTOCOL_MAJOR}.${PROTOCOL_MINOR})\n`);
        return EXIT_OK;
      case 'run': {
        const file = configPath(args);
        return await run(loadAgentConfig(file), file);
      }
      case 'test':
        return await test(loadAgentConfig(configPath(args)));
      case 'grants':
        return grantsCommand(args, { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) });
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return EXIT_OK;
      case undefined:
        throw new UsageError('missing command');
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      say(`vigil-agent: ${err.message}\n`);
      process.stderr.write(USAGE);
      return EXIT_USAGE;
    }
    if (isVigilError(err) && err.code === 'CONFIG_INVALID') {
      say(`vigil-agent: invalid configuration: ${err.message}`);
      return EXIT_FAILURE;
    }
    say(`vigil-agent: ${describeError(err)}`);
    return EXIT_FAILURE;
  }
}

// No top-level await: the single-binary build bundles this file as CommonJS (installers/build-agent.mjs).
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
