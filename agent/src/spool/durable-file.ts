import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Crash-safe file writes: the content goes to a temp file that is fsynced, then renamed over
 * the target, then the directory is fsynced so the rename itself survives a power cut. A
 * reader therefore sees the old file or the whole new one, never a torn write.
 */

/** Suffix of files being written; a leftover one is an interrupted write and is safe to delete. */
export const TEMP_SUFFIX = '.tmp';

/** Writes `data` to `dir/name` durably; `syncDir: false` lets a caller write several files and fsync the directory once. */
export async function writeFileDurably(dir: string, name: string, data: Uint8Array | string, options: { syncDir?: boolean } = {}): Promise<void> {
  const target = path.join(dir, name);
  const temp = target + TEMP_SUFFIX;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await handle.close();
  await rename(temp, target);
  if (options.syncDir !== false) await syncDirectory(dir);
}

/** Makes the directory's entries (creations, renames) durable. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
