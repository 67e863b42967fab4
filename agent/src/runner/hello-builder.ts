import os from 'node:os';
import type { vigil } from '@vigil/proto';
import { PROTOCOL_MAJOR, PROTOCOL_MINOR, engineToWire } from '@vigil/shared';
import { AGENT_VERSION } from '../agent-version.js';
import type { DatabaseConfig } from '../config/agent-config.js';

/** The Hello announcing every configured database; a version is empty while its database is unreachable. */
export function buildHello(databases: readonly DatabaseConfig[], serverVersion: (name: string) => string | undefined): vigil.v1.Hello.$Properties {
  return {
    protocolMajor: PROTOCOL_MAJOR,
    protocolMinor: PROTOCOL_MINOR,
    agentVersion: AGENT_VERSION,
    hostname: os.hostname(),
    databases: databases.map((db) => ({ name: db.name, engine: engineToWire(db.engine), serverVersion: serverVersion(db.name) ?? '', ...addressOf(db) })),
  };
}

const DEFAULT_PORTS: Record<string, number> = { 'postgres:': 5432, 'postgresql:': 5432, 'http:': 8123, 'https:': 8443 };

/**
 * Where the database is, as its URL names it, for the server's database list: host (or the socket
 * directory of a `?host=/path` URL) and port, the scheme's default when the URL names none. Nothing
 * else of the URL leaves the host: no user, password, database name or parameter.
 */
export function addressOf(db: Pick<DatabaseConfig, 'url'>): { host: string; port: number } {
  let url: URL;
  try {
    url = new URL(db.url);
  } catch {
    return { host: '', port: 0 };
  }
  const host = url.hostname.replace(/^\[|\]$/g, '') || url.searchParams.get('host') || '';
  return { host: host.slice(0, 255), port: Number(url.port) || DEFAULT_PORTS[url.protocol] || 0 };
}
