import type { vigil } from '@vigil/proto';
import type { KeeperNodeProbe, KeeperSession } from '../state/clickhouse-keeper-state.js';

/** The Keeper session and its probed nodes at `tsMs` → the wire record. */
export function keeperToWire(session: KeeperSession, nodes: readonly KeeperNodeProbe[], tsMs: number): vigil.v1.IClickHouseKeeperSnapshot {
  return {
    tsMs,
    configured: session.configured,
    sessionOk: session.sessionOk,
    sessionError: session.sessionError,
    rootReadMs: session.rootReadMs,
    sessions: session.sessions,
    watches: session.watches,
    requestsInFlight: session.requests_in_flight,
    sessionInits: session.session_inits,
    hardwareExceptions: session.hardware_exceptions,
    userExceptions: session.user_exceptions,
    otherExceptions: session.other_exceptions,
    transactions: session.transactions,
    waitMicroseconds: session.wait_microseconds,
    hasConnectionTable: session.hasConnectionTable,
    connectedHost: session.connectedHost,
    connectedPort: session.connectedPort,
    connectedSinceMs: session.connectedSinceMs,
    sessionExpired: session.sessionExpired,
    nodes: nodes.map((n) => ({ host: n.host, port: n.port, reachable: n.reachable, connectMs: n.connectMs, error: n.error, connected: n.connected })),
  };
}
