import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { VigilError, type ErrorCode } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import { audit } from '../../auth/audit.js';
import { authorize } from '../../auth/authenticate.js';
import { SemanticModel, STARTER_EXAMPLES } from '../../ask/ask-prompt.js';
import { AskService, MAX_ROWS_CAP, QUERY_DIALECT } from '../../ask/ask-service.js';
import { askServiceFor } from '../../ask/ask-service-for.js';
import { askView, askViews } from '../../ask/ask-views.js';
import { EXECUTION_MODES, type AskSettingsRow } from '../../storage/meta/ask-repository.js';
import { route, type RouteSpec } from '../route.js';
import { databaseFor } from './database-scope.js';

/**
 * /ask/…, /execute and /cache: what can be asked (the views), the organization's semantic model,
 * examples, settings and execution mode, SQL run through the guard as given (seed 003's /execute),
 * and the answer cache (seed 001).
 */

export const GUARD_ERRORS: ErrorCode[] = ['ASK_SQL_REFUSED', 'SQL_PARSE_ERROR', 'ASK_QUERY_FAILED', 'ASK_QUERY_LIMIT'];

const ColumnView = z.object({ name: z.string(), type: z.string(), role: z.string().describe('The declared column role (tag, time, counter, duration, …)'), description: z.string().optional(), display_name: z.string().optional() });
const ViewView = z.object({
  name: z.string(),
  description: z.string(),
  display_name: z.string().optional(),
  engine: z.enum(['postgresql', 'clickhouse', 'any']),
  source: z.string().describe('The record kind whose table it reads, or metadata'),
  columns: z.array(ColumnView),
});

export const ResultsView = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.array(z.unknown())).describe('64-bit integers come as strings, as ClickHouse writes them in JSON'),
  row_count: z.number().int(),
  execution_time_ms: z.number(),
  truncated: z.boolean().describe('More rows matched than max_rows'),
});

const SettingsView = z.object({
  execution_mode: z.enum(EXECUTION_MODES),
  default_provider: z.string().nullable().describe('Provider id used when a chat names none'),
  cache_ttl_s: z.number().int(),
  max_rows: z.number().int(),
});
const SettingsBody = z.object({
  execution_mode: z.enum(EXECUTION_MODES).optional(),
  default_provider: z.string().max(100).nullable().optional(),
  cache_ttl_s: z.number().int().min(0).max(30 * 24 * 3600).optional().describe('0 turns the cache off'),
  max_rows: z.number().int().min(1).max(MAX_ROWS_CAP).optional(),
});

const ExampleView = z.object({ id: z.string(), question: z.string(), sql: z.string(), builtin: z.boolean(), created_at: z.string().nullable() });
const ExampleBody = z.object({ question: z.string().trim().min(1).max(2000), sql: z.string().min(1).max(20_000).describe('Checked by the guard (one SELECT over the views) before it is kept') });
const ExamplePath = z.object({ id: z.string().max(200) });

const ExecuteBody = z.object({
  sql: z.string().min(1).max(20_000),
  database_id: z.string().max(100).optional().describe('Only this database\'s rows (one of the organization\'s)'),
  max_rows: z.number().int().min(1).max(MAX_ROWS_CAP).optional(),
});

function settingsView(s: AskSettingsRow): z.infer<typeof SettingsView> {
  return { execution_mode: s.execution_mode, default_provider: s.default_provider_id, cache_ttl_s: s.cache_ttl_s, max_rows: s.max_rows };
}

export function askRoutes(ctx: AppContext): RouteSpec[] {
  const ask = () => askServiceFor(ctx);
  return [
    route({
      method: 'get',
      path: '/ask/schema',
      summary: 'The views a question may read, described from the record kinds\' declarations, with the organization\'s semantic notes',
      tag: 'ask',
      auth: 'read',
      success: { status: 200, description: 'Views and their columns', schema: z.object({ dialect: z.string(), views: z.array(ViewView) }) },
      async handler({ principal }) {
        const model = await ask().semanticModel(principal.orgId);
        const views = askViews().map((v) => {
          const notes = model.views[v.name];
          return {
            ...v,
            ...(notes?.display_name ? { display_name: notes.display_name } : {}),
            ...(notes?.description ? { description: notes.description } : {}),
            columns: v.columns.map((c) => {
              const n = notes?.columns?.[c.name];
              return { ...c, ...(n?.description ? { description: n.description } : {}), ...(n?.display_name ? { display_name: n.display_name } : {}) };
            }),
          };
        });
        return { body: { dialect: QUERY_DIALECT, views } };
      },
    }),
    route({
      method: 'get',
      path: '/ask/semantic-model',
      summary: "The organization's semantic model: display names, descriptions, value mappings, join hints",
      tag: 'ask',
      auth: 'read',
      success: { status: 200, description: 'The model', schema: SemanticModel },
      async handler({ principal }) {
        return { body: await ask().semanticModel(principal.orgId) };
      },
    }),
    route({
      method: 'put',
      path: '/ask/semantic-model',
      summary: 'Replace the semantic model (views and columns must exist)',
      tag: 'ask',
      auth: 'admin',
      body: SemanticModel,
      success: { status: 200, description: 'The model as stored', schema: SemanticModel },
      async handler({ principal, body, res }) {
        for (const [name, notes] of Object.entries(body.views)) {
          const view = askView(name);
          if (!view) throw new VigilError('VALIDATION_FAILED', `Invalid body field 'views.${name}': no such view (GET /ask/schema lists them)`, { details: { body_field: `views.${name}` } });
          for (const column of Object.keys(notes.columns ?? {})) {
            if (!view.columns.some((c) => c.name === column)) throw new VigilError('VALIDATION_FAILED', `Invalid body field 'views.${name}.columns.${column}': ${name} has no such column`, { details: { body_field: `views.${name}.columns.${column}` } });
          }
        }
        const saved = await ctx.meta.ask.updateAskSettings(principal.orgId, { semantic_model: JSON.stringify(body) }, new Date().toISOString());
        await audit(ctx, res, 'settings.changed', { type: 'ask_settings', id: principal.orgId }, { details: { fields: ['semantic_model'] } });
        return { body: SemanticModel.parse(JSON.parse(saved.semantic_model)) };
      },
    }),
    route({
      method: 'get',
      path: '/ask/examples',
      summary: 'Verified question → SQL pairs given to the model as examples: the built-in starter set, then the organization\'s',
      tag: 'ask',
      auth: 'read',
      success: { status: 200, description: 'Examples', schema: z.object({ examples: z.array(ExampleView) }) },
      async handler({ principal }) {
        const own = await ctx.meta.ask.listExamples(principal.orgId);
        return {
          body: {
            examples: [...STARTER_EXAMPLES.map((e) => ({ ...e, builtin: true, created_at: null })), ...own.map((e) => ({ id: e.id, question: e.question, sql: e.sql, builtin: false, created_at: e.created_at }))],
          },
        };
      },
    }),
    route({
      method: 'post',
      path: '/ask/examples',
      summary: 'Keep a verified question → SQL pair (the SQL must pass the guard)',
      tag: 'ask',
      auth: 'admin',
      errors: ['ASK_SQL_REFUSED', 'SQL_PARSE_ERROR', 'ASK_QUERY_FAILED', 'ASK_QUERY_LIMIT'],
      body: ExampleBody,
      success: { status: 201, description: 'The example', schema: ExampleView },
      async handler({ principal, body, res }) {
        // Verified: it must pass the guard and run (on one row) for this organization.
        const { query } = await ask().execute(principal.orgId, body.sql, undefined, 1);
        const example = await ctx.meta.ask.createExample({ id: randomUUID(), org_id: principal.orgId, question: body.question, sql: query, created_at: new Date().toISOString() });
        await audit(ctx, res, 'settings.changed', { type: 'ask_example', id: example.id }, { details: { change: 'created' } });
        return { status: 201, body: { id: example.id, question: example.question, sql: example.sql, builtin: false, created_at: example.created_at } };
      },
    }),
    route({
      method: 'delete',
      path: '/ask/examples/{id}',
      summary: 'Remove one of the organization\'s examples (the built-in ones stay)',
      tag: 'ask',
      auth: 'admin',
      params: ExamplePath,
      success: { status: 204, description: 'Removed' },
      async handler({ principal, params, res }) {
        if (STARTER_EXAMPLES.some((e) => e.id === params.id)) throw new VigilError('VALIDATION_FAILED', `Invalid path param 'id': ${params.id} is a built-in example and cannot be removed`, { details: { path_param: 'id' } });
        if (!(await ctx.meta.ask.deleteExample(principal.orgId, params.id))) throw new VigilError('NOT_FOUND', 'No such example');
        await audit(ctx, res, 'settings.changed', { type: 'ask_example', id: params.id }, { details: { change: 'deleted' } });
        return { status: 204 };
      },
    }),
    route({
      method: 'get',
      path: '/ask/settings',
      summary: 'Ask settings: execution mode, default provider, cache TTL, row limit',
      tag: 'ask',
      auth: 'read',
      success: { status: 200, description: 'Settings', schema: SettingsView },
      async handler({ principal }) {
        return { body: settingsView(await ctx.meta.ask.getAskSettings(principal.orgId)) };
      },
    }),
    route({
      method: 'put',
      path: '/ask/settings',
      summary: 'Change ask settings (fields left out are kept)',
      tag: 'ask',
      auth: 'admin',
      errors: ['NOT_FOUND'],
      body: SettingsBody,
      success: { status: 200, description: 'Settings after the change', schema: SettingsView },
      async handler({ principal, body, res }) {
        const { default_provider, ...rest } = body;
        if (default_provider && !(await ctx.meta.ask.getProvider(principal.orgId, default_provider))) throw new VigilError('NOT_FOUND', 'No such provider', { details: { body_field: 'default_provider' } });
        const saved = await ctx.meta.ask.updateAskSettings(principal.orgId, { ...rest, ...(default_provider === undefined ? {} : { default_provider_id: default_provider }) }, new Date().toISOString());
        await audit(ctx, res, 'settings.changed', { type: 'ask_settings', id: principal.orgId }, { details: { fields: Object.keys(body) } });
        return { body: settingsView(saved) };
      },
    }),
    route({
      method: 'put',
      path: '/ask/execution-mode',
      summary: 'How generated SQL is run: auto_execute, review_first (an admin approves each), generate_only',
      tag: 'ask',
      auth: 'admin',
      body: z.object({ mode: z.enum(EXECUTION_MODES) }),
      success: { status: 200, description: 'The mode', schema: z.object({ execution_mode: z.enum(EXECUTION_MODES) }) },
      async handler({ principal, body, res }) {
        const saved = await ctx.meta.ask.updateAskSettings(principal.orgId, { execution_mode: body.mode }, new Date().toISOString());
        await audit(ctx, res, 'settings.changed', { type: 'ask_settings', id: principal.orgId }, { details: { fields: ['execution_mode'], execution_mode: body.mode } });
        return { body: { execution_mode: saved.execution_mode } };
      },
    }),
    route({
      method: 'post',
      path: '/execute',
      summary: 'Run SQL through the guard over the organization\'s views (seed 003); under review_first only an admin may',
      tag: 'ask',
      auth: 'read',
      errors: [...GUARD_ERRORS, 'NOT_FOUND'],
      body: ExecuteBody,
      success: { status: 200, description: 'The canonical SQL and its results', schema: z.object({ query: z.string(), query_dialect: z.string(), results: ResultsView }) },
      async handler({ principal, body }) {
        const settings = await ctx.meta.ask.getAskSettings(principal.orgId);
        // review_first means SQL runs once an admin has read it: running it here is that act.
        if (settings.execution_mode === 'review_first') authorize(principal, 'admin');
        if (body.database_id) await databaseFor(ctx, principal.orgId, body.database_id);
        const { query, results } = await ask().execute(principal.orgId, body.sql, body.database_id, AskService.maxRows(settings, body.max_rows));
        return { body: { query, query_dialect: QUERY_DIALECT, results } };
      },
    }),
    route({
      method: 'get',
      path: '/cache/stats',
      summary: 'The answer cache: entries, hits, misses, TTL',
      tag: 'ask',
      auth: 'read',
      success: {
        status: 200,
        description: 'Cache statistics',
        schema: z.object({ entries: z.number().int(), hits: z.number().int(), misses: z.number().int(), hit_rate: z.number().nullable(), ttl_s: z.number().int() }),
      },
      async handler({ principal }) {
        const s = await ctx.meta.ask.getAskSettings(principal.orgId);
        const entries = await ctx.meta.ask.cacheEntries(principal.orgId, new Date().toISOString());
        const asked = s.cache_hits + s.cache_misses;
        return { body: { entries, hits: s.cache_hits, misses: s.cache_misses, hit_rate: asked === 0 ? null : s.cache_hits / asked, ttl_s: s.cache_ttl_s } };
      },
    }),
    route({
      method: 'delete',
      path: '/cache',
      summary: 'Empty the answer cache and reset its counters',
      tag: 'ask',
      auth: 'admin',
      success: { status: 200, description: 'How many answers were removed', schema: z.object({ removed: z.number().int() }) },
      async handler({ principal, res }) {
        const removed = await ctx.meta.ask.clearCache(principal.orgId);
        await audit(ctx, res, 'settings.changed', { type: 'ask_cache', id: principal.orgId }, { details: { removed } });
        return { body: { removed } };
      },
    }),
  ];
}
