/**
 * Row type of the public notes table (migration 0009), merged into the database interface by
 * declaration merging so the module owns its schema.
 */
import type { ColumnType, Generated } from 'kysely';

type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface CasePublicNotesTable {
  id: Generated<number>;
  case_id: number;
  at: GeneratedTimestamp;
  text: string;
  /** The public status right after the note. */
  status: string;
  author_id: number | null;
  /** The workflow action that wrote it; null when staff wrote it. */
  action: string | null;
}

declare module '../db/schema.js' {
  interface DB {
    case_public_notes: CasePublicNotesTable;
  }
}
