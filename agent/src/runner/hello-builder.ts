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
    databases: databases.map((db) => ({ name: db.name, engine: engineToWire(db.engine), serverVersion: serverVersion(db.name) ?? '' })),
  };
}
