import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express, { type Express } from 'express';
import { VigilError } from '@vigil/shared';
import type { ServerConfig } from './config.js';
import type { AppContext } from './context.js';
import type { Logger } from './logger.js';
import { errorHandler } from './api/error-handler.js';
import { JSON_MEDIA_TYPES } from './api/validate.js';
import { ActivityStream } from './api/v1/activity-stream.js';
import { apiV1Router, docsRouter } from './api/v1/index.js';
import { AgentGateway } from './ingest/agent-gateway.js';
import { AgentRegistry } from './ingest/agent-registry.js';
import { commandBusFor } from './commands/open-command-bus.js';
import { IngestEvents } from './ingest/ingest-events.js';
import { IngestQueue } from './ingest/ingest-queue.js';
import { RetentionJob } from './jobs/retention-job.js';
import { AlertEvaluationJob } from './jobs/alert-evaluation-job.js';
import { ScanJob } from './jobs/scan-job.js';
import { AlertEvents } from './engines/alerts/alert-events.js';
import { alertReads } from './engines/alerts/alert-source.js';
import { metricInputs } from './storage/telemetry/reads/metric-inputs.js';
import { telemetryReads } from './storage/telemetry/reads/telemetry-reads.js';
import { Notifications } from './notify/notifications.js';
import { notifyAlertEvents } from './notify/alert-notifications.js';
import { DatabaseEvaluator } from './services/database-evaluator.js';
import { metricDigests } from './services/metric-digests.js';
import { LastSeenRecorder } from './ingest/last-seen-recorder.js';
import { httpObserver, routeBase } from './ops/http-observer.js';
import { ServerMetrics } from './ops/metrics.js';
import { readinessHandler } from './ops/readiness.js';
import type { MetaStore } from './storage/meta/meta-store.js';
import { openStores } from './storage/open-stores.js';
import { SqlParsers } from './engines/sql-parse/sql-parsers.js';
import { ClientRateLimiter } from './api/client-rate-limiter.js';
import type { TelemetryStore } from './storage/telemetry/telemetry-store.js';
import { SERVER_VERSION } from './version.js';
import { createMailer } from './mail/mailer.js';
import { startAccountsPruning } from './auth/audit.js';
import { dashboard } from './web/dashboard.js';

export interface VigilServer {
  readonly app: Express;
  readonly http: Server;
  readonly context: AppContext;
  readonly metrics: ServerMetrics;
  readonly ingestQueue: IngestQueue;
  /** The bound port (useful with port 0). */
  port(): number;
  /**
   * Graceful shutdown, bounded by `shutdownTimeoutMs`: stop accepting, drain the ingest queue
   * (acking what was written), close agent sockets with 1001, then the stores.
   */
  close(): Promise<void>;
}

interface Ops {
  readonly metrics: ServerMetrics;
  readonly isShuttingDown: () => boolean;
}

function buildApp(ctx: AppContext, ops: Ops): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(httpObserver(ctx.logger, ops.metrics));
  // Any JSON value parses (strict: false), so a body that is an array or a string is told it must be an
  // object by route validation instead of "not valid JSON"; other media types stay unread (route() answers 415).
  app.use(express.json({ limit: '1mb', strict: false, type: JSON_MEDIA_TYPES }));

  // A browser gets the dashboard (mounted last, with its deep links); any other client gets where things are.
  app.get('/', (req, res, next) => {
    if (req.accepts(['json', 'html']) === 'html') return next();
    res.json({ name: 'Vigil', version: SERVER_VERSION, docs: '/docs', openapi: '/api/v1/openapi.json', api: '/api/v1', health: '/api/v1/health' });
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', version: SERVER_VERSION });
  });
  app.get('/readyz', readinessHandler({ meta: ctx.meta, telemetry: ctx.telemetry }, ops.isShuttingDown, ctx.logger));
  // Unauthenticated like /healthz: labels hold no tenant data (no ids, paths or names).
  app.get('/metrics', async (_req, res) => {
    const { contentType, body } = await ops.metrics.render();
    res.type(contentType).send(body);
  });
  app.use('/api/v1', routeBase, apiV1Router(ctx, { validateResponses: ctx.config.validateResponses }));
  app.use('/docs', routeBase, docsRouter());
  app.use(dashboard(ctx.logger));
  app.use((req, _res, next) => next(new VigilError('ROUTE_NOT_FOUND', `No endpoint ${req.method} ${req.path}`)));
  app.use(errorHandler(ctx.logger));
  return app;
}

/** Resolves true if `work` settled within `ms`, false if the time ran out first. */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface StartOptions {
  /** Already opened and migrated stores to serve instead of the configured ones; the server closes them. */
  readonly stores?: { readonly meta: MetaStore; readonly telemetry: TelemetryStore };
}

/** Opens the stores, builds the API and the agent gateway on one HTTP server, and listens. */
export async function startServer(config: ServerConfig, logger: Logger, options: StartOptions = {}): Promise<VigilServer> {
  const stores = options.stores ?? (await openStores(config, logger));
  const ingestEvents = new IngestEvents(logger);
  const alertEvents = new AlertEvents();
  // Each delivery attempt shows on its alert (GET /alerts/{id}: delivery_status, attempts, last_error).
  const notifications = new Notifications({ config, meta: stores.meta, logger, onAlertDelivery: (id, update) => stores.meta.alerts.recordDelivery(id, update) });
  // Every MetricInput read also stores the database's metric digest, which the alert tick judges instead of reading telemetry.
  const inputs = metricDigests({ inputs: metricInputs(telemetryReads(stores.telemetry), stores.meta), digests: stores.meta.alerts, agents: stores.meta, logger });
  const evaluator = new DatabaseEvaluator({ meta: stores.meta, telemetry: stores.telemetry, logger, inputs });
  evaluator.listen(ingestEvents);
  evaluator.setAlertSource(alertReads(stores.meta.alerts));
  const agents = new AgentRegistry();
  const mailer = createMailer(config.mail, logger);
  // chDB allows one data directory per process: the parser shares the embedded store's (open-stores.ts), if any.
  const sql = new SqlParsers({ chdbDir: config.clickhouseUrl ? undefined : join(config.dataDir, 'telemetry') });
  const publicLimiter = new ClientRateLimiter(config.publicRateLimitPerMinute);
  const askLimiter = new ClientRateLimiter(config.askQuestionsPerMinute);
  const context: AppContext = { config, logger, ...stores, agents, commands: commandBusFor(config, agents, logger), ingestEvents, alertEvents, notifications, evaluator, mailer, sql, publicLimiter, askLimiter };
  // Before listening: a command relayed by another process must find this one hearing.
  await context.commands.start();
  const stopAlertNotices = notifyAlertEvents(context);
  const metrics = new ServerMetrics();
  const ingestQueue = new IngestQueue({ meta: stores.meta, telemetry: stores.telemetry, limits: config.ingest, metrics, logger, events: ingestEvents });
  const lastSeen = new LastSeenRecorder(stores.meta, config.heartbeatIntervalSeconds * 1000, logger);
  const gateway = new AgentGateway(context, { queue: ingestQueue, metrics, lastSeen });
  const retention = new RetentionJob(stores.telemetry, config.retention, logger);
  metrics.observe({ queueDepth: () => ingestQueue.depth, connectedAgents: () => context.agents.size });
  let shuttingDown = false;
  const app = buildApp(context, { metrics, isShuttingDown: () => shuttingDown });
  const http = createServer(app);
  const activityStream = new ActivityStream(context);

  http.on('upgrade', (req, socket, head) => {
    if (AgentGateway.matches(req)) return gateway.handleUpgrade(req, socket, head);
    if (ActivityStream.matches(req)) return activityStream.handleUpgrade(req, socket, head);
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (): number => (http.address() as AddressInfo).port;
  logger.info({ port: port(), data_dir: config.dataDir }, 'vigil server listening');
  retention.start();
  const stopAccountsPruning = startAccountsPruning(stores.meta, config.retention.dailyDays, logger);
  const alertJob = new AlertEvaluationJob({
    meta: stores.meta,
    inputs,
    events: alertEvents,
    ingestEvents,
    logger,
    intervalMs: config.alertEvalIntervalSeconds * 1000,
    // The tick scores each chunk it evaluates: every database's health score within the tick.
    scores: { leaseName: DatabaseEvaluator.leaseName, recordMany: (chunk, now) => evaluator.recordMany(chunk, now) },
  });
  alertJob.start();
  const scanJob = new ScanJob({ meta: stores.meta, reads: telemetryReads(stores.telemetry), logger, intervalMs: config.scans.intervalHours * 3_600_000, pollMs: config.scans.pollMs });
  scanJob.start();
  notifications.start();

  let closing: Promise<void> | undefined;
  async function shutdown(): Promise<void> {
    shuttingDown = true;
    const started = Date.now();
    // Stops listening; in-flight requests finish, idle keep-alive connections close.
    const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
    http.closeIdleConnections();
    activityStream.close();
    const graceful = within(
      gateway.shutdown().then(() => httpClosed),
      config.shutdownTimeoutMs,
    );
    lastSeen.stop();
    if (await graceful) {
      await lastSeen.flush();
      logger.info({ ms: Date.now() - started }, 'shutdown complete: queue drained, agents told to reconnect');
    } else {
      // Whatever was not acknowledged is still in the agents' spools: they re-send it elsewhere.
      logger.warn({ timeout_ms: config.shutdownTimeoutMs, queued: ingestQueue.depth }, 'shutdown timed out: cutting remaining connections');
      gateway.terminate();
      http.closeAllConnections();
    }
    ingestQueue.close();
    await evaluator.close();
    await retention.stop();
    await alertJob.stop();
    await scanJob.stop();
    stopAlertNotices();
    await notifications.close();
    await stopAccountsPruning();
    mailer.close();
    await context.commands.close();
    await stores.meta.close();
    await sql.close();
    await stores.telemetry.close();
  }

  return {
    app,
    http,
    context,
    metrics,
    ingestQueue,
    port,
    close() {
      closing ??= shutdown();
      return closing;
    },
  };
}
