import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
// The native addon stays loaded in the main thread too: without that, the worker's exit unloads the
// library under chDB's own exit hooks and the process segfaults (checked on chDB 3.4 / Node 20).
import 'chdb';
import { VigilError } from '@vigil/shared';

/**
 * Which chDB session (and thread) a call runs on. A session runs one query at a time, so inserts and
 * DDL (`write`), telemetry reads (`read`) and SQL parsing (`parse`, started only when used) each have
 * their own: an ack's insert never waits behind a 7-day read, nor a parse behind either.
 */
export type ChdbLane = 'write' | 'read' | 'parse';

/**
 * Sessions (threads) a lane may open on the one directory, each started only when every open one is
 * busy; sessions on one directory run their queries at the same time (checked on chDB 3.4). Reads get
 * four, so a short read does not queue behind a long one and four dashboard clients share the cores
 * instead of one waiting out another's whole query (`/queries?since=7d` under 4 clients, 5,000
 * statements: p95 178–207 ms with three, 164 ms with four, p50 the same); writes two, so the ingest
 * queue's two flushes in flight insert side by side instead of one waiting out the other's fsyncs.
 */
export const LANE_SESSIONS: Readonly<Record<ChdbLane, number>> = { write: 2, read: 4, parse: 1 };

/**
 * The engine's command line, given to every session (the engine's server settings are taken when the
 * process's first one opens; query settings apply to each session given them). Merges run at nice 10:
 * they are most of the embedded server's CPU under ingest (each flush writes a part per statement
 * table), and on a busy machine they now yield the CPU to inserts, reads and the event loop instead of
 * taking turns with them. They catch up when the CPU is free; parts_to_delay_insert still bounds how
 * far they may fall behind. Reads keep decompressed blocks in a 64 MiB cache (off by default): a 7-day
 * `/queries` reads the same recent day and hour edges again and again, and decompressing them
 * (ZSTD, DoubleDelta, T64) was a fifth of its CPU (42 → 34 ms over 5,000 statements, 2026-12-05).
 */
export const CHDB_ENGINE_ARGS: readonly string[] = ['--os_threads_nice_value_merge_mutate=10', '--uncompressed_cache_size=67108864', '--use_uncompressed_cache=1'];

/**
 * Settings of every insert. The statement rollups' views write their parts side by side rather
 * than one after the other: each part waits for its fsyncs (fsync_after_insert), and an insert into
 * statement_stats took about a quarter less time so (2026-12-05, two A/B pairs on this machine).
 * The rows are parsed on the insert's own thread: a flush is tens to thousands of rows, and
 * parallel parsing's threads cost more than they save (an insert of 200 statement rows: 35 → 30 ms
 * of CPU, 2026-12-05).
 */
export const CHDB_INSERT_SETTINGS = 'parallel_view_processing = 1, input_format_parallel_parsing = 0';

/** What a lane's thread (chdb-worker-thread.mjs) is asked. */
export type ChdbRequest =
  | { readonly id: number; readonly op: 'query'; readonly sql: string; readonly format: string; readonly params?: Record<string, string> }
  | { readonly id: number; readonly op: 'insert'; readonly table: string; readonly format: string; readonly payload: string };

/** A chDB error as it crosses the thread: its typed fields kept as properties. */
export interface ChdbErrorData {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly clickhouseCode?: number;
  readonly failedAtRow?: number;
}

interface ChdbReply {
  readonly id: number;
  readonly text?: string;
  readonly error?: ChdbErrorData;
}

const CHDB_MODULE = createRequire(import.meta.url).resolve('chdb');
const THREAD_SCRIPT = new URL('./chdb-worker-thread.mjs', import.meta.url);

/** A chDB error from a thread, with the same name, code and clickhouseCode it had there. */
function chdbError(data: ChdbErrorData): Error {
  const err = new Error(data.message);
  err.name = data.name;
  return Object.assign(err, {
    ...(data.code === undefined ? {} : { code: data.code }),
    ...(data.clickhouseCode === undefined ? {} : { clickhouseCode: data.clickhouseCode }),
    ...(data.failedAtRow === undefined ? {} : { failedAtRow: data.failedAtRow }),
  });
}

interface Pending {
  resolve(text: string | undefined): void;
  reject(err: Error): void;
}

/** One lane: a worker thread with one chDB session, running its calls one at a time. */
class LaneThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  readonly exited: Promise<void>;

  constructor(dir: string, onCrash: (err: Error) => void) {
    this.#worker = new Worker(THREAD_SCRIPT, { workerData: { dir, chdbModule: CHDB_MODULE, connectionArgs: CHDB_ENGINE_ARGS, insertSettings: CHDB_INSERT_SETTINGS }, execArgv: [] });
    // Held only while a call waits on it: an idle thread never keeps the process alive.
    this.#worker.unref();
    this.#worker.on('message', (reply: ChdbReply) => {
      const call = this.#pending.get(reply.id);
      if (!call) return;
      this.#settled(reply.id);
      if (reply.error) call.reject(chdbError(reply.error));
      else call.resolve(reply.text);
    });
    this.#worker.on('error', (err) => onCrash(err));
    this.exited = new Promise((resolveExit) => {
      this.#worker.once('exit', (code) => {
        // A thread leaving with calls pending, or unasked, crashed; close() leaves with none pending.
        onCrash(new Error(`the chDB worker thread exited with code ${code}`));
        resolveExit();
      });
    });
  }

  /** Calls sent and not yet answered. */
  get pending(): number {
    return this.#pending.size;
  }

  call(request: ChdbRequest): Promise<string | undefined> {
    return new Promise((resolveCall, rejectCall) => {
      this.#pending.set(request.id, { resolve: resolveCall, reject: rejectCall });
      if (this.#pending.size === 1) this.#worker.ref();
      this.#worker.postMessage(request);
    });
  }

  /** Rejects every call still waiting. */
  failPending(err: Error): void {
    for (const [id, call] of this.#pending) {
      this.#settled(id);
      call.reject(err);
    }
  }

  /** Asks the thread to close its session after the calls before this one, and to end. */
  close(): Promise<void> {
    this.#worker.ref();
    this.#worker.postMessage({ op: 'close' });
    return this.exited;
  }

  crash(): void {
    this.#worker.postMessage({ op: 'crash' });
  }

  #settled(id: number): void {
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#worker.unref();
  }
}

/**
 * chDB off the event loop: worker threads own the process's chDB sessions, one thread and session
 * per lane, all on one data directory, and queries and inserts go to them as messages. The loop
 * serving WebSockets and HTTP never runs chDB, and inserts never queue behind reads (a chDB session
 * runs one query at a time). Open one per data directory with `acquireChdb`.
 */
export class ChdbWorker {
  readonly #dir: string;
  readonly #temporary: boolean;
  readonly #lanes = new Map<ChdbLane, LaneThread[]>();
  #nextId = 1;
  /** Set once closed or crashed: every later call fails with it at once. */
  #stopped: Error | undefined;
  #closing: Promise<void> | undefined;

  /** Without `dir`, a temporary directory of its own, removed on close. */
  constructor(dir: string | undefined) {
    this.#temporary = dir === undefined;
    this.#dir = dir ?? mkdtempSync(join(tmpdir(), 'vigil-chdb-'));
    if (dir !== undefined) mkdirSync(dir, { recursive: true });
  }

  /** Runs one query on the session of `lane`; the result as text in `format`. */
  query(lane: ChdbLane, sql: string, format: string, params?: Record<string, string>): Promise<string> {
    return this.#call(lane, { id: this.#nextId++, op: 'query', sql, format, ...(params ? { params } : {}) }).then((text) => text ?? '');
  }

  /** Inserts `payload` (rows in `format`) into `table` on the write session; resolves once chDB has written them. */
  async insert(table: string, payload: string, format: string): Promise<void> {
    await this.#call('write', { id: this.#nextId++, op: 'insert', table, format, payload });
  }

  /** True once closed or crashed. */
  get stopped(): boolean {
    return this.#stopped !== undefined;
  }

  /** Closes the sessions once the calls already sent finish, and ends the threads. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      // What chDB itself answers a closed session.
      this.#stopped ??= chdbError({ name: 'ChdbClosedError', message: 'No active connection available', code: 'CHDB_CLOSED' });
      await Promise.all([...this.#threads()].map((thread) => thread.close()));
      if (this.#temporary) rmSync(this.#dir, { recursive: true, force: true });
    })();
    return this.#closing;
  }

  /** Tests only: makes a lane's thread fail as an uncaught error would. */
  crashForTests(lane: ChdbLane): void {
    this.#lanes.get(lane)?.[0]?.crash();
  }

  #call(lane: ChdbLane, request: ChdbRequest): Promise<string | undefined> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    return this.#threadFor(lane).call(request);
  }

  /** The lane's least busy thread; a new one when every thread is busy and the lane may open another. */
  #threadFor(lane: ChdbLane): LaneThread {
    const threads = this.#lanes.get(lane) ?? [];
    this.#lanes.set(lane, threads);
    const idlest = threads.reduce<LaneThread | undefined>((best, t) => (best === undefined || t.pending < best.pending ? t : best), undefined);
    if (idlest && (idlest.pending === 0 || threads.length >= LANE_SESSIONS[lane])) return idlest;
    const thread = new LaneThread(this.#dir, (err) => this.#crashed(err));
    threads.push(thread);
    return thread;
  }

  *#threads(): Iterable<LaneThread> {
    for (const threads of this.#lanes.values()) yield* threads;
  }

  #crashed(cause: Error): void {
    if (!this.#stopped) {
      this.#stopped = new VigilError('SERVICE_UNAVAILABLE', `The embedded telemetry store (chDB worker) stopped: ${cause.message}`, { cause });
      // The other lanes' sessions let go of the directory, so it can open again.
      void this.close();
    }
    for (const thread of this.#threads()) thread.failPending(this.#stopped);
  }
}

/** The open worker per data directory, shared by the telemetry store and the SQL parser. */
const shared = new Map<string, { worker: ChdbWorker; refs: number }>();

/** A reference to the process's chDB worker; `release()` it, and the last release closes the worker. */
export interface ChdbHandle {
  readonly worker: ChdbWorker;
  release(): Promise<void>;
}

/**
 * The chDB worker for `dir`, shared with whoever else holds it: chDB binds one data directory per
 * process, so the store and the parser must share sessions on it. Without `dir` a worker of one's
 * own on a temporary directory (removed when it closes).
 */
export function acquireChdb(dir: string | undefined): ChdbHandle {
  if (dir === undefined) {
    const worker = new ChdbWorker(undefined);
    return { worker, release: () => worker.close() };
  }
  const key = resolve(dir);
  let entry = shared.get(key);
  // A crashed worker stays failing for those holding it; a new holder gets a new one.
  if (!entry || entry.worker.stopped) {
    entry = { worker: new ChdbWorker(key), refs: 0 };
    shared.set(key, entry);
  }
  entry.refs++;
  const held = entry;
  let released = false;
  return {
    worker: held.worker,
    async release() {
      if (released) return;
      released = true;
      if (--held.refs > 0) return;
      if (shared.get(key) === held) shared.delete(key);
      await held.worker.close();
    },
  };
}
