import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { VigilError, type ErrorCode } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import { askServiceFor } from '../../ask/ask-service-for.js';
import { audit } from '../../auth/audit.js';
import { PROVIDER_KINDS, type ProviderRow } from '../../storage/meta/ask-repository.js';
import { route, type RouteSpec } from '../route.js';

/**
 * /providers: the organization's LLM providers (seeds 001 and 003) for asking the telemetry in
 * words. The API key is sealed at rest (the notifier's SecretBox) and never returned: a provider
 * shows only whether it has one. Base URLs follow the webhook address rules.
 */

const ProviderPath = z.object({ id: z.string().max(100).describe('Provider id') });

const BaseUrl = z.string().max(2048).describe("The API's base URL (openai_compatible: …/v1; ollama: http(s)://host:11434); https on a public address unless the server allows private webhooks (VIGIL_ALLOW_PRIVATE_WEBHOOKS)");
const ApiKey = z.string().min(1).max(4096).describe('Stored encrypted; never returned or logged');
const Timeout = z.number().int().min(1).max(600).describe('Seconds a completion may take');

const CreateBody = z.object({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(PROVIDER_KINDS).describe('openai_compatible (OpenAI, Groq, vLLM, llama.cpp, Ollama /v1), anthropic, ollama'),
  base_url: BaseUrl.nullable().optional().describe("Omitted: the official endpoint (api.openai.com, api.anthropic.com); ollama: required"),
  model: z.string().trim().min(1).max(200),
  api_key: ApiKey.nullable().optional(),
  timeout_s: Timeout.default(60),
  is_default: z.boolean().optional().describe("Make it the organization's default provider"),
});

const UpdateBody = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  base_url: BaseUrl.nullable().optional(),
  model: z.string().trim().min(1).max(200).optional(),
  api_key: ApiKey.nullable().optional().describe('A new key; null removes it; omitted keeps it'),
  timeout_s: Timeout.optional(),
  is_default: z.boolean().optional(),
});

export const ProviderView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(PROVIDER_KINDS),
  base_url: z.string().nullable(),
  model: z.string(),
  has_api_key: z.boolean(),
  timeout_s: z.number().int(),
  is_default: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
});

function view(p: ProviderRow, defaultId: string | null): z.infer<typeof ProviderView> {
  return { id: p.id, name: p.name, kind: p.kind, base_url: p.base_url, model: p.model, has_api_key: p.api_key_sealed !== null, timeout_s: p.timeout_s, is_default: p.id === defaultId, created_at: p.created_at, updated_at: p.updated_at };
}

const URL_ERRORS: ErrorCode[] = ['ASK_PROVIDER_URL_REFUSED'];

export function providerRoutes(ctx: AppContext): RouteSpec[] {
  const ask = () => askServiceFor(ctx);
  return [
    route({
      method: 'get',
      path: '/providers',
      summary: "The organization's LLM providers (never their keys)",
      tag: 'ask',
      auth: 'read',
      success: { status: 200, description: 'Providers, oldest first', schema: z.object({ providers: z.array(ProviderView) }) },
      async handler({ principal }) {
        const settings = await ctx.meta.ask.getAskSettings(principal.orgId);
        return { body: { providers: (await ctx.meta.ask.listProviders(principal.orgId)).map((p) => view(p, settings.default_provider_id)) } };
      },
    }),
    route({
      method: 'get',
      path: '/providers/{id}',
      summary: 'One LLM provider',
      tag: 'ask',
      auth: 'read',
      params: ProviderPath,
      success: { status: 200, description: 'The provider', schema: ProviderView },
      async handler({ principal, params }) {
        const p = await ctx.meta.ask.getProvider(principal.orgId, params.id);
        if (!p) throw new VigilError('NOT_FOUND', 'No such provider');
        return { body: view(p, (await ctx.meta.ask.getAskSettings(principal.orgId)).default_provider_id) };
      },
    }),
    route({
      method: 'post',
      path: '/providers',
      summary: 'Add an LLM provider',
      tag: 'ask',
      auth: 'admin',
      errors: URL_ERRORS,
      body: CreateBody,
      success: { status: 201, description: 'The provider', schema: ProviderView },
      async handler({ principal, body, res }) {
        if (body.kind === 'ollama' && !body.base_url) throw new VigilError('VALIDATION_FAILED', "Invalid body field 'base_url': an ollama provider needs its host, e.g. http://127.0.0.1:11434", { details: { body_field: 'base_url' } });
        if (body.base_url) await ask().checkBaseUrl('base_url', body.base_url);
        const at = new Date().toISOString();
        const p = await ctx.meta.ask.createProvider(
          { id: randomUUID(), org_id: principal.orgId, name: body.name, kind: body.kind, base_url: body.base_url ?? null, model: body.model, api_key_sealed: body.api_key ? ask().sealKey(body.api_key) : null, timeout_s: body.timeout_s },
          at,
        );
        const settings = await ctx.meta.ask.getAskSettings(principal.orgId);
        // The first provider becomes the default, so a chat needs no provider id until there are several.
        const makeDefault = body.is_default ?? settings.default_provider_id === null;
        const defaultId = makeDefault ? (await ctx.meta.ask.updateAskSettings(principal.orgId, { default_provider_id: p.id }, at)).default_provider_id : settings.default_provider_id;
        // Provider changes are settings changes in the audit log; the key is never in the details.
        await audit(ctx, res, 'settings.changed', { type: 'ask_provider', id: p.id }, { details: { change: 'created', name: p.name, kind: p.kind, model: p.model } });
        return { status: 201, body: view(p, defaultId) };
      },
    }),
    route({
      method: 'put',
      path: '/providers/{id}',
      summary: 'Change an LLM provider (fields left out are kept)',
      tag: 'ask',
      auth: 'admin',
      errors: URL_ERRORS,
      params: ProviderPath,
      body: UpdateBody,
      success: { status: 200, description: 'The provider after the change', schema: ProviderView },
      async handler({ principal, params, body, res }) {
        const current = await ctx.meta.ask.getProvider(principal.orgId, params.id);
        if (!current) throw new VigilError('NOT_FOUND', 'No such provider');
        if (body.base_url) await ask().checkBaseUrl('base_url', body.base_url);
        if (current.kind === 'ollama' && body.base_url === null) throw new VigilError('VALIDATION_FAILED', "Invalid body field 'base_url': an ollama provider needs its host", { details: { body_field: 'base_url' } });
        const at = new Date().toISOString();
        const { api_key, is_default, ...rest } = body;
        const p = await ctx.meta.ask.updateProvider(principal.orgId, params.id, { ...rest, ...(api_key === undefined ? {} : { api_key_sealed: api_key === null ? null : ask().sealKey(api_key) }) }, at);
        if (!p) throw new VigilError('NOT_FOUND', 'No such provider');
        let settings = await ctx.meta.ask.getAskSettings(principal.orgId);
        if (is_default === true) settings = await ctx.meta.ask.updateAskSettings(principal.orgId, { default_provider_id: p.id }, at);
        if (is_default === false && settings.default_provider_id === p.id) settings = await ctx.meta.ask.updateAskSettings(principal.orgId, { default_provider_id: null }, at);
        await audit(ctx, res, 'settings.changed', { type: 'ask_provider', id: p.id }, { details: { change: 'updated', fields: Object.keys(body) } });
        return { body: view(p, settings.default_provider_id) };
      },
    }),
    route({
      method: 'delete',
      path: '/providers/{id}',
      summary: 'Remove an LLM provider (its key with it)',
      tag: 'ask',
      auth: 'admin',
      params: ProviderPath,
      success: { status: 204, description: 'Removed' },
      async handler({ principal, params, res }) {
        if (!(await ctx.meta.ask.deleteProvider(principal.orgId, params.id))) throw new VigilError('NOT_FOUND', 'No such provider');
        await audit(ctx, res, 'settings.changed', { type: 'ask_provider', id: params.id }, { details: { change: 'deleted' } });
        return { status: 204 };
      },
    }),
  ];
}
