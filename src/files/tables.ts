/** Row type of the uploaded files (migrations 0004, 0023), composed into `DB` by src/db/schema.ts. */
import type { ColumnType } from 'kysely';
import type { Bytes, GeneratedTimestamp } from '../db/columns.js';

export interface FilesTable {
  id: string;
  purpose: string;
  content_type: string;
  byte_size: number;
  width: number | null;
  height: number | null;
  sha256: string;
  data: Bytes;
  thumbnail: ColumnType<Uint8Array | null, Uint8Array | null, never>;
  thumbnail_byte_size: number | null;
  thumbnail_width: number | null;
  thumbnail_height: number | null;
  thumbnail_sha256: string | null;
  original_name: string | null;
  created_by_user_id: number | null;
  created_at: GeneratedTimestamp;
  /** Migration 0023: a citizen's upload (application materials), and a PDF's page count. */
  created_by_citizen_id: ColumnType<number | null, number | null | undefined, never>;
  page_count: ColumnType<number | null, number | null | undefined, never>;
}

export interface FileTables {
  files: FilesTable;
}
