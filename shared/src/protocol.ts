/** Wire-protocol constants both sides agree on. */

/** A server refuses an agent whose major differs; minors are backward compatible. */
export const PROTOCOL_MAJOR = 1;
export const PROTOCOL_MINOR = 0;

/** The one WebSocket endpoint agents dial (outbound only). */
export const AGENT_CONNECT_PATH = '/api/v1/agent/connect';

/**
 * Leading comment on every query the agent runs, so collectors can exclude the agent's own
 * statements from what they report (pg_stat_statements keeps the comment in its text).
 */
export const AGENT_QUERY_MARKER = '/* vigil-agent */';

/** Default largest frame, before and after decompression. */
export const DEFAULT_MAX_FRAME_BYTES = 8 * 1024 * 1024;
