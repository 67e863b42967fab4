/** MergeTree-family table definitions as read (lives for one run; nothing persists). */

export interface ColumnSchema {
  readonly name: string;
  readonly type: string;
  /** compression_codec (19.1+); '' for the default codec or where the release does not say. */
  readonly codec: string;
  /** String columns of the sampled tables: distinct values among `sampledRows` rows; null when not sampled. */
  readonly distinct: { readonly estimate: number; readonly sampledRows: number } | null;
}

export interface TableSchema {
  readonly database: string;
  readonly name: string;
  readonly engine: string;
  readonly partitionKey: string;
  readonly sortingKey: string;
  readonly hasTtl: boolean;
  readonly columns: readonly ColumnSchema[];
}
