/** One result row as ClickHouse's JSON output prints it: 64-bit integers may come quoted, NaN and infinities as null. */
export type ClickHouseRow = Readonly<Record<string, unknown>>;

export interface ClickHouseQueryOptions {
  /** Abandons the query (the runner cancels a run that overstays its interval). */
  readonly signal?: AbortSignal;
}

/**
 * The one method ClickHouse collectors use. The agent's HTTP client implements it for real
 * servers; nothing wider is offered, so a collector cannot change settings or write.
 */
export interface ClickHouseQueryClient {
  /** Runs one SELECT, written without a FORMAT clause, and resolves with its rows. */
  query(sql: string, options?: ClickHouseQueryOptions): Promise<readonly ClickHouseRow[]>;
}

/**
 * What ClickHouse tasks accept: the query client, plus the Keeper/ZooKeeper nodes the config entry
 * lists (`keeper_nodes`), which the keeper task probes; a release before 23.x does not name them.
 */
export interface ClickHouseTaskClient extends ClickHouseQueryClient {
  readonly keeperNodes?: readonly { readonly host: string; readonly port: number }[];
}
