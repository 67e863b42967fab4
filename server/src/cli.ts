import { createInterface } from 'node:readline';
import { isVigilError } from '@vigil/shared';
import { hashPassword } from './auth/passwords.js';
import { loadServerConfig } from './config.js';
import { metaStoreFor } from './storage/meta/open-meta-store.js';
import type { MetaStore } from './storage/meta/meta-store.js';

/**
 * `pnpm vigil-server <command>`: account chores from the server's own host, for a server without
 * mail (nobody can follow a verification or reset link) or an operator locked out. It reads the
 * same environment as the server and opens only the metadata store, so it runs beside a live server.
 */
const USAGE = `usage: pnpm vigil-server user verify <email>
       pnpm vigil-server user set-password <email>   (the new password is read from stdin, never from the command line)`;

/** Reads one line from stdin: piped, or typed at a terminal without echo. */
async function readPassword(): Promise<string> {
  const terminal = process.stdin.isTTY === true;
  if (terminal) process.stderr.write('New password (at least 8 characters): ');
  const rl = createInterface({ input: process.stdin, terminal });
  if (terminal) (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  const line = await new Promise<string>((resolve) => {
    rl.once('line', resolve);
    rl.once('close', () => resolve(''));
  });
  rl.close();
  if (terminal) process.stderr.write('\n');
  return line.replace(/\r$/, '');
}

async function run(meta: MetaStore, args: readonly string[]): Promise<string> {
  const [group, command, address] = args;
  if (group !== 'user' || !command || !address) throw new UsageError();
  const user = await meta.findUserByEmail(address.trim().toLowerCase());
  if (!user) throw new Error(`no account has the email ${address}`);
  const now = new Date().toISOString();
  switch (command) {
    case 'verify':
      await meta.markEmailVerified(user.id, now);
      return `${user.email} is verified, with the organizations they own`;
    case 'set-password': {
      const password = await readPassword();
      if (password.length < 8 || password.length > 1024) throw new Error('the password must be 8 to 1024 characters');
      await meta.setPassword(user.id, await hashPassword(password), now);
      return `password of ${user.email} set; every session of theirs has ended`;
    }
    default:
      throw new UsageError();
  }
}

class UsageError extends Error {}

async function main(): Promise<void> {
  let meta: MetaStore | undefined;
  try {
    meta = metaStoreFor(loadServerConfig());
    await meta.migrate();
    process.stdout.write(`vigil-server: ${await run(meta, process.argv.slice(2))}\n`);
  } catch (err) {
    process.stderr.write(err instanceof UsageError ? `${USAGE}\n` : `vigil-server: ${isVigilError(err) || err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  } finally {
    await meta?.close();
  }
}

await main();
