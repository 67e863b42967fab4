import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { vigil } from '@vigil/proto';
import type { Logger } from '../logging/agent-logger.js';
import { describeError } from '../logging/describe-error.js';

// The last settings the server sent, so a restart honours them before the next Welcome.
const SETTINGS_FILE = 'server-settings.json';
// What collect_replication=false turns off: PostgreSQL's replication task and ClickHouse's replica tasks.
const REPLICATION_TASKS = new Set(['replication', 'replicas', 'replication_queue']);

/** One database's collection settings from the server (PATCH /databases/{id}), applied without a restart. */
export interface DatabaseSettings {
  /** Every task's interval on this database, when set; otherwise config `intervals:` or the task's default. */
  readonly pollIntervalSeconds: number | undefined;
  readonly collectExplainPlans: boolean;
  readonly collectReplication: boolean;
  readonly disabledCollectors: ReadonlySet<string>;
}

export type WireSettings = vigil.v1.DatabaseSettings.$Properties;

const DEFAULT_SETTINGS: DatabaseSettings = { pollIntervalSeconds: undefined, collectExplainPlans: true, collectReplication: true, disabledCollectors: new Set() };

/** The wire message as plain settings (0 seconds: no override). */
function settingsFromWire(wire: WireSettings): DatabaseSettings {
  const seconds = wire.pollIntervalSeconds ?? 0;
  return {
    pollIntervalSeconds: seconds > 0 ? seconds : undefined,
    collectExplainPlans: wire.collectExplainPlans ?? true,
    collectReplication: wire.collectReplication ?? true,
    disabledCollectors: new Set(wire.disabledCollectors ?? []),
  };
}

/** How a task runs under its database's settings: its interval and whether it is turned off. */
export function taskSchedule(settings: DatabaseSettings, task: string, configuredIntervalMs: number): { intervalMs: number; disabled: boolean } {
  return {
    intervalMs: settings.pollIntervalSeconds === undefined ? configuredIntervalMs : settings.pollIntervalSeconds * 1000,
    disabled: settings.disabledCollectors.has(task) || (!settings.collectReplication && REPLICATION_TASKS.has(task)),
  };
}

/**
 * The server's settings per configured database: what is in force, and a copy in
 * `spool_dir/server-settings.json` (written atomically, merged over what was saved before).
 */
export class ServerSettingsStore {
  readonly #file: string;
  readonly #databases: ReadonlySet<string>;
  readonly #log: Logger;
  readonly #settings = new Map<string, DatabaseSettings>();
  // Writes run one at a time, so two quick updates cannot interleave on the temp file.
  #saves: Promise<void> = Promise.resolve();

  constructor(spoolDir: string, databases: readonly string[], log: Logger) {
    this.#file = path.join(spoolDir, SETTINGS_FILE);
    this.#databases = new Set(databases);
    this.#log = log;
  }

  /** The settings in force for a database (the defaults until the server says otherwise). */
  of(database: string): DatabaseSettings {
    return this.#settings.get(database) ?? DEFAULT_SETTINGS;
  }

  /** Takes the server's settings into force, returning them per configured database (others are ignored). */
  apply(wire: readonly WireSettings[]): Array<[string, DatabaseSettings]> {
    const applied: Array<[string, DatabaseSettings]> = [];
    for (const entry of wire) {
      const name = entry.database ?? '';
      if (!this.#databases.has(name)) continue;
      const settings = settingsFromWire(entry);
      this.#settings.set(name, settings);
      applied.push([name, settings]);
    }
    return applied;
  }

  /** Remembers the server's settings on disk; resolves once written (a failed write is logged, never thrown). */
  save(wire: readonly WireSettings[]): Promise<void> {
    this.#saves = this.#saves.then(() => this.#write(wire));
    return this.#saves;
  }

  /** Resolves when every write asked for so far is over. */
  idle(): Promise<void> {
    return this.#saves;
  }

  /** What was saved before, to apply at start; nothing when there is no file yet. */
  async readSaved(): Promise<WireSettings[]> {
    try {
      const value: unknown = JSON.parse(await readFile(this.#file, 'utf8'));
      return Array.isArray(value) ? (value as WireSettings[]) : [];
    } catch {
      // No file yet (first start, or never told anything): defaults until Welcome.
      return [];
    }
  }

  async #write(wire: readonly WireSettings[]): Promise<void> {
    const saved = new Map((await this.readSaved()).map((entry) => [entry.database, entry]));
    for (const entry of wire) saved.set(entry.database, entry);
    try {
      await writeFile(`${this.#file}.tmp`, JSON.stringify([...saved.values()]));
      await rename(`${this.#file}.tmp`, this.#file);
    } catch (err) {
      this.#log.warn({ reason: describeError(err) }, 'could not save the server settings; they apply until the agent restarts');
    }
  }
}
