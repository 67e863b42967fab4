import { ChdbParseSession, ClickHouseParser } from './clickhouse-parser.js';
import { loadPostgresParser, parsePostgres } from './postgres-parser.js';
import type { Dialect, Statement } from './query-model.js';

/** Both dialects' real parsers behind one call; shared by the optimizer, lineage and the advisors. */
export class SqlParsers {
  readonly #session: ChdbParseSession;
  readonly #clickhouse: ClickHouseParser;

  /** `chdbDir`: the embedded telemetry store's chDB directory when there is one (chDB allows one per process). */
  constructor(options: { chdbDir?: string | undefined; cacheSize?: number } = {}) {
    this.#session = new ChdbParseSession(options.chdbDir);
    this.#clickhouse = new ClickHouseParser(this.#session, options.cacheSize === undefined ? {} : { cacheSize: options.cacheSize });
  }

  /** The one statement of `sql`; SQL_PARSE_ERROR (422, with line and column) when it does not parse. */
  parse(sql: string, dialect: Dialect): Promise<Statement> {
    return dialect === 'postgresql' ? parsePostgres(sql) : this.#clickhouse.parse(sql);
  }

  /** ClickHouse's canonical text of the one statement in `sql` (formatQuery); SQL_PARSE_ERROR when it does not parse. */
  formatClickHouse(sql: string): Promise<string> {
    return this.#clickhouse.format(sql);
  }

  /** Loads PostgreSQL's parser now rather than on the first request. */
  async warm(): Promise<void> {
    await loadPostgresParser();
  }

  /** Lets go of the chDB worker, if one was opened (the last holder, parser or telemetry store, closes it). */
  close(): Promise<void> {
    return this.#session.close();
  }
}
