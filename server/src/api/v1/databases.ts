import { z } from 'zod';
import { COLLECTOR_NAMES, ENGINES, VigilError, type EngineName } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import { databaseAgentHealth, databaseStatus } from '../../ingest/agent-registry.js';
import type { Database } from '../../storage/meta/meta-store.js';
import { audit } from '../../auth/audit.js';
import { assertMayRegisterDatabase } from '../../auth/org-limits.js';
import { CONNECTION_TEST_ERRORS, ConnectionTestView, testConnection } from '../../services/connection-test-service.js';
import { route, type RouteSpec } from '../route.js';
import { DatabasePath, databaseFor } from './database-scope.js';

/** Basira's port defaults when POST /databases leaves it out. */
const DEFAULT_PORTS: Record<EngineName, number> = { postgres: 5432, clickhouse: 8123 };
/** Collector names, before checking them against the list (so only a name-shaped value is ever echoed back). */
const COLLECTOR_NAME = /^[a-z][a-z0-9_]{0,63}$/;
const ALL_COLLECTORS: ReadonlySet<string> = new Set(Object.values(COLLECTOR_NAMES).flat());
const COLLECTORS_BY_ENGINE = ENGINES.map((engine) => `${engine}: ${COLLECTOR_NAMES[engine].join(', ')}`).join('; ');
/** Close code telling the agent its database was deleted: it reconnects and announces what it still watches. */
const CLOSE_DATABASE_DELETED = 4003;

const Name = z.string().trim().min(1, 'must not be empty').max(128, 'must be at most 128 characters');
const Host = z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters');
const Port = z.number({ error: 'must be an integer' }).int('must be an integer').min(1, 'must be at least 1').max(65535, 'must be at most 65535');
const Tags = z
  .record(z.string().min(1, 'tag keys must not be empty').max(64, 'tag keys must be at most 64 characters'), z.string().max(256, 'tag values must be at most 256 characters'), {
    error: 'must be an object of string values',
  })
  .refine((tags) => Object.keys(tags).length <= 50, 'at most 50 tags');

const CreateBody = z.strictObject({
  name: Name,
  engine: z.enum(ENGINES, { error: `must be one of ${ENGINES.join(', ')}` }),
  engine_version: z.string().max(64, 'must be at most 64 characters').optional(),
  host: Host,
  port: Port.optional().describe('Default: 5432 (postgres), 8123 (clickhouse)'),
  tags: Tags.optional(),
});
const PatchBody = z
  .strictObject({
    name: Name,
    host: Host,
    port: Port,
    tags: Tags,
    poll_interval_seconds: z.number({ error: 'must be an integer or null' }).int('must be an integer').min(1, 'must be at least 1').max(86400, 'must be at most 86400').nullable(),
    collect_explain_plans: z.boolean({ error: 'must be true or false' }),
    collect_replication: z.boolean({ error: 'must be true or false' }),
    disabled_collectors: z
      .array(
        z
          .string({ error: 'must be a collector name' })
          .regex(COLLECTOR_NAME, 'must be collector names such as locks or query_log')
          // The agent refuses the same typo in its config; accepting it here would disable nothing, silently.
          .refine((name) => !COLLECTOR_NAME.test(name) || ALL_COLLECTORS.has(name), { abort: true, error: (issue) => `'${String(issue.input)}' is not a collector (${COLLECTORS_BY_ENGINE})` }),
        { error: 'must be an array of collector names' },
      )
      .max(64, 'at most 64 collectors'),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'must name at least one field to change');

const DatabaseView = z.object({
  id: z.string(),
  name: z.string(),
  engine: z.enum(ENGINES),
  engine_version: z.string().nullable(),
  host: z.string().nullable(),
  port: z.number().nullable(),
  tags: z.record(z.string(), z.string()),
  status: z.enum(['connected', 'disconnected']),
  last_seen_at: z.string().nullable(),
  poll_interval_seconds: z.number().nullable().describe('When set, every collector runs at this interval instead of its own default'),
  collect_explain_plans: z.boolean(),
  collect_replication: z.boolean(),
  disabled_collectors: z.array(z.string()),
  created_at: z.string(),
  updated_at: z.string(),
});
const HeartbeatView = z.object({
  agent_version: z.string(),
  uptime_s: z.number(),
  rss_bytes: z.number(),
  cpu_percent: z.number(),
  spool_batches: z.number(),
  spool_bytes: z.number(),
  evicted_batches: z.number(),
  collectors: z.array(
    z.object({
      database: z.string(),
      collector: z.string(),
      last_success_at: z.string().nullable(),
      last_error_at: z.string().nullable(),
      last_error: z.string().nullable(),
      statuses: z.array(z.string()),
      disabled: z.boolean(),
      interval_s: z.number(),
    }),
  ),
});
const HealthView = z.object({
  id: z.string(),
  status: z.enum(['connected', 'disconnected']),
  last_seen_at: z.string().nullable(),
  agent_version: z.string().nullable(),
  agent: z
    .object({ id: z.string(), hostname: z.string().nullable(), version: z.string(), last_heartbeat_at: z.string().nullable(), heartbeat: HeartbeatView.nullable() })
    .nullable(),
});

/** /databases: the organization's databases, registered by agents or by hand, and their settings. */
export function databaseRoutes(ctx: AppContext): RouteSpec[] {
  function view(db: Database): z.infer<typeof DatabaseView> {
    const { org_id: _org, agent_id: _agent, ...rest } = db;
    return { ...rest, status: databaseStatus(ctx, db) };
  }

  return [
    route({
      method: 'get',
      path: '/databases',
      summary: "List the organization's databases",
      tag: 'databases',
      auth: 'read',
      success: { status: 200, description: 'Databases by name', schema: z.object({ databases: z.array(DatabaseView) }) },
      async handler({ principal }) {
        return { body: { databases: (await ctx.meta.listDatabases(principal.orgId)).map(view) } };
      },
    }),
    route({
      method: 'post',
      path: '/databases',
      summary: 'Pre-register a database by name; the agent that announces that name takes it over',
      tag: 'databases',
      auth: 'admin',
      errors: ['DATABASE_NAME_TAKEN', 'ORG_UNVERIFIED_LIMIT'],
      body: CreateBody,
      success: { status: 201, description: 'The registered database', schema: DatabaseView },
      async handler({ principal, body }) {
        await assertMayRegisterDatabase(ctx.meta, principal.orgId, body.name);
        const db = await ctx.meta.createDatabase({
          orgId: principal.orgId,
          name: body.name,
          engine: body.engine,
          engineVersion: body.engine_version ?? null,
          host: body.host,
          port: body.port ?? DEFAULT_PORTS[body.engine],
          tags: body.tags ?? {},
          at: new Date().toISOString(),
        });
        return { status: 201, body: view(db) };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}',
      summary: 'One database',
      tag: 'databases',
      auth: 'read',
      params: DatabasePath,
      success: { status: 200, description: 'The database', schema: DatabaseView },
      async handler({ principal, params }) {
        return { body: view(await databaseFor(ctx, principal.orgId, params.id)) };
      },
    }),
    route({
      method: 'patch',
      path: '/databases/{id}',
      summary: "Change a database's name, tags or collection settings; a connected agent applies them within seconds",
      tag: 'databases',
      auth: 'admin',
      errors: ['DATABASE_NAME_TAKEN'],
      params: DatabasePath,
      body: PatchBody,
      success: { status: 200, description: 'The updated database', schema: DatabaseView },
      async handler({ principal, params, body }) {
        const current = await databaseFor(ctx, principal.orgId, params.id);
        const foreign = body.disabled_collectors?.findIndex((name) => !(COLLECTOR_NAMES[current.engine] as readonly string[]).includes(name)) ?? -1;
        if (foreign >= 0) {
          throw new VigilError('VALIDATION_FAILED', `Invalid body field 'disabled_collectors.${foreign}': '${body.disabled_collectors![foreign]}' is not a ${current.engine} collector (${current.engine}: ${COLLECTOR_NAMES[current.engine].join(', ')})`, {
            details: { body_field: `disabled_collectors.${foreign}` },
          });
        }
        // undefined: deleted meanwhile; databaseFor makes that the usual 404.
        const db = (await ctx.meta.updateDatabase(principal.orgId, params.id, body)) ?? (await databaseFor(ctx, principal.orgId, params.id));
        await ctx.commands.pushSettings(db.id);
        return { body: view(db) };
      },
    }),
    route({
      method: 'delete',
      path: '/databases/{id}',
      summary: 'Delete a database and its telemetry',
      tag: 'databases',
      auth: 'admin',
      params: DatabasePath,
      success: { status: 204, description: 'Deleted' },
      async handler({ principal, params, res }) {
        const db = await databaseFor(ctx, principal.orgId, params.id);
        await ctx.meta.deleteDatabase(db.org_id, db.id);
        await audit(ctx, res, 'database.deleted', { type: 'database', id: db.id }, { details: { name: db.name, engine: db.engine } });
        // Telemetry goes by a background mutation; the API stops showing it at once since the id is gone.
        await ctx.telemetry.deleteDatabase(db.org_id, db.id);
        // An agent still sending for this id would write rows no one can read: it reconnects and
        // announces what it still watches (a database it still watches comes back under a new id).
        ctx.agents.agentFor(db.id)?.close(CLOSE_DATABASE_DELETED, 'database deleted');
        return { status: 204 };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}/health',
      summary: "Whether the database's agent is connected, when it was last seen, and the agent's latest heartbeat",
      tag: 'databases',
      auth: 'read',
      params: DatabasePath,
      success: { status: 200, description: 'Connection health', schema: HealthView },
      async handler({ principal, params }) {
        const db = await databaseFor(ctx, principal.orgId, params.id);
        const health = await databaseAgentHealth(ctx, db);
        return { body: { id: db.id, ...health, agent_version: health.agent?.version ?? null } };
      },
    }),
    route({
      method: 'post',
      path: '/databases/{id}/test',
      summary: "Have the database's agent connect to it afresh: reachability, server version, and the topology it sees (PostgreSQL replicas and slots; ClickHouse clusters and Keeper)",
      tag: 'databases',
      auth: 'read',
      errors: CONNECTION_TEST_ERRORS,
      params: DatabasePath,
      success: { status: 200, description: 'What the agent found. An unreachable database is reachable: false with the reason; 409 AGENT_NOT_CONNECTED when no server process holds its agent', schema: ConnectionTestView },
      async handler({ principal, params }) {
        return { body: await testConnection(ctx, await databaseFor(ctx, principal.orgId, params.id)) };
      },
    }),
  ];
}
