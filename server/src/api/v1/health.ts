import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { SERVER_VERSION } from '../../version.js';
import { route, type RouteSpec } from '../route.js';

/**
 * ClusterSight's `GET /api/v1/health`: unauthenticated, the server's version, safe as a liveness
 * probe. Beside `/healthz` (outside /api/v1) for clients that only know the API's base URL.
 */
export function healthRoutes(_ctx: AppContext): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/health',
      summary: 'Liveness and the server version (no auth)',
      tag: 'meta',
      auth: 'none',
      success: {
        status: 200,
        description: 'The server is up',
        schema: z.object({ status: z.literal('ok'), version: z.string().describe("The server's version") }),
      },
      async handler() {
        return { body: { status: 'ok', version: SERVER_VERSION } };
      },
    }),
  ];
}
