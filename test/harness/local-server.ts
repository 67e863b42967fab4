/**
 * The lifecycle both real-server harnesses (postgres.ts, clickhouse.ts) share: a server in a temp
 * dir that is removed when its start fails, and a best-effort stop of every server still running
 * when the test process dies (a crash, Ctrl-C, a CI timeout), so none keeps a port and a temp dir behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, rmSync } from 'node:fs';
import { access, constants, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A server a harness started, as its lifecycle sees it. */
export interface LocalServer {
  stop(): Promise<void>;
  /** Synchronous because it runs from process 'exit' and signal handlers, where nothing async completes. */
  stopSync(): void;
}

/**
 * Creates a server in a fresh temp dir (`create`) and brings it up (`init`). If `init` fails the
 * server is stopped; if anything fails the dir is removed (once the server exists its stop() owns
 * the cleanup; removing twice is harmless).
 */
export async function startInTempDir<T extends LocalServer>(prefix: string, create: (baseDir: string) => Promise<T>, init: (server: T) => Promise<void>): Promise<T> {
  const baseDir = await mkdtemp(path.join(os.tmpdir(), prefix));
  try {
    const server = await create(baseDir);
    try {
      await init(server);
    } catch (err) {
      await server.stop();
      throw err;
    }
    return server;
  } catch (err) {
    await rm(baseDir, { recursive: true, force: true });
    throw err;
  }
}

const live = new Set<LocalServer>();
let exitHooksInstalled = false;

/** Stops `server` (synchronously) if the process exits or is signalled while it runs. */
export function trackForExit(server: LocalServer): void {
  live.add(server);
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.once('exit', stopAllSync);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      stopAllSync();
      // Our listener is gone now, so re-raising gives the default behaviour (and exit status) back.
      process.kill(process.pid, signal);
    });
  }
}

/** A server stopped the ordinary way: nothing left to do at exit. */
export function untrack(server: LocalServer): void {
  live.delete(server);
}

function stopAllSync(): void {
  for (const server of live) server.stopSync();
  live.clear();
}

/** The last lines of a server's log file, for an error message. */
export async function tail(file: string, lines = 30): Promise<string> {
  const text = await readFile(file, 'utf8').catch((err: unknown) => `(cannot read: ${errorMessage(err)})`);
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

export async function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * A server binary run as a child process whose output goes to `consoleLog` (a file, not a pipe:
 * nothing of ours keeps the event loop alive), as the ClickHouse and ZooKeeper harnesses run theirs.
 */
export class ServerProcess {
  readonly #child: ChildProcess;
  readonly #exited: Promise<void>;
  #exit: string | undefined;

  constructor(command: string, args: readonly string[], cwd: string, consoleLog: string) {
    const fd = openSync(consoleLog, 'a');
    try {
      this.#child = spawn(command, args, { cwd, stdio: ['ignore', fd, fd] });
      this.#exited = new Promise((resolve) => {
        this.#child.once('exit', (code, signal) => {
          this.#exit = `exited with ${signal ?? code}`;
          resolve();
        });
        this.#child.once('error', (err) => {
          this.#exit = `could not be run: ${err.message}`;
          resolve();
        });
      });
      this.#child.unref();
    } finally {
      closeSync(fd);
    }
  }

  /** How it ended ("exited with 1", "could not be run: …"); undefined while it runs. */
  get exit(): string | undefined {
    return this.#exit;
  }

  /** SIGTERM, then SIGKILL after `timeoutMs`; resolves once it has exited. */
  async stop(timeoutMs: number): Promise<void> {
    const child = this.#child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await this.#exited;
    clearTimeout(timer);
  }

  /** SIGKILL, synchronously: for process 'exit' and signal handlers. */
  killSync(): void {
    const pid = this.#child.pid;
    if (pid === undefined || this.#child.exitCode !== null) return;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** A LocalServer that is one ServerProcess in its own temp dir: stopping it stops the process and removes the dir. */
export abstract class ProcessServer implements LocalServer {
  #process: ServerProcess | undefined;
  #stopped = false;

  constructor(
    readonly baseDir: string,
    readonly stopTimeoutMs: number,
  ) {
    trackForExit(this);
  }

  /** Starts the process (once, from the subclass's start()); its output goes to `consoleLog`. */
  protected spawn(command: string, args: readonly string[], consoleLog: string): ServerProcess {
    this.#process = new ServerProcess(command, args, this.baseDir, consoleLog);
    return this.#process;
  }

  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    untrack(this);
    try {
      await this.#process?.stop(this.stopTimeoutMs);
    } finally {
      await rm(this.baseDir, { recursive: true, force: true });
    }
  }

  stopSync(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#process?.killSync();
    rmSync(this.baseDir, { recursive: true, force: true });
  }
}

/** Runs a command to completion, streaming its output to our stderr (long apt-get runs). */
export function runEchoed(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 2, 2] });
    child.once('error', reject);
    child.once('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`))));
  });
}
