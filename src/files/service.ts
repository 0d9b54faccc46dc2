/**
 * Use cases of the files module. Decoding and re-encoding happen in `prepareImage`, before any
 * transaction is opened (CPU work must not hold a database connection); `storeImages` then writes
 * the prepared files and their audit entries in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudits, type AuditContext } from '../audit/index.js';
import type { RequestContext } from '../shared/context.js';
import type { Actor } from '../identity/index.js';
import { DomainError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { makeThumbnail, normalizeImage, type ImageLimits, type NormalizedImage } from './images.js';
import { createLimiter } from './limiter.js';
import { classifyMaterial, type InspectedPdf, type MaterialLimits } from './materials.js';
import { sanitizeFileName } from './names.js';
import { citizenMayReadFile, mayReadFile } from './policy.js';
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
 * - `open311_media` — media of an Open311 GeoReport v2 request (`media_url`);
 * - `application_material` — 申请材料 of an application (PDF or image; materials.ts);
 * - `catalogue_form` — 示范文本 / 空白表格 of a catalogue item's material (PDF or image).
 */
export const FILE_PURPOSES = [
  'case_photo',
  'component_photo',
  'report_photo',
  'open311_media',
  'application_material',
  'catalogue_form',
] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];
/** The purposes whose uploads may be PDFs as well as images. */
export const MATERIAL_PURPOSES = [
  'application_material',
  'catalogue_form',
] as const satisfies readonly FilePurpose[];
export type MaterialPurpose = (typeof MATERIAL_PURPOSES)[number];
export const isMaterialPurpose = (purpose: string): purpose is MaterialPurpose =>
  (MATERIAL_PURPOSES as readonly string[]).includes(purpose);

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

// ---------------------------------------------------------------------------------------------
// Materials: PDFs and images (materials.ts), uploaded by staff or by citizens.

/** A material ready to store: a checked PDF as given, or a normalised image with its thumbnail. */
export type PreparedMaterial = { kind: 'pdf'; pdf: InspectedPdf } | { kind: 'image'; image: PreparedImage };

/**
 * Reads a material's bytes: refuses malware-like content, checks a PDF, or normalises an image
 * (errors as `classifyMaterial` and `normalizeImage`). No database.
 */
export async function prepareMaterial(
  input: Uint8Array,
  limits: { material?: Partial<MaterialLimits>; image?: Partial<ImageLimits> } = {},
): Promise<PreparedMaterial> {
  const classified = classifyMaterial(input, limits.material);
  if (classified.kind === 'pdf') return classified;
  return { kind: 'image', image: await prepareImage(input, limits.image) };
}

/** Who uploads: a staff request, or a citizen of the citizen channel. */
export type Uploader =
  | { kind: 'staff'; ctx: RequestContext }
  | { kind: 'citizen'; citizenId: number; clientIp: string | null; requestId: string | null };

function auditOf(uploader: Uploader): AuditContext {
  return uploader.kind === 'staff'
    ? uploader.ctx
    : {
        actor: { id: 0, username: `citizen:${uploader.citizenId}` },
        clientIp: uploader.clientIp,
        requestId: uploader.requestId,
      };
}

export interface StoreMaterialInput {
  purpose: MaterialPurpose;
  originalName?: string | null;
  prepared: PreparedMaterial;
}

/** Stores prepared materials together: all or none, each audited as `file.upload`. */
export function storeMaterials(
  db: Kysely<DB>,
  uploader: Uploader,
  inputs: readonly StoreMaterialInput[],
  store: FileStore = databaseFileStore,
): Promise<StoredFile[]> {
  const createdByUserId =
    uploader.kind === 'staff' && uploader.ctx.actor.id !== 0 ? uploader.ctx.actor.id : null;
  const createdByCitizenId = uploader.kind === 'citizen' ? uploader.citizenId : null;
  return inTransaction(db, async (tx) => {
    const results: StoredFile[] = [];
    for (const input of inputs) {
      const common = {
        id: randomUUID(),
        purpose: input.purpose,
        originalName: sanitizeFileName(input.originalName),
        createdByUserId,
        createdByCitizenId,
      };
      if (input.prepared.kind === 'pdf') {
        const { pdf } = input.prepared;
        results.push(
          await store.insert(tx, {
            ...common,
            contentType: pdf.contentType,
            width: null,
            height: null,
            sha256: pdf.sha256,
            data: pdf.data,
            thumbnail: null,
            pageCount: pdf.pageCount,
          }),
        );
      } else {
        const { image, thumbnail } = input.prepared.image;
        results.push(
          await store.insert(tx, {
            ...common,
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
          }),
        );
      }
    }
    await recordAudits(
      tx,
      auditOf(uploader),
      results.map(({ meta, created }) => ({
        action: 'file.upload',
        targetType: 'file',
        targetId: meta.id,
        detail: {
          purpose: meta.purpose,
          contentType: meta.contentType,
          sha256: meta.sha256,
          byteSize: meta.byteSize,
          pageCount: meta.pageCount,
          deduplicated: !created,
        },
      })),
    );
    return results;
  });
}

/**
 * The ids among `ids` that may not be attached as `purpose` by this uploader: unknown ids, files
 * of another purpose, and files someone else uploaded. The applications module asks this before
 * it links materials to an application (a window clerk attaches the scans they uploaded; a citizen
 * the files they uploaded).
 */
export async function materialsNotAttachableBy(
  db: Kysely<DB>,
  uploader: { userId: number } | { citizenId: number },
  ids: readonly string[],
  purpose: MaterialPurpose = 'application_material',
  store: FileStore = databaseFileStore,
): Promise<string[]> {
  const refused: string[] = [];
  for (const id of ids) {
    const meta = UUID.test(id) ? await store.findMeta(db, id) : undefined;
    const mine =
      meta !== undefined &&
      ('userId' in uploader
        ? meta.createdByUserId === uploader.userId
        : meta.createdByCitizenId === uploader.citizenId);
    if (!meta || meta.purpose !== purpose || !mine) refused.push(id);
  }
  return refused;
}

/**
 * A file's record if the citizen may see it: their own upload, or one a registered citizen rule
 * lets them see (the materials and results of their applications); `FILE_NOT_FOUND` otherwise.
 */
export async function getCitizenReadableFile(
  db: Kysely<DB>,
  citizenId: number,
  id: string,
  store: FileStore = databaseFileStore,
): Promise<FileMeta> {
  const meta = UUID.test(id) ? await store.findMeta(db, id) : undefined;
  if (!meta || !(await citizenMayReadFile(db, citizenId, meta))) throw notFound(id);
  return meta;
}
