import type { Request } from 'express';
import { z } from 'zod';
import { ENGINES, type EngineName } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import { newApiKey } from '../../auth/secrets.js';
import { route, type RouteSpec } from '../route.js';

const InstallQuery = z.object({
  create_key: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false').describe('Create a new agent-scope key and put it in the config template (shown once)'),
  engine: z.enum(ENGINES, { error: `must be one of ${ENGINES.join(', ')}` }).default('postgres').describe('The engine of the example database in the template'),
});

const CreatedAgentKey = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.literal('agent'),
  prefix: z.string(),
  key: z.string().describe('The full key: shown only in this response'),
});

const InstallInstructions = z.object({
  server_url: z.string().describe('Where agents connect: ws(s):// form of the public URL'),
  install_command: z.string().describe('Run in the unpacked release archive (install.sh next to the binary or .deb); the key is read from a file, never given on the command line'),
  grants_command: z.string().describe("Prints the SQL for the agent's least-privilege role"),
  config_template: z.string().describe('/etc/vigil/agent.yaml; api_key is a placeholder unless create_key=true'),
  api_key: CreatedAgentKey.nullable().describe('The key created for this install (create_key=true), else null'),
});

// What the template and command hold until the caller asks for a real key.
const KEY_PLACEHOLDER = 'vgl_replace_me';
const KEY_FILE = 'vigil-agent.key';

const EXAMPLE_DATABASE: Record<EngineName, { readonly name: string; readonly url: string }> = {
  postgres: { name: 'main', url: 'postgres://vigil@127.0.0.1:5432/postgres' },
  clickhouse: { name: 'main', url: 'http://vigil@127.0.0.1:8123' },
};

/** One shell word: single-quoted unless it needs no quoting. */
function shellWord(text: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

/** The public base URL: VIGIL_PUBLIC_URL, else what this request was addressed to (through URL, so a hostile Host header cannot inject text). */
function publicBase(configured: string | undefined, req: Request): URL {
  if (configured) return new URL(configured);
  const host = req.get('host') ?? 'localhost';
  try {
    return new URL(`${req.protocol}://${host}`);
  } catch {
    return new URL(`${req.protocol}://localhost`);
  }
}

/** The agent's server_url for a public http(s) base: same host and path, ws(s) scheme. */
function agentServerUrl(base: URL): string {
  const path = base.pathname.replace(/\/+$/, '');
  return `${base.protocol === 'https:' ? 'wss:' : 'ws:'}//${base.host}${path}`;
}

function configTemplate(serverUrl: string, apiKey: string, engine: EngineName): string {
  const db = EXAMPLE_DATABASE[engine];
  return [
    '# /etc/vigil/agent.yaml: readable by root and the vigil group only (it holds the key).',
    `server_url: ${serverUrl}`,
    `api_key: ${apiKey}`,
    'spool_dir: /var/lib/vigil-agent',
    'databases:',
    `  - name: ${db.name}`,
    `    engine: ${engine}`,
    `    # the role from: vigil-agent grants --engine ${engine}; a password goes in the url (user:password@) or PGPASSWORD`,
    `    url: ${db.url}`,
    '',
  ].join('\n');
}

/** /agent/install: the one-line install and config template for this organization's agents. */
export function agentInstallRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/agent/install',
      summary: 'How to install an agent: the install command and a config template (a new agent key only when asked for)',
      tag: 'agents',
      auth: 'admin',
      query: InstallQuery,
      success: { status: 200, description: 'Install instructions', schema: InstallInstructions },
      async handler({ principal, query, req }) {
        const serverUrl = agentServerUrl(publicBase(ctx.config.publicUrl, req));
        let apiKey: z.infer<typeof CreatedAgentKey> | null = null;
        if (query.create_key === 'true') {
          const secret = newApiKey();
          const name = `agent install ${new Date().toISOString().slice(0, 10)}`;
          const key = await ctx.meta.createApiKey({ orgId: principal.orgId, name, scope: 'agent', prefix: secret.prefix, hash: secret.hash });
          apiKey = { id: key.id, name: key.name, scope: 'agent', prefix: key.prefix, key: secret.key };
        }
        const db = EXAMPLE_DATABASE[query.engine];
        const install = ['sudo', 'sh', 'install.sh', '--server-url', serverUrl, '--api-key-file', KEY_FILE, '--database', `${db.name}=${query.engine}:${db.url}`];
        return {
          body: {
            server_url: serverUrl,
            install_command: install.map(shellWord).join(' '),
            grants_command: `vigil-agent grants --engine ${query.engine}`,
            config_template: configTemplate(serverUrl, apiKey?.key ?? KEY_PLACEHOLDER, query.engine),
            api_key: apiKey,
          },
        };
      },
    }),
  ];
}
