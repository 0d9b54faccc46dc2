/** Row type of the uploaded files (migration 0004), composed into `DB` by src/db/schema.ts. */
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
}

export interface FileTables {
  files: FilesTable;
}
