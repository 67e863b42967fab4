import { z } from 'zod';
import { VigilError } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import { MAX_ROWS_CAP, type ChatEvent } from '../../ask/ask-service.js';
import { askServiceFor } from '../../ask/ask-service-for.js';
import { MESSAGE_STATUSES, type MessageRow } from '../../storage/meta/ask-repository.js';
import { route, type RouteSpec } from '../route.js';
import { ResultsView } from './ask.js';
import { databaseFor } from './database-scope.js';

/**
 * /chat: a question in words answered over Server-Sent Events (seed 001): `progress` (stage and
 * words), `delta` (the model's text as it streams), `sql`, `rows`, `explanation`, then `done` with
 * the whole answer. Ids in the body are resolved before the stream starts, so another
 * organization's session or provider is a plain 404. Sessions keep the messages in order.
 */

const KEEP_ALIVE_MS = 15_000;

const ChatBody = z.object({
  message: z.string().trim().min(1).max(4000).describe('The question, in words'),
  session_id: z.string().max(100).nullable().optional().describe('Continue this session; omitted or null starts one'),
  provider: z.string().max(100).nullable().optional().describe('Provider id; omitted: the default provider'),
  database_id: z.string().max(100).optional().describe('Focus the question on one of the organization\'s databases'),
  options: z
    .object({
      show_query: z.boolean().default(true),
      max_rows: z.number().int().min(1).max(MAX_ROWS_CAP).optional(),
      explain_results: z.boolean().default(false).describe('Ask the model a second time to explain the rows in words'),
    })
    .default({ show_query: true, explain_results: false }),
});

const ErrorView = z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }).nullable();
const Tokens = z.object({ prompt: z.number().int(), completion: z.number().int(), total: z.number().int() });

export const DoneView = z.object({
  session_id: z.string(),
  message_id: z.string(),
  query: z.string().nullable(),
  query_dialect: z.string(),
  explanation: z.string().nullable(),
  results: ResultsView.nullable(),
  status: z.enum(MESSAGE_STATUSES),
  cache_hit: z.boolean(),
  error: ErrorView,
  tokens: Tokens.nullable(),
});

const SessionView = z.object({ id: z.string(), title: z.string(), created_at: z.string(), updated_at: z.string() });
const MessageView = z.object({
  id: z.string(),
  seq: z.number().int(),
  role: z.enum(['user', 'assistant']),
  content: z.string().describe('The question, or the explanation'),
  query: z.string().nullable(),
  status: z.enum(MESSAGE_STATUSES).nullable(),
  database_id: z.string().nullable(),
  provider_id: z.string().nullable(),
  results: ResultsView.nullable(),
  error: ErrorView,
  tokens: Tokens.nullable(),
  created_at: z.string(),
});

function messageView(m: MessageRow): z.infer<typeof MessageView> {
  return {
    id: m.id,
    seq: m.seq,
    role: m.role,
    content: m.content,
    query: m.query,
    status: m.status,
    database_id: m.database_id,
    provider_id: m.provider_id,
    results: m.results ? JSON.parse(m.results) : null,
    error: m.error ? JSON.parse(m.error) : null,
    tokens: m.tokens ? JSON.parse(m.tokens) : null,
    created_at: m.created_at,
  };
}

export function chatRoutes(ctx: AppContext): RouteSpec[] {
  const ask = () => askServiceFor(ctx);
  return [
    route({
      method: 'post',
      path: '/chat',
      summary: 'Ask a question in words: SQL over the organization\'s views, run by its execution mode, streamed as Server-Sent Events',
      tag: 'ask',
      auth: 'read',
      errors: ['ASK_NO_PROVIDER', 'ASK_RATE_LIMITED', 'NOT_FOUND'],
      body: ChatBody,
      success: { status: 200, description: 'text/event-stream: progress, delta, sql, rows and explanation events, then done (or error, code INTERNAL, if the server fails past the headers) (the answer: session_id, message_id, query, query_dialect, explanation, results, status, cache_hit, error, tokens)' },
      async handler({ principal, body, res }) {
        const database = body.database_id ? await databaseFor(ctx, principal.orgId, body.database_id) : undefined;
        const prepared = await ask().prepareChat(principal.orgId, body, database);
        // Counted once the question is valid and has a model to go to: each spends the organization's own tokens.
        ctx.askLimiter.take(principal.orgId, res, (perMinute, seconds) => new VigilError('ASK_RATE_LIMITED', `This organization asked ${perMinute} questions in the last minute: retry in ${seconds} s`, { details: { retry_after_s: seconds } }));
        res.status(200);
        res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache, no-transform');
        res.setHeader('X-Accel-Buffering', 'no');
        res.flushHeaders();
        // A client that went away stops hearing; the answer is still stored in its session.
        const emit = (event: ChatEvent, data: unknown) => {
          if (!res.writableEnded && !res.destroyed) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        };
        // A comment line now and then keeps proxies from closing a stream while the model thinks.
        const keepAlive = setInterval(() => {
          if (!res.writableEnded && !res.destroyed) res.write(': keep-alive\n\n');
        }, KEEP_ALIVE_MS);
        try {
          emit('done', await ask().runChat(prepared, emit));
        } catch (err) {
          // The headers are gone: a failure past them (the metadata store down) is an error event, never a 500 page.
          ctx.logger.error({ err, orgId: principal.orgId }, 'chat failed after its stream started');
          emit('error', { code: 'INTERNAL', message: 'Internal server error' });
        } finally {
          clearInterval(keepAlive);
          res.end();
        }
        return { status: 200 };
      },
    }),
    route({
      method: 'get',
      path: '/chat/sessions',
      summary: "The organization's chat sessions, latest activity first",
      tag: 'ask',
      auth: 'read',
      query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
      success: { status: 200, description: 'Sessions', schema: z.object({ sessions: z.array(SessionView) }) },
      async handler({ principal, query }) {
        const sessions = await ctx.meta.ask.listSessions(principal.orgId, query.limit);
        return { body: { sessions: sessions.map((s) => ({ id: s.id, title: s.title, created_at: s.created_at, updated_at: s.updated_at })) } };
      },
    }),
    route({
      method: 'get',
      path: '/chat/sessions/{id}',
      summary: 'One chat session with its messages in order',
      tag: 'ask',
      auth: 'read',
      params: z.object({ id: z.string().max(100) }),
      success: { status: 200, description: 'The session', schema: SessionView.extend({ messages: z.array(MessageView) }) },
      async handler({ principal, params }) {
        const session = await ctx.meta.ask.getSession(principal.orgId, params.id);
        if (!session) throw new VigilError('NOT_FOUND', 'No such chat session');
        const messages = await ctx.meta.ask.listMessages(principal.orgId, session.id);
        return { body: { id: session.id, title: session.title, created_at: session.created_at, updated_at: session.updated_at, messages: messages.map(messageView) } };
      },
    }),
    route({
      method: 'post',
      path: '/chat/execute/{message_id}',
      summary: 'Approve and run a message held as pending_approval (review_first); it runs once',
      tag: 'ask',
      auth: 'admin',
      errors: ['ASK_NOT_PENDING'],
      params: z.object({ message_id: z.string().max(100) }),
      success: { status: 200, description: 'The answer as a done event carries it (status executed, or error with the reason)', schema: DoneView },
      async handler({ principal, params }) {
        return { body: await ask().approve(principal.orgId, params.message_id) };
      },
    }),
  ];
}
