/**
 * Where file records and their bytes live. Today: PostgreSQL (`files.data` bytea), identical on
 * PGlite and PostgreSQL and written in the caller's transaction. The scale-out path is
 * S3-compatible object storage behind this same interface: an S3 store would put the object
 * (content-addressed by SHA-256, so a retry rewrites the same key) before inserting the metadata
 * row, and stream reads from the bucket; unreferenced objects are then swept by a background job.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../db/schema.js';
import type { FilesTable } from './tables.js';

export type FileVariant = 'original' | 'thumbnail';

export interface StoredRendition {
  contentType: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  sha256: string;
}

/** A file's record without its bytes. */
export interface FileMeta extends StoredRendition {
  id: string;
  purpose: string;
  originalName: string | null;
  createdByUserId: number | null;
  /** The citizen who uploaded it (application materials sent online), or null. */
  createdByCitizenId: number | null;
  /** Pages of a PDF, when they could be counted; null otherwise. */
  pageCount: number | null;
  createdAt: Date;
  /** Absent for files that are not images. */
  thumbnail: StoredRendition | null;
}

export interface NewFile {
  id: string;
  purpose: string;
  contentType: string;
  width: number | null;
  height: number | null;
  sha256: string;
  data: Uint8Array;
  thumbnail: { data: Uint8Array; width: number; height: number; sha256: string } | null;
  originalName: string | null;
  createdByUserId: number | null;
  createdByCitizenId?: number | null;
  pageCount?: number | null;
}

export interface FileContent {
  /** The file itself, or its thumbnail. */
  meta: StoredRendition;
  data: Buffer;
}

export interface FileStore {
  /**
   * Stores the file, unless its uploader already stored the same content for the same purpose:
   * then the existing record is returned with `created: false`. Anonymous files are never merged.
   */
  insert(db: Kysely<DB>, file: NewFile): Promise<{ meta: FileMeta; created: boolean }>;
  findMeta(db: Kysely<DB>, id: string): Promise<FileMeta | undefined>;
  readContent(db: Kysely<DB>, id: string, variant: FileVariant): Promise<FileContent | undefined>;
}

const META_COLUMNS = [
  'id',
  'purpose',
  'content_type',
  'byte_size',
  'width',
  'height',
  'sha256',
  'original_name',
  'created_by_user_id',
  'created_by_citizen_id',
  'page_count',
  'created_at',
  'thumbnail_byte_size',
  'thumbnail_width',
  'thumbnail_height',
  'thumbnail_sha256',
] as const;

type MetaRow = Pick<Selectable<FilesTable>, (typeof META_COLUMNS)[number]>;

function toMeta(row: MetaRow): FileMeta {
  return {
    id: row.id,
    purpose: row.purpose,
    contentType: row.content_type,
    byteSize: row.byte_size,
    width: row.width,
    height: row.height,
    sha256: row.sha256,
    originalName: row.original_name,
    createdByUserId: row.created_by_user_id,
    createdByCitizenId: row.created_by_citizen_id,
    pageCount: row.page_count,
    createdAt: row.created_at,
    thumbnail:
      row.thumbnail_sha256 === null || row.thumbnail_byte_size === null
        ? null
        : {
            contentType: 'image/jpeg',
            byteSize: row.thumbnail_byte_size,
            width: row.thumbnail_width,
            height: row.thumbnail_height,
            sha256: row.thumbnail_sha256,
          },
  };
}

/** pg returns bytea as a Buffer, PGlite as a plain Uint8Array: one type for callers. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export const databaseFileStore: FileStore = {
  async insert(db, file) {
    const inserted = await db
      .insertInto('files')
      .values({
        id: file.id,
        purpose: file.purpose,
        content_type: file.contentType,
        byte_size: file.data.byteLength,
        width: file.width,
        height: file.height,
        sha256: file.sha256,
        data: file.data,
        thumbnail: file.thumbnail?.data ?? null,
        thumbnail_byte_size: file.thumbnail?.data.byteLength ?? null,
        thumbnail_width: file.thumbnail?.width ?? null,
        thumbnail_height: file.thumbnail?.height ?? null,
        thumbnail_sha256: file.thumbnail?.sha256 ?? null,
        original_name: file.originalName,
        created_by_user_id: file.createdByUserId,
        created_by_citizen_id: file.createdByCitizenId ?? null,
        page_count: file.pageCount ?? null,
      })
      // A concurrent identical upload waits for the other transaction, then finds its row below.
      .onConflict((oc) =>
        file.createdByCitizenId != null
          ? oc
              .columns(['created_by_citizen_id', 'purpose', 'sha256'])
              .where('created_by_citizen_id', 'is not', null)
              .doNothing()
          : oc.columns(['created_by_user_id', 'purpose', 'sha256']).doNothing(),
      )
      .returning(META_COLUMNS)
      .executeTakeFirst();
    if (inserted) return { meta: toMeta(inserted), created: true };
    const uploader =
      file.createdByCitizenId != null
        ? (['created_by_citizen_id', file.createdByCitizenId] as const)
        : file.createdByUserId !== null
          ? (['created_by_user_id', file.createdByUserId] as const)
          : null;
    if (uploader === null) throw new Error('an anonymous file cannot conflict');
    const existing = await db
      .selectFrom('files')
      .select(META_COLUMNS)
      .where(uploader[0], '=', uploader[1])
      .where('purpose', '=', file.purpose)
      .where('sha256', '=', file.sha256)
      .executeTakeFirstOrThrow();
    return { meta: toMeta(existing), created: false };
  },

  async findMeta(db, id) {
    const row = await db.selectFrom('files').select(META_COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? toMeta(row) : undefined;
  },

  async readContent(db, id, variant) {
    const bytes = variant === 'original' ? sql<Uint8Array>`data` : sql<Uint8Array | null>`thumbnail`;
    const row = await db
      .selectFrom('files')
      .select(META_COLUMNS)
      .select(bytes.as('bytes'))
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row?.bytes) return undefined;
    const meta = toMeta(row);
    const rendition = variant === 'original' ? meta : meta.thumbnail;
    return rendition ? { meta: rendition, data: asBuffer(row.bytes) } : undefined;
  },
};
