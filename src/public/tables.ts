/**
 * Row types of the citizen channel's tables (migration 0009), merged into the database interface
 * by declaration merging so the module owns its schema.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface PublicCategoriesTable {
  code: string;
  classification_id: number;
  name: string;
  name_en: string;
  help: string;
  help_en: string;
  group_name: string;
  group_en: string;
  sensitive: Generated<boolean>;
  position: number;
  active: Generated<boolean>;
}

export interface PublicUploadsTable {
  file_id: string;
  citizen_id: number | null;
  /** The public case that claimed the photo; null until a report does. */
  case_id: number | null;
  created_at: GeneratedTimestamp;
}

export interface PublicReportsTable {
  case_id: number;
  tracking_code: string;
  category_code: string;
  citizen_id: number | null;
  device_key: string;
  text_key: string;
  created_at: GeneratedTimestamp;
}

export interface CaseRatingsTable {
  id: Generated<number>;
  case_id: number;
  score: number;
  comment: string | null;
  citizen_id: number | null;
  request_reopen: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface ReopenRequestsTable {
  id: Generated<number>;
  case_id: number;
  /** The negative rating that asked; null for an Open311 client's request. */
  rating_id: number | null;
  source: Generated<'rating' | 'open311'>;
  reason: string | null;
  status: Generated<'pending' | 'accepted' | 'declined'>;
  created_at: GeneratedTimestamp;
  decided_at: Timestamp | null;
  decided_by: number | null;
  decision_note: string | null;
  version: Generated<number>;
}

declare module '../db/schema.js' {
  interface DB {
    public_categories: PublicCategoriesTable;
    public_uploads: PublicUploadsTable;
    public_reports: PublicReportsTable;
    case_ratings: CaseRatingsTable;
    reopen_requests: ReopenRequestsTable;
  }
}
