import { agentMessageToJson, collectorStatus, uuidv7 } from '@vigil/shared';
import { loadAgentConfig, type AgentConfig, type DatabaseConfig } from '../config/agent-config.js';
import { redactText, redactUrl, secretsInConfig } from '../config/secret-redaction.js';
import { createAgentLogger } from '../logging/agent-logger.js';
import { describeError } from '../logging/describe-error.js';
import { buildBatches } from '../runner/batch-builder.js';
import type { TaskResult } from '../runner/collector-task.js';
import type { RunContext } from '../runner/database-session.js';
import { ENGINE_DRIVERS } from '../runner/engine-drivers.js';
import { buildHello } from '../runner/hello-builder.js';
import { checkServer } from '../transport/agent-connection.js';
import { CONFIG_OPTION, EXIT, configFile, parseOptions, type CliCommand, type CliIo } from './cli-command.js';

// Generous: `test` is run by a person waiting for an answer, not on a schedule.
const TEST_TASK_TIMEOUT_MS = 30_000;

/** How one collector did: ok, degraded (WARN), nothing to read on this release (n/a), or failed. */
type Verdict = 'ok' | 'WARN' | 'n/a' | 'FAIL';

interface Note {
  readonly level: 'FAIL' | 'WARN' | 'info';
  readonly text: string;
  readonly fixSql?: string;
}

interface CollectorCheck {
  readonly collector: string;
  readonly verdict: Verdict;
  readonly rows: number;
  readonly ms: number;
  readonly notes: readonly Note[];
}

interface DatabaseCheck {
  readonly serverVersion: string;
  /** What each task would send now, as JSON batches (printed with --verbose). */
  readonly batches: readonly Record<string, unknown>[];
  readonly ok: boolean;
}

/**
 * A collector's verdict from its statuses: a status the catalogue marks info (a source this
 * release does not have) is nothing to fix; any other is a warning, and a failure when the
 * collector then has nothing at all to send or remember.
 */
function verdictOf(result: TaskResult<unknown>, rows: number): { verdict: Verdict; notes: Note[] } {
  const warnings = result.statuses.filter((status) => collectorStatus(status.code)?.severity !== 'info');
  const blocked = warnings.length > 0 && rows === 0 && result.persisted === undefined;
  const notes = result.statuses.map((status): Note => {
    const level = !warnings.includes(status) ? 'info' : blocked ? 'FAIL' : 'WARN';
    return { level, text: `${status.message}${status.restartRequired ? ' (takes effect after a restart)' : ''}`, ...(status.fixSql && { fixSql: status.fixSql }) };
  });
  const verdict: Verdict = blocked ? 'FAIL' : warnings.length > 0 ? 'WARN' : rows === 0 && result.statuses.length > 0 ? 'n/a' : 'ok';
  return { verdict, notes };
}

function table(checks: readonly CollectorCheck[]): string {
  const width = Math.max('collector'.length, ...checks.map((check) => check.collector.length));
  const line = (collector: string, status: string, rows: string, time: string) => `     ${collector.padEnd(width)}  ${status.padEnd(6)}  ${rows.padStart(6)}  ${time.padStart(8)}`;
  return [line('collector', 'status', 'rows', 'time'), ...checks.map((c) => line(c.collector, c.verdict, String(c.rows), `${c.ms} ms`))].join('\n');
}

/** Runs every collector task of one database once and reports them as a table, then what needs attention. */
async function testDatabase(database: DatabaseConfig, config: AgentConfig, secrets: readonly string[], say: (line: string) => void): Promise<DatabaseCheck> {
  const label = `database "${database.name}" (${redactUrl(database.url)})`;
  const driver = ENGINE_DRIVERS[database.engine];
  if (!driver) {
    say(`skip ${label}: no ${database.engine} collectors in this agent version`);
    return { serverVersion: '', batches: [], ok: true };
  }
  const session = driver.openSession(database, { statementTimeoutMs: config.queryTimeoutMs });
  const run = (): RunContext => ({ signal: AbortSignal.timeout(TEST_TASK_TIMEOUT_MS), statementTimeoutMs: config.queryTimeoutMs });
  const batches: Record<string, unknown>[] = [];
  try {
    try {
      await session.client(run());
    } catch (err) {
      say(`FAIL ${label}: ${redactText(describeError(err), secrets)}`);
      return { serverVersion: '', batches, ok: false };
    }
    say(`ok   ${label}: ${database.engine} ${session.serverVersion ?? ''}`);
    const checks: CollectorCheck[] = [];
    let seq = 1;
    for (const task of driver.tasks) {
      const context = run();
      const startedMs = performance.now();
      const elapsed = () => Math.round(performance.now() - startedMs);
      try {
        const nowMs = Date.now();
        const result = await task.run({ client: await session.client(context), previous: undefined, nowMs, signal: context.signal });
        const ms = elapsed();
        const built = buildBatches({ database: database.name, windowStartMs: nowMs, windowEndMs: nowMs }, result.records);
        for (const content of built.batches) batches.push(agentMessageToJson({ batch: { ...content, batchId: uuidv7(), seq: seq++ } }));
        const rows = Object.values(result.records).reduce((sum, value) => sum + (Array.isArray(value) ? value.length : 0), 0);
        checks.push({ collector: task.name, rows, ms, ...verdictOf(result, rows) });
      } catch (err) {
        checks.push({ collector: task.name, verdict: 'FAIL', rows: 0, ms: elapsed(), notes: [{ level: 'FAIL', text: redactText(describeError(err), secrets) }] });
        session.failed(err);
      }
    }
    say(table(checks));
    for (const check of checks) {
      for (const note of check.notes) {
        say(`${note.level.padEnd(4)} database "${database.name}" ${check.collector}: ${note.text}`);
        if (note.fixSql) for (const line of note.fixSql.split('\n')) say(`       ${line}`);
      }
    }
    return { serverVersion: session.serverVersion ?? '', batches, ok: checks.every((check) => check.verdict !== 'FAIL') };
  } finally {
    await session.close();
  }
}

/**
 * `vigil-agent test`: every database's collectors once, then the server. The server is sent a
 * probe Hello, which it checks without registering anything, so a test leaves no agent or
 * database behind. The report goes to stderr (as `run` logs do); `--verbose` prints what would be
 * sent (Hello and batches, as JSON) on stdout.
 */
async function test(config: AgentConfig, verbose: boolean, io: CliIo): Promise<number> {
  const say = (line: string) => io.stderr(`${line}\n`);
  const secrets = secretsInConfig(config);
  let failed = false;
  const versions = new Map<string, string>();
  const batches: Record<string, unknown>[] = [];
  for (const database of config.databases) {
    const result = await testDatabase(database, config, secrets, say);
    if (!result.ok) failed = true;
    if (result.serverVersion) versions.set(database.name, result.serverVersion);
    batches.push(...result.batches);
  }
  const hello = { ...buildHello(config.databases, (name) => versions.get(name)), probe: true };
  if (verbose) for (const message of [agentMessageToJson({ hello }), ...batches]) io.stdout(`${JSON.stringify(message, null, 2)}\n`);

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
    const { welcome } = server;
    const accepted = `accepted the key and protocol ${welcome.protocolMajor ?? 0}.${welcome.protocolMinor ?? 0} (server ${welcome.serverVersion || 'version unknown'})`;
    // A server that predates probes registers as for `run`; say so rather than leave it unsaid.
    const registered = welcome.agentId
      ? `; this server is older than agent checks and registered the agent and its databases (${(welcome.databases ?? []).map((db) => db.name).join(', ')})`
      : '; nothing was registered';
    say(`ok   server ${config.serverUrl}${via}: ${accepted}${registered}`);
  } else {
    failed = true;
    say(`FAIL server ${config.serverUrl}${via}: ${redactText(server.reason, secrets)}`);
  }
  return failed ? EXIT.failure : EXIT.ok;
}

export const testCommand: CliCommand = {
  name: 'test',
  synopsis: '--config FILE [--verbose]',
  summary: 'Check every configured database and the server once, and exit',
  details: `Runs every collector of every database once and prints a table (collector, status, rows,
time), then what needs attention with the SQL that fixes it, then the server check: the API key
and protocol are checked; nothing is registered on the server. The report goes to stderr.

  status: ok; WARN (degraded, with its fix); n/a (this release of the database does not have
  what the collector reads: nothing to fix); FAIL (the collector cannot work until fixed)

  -c, --config FILE   the agent's YAML config
  --verbose           also print what would be sent (Hello and each batch, as JSON) on stdout

Exit codes: 0 every database and the server are usable (WARN and n/a included), 1 a database,
a collector or the server failed (or the config is invalid), 2 on a bad command line.`,
  run(args, io) {
    const parsed = parseOptions(args, { options: CONFIG_OPTION, flags: { verbose: ['--verbose'] } });
    return test(loadAgentConfig(configFile(parsed)), parsed.flags.has('verbose'), io);
  },
};
