import type { Kysely } from 'kysely';
import type { MetaSchema } from './schema.js';

/** What a dialect folder (sqlite/, postgres/) supplies: its Kysely instance and how its driver reports a unique-key clash. */
export interface MetaDialect {
  readonly db: Kysely<MetaSchema>;
  isUniqueViolation(err: unknown): boolean;
}
