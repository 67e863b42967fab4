import { sha256Hex } from './password-hash.js';

/** What `vigil-agent grants --engine clickhouse` prints for. */
export interface ClickHouseGrantsOptions {
  /** The monitoring user; a plain identifier (checked by the command). */
  readonly user: string;
  /** Server version as [major, minor]; decides SQL access control or users.xml. */
  readonly version: readonly [number, number];
  /** Whether on-demand EXPLAIN should work: it needs SELECT on the tables a statement reads. */
  readonly explain: boolean;
  /** The user's password, printed only as its SHA-256; without it, a placeholder to replace. */
  readonly password?: string;
}

/** SQL-driven access control (CREATE USER, GRANT) is on by default from 20.5; before it, users live in users.xml. */
const SQL_ACCESS_CONTROL: readonly [number, number] = [20, 5];
/** Configuration files' root element: <yandex> until 21.x, <clickhouse> after. */
const CLICKHOUSE_ROOT_ELEMENT: readonly [number, number] = [22, 1];

const PLACEHOLDER_HASH = 'SHA256_HEX_OF_THE_PASSWORD';
const HASH_HINT = "-- Replace SHA256_HEX_OF_THE_PASSWORD with:  read -rs P; printf '%s' \"$P\" | sha256sum   (or rerun with --password-file FILE)";

function atLeast(version: readonly [number, number], than: readonly [number, number]): boolean {
  return version[0] > than[0] || (version[0] === than[0] && version[1] >= than[1]);
}

/** True when the release manages users with SQL; otherwise `clickHouseGrants` prints a users.xml file. */
export function hasSqlAccessControl(version: readonly [number, number]): boolean {
  return atLeast(version, SQL_ACCESS_CONTROL);
}

/**
 * Least-privilege access for the agent's ClickHouse user: `readonly = 2` (reads only, but may set
 * its own per-query limits, which the agent does), the system tables, and with `explain` SELECT
 * on everything. SQL for releases with access control; a users.d file for older ones such as 18.16.
 */
export function clickHouseGrants(options: ClickHouseGrantsOptions): string {
  return hasSqlAccessControl(options.version) ? sqlGrants(options) : usersXml(options);
}

function sqlGrants({ user, version, explain, password }: ClickHouseGrantsOptions): string {
  const hash = password === undefined ? PLACEHOLDER_HASH : sha256Hex(password);
  const lines = [
    `-- Vigil agent: a least-privilege monitoring user on ClickHouse ${version.join('.')}.`,
    '-- Run as a user allowed to manage access (access_management = 1), e.g.  clickhouse-client --multiquery < vigil-grants.sql',
    ...(password === undefined ? [HASH_HINT] : []),
    "-- HOST: where the agent connects from; widen it (HOST IP '10.0.0.0/8', HOST ANY) when the agent runs elsewhere.",
    `CREATE USER IF NOT EXISTS ${user} IDENTIFIED WITH sha256_hash BY '${hash}' HOST IP '127.0.0.1', IP '::1' SETTINGS readonly = 2;`,
    '-- query_log, processes, parts, merges, mutations, replicas, disks, metrics, errors.',
    `GRANT SELECT ON system.* TO ${user};`,
    '-- system.parts, merges, mutations and replicas list only the tables a user may see.',
    `GRANT SHOW TABLES ON *.* TO ${user};`,
  ];
  if (explain) lines.push('-- On-demand EXPLAIN (plans only, never runs the query) needs SELECT on the tables it reads.', `GRANT SELECT ON *.* TO ${user};`);
  else lines.push('-- On-demand EXPLAIN also needs SELECT on the tables a query reads: rerun with --explain for that grant.');
  lines.push('-- The query_log collector needs log_queries = 1 for the users whose queries you want to see (the default profile).');
  return `${lines.join('\n')}\n`;
}

function usersXml({ user, version, explain, password }: ClickHouseGrantsOptions): string {
  const root = atLeast(version, CLICKHOUSE_ROOT_ELEMENT) ? 'clickhouse' : 'yandex';
  const hash = password === undefined ? PLACEHOLDER_HASH : sha256Hex(password);
  const comment = (text: string) => `<!-- ${text.replaceAll('--', '- -')} -->`;
  const lines = [
    '<?xml version="1.0"?>',
    comment(`Vigil agent: a least-privilege monitoring user on ClickHouse ${version.join('.')}, which has no SQL access control.`),
    comment(`Save as /etc/clickhouse-server/users.d/${user}.xml (the server picks it up within seconds, no restart).`),
    ...(password === undefined ? [comment(`Replace ${PLACEHOLDER_HASH} with the output of:  read -rs P; printf '%s' "$P" | sha256sum   (or print this again with a password file)`)] : []),
    `<${root}>`,
    '  <profiles>',
    `    <${user}>`,
    '      ' + comment('Reads only; may still set its own per-query limits, which the agent does.'),
    '      <readonly>2</readonly>',
    `    </${user}>`,
    '    <default>',
    '      ' + comment('The query_log collector needs the queries of the users you want to see logged.'),
    '      <log_queries>1</log_queries>',
    '    </default>',
    '  </profiles>',
    '  <users>',
    `    <${user}>`,
    `      <password_sha256_hex>${hash}</password_sha256_hex>`,
    '      ' + comment('Where the agent connects from; add <ip> entries when it runs on another host.'),
    '      <networks replace="replace">',
    '        <ip>127.0.0.1</ip>',
    '        <ip>::1</ip>',
    '      </networks>',
    `      <profile>${user}</profile>`,
    '      <quota>default</quota>',
  ];
  if (!explain) {
    // Without EXPLAIN the agent reads the system database only, so its user sees no table data at all.
    lines.push('      ' + comment('No table data: only the system database (rerun with --explain to allow EXPLAIN on every database).'));
    lines.push('      <allow_databases>', '        <database>system</database>', '      </allow_databases>');
  }
  lines.push(`    </${user}>`, '  </users>', `</${root}>`);
  return `${lines.join('\n')}\n`;
}
