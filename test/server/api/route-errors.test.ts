import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { ERROR_CATALOG, VigilError, type ErrorCode } from '@vigil/shared';
import { errorHandler } from '../../../server/src/api/error-handler.js';
import { mountRoutes, route, routeErrorCodes, type RouteSpec } from '../../../server/src/api/route.js';
import { apiV1Routes } from '../../../server/src/api/v1/index.js';
import type { VigilServer } from '../../../server/src/app.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

// Express is the server's dependency, not the tests': load it from there.
const express = createRequire(new URL('../../../server/src/app.ts', import.meta.url))('express') as () => VigilServer['app'];

type Operation = { responses: Record<string, { content?: { 'application/json': { schema: { allOf?: Array<{ properties?: { code?: { enum?: string[] } } }> } } } }> };

/** The codes an OpenAPI operation's error responses name. */
function documentedCodes(op: Operation): string[] {
  return Object.values(op.responses).flatMap((r) => r.content?.['application/json'].schema.allOf?.[1]?.properties?.code?.enum ?? []);
}

describe('server: the error codes each route declares (Fastify\'s practice)', () => {
  let t: TestServer;
  let routes: RouteSpec[];
  before(async () => {
    t = await startTestServer();
    routes = apiV1Routes(t.server.context);
  });
  after(async () => {
    await t.close();
  });

  it('declares only codes of the error catalogue, each explained in docs/errors.md', () => {
    const doc = readFileSync('docs/errors.md', 'utf8');
    const problems: string[] = [];
    for (const spec of routes) {
      for (const code of spec.errors ?? []) {
        if (!Object.hasOwn(ERROR_CATALOG, code)) problems.push(`${spec.method} ${spec.path}: ${code} is not in ERROR_CATALOG`);
        else if (!doc.includes(`| \`${code}\` |`)) problems.push(`${spec.method} ${spec.path}: ${code} is not in docs/errors.md (pnpm docs:errors)`);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('lists every code a route can answer in its OpenAPI error responses', async () => {
    const res = await t.request('GET', '/api/v1/openapi.json');
    const paths = res.body.paths as Record<string, Record<string, Operation>>;
    for (const spec of routes) {
      const op = paths[spec.path]?.[spec.method];
      expect(op, `${spec.method} ${spec.path}`).to.not.equal(undefined);
      expect(documentedCodes(op!), `${spec.method} ${spec.path}`).to.have.members(routeErrorCodes(spec));
    }
  });

  describe('an error code the route does not declare', () => {
    const throwing = (code: ErrorCode, errors?: ErrorCode[]): RouteSpec =>
      route({
        method: 'get',
        path: '/probe',
        summary: 'throws',
        tag: 'test',
        auth: 'none',
        ...(errors ? { errors } : {}),
        success: { status: 200, description: 'never' },
        async handler() {
          throw new VigilError(code);
        },
      });

    async function answer(spec: RouteSpec, validateResponses: boolean): Promise<{ status: number; code: string }> {
      const app = express();
      app.use(mountRoutes(t.server.context, [spec], { validateResponses }));
      app.use(errorHandler(t.server.context.logger));
      const http = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => http.once('listening', resolve));
      try {
        const res = await fetch(`http://127.0.0.1:${(http.address() as AddressInfo).port}/probe`);
        return { status: res.status, code: ((await res.json()) as { code: string }).code };
      } finally {
        await new Promise((resolve) => http.close(resolve));
      }
    }

    it('is a 500 ROUTE_UNDECLARED_ERROR while responses are validated (the tests)', async () => {
      expect(await answer(throwing('ENGINE_MISMATCH'), true)).to.deep.equal({ status: 500, code: 'ROUTE_UNDECLARED_ERROR' });
    });

    it('passes once declared, and is never refused in production', async () => {
      expect(await answer(throwing('ENGINE_MISMATCH', ['ENGINE_MISMATCH']), true)).to.deep.equal({ status: 400, code: 'ENGINE_MISMATCH' });
      expect(await answer(throwing('ENGINE_MISMATCH'), false)).to.deep.equal({ status: 400, code: 'ENGINE_MISMATCH' });
    });

    it('leaves the codes every route implies alone', async () => {
      expect(await answer(throwing('VALIDATION_FAILED'), true)).to.deep.equal({ status: 400, code: 'VALIDATION_FAILED' });
    });
  });
});
