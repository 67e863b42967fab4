/** The server's ZooKeeper/Keeper connection as read in one run, and its nodes as probed from the agent's host. Gauges only; nothing persists. */

/** A Keeper/ZooKeeper node address, from the agent config's `keeper_nodes` or system.zookeeper_connection. */
export interface KeeperAddress {
  readonly host: string;
  readonly port: number;
}

/** system.events counters (since the server started) about its ZooKeeper/Keeper client. */
export const KEEPER_EVENT_COLUMNS = ['session_inits', 'hardware_exceptions', 'user_exceptions', 'other_exceptions', 'transactions', 'wait_microseconds'] as const;

/** system.metrics gauges about it. */
export const KEEPER_METRIC_COLUMNS = ['sessions', 'watches', 'requests_in_flight'] as const;

export type KeeperCounts = { readonly [C in (typeof KEEPER_EVENT_COLUMNS)[number] | (typeof KEEPER_METRIC_COLUMNS)[number]]: number };

export interface KeeperSession extends KeeperCounts {
  /** A ZooKeeper/Keeper is configured: system.zookeeper exists (every release attaches it only then). */
  readonly configured: boolean;
  /** Listing the root znode worked. */
  readonly sessionOk: boolean;
  /** The server's refusal when it did not (quoted values replaced); empty otherwise. */
  readonly sessionError: string;
  readonly rootReadMs: number;
  /** system.zookeeper_connection (23.x on) was there: the fields below are known. */
  readonly hasConnectionTable: boolean;
  readonly connectedHost: string;
  readonly connectedPort: number;
  /** Unix ms; 0 unknown. */
  readonly connectedSinceMs: number;
  readonly sessionExpired: boolean;
}

export interface KeeperNodeProbe extends KeeperAddress {
  readonly reachable: boolean;
  /** 0 when unreachable. */
  readonly connectMs: number;
  readonly error: string;
  /** The node the server's session is on. */
  readonly connected: boolean;
}
