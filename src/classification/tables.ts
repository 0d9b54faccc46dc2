/**
 * Row types of the classification tables (migrations 0001, 0002), composed into `DB` by
 * src/db/schema.ts.
 */
import type { Generated } from 'kysely';
import type { ClassKind } from './rules/entry.js';

export interface ClassificationsTable {
  id: Generated<number>;
  standard: string;
  kind: ClassKind;
  major_code: string;
  major_name: string;
  code: string;
  name: string;
  confidence: string;
  source_note: string | null;
  is_extension: Generated<boolean>;
  public_name: string | null;
  help_text: string | null;
  active: Generated<boolean>;
  /** Added by migration 0002. */
  version: Generated<number>;
}

export interface ClassificationCrosswalkTable {
  from_id: number;
  to_id: number;
  match: 'exact' | 'renamed';
  note: string | null;
}

export interface ClassificationTables {
  classifications: ClassificationsTable;
  classification_crosswalk: ClassificationCrosswalkTable;
}
