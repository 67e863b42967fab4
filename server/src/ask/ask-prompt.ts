import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AskView } from './ask-views.js';

/**
 * What the model is told (the views as the record kinds declare them, the organization's semantic
 * model, verified examples as few-shot pairs) and how its answer is read back (the SQL in a ```sql
 * block, the rest as the explanation).
 */

const ColumnNotes = z.object({
  display_name: z.string().max(200).optional(),
  description: z.string().max(2000).optional(),
  value_mappings: z.record(z.string().max(200), z.string().max(500)).optional().describe('A stored value and what it means: {"idle in transaction": "holding a transaction open"}'),
});

/** The per-organization semantic model (seed 001's business layer), stored as JSON. */
export const SemanticModel = z.object({
  views: z
    .record(
      z.string().max(100),
      z.object({
        display_name: z.string().max(200).optional(),
        description: z.string().max(2000).optional(),
        columns: z.record(z.string().max(100), ColumnNotes).optional(),
      }),
    )
    .default({})
    .describe('Notes per view name (GET /ask/schema): display name, description, per-column notes and value mappings'),
  join_hints: z
    .array(z.object({ left: z.string().max(200).describe('view.column'), right: z.string().max(200).describe('view.column'), description: z.string().max(500).optional() }))
    .max(100)
    .default([])
    .describe('How views join'),
  glossary: z.record(z.string().max(100), z.string().max(1000)).default({}).describe('Terms the organization uses and what they mean'),
});
export type SemanticModel = z.infer<typeof SemanticModel>;

export interface ExamplePair {
  readonly question: string;
  readonly sql: string;
}

/** Verified starter examples (they run on every supported telemetry backend, ClickHouse 18.16 included). */
export const STARTER_EXAMPLES: readonly (ExamplePair & { readonly id: string })[] = [
  {
    id: 'builtin:slowest-statements',
    question: 'Which PostgreSQL queries took the most total time in the last 24 hours?',
    sql: 'SELECT query_hash, sum(calls) AS total_calls, sum(total_time_ms) AS total_ms, total_ms / greatest(total_calls, 1) AS avg_ms FROM statement_stats WHERE ts > now() - INTERVAL 1 DAY GROUP BY query_hash ORDER BY total_ms DESC LIMIT 10',
  },
  {
    id: 'builtin:slower-since-yesterday',
    question: 'Which queries got slower since yesterday?',
    sql: 'SELECT query_hash, sumIf(total_time_ms, ts >= now() - INTERVAL 1 DAY) / greatest(sumIf(calls, ts >= now() - INTERVAL 1 DAY), 1) AS avg_ms_today, sumIf(total_time_ms, ts < now() - INTERVAL 1 DAY) / greatest(sumIf(calls, ts < now() - INTERVAL 1 DAY), 1) AS avg_ms_before FROM statement_stats_hourly WHERE ts >= now() - INTERVAL 2 DAY GROUP BY query_hash HAVING avg_ms_before > 0 ORDER BY avg_ms_today / avg_ms_before DESC LIMIT 10',
  },
  {
    id: 'builtin:tables-grew-most',
    question: 'Which tables grew most this week?',
    sql: 'SELECT database_id, schema_name, table_name, max(total_bytes) - min(total_bytes) AS growth_bytes FROM pg_table_stats WHERE ts > now() - INTERVAL 7 DAY AND has_sizes = 1 GROUP BY database_id, schema_name, table_name ORDER BY growth_bytes DESC LIMIT 10',
  },
  {
    id: 'builtin:replication-lag-over-10s',
    question: 'When did replication lag last exceed 10 s?',
    sql: 'SELECT database_id, application_name, max(ts) AS last_seen, max(replay_lag_ms) AS worst_replay_lag_ms FROM pg_replication_standbys WHERE replay_lag_ms > 10000 GROUP BY database_id, application_name ORDER BY last_seen DESC',
  },
  {
    id: 'builtin:health-scores',
    question: 'What is the latest health score of each database?',
    sql: 'SELECT d.name, h.latest_score, h.latest_grade, h.scored_at FROM (SELECT database_id, argMax(score, ts) AS latest_score, argMax(grade, ts) AS latest_grade, max(ts) AS scored_at FROM health_scores GROUP BY database_id) AS h INNER JOIN databases AS d ON h.database_id = d.database_id ORDER BY h.latest_score',
  },
  {
    id: 'builtin:clickhouse-most-parts',
    question: 'Which ClickHouse tables have the most parts in a partition right now?',
    sql: 'SELECT database_id, database, table, argMax(max_parts_in_partition, ts) AS max_parts_in_partition FROM clickhouse_parts WHERE present = 1 AND ts > now() - INTERVAL 1 HOUR GROUP BY database_id, database, table ORDER BY max_parts_in_partition DESC LIMIT 10',
  },
];

function viewText(view: AskView, notes: SemanticModel['views'][string] | undefined): string {
  const head = `${view.name}${notes?.display_name ? ` ("${notes.display_name}")` : ''}: ${notes?.description ?? view.description}`;
  const columns = view.columns.map((c) => {
    const n = notes?.columns?.[c.name];
    const mappings = n?.value_mappings ? ` values: ${Object.entries(n.value_mappings).map(([k, v]) => `${JSON.stringify(k)} = ${v}`).join('; ')}` : '';
    return `  ${c.name} ${c.type}${n?.description ? ` -- ${n.description}` : ''}${mappings}`;
  });
  return [head, ...columns].join('\n');
}

/** The system prompt: the task, the rules the guard enforces, the views, the semantic model. */
export function systemPrompt(views: readonly AskView[], model: SemanticModel, focus: { name: string; engine: string } | undefined): string {
  const hints = model.join_hints.map((h) => `- ${h.left} = ${h.right}${h.description ? ` (${h.description})` : ''}`);
  const glossary = Object.entries(model.glossary).map(([term, meaning]) => `- ${term}: ${meaning}`);
  return [
    'You answer questions about database monitoring telemetry by writing one ClickHouse SQL SELECT.',
    'Rules: read only the views below, by their bare names; one statement; no SETTINGS, FORMAT or INTO OUTFILE; no system tables or table functions.',
    'Every view holds only this organization\'s data already. Times are DateTime in UTC; use now() - INTERVAL n HOUR/DAY for ranges.',
    'Give aggregates aliases that differ from column names (sum(calls) AS total_calls, not AS calls). Prefer aggregates with LIMIT. Write portable SQL: ClickHouse 18.16 must run it (no WITH name AS (subquery), no window functions).',
    'Answer with the SQL in a ```sql block, then one or two sentences saying what it computes.',
    focus ? `The question is about the database "${focus.name}" (${focus.engine}): its rows are the only ones the views return.` : '',
    '',
    'Views:',
    ...views.map((v) => viewText(v, model.views[v.name])),
    ...(hints.length > 0 ? ['', 'Joins:', ...hints] : []),
    ...(glossary.length > 0 ? ['', 'Glossary:', ...glossary] : []),
  ]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n');
}

/** The few-shot pairs as a conversation before the question. */
export function fewShot(examples: readonly ExamplePair[]): { role: 'user' | 'assistant'; content: string }[] {
  return examples.flatMap((e) => [
    { role: 'user' as const, content: e.question },
    { role: 'assistant' as const, content: '```sql\n' + e.sql + '\n```' },
  ]);
}

/** The SQL and the explanation in a model's answer: a ```sql block (or the first fenced block, or a bare SELECT/WITH text). */
export function readAnswer(text: string): { sql: string | undefined; explanation: string } {
  const fenced = /```(?:sql|clickhouse)?\s*\n?([\s\S]*?)```/i.exec(text);
  if (fenced) {
    const sql = fenced[1]!.trim().replace(/;\s*$/, '');
    return { sql: sql || undefined, explanation: (text.slice(0, fenced.index) + text.slice(fenced.index + fenced[0].length)).trim() };
  }
  const bare = text.trim();
  if (/^(SELECT|WITH)\b/i.test(bare)) return { sql: bare.replace(/;\s*$/, ''), explanation: '' };
  return { sql: undefined, explanation: bare };
}

/** The cache key of a question: its normalized words, the organization and the focused database. */
export function cacheKey(orgId: string, databaseId: string | undefined, question: string): string {
  const normalized = question.toLowerCase().replace(/\s+/g, ' ').replace(/[\s?.!]+$/, '').trim();
  return createHash('sha256').update(`${orgId}\0${databaseId ?? ''}\0${normalized}`).digest('hex');
}
