import { PROTOCOL_MAJOR, PROTOCOL_MINOR } from '@vigil/shared';
import { AGENT_VERSION, BUILD_COMMIT } from '../agent-version.js';
import { EXIT, parseOptions, type CliCommand } from './cli-command.js';

/** What a bug report needs: the release, the build's commit, the protocol it speaks, and what it runs on. */
export function versionText(): string {
  return [
    `vigil-agent ${AGENT_VERSION} (protocol ${PROTOCOL_MAJOR}.${PROTOCOL_MINOR})`,
    `commit:   ${BUILD_COMMIT ?? 'unknown (not built by pnpm build:agent from a git checkout)'}`,
    `node:     ${process.version}`,
    `platform: ${process.platform}-${process.arch}`,
    '',
  ].join('\n');
}

export const versionCommand: CliCommand = {
  name: 'version',
  aliases: ['--version', '-v'],
  synopsis: '',
  summary: 'Print the agent version, the commit it was built from, its protocol, Node version and platform',
  details: 'The first line is "vigil-agent <version> (protocol <major>.<minor>)"; the rest is build information.',
  run(args, io) {
    parseOptions(args, {});
    io.stdout(versionText());
    return EXIT.ok;
  },
};
