#!/usr/bin/env tsx
import { PROTOCOL_MAJOR, PROTOCOL_MINOR, agentMessageToJson, isVigilError } from '@vigil/shared';
import { AGENT_VERSION } from './agent-version.js';
import { collectStatements } from './collectors/postgres/statements-collector.js';
import { loadAgentConfig, type AgentConfig, type DatabaseConfig } from './config/agent-config.js';
import { redactText, redactUrl, secretsInConfig } from './config/secret-redaction.js';
import { totalsAsDeltas } from './diff/statements-diff.js';
import { createAgentLogger } from './logging/agent-logger.js';
import { describeError } from './logging/describe-error.js';
import { buildStatementBatches } from './runner/batch-builder.js';
import { buildHello } from './runner/hello-builder.js';
import { AgentRunner } from './runner/agent-runner.js';
import { PostgresSession } from './runner/postgres-session.js';
import { statementsToWire } from './transform/statements-transform.js';
import { checkServer } from './transport/agent-connection.js';

const USAGE = `Usage: vigil-agent <command>

Commands:
  run --config FILE    collect and send until SIGINT/SIGTERM
  test --config FILE   check every database and the server once; print what would be sent (JSON on stdout)
  version              print the agent and protocol versions

Environment: VIGIL_SERVER_URL and VIGIL_API_KEY override server_url and api_key in FILE.
`;

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

async function run(config: AgentConfig): Promise<number> {
  const logger = createAgentLogger(config.logLevel);
  const runner = new AgentRunner({ config, logger });
  let stopping = false;
  const stopped = new Promise<void>((resolve) => {
    const shutdown = (signal: NodeJS.Signals): void => {
      if (stopping) {
        logger.warn({ signal }, 'second signal: exiting without waiting');
        process.exit(EXIT_FAILURE);
      }
      stopping = true;
      logger.info({ signal }, 'shutting down');
      void runner.stop().then(resolve);
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });
  await runner.start();
  await stopped;
  logger.info('stopped');
  return EXIT_OK;
}

interface DatabaseCheck {
  readonly serverVersion: string;
  /** What a batch of the current totals looks like, as JSON. */
  readonly batches: readonly Record<string, unknown>[];
}

/** Checks one PostgreSQL database; undefined (after saying why) when it cannot be monitored. */
async function testPostgres(database: DatabaseConfig, secrets: readonly string[]): Promise<DatabaseCheck | undefined> {
  const session = new PostgresSession(database);
  const label = `database "${database.name}" (${redactUrl(database.url)})`;
  try {
    const snapshot = await collectStatements(await session.client());
    const blocking = snapshot.rows === null;
    for (const status of snapshot.statuses) {
      say(`${blocking ? 'FAIL' : 'WARN'} ${label}: ${status.message}`);
      for (const line of status.fixSql) say(`       ${line}`);
    }
    if (snapshot.rows === null) return undefined;
    const statements = statementsToWire(totalsAsDeltas(snapshot.rows));
    const now = Date.now();
    // Totals count from the last reset, so that is where this illustrative window starts.
    const window = { database: database.name, windowStartMs: snapshot.statsResetMs ?? now, windowEndMs: now, statements };
    let seq = 1;
    const batches = buildStatementBatches(window, () => seq++).map((batch) => agentMessageToJson({ batch }));
    say(`ok   ${label}: PostgreSQL ${session.serverVersion}, pg_stat_statements ${snapshot.extensionVersion}, ${statements.length} statements`);
    return { serverVersion: session.serverVersion ?? '', batches };
  } catch (err) {
    say(`FAIL ${label}: ${redactText(describeError(err), secrets)}`);
    return undefined;
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
    if (database.engine === 'clickhouse') {
      say(`skip database "${database.name}": ClickHouse collectors come in a later release`);
      continue;
    }
    const result = await testPostgres(database, secrets);
    if (!result) {
      failed = true;
      continue;
    }
    versions.set(database.name, result.serverVersion);
    batches.push(...result.batches);
  }
  const hello = buildHello(config.databases, (name) => versions.get(name));
  for (const message of [agentMessageToJson({ hello }), ...batches]) process.stdout.write(`${JSON.stringify(message, null, 2)}\n`);

  const server = await checkServer({ serverUrl: config.serverUrl, apiKey: config.apiKey, hello: () => hello, logger: createAgentLogger('silent') });
  if (server.ok) {
    const registered = (server.welcome.databases ?? []).map((db) => db.name).join(', ');
    say(`ok   server ${config.serverUrl}: accepted the agent (agent id ${server.welcome.agentId}${registered ? `; databases ${registered}` : ''})`);
  } else {
    failed = true;
    say(`FAIL server ${config.serverUrl}: ${redactText(server.reason, secrets)}`);
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
      case 'run':
        return await run(loadAgentConfig(configPath(args)));
      case 'test':
        return await test(loadAgentConfig(configPath(args)));
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
