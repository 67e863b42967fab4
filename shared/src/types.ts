import { vigil } from '@vigil/proto';

/** Engines Vigil monitors, as named in config files and the API. */
export const ENGINES = ['postgres', 'clickhouse'] as const;
export type EngineName = (typeof ENGINES)[number];

const TO_WIRE: Record<EngineName, vigil.v1.Engine> = {
  postgres: vigil.v1.Engine.POSTGRES,
  clickhouse: vigil.v1.Engine.CLICKHOUSE,
};

/** Engine name → wire enum. */
export function engineToWire(engine: EngineName): vigil.v1.Engine {
  return TO_WIRE[engine];
}

/** Wire enum → engine name, or undefined for ENGINE_UNSPECIFIED and unknown values. */
export function engineFromWire(engine: vigil.v1.Engine | null | undefined): EngineName | undefined {
  return ENGINES.find((name) => TO_WIRE[name] === engine);
}

/** One statement's counters over a window: what the agent sends and the server stores. */
export type StatementStat = vigil.v1.IStatementStat;
