import { readFileSync } from 'node:fs';
import { clickHouseGrants } from './clickhouse-grants.js';
import { POSTGRES_MIN_MAJOR, postgresGrants } from './postgres-grants.js';

export const GRANTS_USAGE = `Usage: vigil-agent grants --engine postgres|clickhouse [--user NAME] [--version N] [--explain] [--password-file FILE]

Prints the least-privilege SQL (ClickHouse before 20.5: a users.d XML file) that gives the agent
a monitoring role, to paste into psql or clickhouse-client as an administrator.

  --engine          postgres or clickhouse (required)
  --user NAME       the role or user to create (default: vigil)
  --version N       the server's version: PostgreSQL major (default 16; pg_read_all_data needs 14),
                    ClickHouse major.minor (default 24.8; 18.16 and other releases before 20.5
                    get a users.xml profile instead of SQL)
  --explain         also grant what on-demand EXPLAIN needs (SELECT on the tables a statement reads)
  --password-file F read the role's password from F ('-': stdin) and print only its hash
                    (PostgreSQL: a SCRAM-SHA-256 verifier; ClickHouse: SHA-256)
`;

const DEFAULT_POSTGRES_MAJOR = 16;
const DEFAULT_CLICKHOUSE_VERSION: readonly [number, number] = [24, 8];
// Plain identifiers only: they are printed unquoted into SQL, XML element names and psql commands.
const USER_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A bad command line: the message says which argument and why. */
export class GrantsUsageError extends Error {}

export interface GrantsOptions {
  readonly engine: 'postgres' | 'clickhouse';
  readonly user: string;
  readonly version: string | undefined;
  readonly explain: boolean;
  readonly passwordFile: string | undefined;
}

/** The command line of `vigil-agent grants`; throws GrantsUsageError naming the bad argument. */
export function parseGrantsArgs(args: readonly string[]): GrantsOptions {
  const values = new Map<string, string>();
  let explain = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (name === '--explain') {
      explain = true;
      continue;
    }
    if (!['--engine', '--user', '--version', '--password-file'].includes(name)) throw new GrantsUsageError(`unknown argument ${arg}`);
    const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') throw new GrantsUsageError(`${name} needs a value`);
    values.set(name, value);
  }
  const engine = values.get('--engine');
  if (engine === undefined) throw new GrantsUsageError('missing --engine postgres|clickhouse');
  if (engine !== 'postgres' && engine !== 'clickhouse') throw new GrantsUsageError('--engine must be postgres or clickhouse');
  const user = values.get('--user') ?? 'vigil';
  if (!USER_NAME.test(user)) throw new GrantsUsageError('--user must be lower-case letters, digits and _ (at most 63, not starting with a digit)');
  return { engine, user, version: values.get('--version'), explain, passwordFile: values.get('--password-file') };
}

/** The text to print for `options`; reads the password file, if any, through `readFile`. */
export function grantsText(options: GrantsOptions, readFile: (file: string) => string = readPasswordFile): string {
  const password = options.passwordFile === undefined ? undefined : passwordFrom(readFile, options.passwordFile);
  if (options.engine === 'postgres') {
    const major = options.version === undefined ? DEFAULT_POSTGRES_MAJOR : Number(/^(\d+)(\.\d+)*$/.exec(options.version)?.[1]);
    if (!Number.isInteger(major)) throw new GrantsUsageError('--version must be a PostgreSQL major version such as 16');
    if (major < POSTGRES_MIN_MAJOR) throw new GrantsUsageError(`--version: the agent needs PostgreSQL ${POSTGRES_MIN_MAJOR} or later (pg_monitor)`);
    return postgresGrants({ user: options.user, major, explain: options.explain, ...(password !== undefined && { password }) });
  }
  let version = DEFAULT_CLICKHOUSE_VERSION;
  if (options.version !== undefined) {
    const match = /^(\d+)(?:\.(\d+))?(?:\.\d+)*$/.exec(options.version);
    if (!match) throw new GrantsUsageError('--version must be a ClickHouse version such as 18.16 or 24.8');
    version = [Number(match[1]), Number(match[2] ?? 0)];
  }
  return clickHouseGrants({ user: options.user, version, explain: options.explain, ...(password !== undefined && { password }) });
}

function passwordFrom(readFile: (file: string) => string, file: string): string {
  let text: string;
  try {
    text = readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new GrantsUsageError(`--password-file ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot be read'}`);
  }
  // One trailing newline is how editors and `echo` end a file; it is not part of the password.
  const password = text.replace(/\r?\n$/, '');
  if (password === '') throw new GrantsUsageError(`--password-file ${file}: is empty`);
  return password;
}

function readPasswordFile(file: string): string {
  return readFileSync(file === '-' ? 0 : file, 'utf8');
}

/** `vigil-agent grants …`: the SQL on stdout; a usage problem on stderr with exit code 2. */
export function grantsCommand(args: readonly string[], io: { stdout(text: string): void; stderr(text: string): void }): number {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(GRANTS_USAGE);
    return 0;
  }
  try {
    io.stdout(grantsText(parseGrantsArgs(args)));
    return 0;
  } catch (err) {
    if (!(err instanceof GrantsUsageError)) throw err;
    io.stderr(`vigil-agent grants: ${err.message}\n\n${GRANTS_USAGE}`);
    return 2;
  }
}
