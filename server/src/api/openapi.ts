import { z } from 'zod';
import { ERROR_CATALOG, type ErrorCode } from '@vigil/shared';
import { requiredRole, routeErrorCodes, type RouteSpec, type SuccessSpec } from './route.js';
import { strictInput } from './validate.js';
import { SERVER_VERSION } from '../version.js';

/** JSON Schema for one zod schema, as OpenAPI 3.1 embeds it (inputs describe what clients send). */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  // Inputs as validated: strict, so bodies say additionalProperties: false.
  const json = z.toJSONSchema(io === 'input' ? strictInput(schema) : schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

function parameters(spec: RouteSpec): unknown[] {
  const list: unknown[] = [];
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, 'input') as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = property;
      list.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest });
    }
  }
  return list;
}

const ERROR_RESPONSE = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

/** One response per status the route's error codes have, each naming its codes (docs/errors.md explains them). */
function errorResponses(spec: RouteSpec): Record<string, unknown> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of routeErrorCodes(spec)) {
    const status = ERROR_CATALOG[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, unknown> = {};
  for (const [status, codes] of byStatus) {
    const schema = { allOf: [{ $ref: '#/components/schemas/Error' }, { type: 'object', properties: { code: { enum: codes } } }] };
    responses[status] = { description: `Error: ${codes.join(', ')}`, content: { 'application/json': { schema } } };
  }
  return responses;
}

/** The OpenAPI 3.1 document for `routes`, served at /api/v1/openapi.json. */
export function buildOpenApi(routes: readonly RouteSpec[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const success = (s: SuccessSpec) => (s.schema ? { description: s.description, content: { 'application/json': { schema: schemaOf(s.schema, 'output') } } } : { description: s.description });
    const responses: Record<string, unknown> = {
      [spec.success.status]: success(spec.success),
      ...(spec.success.alternative ? { [spec.success.alternative.status]: success(spec.success.alternative) } : {}),
      ...errorResponses(spec),
      default: ERROR_RESPONSE,
    };
    paths[spec.path] ??= {};
    const role = requiredRole(spec);
    paths[spec.path]![spec.method] = {
      summary: spec.summary,
      ...(role ? { description: `Needs role ${role} or above (users), scope ${spec.auth === 'read' ? 'read or admin' : 'admin'} (API keys).`, 'x-vigil-role': role, 'x-vigil-scope': spec.auth } : {}),
      tags: [spec.tag],
      operationId: `${spec.method}${spec.path.replace(/\{(\w+)\}/g, 'By_$1').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      parameters: parameters(spec),
      ...(spec.body ? { requestBody: { required: !spec.body.safeParse(undefined).success, content: { 'application/json': { schema: schemaOf(spec.body, 'input') } } } } : {}),
      responses,
      ...(spec.auth === 'none' ? { security: [] } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Vigil API',
      version: SERVER_VERSION,
      description:
        'PostgreSQL and ClickHouse monitoring. Errors are {"error", "code"} with a stable code. An unknown query parameter or body field is a 400 VALIDATION_FAILED naming it; bodies are JSON (Content-Type: application/json, else 415 UNSUPPORTED_MEDIA_TYPE). The error responses of each operation list the codes it can answer; docs/errors.md explains every code.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }, { apiKey: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A JWT access token from /auth/login, or an API key' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error', 'code'],
          properties: { error: { type: 'string', description: 'What was wrong, in plain language' }, code: { type: 'string', description: 'Stable code from the error catalog' } },
        },
      },
    },
    paths,
  };
}
