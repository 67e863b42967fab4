/**
 * One plain-language line for a failure reaching a database or the server, for operators
 * reading logs or `vigil-agent test`: what failed and what to check, never a stack trace.
 */

interface SystemErrorLike {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly address?: unknown;
  readonly port?: unknown;
  readonly hostname?: unknown;
  readonly errors?: unknown;
}

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED/;

// SQLSTATE → what the operator should check; PostgreSQL's own message says what happened.
const SQLSTATE_HINTS: Record<string, string> = {
  '28P01': 'check the user and password in the database url',
  '28000': 'check the user in the database url, and that pg_hba.conf lets it connect from this host',
  '3D000': 'check the database name in the database url',
  '57014': 'the query ran past statement_timeout',
  '42501': 'grant the role pg_monitor',
  '53300': 'the server has no free connection slots',
  '57P03': 'the server is starting up or shutting down',
};

function describeSystemError(err: SystemErrorLike, code: string): string | undefined {
  const where = typeof err.address === 'string' ? ` ${err.address}${typeof err.port === 'number' ? `:${err.port}` : ''}` : '';
  switch (code) {
    case 'ECONNREFUSED':
      return `connection refused by${where || ' the host'} (is the service running and listening on that port?)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host name ${typeof err.hostname === 'string' ? `"${err.hostname}" ` : ''}not found (DNS lookup failed)`;
    case 'ETIMEDOUT':
      return `connection timed out${where ? ` to${where}` : ''} (firewall or wrong host?)`;
    case 'ECONNRESET':
      return 'connection reset by the other side';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `host unreachable${where ? `:${where}` : ''}`;
    default:
      return TLS_CODES.test(code) ? `TLS certificate rejected: ${String(err.message)}` : undefined;
  }
}

/** A one-line, secret-free reason for `err` (callers still pass it through redactText). */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const e = err as SystemErrorLike & Error;
  const code = typeof e.code === 'string' ? e.code : undefined;
  // Node tries every address of a host name in turn and reports them as one AggregateError with an empty message.
  const first = Array.isArray(e.errors) && e.errors[0] instanceof Error ? (e.errors[0] as SystemErrorLike & Error) : undefined;
  if (code && /^[0-9A-Z]{5}$/.test(code) && SQLSTATE_HINTS[code]) return `${e.message} (${SQLSTATE_HINTS[code]})`;
  if (code) {
    const described = describeSystemError(first ?? e, code);
    if (described) return described;
  }
  if (e.message) return e.message;
  return first?.message ?? e.name;
}
