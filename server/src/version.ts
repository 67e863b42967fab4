import pkg from '../package.json' with { type: 'json' };

/** The server's version, reported in Welcome and /healthz. */
export const SERVER_VERSION: string = pkg.version;
