import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { route, type RouteSpec } from '../route.js';

/**
 * OptiHouse's connectivity catalogue, told honestly for Vigil: how an agent can reach a database
 * and the server, what ships for each (installers/, agent config), and what Vigil does not do.
 * `supported`: shipped and exercised by this repository's tests; `manual`: works from the shipped
 * pieces but no ready-made recipe; `not_supported`: Vigil does not work this way.
 */
const MODES = [
  {
    id: 'agent_on_host',
    name: 'Agent on the database host',
    status: 'supported',
    summary: 'The agent runs beside the database (Debian package, or the single binary with install.sh) under a hardened systemd unit, reads statistics over localhost and pushes them out over one WebSocket.',
    pros: ['No inbound port: the agent only connects out to the server (wss://, 443)', 'Database credentials never leave the host', 'Spools to disk while the server is unreachable and re-sends in order'],
    cons: ['Needs a package install (root) on each database host', 'One agent per host to upgrade'],
    setup: [
      'vigil-agent grants --engine postgres | sudo -u postgres psql (or --engine clickhouse): the least-privilege role',
      'sudo dpkg -i vigil-agent_<version>_amd64.deb, or sudo sh install.sh --server-url wss://… --api-key-file key --database …',
      'GET /api/v1/agent/install returns the exact command line and a config template',
    ],
  },
  {
    id: 'agent_beside_managed_database',
    name: 'Agent beside a managed database (RDS, Aurora, Cloud SQL, Azure, ClickHouse Cloud)',
    status: 'supported',
    summary: 'The host is not yours: run the agent on a VM, container or Kubernetes pod in the same network, pointed at the endpoint over TLS (sslmode=require, or https:// on 8443 for ClickHouse Cloud).',
    pros: ['Nothing to install on the database', 'The same collectors and grants as on a host'],
    cons: ['pg_stat_statements must be enabled through the provider (parameter group / database flags)', 'The provider may withhold some views or settings: those collectors report a named status instead of data', 'One more machine or pod to run'],
    setup: [
      'Enable pg_stat_statements (shared_preload_libraries) in the provider console, then CREATE EXTENSION pg_stat_statements',
      'Create the monitoring role with the output of vigil-agent grants (RDS: GRANT pg_monitor works for the master user)',
      'Point databases[].url at the endpoint with ?sslmode=require (PostgreSQL) or https://host:8443 (ClickHouse Cloud)',
    ],
  },
  {
    id: 'agent_through_https_proxy',
    name: 'Agent through an HTTPS proxy',
    status: 'supported',
    summary: 'Where outbound traffic must go through a proxy, the agent tunnels its WebSocket with HTTP CONNECT, honouring HTTPS_PROXY, HTTP_PROXY and NO_PROXY.',
    pros: ['Works in locked-down networks with only a forward proxy out', 'An inspecting proxy works with tls_ca_file naming its CA'],
    cons: ['The proxy must allow long-lived CONNECT tunnels (WebSocket)', 'One more hop that can drop connections: the agent reconnects and re-sends from its spool'],
    setup: ['Set HTTPS_PROXY=http://proxy:3128 in the agent environment (systemd drop-in or container env)', 'For a TLS-inspecting proxy, set tls_ca_file: /path/to/proxy-ca.pem in the agent config'],
  },
  {
    id: 'kubernetes_deployment',
    name: 'Agent as a Kubernetes Deployment',
    status: 'supported',
    summary: 'installers/k8s/vigil-agent.yaml: a Secret (config, key, password), a PersistentVolumeClaim for the spool and a one-replica Recreate Deployment, non-root with a read-only root filesystem, using the image from installers/docker/agent.Dockerfile.',
    pros: ['Fits clusters that host or sit beside the databases', 'The spool survives a rescheduled pod'],
    cons: ['No container engine runs in this repository\'s CI: the manifest and Dockerfile are checked statically, not started', 'One replica only: two agents with one key would report the same databases twice'],
    setup: ['Build and push installers/docker/agent.Dockerfile', 'Edit the Secret in installers/k8s/vigil-agent.yaml', 'kubectl -n vigil apply -f installers/k8s/vigil-agent.yaml'],
  },
  {
    id: 'kubernetes_sidecar',
    name: 'Agent as a sidecar container',
    status: 'manual',
    summary: 'The same agent image can run as a second container in a database pod, reaching it on localhost; no sidecar manifest ships yet.',
    pros: ['The agent lives and moves with its database pod', 'localhost connection, no network policy to open'],
    cons: ['No ready-made manifest: adapt the container spec from installers/k8s/vigil-agent.yaml', 'The spool needs a volume of its own, or batches not yet acknowledged are lost with the pod'],
    setup: ['Copy the container, Secret and volume mounts from installers/k8s/vigil-agent.yaml into the database pod spec', 'Point databases[].url at 127.0.0.1'],
  },
  {
    id: 'docker_compose',
    name: 'Agent and server with Docker Compose',
    status: 'supported',
    summary: 'installers/docker/docker-compose.yml runs the server (PostgreSQL for metadata, ClickHouse for telemetry) and an agent beside an application PostgreSQL.',
    pros: ['Everything on one machine in one command', 'The init script creates the least-privilege role'],
    cons: ['No container engine runs in this repository\'s CI: the recipes are checked statically'],
    setup: ['cp installers/docker/.env.example installers/docker/.env and fill in the secrets', 'docker compose -f installers/docker/docker-compose.yml up -d'],
  },
  {
    id: 'server_pulls_from_database',
    name: 'Server connects to the database (direct, SSH bastion, VPN, tunnel)',
    status: 'not_supported',
    summary: 'Vigil never connects to a monitored database from the server: an agent near the database pushes out. So no inbound port, bastion, WireGuard peer or tunnel is needed, and database credentials stay with the agent.',
    pros: [],
    cons: ['An agent must run somewhere that can reach the database'],
    setup: ['Use one of the agent modes above'],
  },
] as const;

const VERSIONS = {
  postgresql: { minimum: '12', note: 'The collectors refuse older releases with the status server_version_unsupported; 14+ adds query ids in activity, 16+ the newer I/O and table counters.' },
  clickhouse: { minimum: '18.16', note: 'The oldest release tested (no SQL grants there: a users.xml readonly profile); 20.5+ for GRANT SHOW TABLES, 23.6+ raises parts_to_throw_insert to 3000.' },
} as const;

const Mode = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['supported', 'manual', 'not_supported']),
  summary: z.string(),
  pros: z.array(z.string()),
  cons: z.array(z.string()),
  setup: z.array(z.string()).describe('Steps, in order'),
});
const Version = z.object({ minimum: z.string(), note: z.string() });

export function connectivityRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/connectivity/modes',
      summary: 'How an agent can be deployed, with status, trade-offs and setup, and the oldest supported releases (no auth, rate-limited)',
      tag: 'optimizer',
      auth: 'none',
      success: { status: 200, description: 'The catalogue', schema: z.object({ modes: z.array(Mode), minimum_versions: z.object({ postgresql: Version, clickhouse: Version }) }) },
      errors: ['RATE_LIMITED'],
      async handler({ req, res }) {
        ctx.publicLimiter.check(req, res);
        return { body: { modes: MODES, minimum_versions: VERSIONS } };
      },
    }),
  ];
}
