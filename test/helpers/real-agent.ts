import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Starts the agent CLI (its own process) on `databases`. `intervals`: task names collected every
 * second, or task → period (`activity: 10s`); tasks left out keep the agent's defaults. One process:
 * agents are one per host, and a host's heartbeat lists its databases' collectors.
 */
export function startAgent(
  dir: string,
  server: { readonly wsUrl: string },
  key: string,
  intervals: readonly string[] | Readonly<Record<string, string>>,
  databases: readonly { name: string; engine: string; url: string; keeper_nodes?: readonly string[] }[],
  out: { log: string },
): ChildProcess {
  const periods = Array.isArray(intervals) ? Object.fromEntries(intervals.map((t) => [t, '1s'])) : (intervals as Readonly<Record<string, string>>);
  const config = join(dir, 'agent.yaml');
  writeFileSync(
    config,
    [
      `server_url: ${server.wsUrl}`,
      `spool_dir: ${join(dir, 'spool')}`,
      ...(Object.keys(periods).length > 0 ? ['intervals:', ...Object.entries(periods).map(([t, p]) => `  ${t}: ${p}`)] : []),
      'databases:',
      ...databases.flatMap((db) => [
        `  - name: ${db.name}`,
        `    engine: ${db.engine}`,
        `    url: ${db.url}`,
        ...(db.keeper_nodes ? ['    keeper_nodes:', ...db.keeper_nodes.map((n) => `      - '${n}'`)] : []),
      ]),
    ].join('\n'),
  );
  const agent = spawn(process.execPath, ['--import', 'tsx', 'agent/src/cli.ts', 'run', '--config', config], { env: { ...process.env, VIGIL_API_KEY: key }, stdio: ['ignore', 'pipe', 'pipe'] });
  agent.stdout!.on('data', (d: Buffer) => (out.log += d.toString()));
  agent.stderr!.on('data', (d: Buffer) => (out.log += d.toString()));
  return agent;
}

export async function stopAgent(agent: ChildProcess | undefined): Promise<void> {
  // A killed agent has a signalCode and no exitCode: it has exited all the same.
  if (!agent || agent.exitCode !== null || agent.signalCode !== null) return;
  const exited = new Promise((r) => agent.once('exit', r));
  agent.kill('SIGTERM');
  await exited;
}

/** A session idle in a transaction holding a row lock of `table` (which has a row id = 1), and one waiting for it. */
export interface BlockedRow {
  readonly holderPid: number;
  readonly waiterPid: number;
  /** Rolls the holder back: the waiter proceeds, nothing stays blocked. */
  release(): Promise<void>;
  /** Closes both sessions. */
  end(): Promise<void>;
}

export async function blockRow(superuserUrl: string, table: string): Promise<BlockedRow> {
  const holder = new pg.Client({ connectionString: superuserUrl, application_name: 'vigil-holder' });
  const waiter = new pg.Client({ connectionString: superuserUrl, application_name: 'vigil-waiter' });
  await holder.connect();
  await waiter.connect();
  const holderPid: number = (await holder.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const waiterPid: number = (await waiter.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  await holder.query('BEGIN');
  await holder.query(`UPDATE ${table} SET note = 'held' WHERE id = 1`);
  void waiter.query(`UPDATE ${table} SET note = 'waiting' WHERE id = 1`).catch(() => undefined);
  return {
    holderPid,
    waiterPid,
    release: async () => {
      await holder.query('ROLLBACK');
    },
    end: async () => {
      await holder.end().catch(() => undefined);
      await waiter.end().catch(() => undefined);
    },
  };
}
