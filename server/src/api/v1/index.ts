import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { Router } from 'express';
import type { AppContext } from '../../context.js';
import { buildOpenApi } from '../openapi.js';
import { mountRoutes, route, type RouteSpec } from '../route.js';
import { activityRoutes } from './activity.js';
import { activityStreamRoutes } from './activity-stream.js';
import { agentInstallRoutes } from './agent-install.js';
import { alertRoutes } from './alerts.js';
import { apiKeyRoutes } from './api-keys.js';
import { askRoutes } from './ask.js';
import { chatRoutes } from './chat.js';
import { auditLogRoutes } from './audit-log.js';
import { authRoutes } from './auth.js';
import { clickHouseInternalsRoutes } from './clickhouse-internals.js';
import { connectivityRoutes } from './connectivity.js';
import { databaseRoutes } from './databases.js';
import { doctorRoutes } from './doctor.js';
import { healthRoutes } from './health.js';
import { healthScoreRoutes } from './health-score.js';
import { indexRoutes } from './indexes.js';
import { invitationRoutes } from './invitations.js';
import { lineageRoutes } from './lineage.js';
import { lockRoutes } from './locks.js';
import { orgMemberRoutes } from './org-members.js';
import { optimizerRoutes } from './optimizer.js';
import { orgOverviewRoutes } from './org-overview.js';
import { overviewRoutes } from './overview.js';
import { panelRoutes } from './panels.js';
import { pgInternalsRoutes } from './pg-internals.js';
import { providerRoutes } from './providers.js';
import { queryRoutes } from './queries.js';
import { recommendationRoutes } from './recommendations.js';
import { replicationRoutes } from './replication.js';
import { scanRoutes } from './scans.js';
import { sequenceRoutes } from './sequences.js';
import { settingsRoutes } from './settings.js';
import { tableRoutes } from './tables.js';
import { waitRoutes } from './waits.js';

/** Every /api/v1 route declaration, in the order they are matched. */
export function apiV1Routes(ctx: AppContext): RouteSpec[] {
  // queryRoutes last: its /queries/{hash} would otherwise shadow fixed paths such as /queries/failed.
  return [
    ...healthRoutes(ctx),
    // Public (no credentials, limited per address); fixed paths, before anything with /queries/{…}.
    ...optimizerRoutes(ctx),
    ...lineageRoutes(ctx),
    ...connectivityRoutes(ctx),
    ...authRoutes(ctx),
    ...orgMemberRoutes(ctx),
    ...invitationRoutes(ctx),
    ...auditLogRoutes(ctx),
    ...apiKeyRoutes(ctx),
    ...agentInstallRoutes(ctx),
    ...databaseRoutes(ctx),
    ...overviewRoutes(ctx),
    ...settingsRoutes(ctx),
    ...askRoutes(ctx),
    ...chatRoutes(ctx),
    ...providerRoutes(ctx),
    ...orgOverviewRoutes(ctx),
    ...healthScoreRoutes(ctx),
    ...doctorRoutes(ctx),
    ...alertRoutes(ctx),
    ...scanRoutes(ctx),
    ...recommendationRoutes(ctx),
    ...clickHouseInternalsRoutes(ctx),
    ...panelRoutes(ctx),
    ...activityRoutes(ctx),
    ...activityStreamRoutes(ctx),
    ...lockRoutes(ctx),
    ...waitRoutes(ctx),
    ...tableRoutes(ctx),
    ...indexRoutes(ctx),
    ...sequenceRoutes(ctx),
    ...replicationRoutes(ctx),
    ...pgInternalsRoutes(ctx),
    ...queryRoutes(ctx),
  ];
}

/** The /api/v1 router: the declared routes plus the OpenAPI document describing them. */
export function apiV1Router(ctx: AppContext, options: { validateResponses: boolean }): Router {
  const routes = apiV1Routes(ctx);
  const openapiRoute = route({
    method: 'get',
    path: '/openapi.json',
    summary: 'This API as an OpenAPI 3.1 document',
    tag: 'meta',
    auth: 'none',
    success: { status: 200, description: 'The OpenAPI document' },
    async handler() {
      return { body: document };
    },
  });
  const document = buildOpenApi([...routes, openapiRoute]);
  return mountRoutes(ctx, [...routes, openapiRoute], options);
}

const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Vigil API</title><link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#docs', persistAuthorization: false });</script>
</body>
</html>`;

/** Interactive API docs at /docs, served from the bundled swagger-ui-dist (no CDN). */
export function docsRouter(): Router {
  const router = Router();
  const assets = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  router.get('/', (_req, res) => {
    res.type('html').send(DOCS_PAGE);
  });
  router.use('/assets', express.static(assets, { index: false, maxAge: '1h' }));
  return router;
}
