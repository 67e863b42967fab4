/**
 * The field lists, sort keys and row types of stored kinds that callers of the read seam declare
 * their own shapes from (API response schemas, engine inputs), so that no caller imports a kind module.
 */
export { CLICKHOUSE_QUERY_SORTS, type ClickHouseQueryStat } from '../kinds/clickhouse/queries-kind.js';
export { SERVER_COUNTERS } from '../kinds/clickhouse/server-kind.js';
export { tableKey as partsTableKey } from '../kinds/clickhouse/parts-kind.js';
export { INDEX_SORTS, TABLE_SORTS, type IndexAggregate, type SequenceUsage, type TableAggregate, type TablePoint } from '../kinds/postgres/objects-kind.js';
export { CHECKPOINTER_FIELDS, DATABASE_COUNTERS, IO_FIELDS, WAL_FIELDS } from '../kinds/postgres/server-kind.js';
