/**
 * Use cases of the files module. Decoding and re-encoding happen in `prepareImage`, before any
 * transaction is opened (CPU work must not hold a database connection); `storeImages` then writes
 * the prepared files and their audit entries in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudits } from '../audit/index.js';
import type { RequestContext } from '../shared/context.js';
import type { Actor } from '../identity/index.js';
import { DomainError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { makeThumbnail, normalizeImage, type ImageLimits, type NormalizedImage } from './images.js';
import { createLimiter } from './limiter.js';
import { sanitizeFileName } from './names.js';
import { mayReadFile } from './policy.js';
import {
  databaseFileStore,
  type FileContent,
  type FileMeta,
  type FileStore,
  type FileVariant,
} from './store.js';

/**
 * What a file is for; decides nothing yet but is kept with the file and in the dedupe key.
 * - `case_photo` — 案件照片, before (处置前) and after (处置后) photos of a case;
 * - `component_photo` — 部件照片, taken during the component census (部件普查);
 * - `report_photo` — 市民上报照片, sent with a citizen report;
 * - `open311_media` — media of an Open311 GeoReport v2 request (`media_url`).
 */
export const FILE_PURPOSES = ['case_photo', 'component_photo', 'report_photo', 'open311_media'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

/** A file id as PostgreSQL's uuid type prints it (and as our routes accept it). */
export const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export interface PreparedImage {
  image: NormalizedImage;
  thumbnail: NormalizedImage;
}

export interface StoreImageInput {
  purpose: FilePurpose;
  /** The client's file name, as sent; it is sanitized here. */
  originalName?: string | null;
  prepared: PreparedImage;
}

export interface StoredFile {
  meta: FileMeta;
  /** false when the uploader had already stored identical content for the same purpose. */
  created: boolean;
}

/**
 * Bounds decoding memory: at most this many images are decoded at once in this process (an
 * 8192 × 8192 input needs about 200 MB while it is decoded).
 */
const decodeSlots = createLimiter(Math.max(1, Math.min(4, Math.floor(availableParallelism() / 2))));

/** Normalizes an upload and makes its thumbnail; no database. Errors as `normalizeImage`. */
export function prepareImage(input: Uint8Array, limits: Partial<ImageLimits> = {}): Promise<PreparedImage> {
  return decodeSlots(async () => {
    const image = await normalizeImage(input, limits);
    return { image, thumbnail: await makeThumbnail(image) };
  });
}

/** Stores one prepared image (one transaction, audited as `file.upload`). */
export async function storeImage(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: StoreImageInput,
  store: FileStore = databaseFileStore,
): Promise<StoredFile> {
  const [stored] = await storeImages(db, ctx, [input], store);
  return stored!;
}

/** Stores several prepared images together: all or none, each audited as `file.upload`. */
export function storeImages(
  db: Kysely<DB>,
  ctx: RequestContext,
  inputs: readonly StoreImageInput[],
  store: FileStore = databaseFileStore,
): Promise<StoredFile[]> {
  return inTransaction(db, async (tx) => {
    const results: StoredFile[] = [];
    for (const input of inputs) {
      const { image, thumbnail } = input.prepared;
      results.push(
        await store.insert(tx, {
          id: randomUUID(),
          purpose: input.purpose,
          contentType: image.contentType,
          width: image.width,
          height: image.height,
          sha256: image.sha256,
          data: image.data,
          thumbnail: {
            data: thumbnail.data,
            width: thumbnail.width,
            height: thumbnail.height,
            sha256: thumbnail.sha256,
          },
          originalName: sanitizeFileName(input.originalName),
          createdByUserId: ctx.actor.id === 0 ? null : ctx.actor.id,
        }),
      );
    }
    await recordAudits(
      tx,
      ctx,
      results.map(({ meta, created }) => ({
        action: 'file.upload',
        targetType: 'file',
        targetId: meta.id,
        detail: {
          purpose: meta.purpose,
          sha256: meta.sha256,
          byteSize: meta.byteSize,
          deduplicated: !created,
        },
      })),
    );
    return results;
  });
}

/**
 * A file's record, if `actor` may see it (see policy.ts); `FILE_NOT_FOUND` whether it is absent
 * or hidden, so an id reveals nothing.
 */
export async function getReadableFile(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  store: FileStore = databaseFileStore,
): Promise<FileMeta> {
  const meta = await store.findMeta(db, id);
  if (!meta || !(await mayReadFile(db, actor, meta))) throw notFound(id);
  return meta;
}

/**
 * The ids among `ids` that `actor` may not attach to a record (a case, a report): unknown ids
 * and files someone else uploaded (administrators may attach any file). For modules that link
 * files, before they insert the link.
 */
export async function filesNotAttachableBy(
  db: Kysely<DB>,
  actor: Actor,
  ids: readonly string[],
  store: FileStore = databaseFileStore,
): Promise<string[]> {
  const refused: string[] = [];
  for (const id of ids) {
    const meta = UUID.test(id) ? await store.findMeta(db, id) : undefined;
    if (!meta || (actor.role !== 'admin' && meta.createdByUserId !== actor.id)) refused.push(id);
  }
  return refused;
}

/** A file's bytes (or its thumbnail's) with their description; `FILE_NOT_FOUND` when absent. */
export async function readFile(
  db: Kysely<DB>,
  id: string,
  variant: FileVariant = 'original',
  store: FileStore = databaseFileStore,
): Promise<FileContent> {
  const content = await store.readContent(db, id, variant);
  if (!content) throw notFound(id, variant);
  return content;
}

function notFound(id: string, variant: FileVariant = 'original'): DomainError {
  return new DomainError(
    'FILE_NOT_FOUND',
    variant === 'original' ? `No file ${id}` : `File ${id} has no ${variant}`,
  );
}
