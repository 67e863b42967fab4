import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { CLI_COMMANDS } from '../../../agent/src/cli/cli-commands.js';
import { cli } from './run-cli.js';

describe('agent/cli', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the version with build info for version, --version and -v', async () => {
    for (const spelling of ['version', '--version', '-v']) {
      const { code, stdout } = await cli([spelling]);
      expect(code, spelling).to.equal(0);
      const lines = stdout.trimEnd().split('\n');
      expect(lines[0]).to.match(/^vigil-agent \d+\.\d+\.\d+ \(protocol \d+\.\d+\)$/);
      expect(lines.slice(1).map((line) => line.split(':')[0])).to.deep.equal(['commit', 'node', 'platform']);
      expect(stdout).to.contain(process.version).and.contain(`${process.platform}-${process.arch}`);
    }
  });

  it('prints help for --help, -h and help, listing every command, and each command its own', async () => {
    for (const spelling of ['--help', '-h', 'help']) {
      const { code, stdout } = await cli([spelling]);
      expect(code, spelling).to.equal(0);
      for (const command of CLI_COMMANDS) expect(stdout).to.match(new RegExp(`^  ${command.name} `, 'm'));
    }
    for (const command of CLI_COMMANDS) {
      for (const argv of [[command.name, '--help'], [command.name, '-h'], ['help', command.name]]) {
        const { code, stdout, stderr } = await cli(argv);
        expect(code, `${argv.join(' ')}: ${stderr}`).to.equal(0);
        expect(stdout, argv.join(' ')).to.match(new RegExp(`^Usage: vigil-agent ${command.name}`));
      }
    }
  });

  it('exits 2 with the usage for a bad command line', async () => {
    for (const argv of [[], ['nonsense'], ['test'], ['test', '--config'], ['run', '--bogus'], ['config'], ['config', 'lint', '--config', 'x'], ['help', 'nonsense'], ['version', 'extra']]) {
      const { code, stdout, stderr } = await cli(argv);
      expect(code, argv.join(' ')).to.equal(2);
      expect(stdout, argv.join(' ')).to.equal('');
      expect(stderr, argv.join(' ')).to.match(/^vigil-agent.*: .+\n\nUsage: vigil-agent /);
    }
  });

  it('config check validates without connecting: 0 for a valid file (password redacted), 1 naming every bad key', async () => {
    const valid = join(dir, 'valid.yaml');
    // Nothing listens on either address: a check that connected would fail.
    writeFileSync(valid, ['server_url: ws://127.0.0.1:9', 'api_key: vgl_secret_key', 'databases:', '  - name: app', '    engine: postgres', '    url: postgres://u:hunter2@127.0.0.1:9/postgres', '    databases: [appdb]'].join('\n'));
    const ok = await cli(['config', 'check', '--config', valid]);
    expect(ok.code, ok.stderr).to.equal(0);
    expect(ok.stdout).to.match(/^ok {3}.*valid/);
    expect(ok.stdout + ok.stderr).to.not.contain('hunter2').and.not.contain('vgl_secret_key');

    const invalid = join(dir, 'invalid.yaml');
    writeFileSync(invalid, ['server_url: http://127.0.0.1:9', 'api_key: vgl_secret_key', 'databases:', '  - name: app', '    engine: mysql', '    url: x', 'intervals:', '  statments: 10s'].join('\n'));
    const bad = await cli(['config', 'check', '-c', invalid]);
    expect(bad.code).to.equal(1);
    for (const key of ['server_url', 'databases[0].engine', 'intervals.statments']) expect(bad.stderr).to.contain(key);
    expect(bad.stderr).to.not.contain('vgl_secret_key');
    expect((await cli(['config', 'check', '--config', join(dir, 'absent.yaml')])).code).to.equal(1);
    // The example a user copies is itself valid.
    expect((await cli(['config', 'check', '--config', 'agent/vigil-agent.example.yaml'])).code).to.equal(0);
  });

  it('sets the process exit code a script reads', async () => {
    const run = (argv: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'agent/src/cli.ts', ...argv]).then(
        () => 0,
        (err: { code: number }) => err.code,
      );
    expect(await run(['--version'])).to.equal(0);
    expect(await run(['nonsense'])).to.equal(2);
    expect(await run(['config', 'check', '--config', join(dir, 'absent.yaml')])).to.equal(1);
  });
});
