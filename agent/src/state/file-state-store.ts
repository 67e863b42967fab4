import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { TEMP_SUFFIX, writeFileDurably } from '../spool/durable-file.js';
import { taskStateKey, type SavedState, type StateStore, type TaskState } from './persistent-state.js';

/**
 * Task state on disk: one small JSON file per (database, task) under `<spool_dir>/state/`,
 * each written atomically (temp file, fsync, rename, directory fsync). One file per task
 * rather than one for everything, so a 10-second activity run rewrites a few bytes instead
 * of the statement baseline of every database.
 */

const STATE_DIR = 'state';
const QUARANTINE_DIR = 'quarantine';
const FORMAT_VERSION = 1;
const SUFFIX = '.json';

interface StateFile {
  readonly version: number;
  readonly database: string;
  readonly task: string;
  readonly nextSeq: number;
  readonly lastRunMs: number;
  readonly persisted?: unknown;
}

/** A readable file name that stays unique for any database name: `orders_primary-1a2b3c4d.statements.json`. */
export function stateFileName(database: string, task: string): string {
  const slug = database.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
  const hash = createHash('sha256').update(database).digest('hex').slice(0, 8);
  return `${slug}-${hash}.${task}${SUFFIX}`;
}

function isStateFile(value: unknown): value is StateFile {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    v.version === FORMAT_VERSION &&
    typeof v.database === 'string' &&
    typeof v.task === 'string' &&
    Number.isSafeInteger(v.nextSeq) &&
    typeof v.lastRunMs === 'number' &&
    Number.isFinite(v.lastRunMs)
  );
}

export class FileStateStore implements StateStore {
  readonly #dir: string;
  readonly #quarantineDir: string;
  // Every run of every task saves; hashing the same names again each time is needless CPU.
  readonly #fileNames = new Map<string, string>();
  #dirReady: Promise<unknown> | undefined;

  /** `spoolDir` is the config's spool_dir; state goes to its `state/` folder. */
  constructor(spoolDir: string) {
    this.#dir = path.join(spoolDir, STATE_DIR);
    this.#quarantineDir = path.join(spoolDir, QUARANTINE_DIR);
  }

  async load(): Promise<SavedState> {
    await this.#ensureDir();
    const tasks: TaskState[] = [];
    const quarantined: { file: string; reason: string }[] = [];
    let nextSeq: number | undefined;
    for (const name of await readdir(this.#dir)) {
      if (name.endsWith(TEMP_SUFFIX)) {
        // An interrupted save: the previous file, if any, is still whole.
        await unlink(path.join(this.#dir, name)).catch(() => undefined);
        continue;
      }
      if (!name.endsWith(SUFFIX)) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(await readFile(path.join(this.#dir, name), 'utf8'));
      } catch {
        parsed = undefined;
      }
      if (!isStateFile(parsed)) {
        await this.#quarantine(name);
        quarantined.push({ file: name, reason: parsed === undefined ? 'not valid JSON' : 'not a state file of this agent version' });
        continue;
      }
      nextSeq = Math.max(nextSeq ?? 0, parsed.nextSeq);
      tasks.push({ database: parsed.database, task: parsed.task, lastRunMs: parsed.lastRunMs, persisted: parsed.persisted });
    }
    return { nextSeq, tasks, quarantined };
  }

  async save(state: TaskState, nextSeq: number): Promise<void> {
    await this.#ensureDir();
    const file: StateFile = { version: FORMAT_VERSION, database: state.database, task: state.task, nextSeq, lastRunMs: state.lastRunMs, persisted: state.persisted };
    const key = taskStateKey(state.database, state.task);
    let name = this.#fileNames.get(key);
    if (name === undefined) this.#fileNames.set(key, (name = stateFileName(state.database, state.task)));
    await writeFileDurably(this.#dir, name, JSON.stringify(file));
  }

  async #ensureDir(): Promise<void> {
    this.#dirReady ??= mkdir(this.#dir, { recursive: true, mode: 0o700 });
    await this.#dirReady;
  }

  async #quarantine(name: string): Promise<void> {
    await mkdir(this.#quarantineDir, { recursive: true, mode: 0o700 });
    await rename(path.join(this.#dir, name), path.join(this.#quarantineDir, `state-${name}.${Date.now()}`));
  }
}
