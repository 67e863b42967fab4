import agentPackage from '../package.json' with { type: 'json' };

/** The agent's release, announced in Hello and printed by `vigil-agent version`. */
export const AGENT_VERSION: string = agentPackage.version;
