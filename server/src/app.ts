import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { VigilError } from '@vigil/shared';
import type { ServerConfig } from './config.js';
import type { AppContext } from './context.js';
import type { Logger } from './logger.js';
import { errorHandler } from './api/error-handler.js';
import { apiV1Router, docsRouter } from './api/v1/index.js';
import { AgentGateway } from './ingest/agent-gateway.js';
import { AgentRegistry } from './ingest/agent-registry.js';
import { openStores } from './storage/open-stores.js';
import { SERVER_VERSION } from './version.js';

export interface VigilServer {
  readonly app: Express;
  readonly http: Server;
  readonly context: AppContext;
  /** The bound port (useful with port 0). */
  port(): number;
  /** Stops accepting, closes agent sockets, then the stores. */
  close(): Promise<void>;
}

function buildApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use((req, res, next) => {
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // Path only: query strings can carry tokens.
      ctx.logger.info({ req_id: requestId, method: req.method, path: req.path, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'request');
    });
    next();
  });
  app.use(express.json({ limit: '1mb' }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', version: SERVER_VERSION });
  });
  app.use('/api/v1', apiV1Router(ctx, { validateResponses: ctx.config.validateResponses }));
  app.use('/docs', docsRouter());
  app.use((req, _res, next) => next(new VigilError('ROUTE_NOT_FOUND', `No endpoint ${req.method} ${req.path}`)));
  app.use(errorHandler(ctx.logger));
  return app;
}

/** Opens the stores, builds the API and the agent gateway on one HTTP server, and listens. */
export async function startServer(config: ServerConfig, logger: Logger): Promise<VigilServer> {
  const stores = await openStores(config);
  const context: AppContext = { config, logger, ...stores, agents: new AgentRegistry() };
  const app = buildApp(context);
  const http = createServer(app);
  const gateway = new AgentGateway(context);

  http.on('upgrade', (req, socket, head) => {
    if (AgentGateway.matches(req)) return gateway.handleUpgrade(req, socket, head);
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

  return {
    app,
    http,
    context,
    port,
    async close() {
      gateway.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await stores.meta.close();
      await stores.telemetry.close();
    },
  };
}
