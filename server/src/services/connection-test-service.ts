import { z } from 'zod';
import { sendCommand, COMMAND_ERRORS } from '../commands/command-broker.js';
import type { CommandBus } from '../commands/command-bus.js';
import type { Database } from '../storage/meta/meta-store.js';

/** What POST /databases/{id}/test answers: the agent's test_connection result (agent/src/commands/test-connection-command.ts). */
export const ConnectionTestView = z.object({
  database_id: z.string(),
  engine: z.enum(['postgres', 'clickhouse']),
  reachable: z.boolean(),
  server_version: z.string().nullable(),
  latency_ms: z.number(),
  error: z.string().nullable().describe('Why the agent could not connect (never a password)'),
  pg_stat_statements: z.boolean().optional().describe('PostgreSQL: whether the extension is installed'),
  in_recovery: z.boolean().optional().describe('PostgreSQL: a standby'),
  replicas: z
    .array(z.object({ application_name: z.string(), client_addr: z.string().nullable(), state: z.string().nullable(), sync_state: z.string().nullable(), replay_lag_bytes: z.number().nullable(), replay_lag_ms: z.number().nullable() }))
    .optional()
    .describe('PostgreSQL: standbys streaming from it (pg_stat_replication)'),
  replication_slots: z
    .array(z.object({ slot_name: z.string(), slot_type: z.string(), database: z.string().nullable(), active: z.boolean(), retained_bytes: z.number().nullable() }))
    .optional()
    .describe('PostgreSQL: its replication slots (pg_replication_slots)'),
  clusters: z
    .array(z.object({ cluster: z.string(), shard_num: z.number(), replica_num: z.number(), host_name: z.string(), port: z.number(), is_local: z.boolean() }))
    .optional()
    .describe('ClickHouse: every replica of the clusters it knows (system.clusters)'),
  keeper: z
    .object({
      configured: z.boolean(),
      nodes: z.array(z.object({ name: z.string(), host: z.string(), port: z.number(), index: z.number() })).describe('Nodes its sessions are connected to (system.zookeeper_connection, 23.x on)'),
      root_children: z.array(z.string()).nullable().describe('Children of the root znode, read through system.zookeeper: the session works'),
      error: z.string().nullable(),
    })
    .optional()
    .describe('ClickHouse: its Keeper/ZooKeeper'),
});

/** The codes POST /databases/{id}/test answers beyond the implied ones. */
export const CONNECTION_TEST_ERRORS = COMMAND_ERRORS;

/** Has the agent serving `db` connect to it afresh and say what it sees; an unreachable database is an answer (reachable: false), not an error. */
export async function testConnection(ctx: { readonly commands: CommandBus }, db: Database): Promise<z.infer<typeof ConnectionTestView>> {
  const { database: _name, ...result } = (await sendCommand(ctx, db, 'test_connection', {})) as z.infer<typeof ConnectionTestView> & { database: string };
  return { ...result, database_id: db.id };
}
