import type { TimeWindow } from './advisor.js';

/** What a ClickHouse scan reads, as plain data: tables as of the latest parts snapshot, query fingerprints over the window. */

export interface ChTableInput {
  readonly database: string;
  readonly name: string;
  readonly partitions: number;
  readonly activeParts: number;
  readonly maxPartsInPartition: number;
  readonly rows: number;
  readonly bytesOnDisk: number;
}

export interface ChQueryInput {
  readonly queryHash: string;
  /** Normalized text (literals replaced). */
  readonly text: string;
  readonly calls: number;
  readonly meanMs: number;
  readonly readRows: number;
  readonly readBytes: number;
  readonly resultRows: number;
}

/** A MergeTree table's definition (hourly from the agent); absent before its first reading. */
export interface ChTableSchemaInput {
  readonly database: string;
  readonly name: string;
  readonly engine: string;
  readonly partitionKey: string;
  readonly sortingKey: string;
  readonly hasTtl: boolean;
  /** distinctEstimate / sampledRows: String columns the agent sampled; 0 when not sampled. */
  readonly columns: readonly { readonly name: string; readonly type: string; readonly codec: string; readonly distinctEstimate: number; readonly sampledRows: number }[];
}

export interface ChScanInput {
  readonly window: TimeWindow;
  /** version() as the agent reported it; null when unknown. */
  readonly serverVersion: string | null;
  readonly tables: readonly ChTableInput[];
  readonly queries: readonly ChQueryInput[];
  readonly schemas: readonly ChTableSchemaInput[];
}
