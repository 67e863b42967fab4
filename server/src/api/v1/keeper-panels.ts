import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { keeperReads } from '../../storage/telemetry/reads/keeper-reads.js';
import type { RouteSpec } from '../route.js';
import { clickHouseDatabase, iso } from './clickhouse-internals.js';
import { panelRoute } from './database-scope.js';

/**
 * ClusterSight's Keeper panels for one ClickHouse database, from the agent's keeper task:
 * /panels/keeper (is the ZooKeeper/Keeper session up), /panels/keeper-nodes (each node's TCP
 * reachability, tried from the agent's host) and /panels/zookeeper (the session's health figures).
 * All show the newest snapshot; no range.
 */

const Ts = z.string().nullable().describe('When the snapshot was taken; null before the first one');
const NO_SNAPSHOT = 'No Keeper snapshot received for this database yet (the agent sends one every 30 s when the server has a ZooKeeper/Keeper or its config lists keeper_nodes)';
const NOT_CONFIGURED = 'The server has no ZooKeeper/Keeper configured (no system.zookeeper): it has no replicated tables or ON CLUSTER DDL';

/** Milliseconds, to the microsecond. */
const ms = (value: number) => Math.round(value * 1000) / 1000;

export function keeperPanelRoutes(ctx: AppContext): RouteSpec[] {
  const reads = keeperReads(ctx.telemetry);
  return [
    panelRoute({
      path: '/databases/{id}/panels/keeper',
      summary: 'ZooKeeper/Keeper connection status (ClickHouse panel)',
      success: {
        status: 200,
        description: 'The newest Keeper snapshot',
        schema: z.object({
          database_id: z.string(),
          ts: Ts,
          status: z.enum(['ONLINE', 'OFFLINE', 'NOT_CONFIGURED']).nullable().describe('ONLINE: listing the root znode through the server worked; null before the first snapshot'),
          reason: z.string().nullable().describe('Why the status is not ONLINE, in the server\'s words where it gave some; null when ONLINE'),
          root_read_ms: z.number().nullable().describe('How long listing the root znode took'),
          connected_node: z
            .object({ host: z.string(), port: z.number(), since: z.string().nullable() })
            .nullable()
            .describe('The node the session is on: system.zookeeper_connection, ClickHouse 23.x on; null before it'),
          session_expired: z.boolean().nullable().describe('system.zookeeper_connection.is_expired (23.x on); null where the release does not tell'),
        }),
      },
      async handler({ principal, params }) {
        const db = await clickHouseDatabase(ctx, principal.orgId, params.id);
        const k = await reads.latest(db);
        if (!k) return { body: { database_id: db.id, ts: null, status: null, reason: NO_SNAPSHOT, root_read_ms: null, connected_node: null, session_expired: null } };
        const s = k.session;
        const status = !s.configured ? 'NOT_CONFIGURED' : s.session_ok ? 'ONLINE' : 'OFFLINE';
        return {
          body: {
            database_id: db.id,
            ts: iso(k.ts),
            status,
            reason: status === 'ONLINE' ? null : status === 'NOT_CONFIGURED' ? NOT_CONFIGURED : s.session_error || 'The server could not list the root znode',
            root_read_ms: s.configured ? ms(s.root_read_ms) : null,
            connected_node: s.has_connection_table && s.connected_host ? { host: s.connected_host, port: s.connected_port, since: s.connected_since_ms > 0 ? iso(s.connected_since_ms) : null } : null,
            session_expired: s.has_connection_table ? s.session_expired : null,
          },
        };
      },
    }),
    panelRoute({
      path: '/databases/{id}/panels/keeper-nodes',
      summary: 'Per-node Keeper/ZooKeeper TCP status, tested from the agent\'s host (ClickHouse panel)',
      success: {
        status: 200,
        description: 'The newest Keeper snapshot\'s nodes by host and port: those the agent config lists (keeper_nodes) and the one the session is on (23.x on)',
        schema: z.object({
          database_id: z.string(),
          ts: Ts,
          nodes: z.array(
            z.object({
              host: z.string(),
              port: z.number(),
              status: z.union([z.literal(0), z.literal(1)]).describe('1: a TCP connect from the agent\'s host succeeded; 0: it did not'),
              connect_ms: z.number().nullable().describe('The connect\'s time; null when unreachable'),
              error: z.string().nullable().describe('refused (ECONNREFUSED), no answer, no such host (ENOTFOUND); null when reachable'),
              connected: z.boolean().describe('The node the server\'s session is on (known from ClickHouse 23.x)'),
            }),
          ),
          reachable: z.number(),
          unreachable: z.number(),
        }),
      },
      async handler({ principal, params }) {
        const db = await clickHouseDatabase(ctx, principal.orgId, params.id);
        const k = await reads.latest(db);
        const nodes = (k?.nodes ?? []).map((n) => ({
          host: n.host,
          port: n.port,
          status: n.reachable ? (1 as const) : (0 as const),
          connect_ms: n.reachable ? ms(n.connect_ms) : null,
          error: n.reachable ? null : n.error || 'unreachable',
          connected: n.connected,
        }));
        const reachable = nodes.filter((n) => n.status === 1).length;
        return { body: { database_id: db.id, ts: iso(k?.ts ?? null), nodes, reachable, unreachable: nodes.length - reachable } };
      },
    }),
    panelRoute({
      path: '/databases/{id}/panels/zookeeper',
      summary: 'ZooKeeper/Keeper session health (ClickHouse panel)',
      success: {
        status: 200,
        description: 'The newest Keeper snapshot: system.metrics now, system.events since the server started',
        schema: z.object({
          database_id: z.string(),
          ts: Ts,
          session: z
            .object({
              healthy: z.boolean().describe('Configured, the root znode readable and (where the release tells) the session not expired'),
              sessions: z.number().describe('ZooKeeperSession: open sessions; more than 1 risks stale reads'),
              watches: z.number().describe('ZooKeeperWatch'),
              requests_in_flight: z.number().describe('ZooKeeperRequest'),
              session_inits: z.number().describe('ZooKeeperInit: sessions opened since the server started'),
              reconnects: z.number().describe('session_inits − 1: sessions re-established after the first'),
              hardware_exceptions: z.number().describe('ZooKeeperHardwareExceptions: connection losses and timeouts'),
              user_exceptions: z.number().describe('ZooKeeperUserExceptions: requests refused (node exists, no node, …)'),
              other_exceptions: z.number().describe('ZooKeeperOtherExceptions'),
              transactions: z.number().describe('ZooKeeperTransactions: requests made'),
              avg_wait_ms: z.number().nullable().describe('ZooKeeperWaitMicroseconds ÷ transactions: average time waiting for an answer; null before any request'),
              session_expired: z.boolean().nullable().describe('23.x on; null where the release does not tell'),
              session_uptime_s: z.number().nullable().describe('Since the session was established (23.x on); null before it'),
            })
            .nullable()
            .describe('null before the first snapshot or when no ZooKeeper/Keeper is configured'),
          reason: z.string().nullable().describe('Why `session` is null'),
        }),
      },
      async handler({ principal, params }) {
        const db = await clickHouseDatabase(ctx, principal.orgId, params.id);
        const k = await reads.latest(db);
        if (!k || !k.session.configured) return { body: { database_id: db.id, ts: iso(k?.ts ?? null), session: null, reason: k ? NOT_CONFIGURED : NO_SNAPSHOT } };
        const s = k.session;
        return {
          body: {
            database_id: db.id,
            ts: iso(k.ts),
            session: {
              healthy: s.session_ok && !(s.has_connection_table && s.session_expired),
              sessions: s.sessions,
              watches: s.watches,
              requests_in_flight: s.requests_in_flight,
              session_inits: s.session_inits,
              reconnects: Math.max(0, s.session_inits - 1),
              hardware_exceptions: s.hardware_exceptions,
              user_exceptions: s.user_exceptions,
              other_exceptions: s.other_exceptions,
              transactions: s.transactions,
              avg_wait_ms: s.transactions > 0 ? ms(s.wait_microseconds / s.transactions / 1000) : null,
              session_expired: s.has_connection_table ? s.session_expired : null,
              session_uptime_s: s.has_connection_table && s.connected_since_ms > 0 ? Math.max(0, Math.round((k.ts - s.connected_since_ms) / 1000)) : null,
            },
            reason: null,
          },
        };
      },
    }),
  ];
}
