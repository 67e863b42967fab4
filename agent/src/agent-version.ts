import agentPackage from '../package.json' with { type: 'json' };

/** The agent's release, announced in Hello and printed by `vigil-agent version`. */
export const AGENT_VERSION: string = agentPackage.version;

// Replaced by the commit id when installers/build-agent.mjs bundles the binary (esbuild `define`);
// undeclared when the agent runs from source, which `typeof` tolerates.
declare const VIGIL_BUILD_COMMIT: string | undefined;

/** The commit the binary was built from; undefined when running from source or built outside git. */
export const BUILD_COMMIT: string | undefined = typeof VIGIL_BUILD_COMMIT === 'string' && VIGIL_BUILD_COMMIT !== '' ? VIGIL_BUILD_COMMIT : undefined;
