import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import { parseAgentConfig } from '../../agent/src/config/agent-config.js';
import { grantsText, parseGrantsArgs } from '../../agent/src/grants/grants-command.js';

// The agent's own YAML parser (the repository root does not depend on one).
const yaml = createRequire(new URL('../../agent/package.json', import.meta.url))('yaml') as {
  parse(text: string): any;
  parseAllDocuments(text: string): { toJS(): any; errors: unknown[] }[];
};

const DOCKER = 'installers/docker';
const COMPOSE = join(DOCKER, 'docker-compose.yml');
const K8S = 'installers/k8s/vigil-agent.yaml';
const SERVER_CONFIG = readFileSync('server/src/config.ts', 'utf8');
// What the agent reads from its environment: its own two variables, and libpq's password for pg.
const AGENT_ENV = ['VIGIL_API_KEY', 'VIGIL_SERVER_URL', 'PGPASSWORD'];

/** COPY sources of the stages of a Dockerfile that come from the build context (not --from another stage). */
function contextCopies(dockerfile: string): string[] {
  return readFileSync(dockerfile, 'utf8')
    .split('\n')
    .filter((line) => /^COPY\s/.test(line) && !line.includes('--from='))
    .flatMap((line) => line.replace(/--chown=\S+\s+/, '').trim().split(/\s+/).slice(1, -1));
}

/** Whether a .dockerignore of the form `**` + `!allowed` lets `path` into the build context. */
function allowedByDockerignore(ignoreFile: string, path: string): boolean {
  const allowed = readFileSync(ignoreFile, 'utf8').split('\n').filter((line) => line.startsWith('!')).map((line) => line.slice(1).replace(/\/\*\*$/, ''));
  const clean = path.replace(/\/$/, '');
  return allowed.some((pattern) => clean === pattern || clean.startsWith(`${pattern}/`) || pattern.startsWith(`${clean}/`));
}

describe('installers: container recipes (no container engine here: checked as far as files go)', () => {
  const compose = yaml.parse(readFileSync(COMPOSE, 'utf8'));

  it('docker-compose.yml: every build context, Dockerfile and mounted file exists', () => {
    expect(Object.keys(compose.services)).to.include.members(['server', 'agent', 'meta-postgres', 'clickhouse', 'app-postgres']);
    for (const [name, service] of Object.entries<any>(compose.services)) {
      if (service.build) {
        const context = resolve(DOCKER, service.build.context);
        expect(existsSync(context), `${name} build context`).to.equal(true);
        expect(existsSync(join(context, service.build.dockerfile)), `${name} Dockerfile`).to.equal(true);
      }
      for (const volume of service.volumes ?? []) {
        const source = String(volume).split(':')[0]!;
        if (source.startsWith('.')) expect(existsSync(resolve(DOCKER, source)), `${name} mounts ${source}`).to.equal(true);
        else expect(compose.volumes, `${name} volume ${source}`).to.have.property(source);
      }
      for (const dependency of Object.keys(service.depends_on ?? {})) expect(compose.services, `${name} depends on ${dependency}`).to.have.property(dependency);
    }
  });

  it('docker-compose.yml: every ${VAR} is in .env.example, and every variable given to the server or agent is one they read', () => {
    const text = readFileSync(COMPOSE, 'utf8');
    const example = readFileSync(join(DOCKER, '.env.example'), 'utf8');
    for (const [, variable] of text.matchAll(/\$\{(\w+)/g)) expect(example, `.env.example lacks ${variable}`).to.match(new RegExp(`^${variable}=`, 'm'));
    for (const variable of Object.keys(compose.services.server.environment)) expect(SERVER_CONFIG, `the server does not read ${variable}`).to.match(new RegExp(`^\\s+${variable}: z\\b`, 'm'));
    for (const variable of Object.keys(compose.services.agent.environment)) expect(AGENT_ENV).to.include(variable);
  });

  it('the compose and Kubernetes agent configs are valid agent configs holding no secret', () => {
    const k8s = yaml.parseAllDocuments(readFileSync(K8S, 'utf8')).map((doc) => doc.toJS());
    const secret = k8s.find((doc) => doc.kind === 'Secret');
    for (const text of [readFileSync(join(DOCKER, 'agent.yaml'), 'utf8'), secret.stringData['agent.yaml'] as string]) {
      const config = parseAgentConfig(yaml.parse(text), { env: {}, baseDir: '/' });
      expect(config.spoolDir).to.equal('/var/lib/vigil-agent');
      expect(config.apiKey).to.equal('vgl_replace_me');
      for (const db of config.databases) expect(new URL(db.url).password).to.equal('');
    }
  });

  for (const [dockerfile, user] of [[join(DOCKER, 'agent.Dockerfile'), 'nonroot'], [join(DOCKER, 'server.Dockerfile'), 'node']] as const) {
    it(`${dockerfile}: every COPY source exists and is in the build context; the image runs as ${user}`, () => {
      for (const source of contextCopies(dockerfile)) {
        expect(existsSync(source), `${source} exists`).to.equal(true);
        expect(allowedByDockerignore(`${dockerfile}.dockerignore`, source), `${source} is in the build context`).to.equal(true);
      }
      const text = readFileSync(dockerfile, 'utf8');
      const finalStage = text.slice(text.lastIndexOf('\nFROM '));
      expect(finalStage).to.match(new RegExp(`^USER ${user}$`, 'm'));
    });
  }

  it('the agent image is distroless with the binary only', () => {
    const text = readFileSync(join(DOCKER, 'agent.Dockerfile'), 'utf8');
    const finalStage = text.slice(text.lastIndexOf('\nFROM '));
    expect(finalStage).to.match(/^FROM gcr\.io\/distroless\/cc-debian12:nonroot$/m);
    expect(finalStage.match(/^COPY --from=build .*$/gm)).to.deep.equal(['COPY --from=build /out/vigil-agent /usr/bin/vigil-agent']);
  });

  it('the Kubernetes manifest: one non-root Deployment whose Secret keys, volumes and claim all exist', () => {
    const docs = yaml.parseAllDocuments(readFileSync(K8S, 'utf8'));
    for (const doc of docs) expect(doc.errors).to.deep.equal([]);
    const byKind = new Map(docs.map((doc) => doc.toJS()).map((doc) => [doc.kind, doc]));
    const secret = byKind.get('Secret');
    const deployment = byKind.get('Deployment');
    const pod = deployment.spec.template.spec;
    expect(deployment.spec.replicas).to.equal(1);
    expect(pod.securityContext.runAsNonRoot).to.equal(true);
    const container = pod.containers[0];
    expect(container.securityContext).to.include({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
    for (const env of container.env) {
      expect(AGENT_ENV).to.include(env.name);
      const ref = env.valueFrom.secretKeyRef;
      expect(ref.name).to.equal(secret.metadata.name);
      expect(secret.stringData, `Secret key ${ref.key}`).to.have.property(ref.key);
    }
    const volumes = new Map(pod.volumes.map((v: any) => [v.name, v]));
    for (const mount of container.volumeMounts) expect(volumes.has(mount.name), mount.name).to.equal(true);
    const config: any = volumes.get('config');
    expect(config.secret.secretName).to.equal(secret.metadata.name);
    for (const item of config.secret.items) expect(secret.stringData).to.have.property(item.key);
    expect((volumes.get('spool') as any).persistentVolumeClaim.claimName).to.equal(byKind.get('PersistentVolumeClaim').metadata.name);
    expect(container.args).to.deep.equal(['run', '--config', `/etc/vigil/${config.secret.items[0].path}`]);
  });

  it('app-postgres-init.sh runs the SQL vigil-agent grants prints, and is shellcheck-clean', function () {
    const script = readFileSync(join(DOCKER, 'app-postgres-init.sh'), 'utf8');
    const heredoc = /<<'SQL'\n([\s\S]*?)\nSQL\n/.exec(script)![1]!;
    const grants = grantsText(parseGrantsArgs(['--engine', 'postgres', '--version', '16']));
    const statements = (text: string) => text.split('\n').filter((line) => line.trim() && !line.startsWith('--'));
    expect(statements(heredoc)).to.deep.equal(statements(grants));
    if (spawnSync('sh', ['-c', 'command -v shellcheck'], { stdio: 'ignore' }).status !== 0) return;
    const checked = spawnSync('shellcheck', [join(DOCKER, 'app-postgres-init.sh')], { encoding: 'utf8' });
    expect(checked.status, checked.stdout).to.equal(0);
  });
});
