/**
 * Photos of the citizen channel. An upload goes through the files module (normalised, re-encoded
 * as JPEG without EXIF/GPS/XMP, thumbnail) as a `report_photo` of no staff account, and is
 * recorded as a public upload until a report claims it. The public can read back: its own public
 * uploads (the random id is the capability, as the tracking code is for reports), and the
 * after-photos of a closed report through that report's tracking code. Staff read them as case
 * photos through /api/v1/files once a report has claimed them.
 */
import type { Kysely } from 'kysely';
import type { CaseServiceDeps } from '../cases/index.js';
import type { DB } from '../db/schema.js';
import { storeImages, type PreparedImage } from '../files/index.js';
import { DomainError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { publicIntakeContext } from './context.js';
import { beforePhotoUrls, isShownAfterPhoto, type PublicPhoto } from './view.js';
import './tables.js';

export async function storePublicPhoto(
  db: Kysely<DB>,
  prepared: PreparedImage,
  originalName: string | null,
  who: { citizenId: number | null; clientIp: string | null; requestId: string | null },
): Promise<PublicPhoto> {
  return inTransaction(db, async (tx) => {
    const [stored] = await storeImages(tx, publicIntakeContext(who.citizenId, who), [
      { purpose: 'report_photo', originalName, prepared },
    ]);
    await tx
      .insertInto('public_uploads')
      .values({ file_id: stored!.meta.id, citizen_id: who.citizenId })
      .onConflict((oc) => oc.column('file_id').doNothing())
      .execute();
    return beforePhotoUrls(stored!.meta.id);
  });
}

const notFound = (id: string) => new DomainError('FILE_NOT_FOUND', `No public photo ${id}`);

/** Refuses (404) anything that is not a public upload. */
export async function assertPublicUpload(db: Kysely<DB>, fileId: string): Promise<void> {
  const row = await db
    .selectFrom('public_uploads')
    .select('file_id')
    .where('file_id', '=', fileId)
    .executeTakeFirst();
  if (!row) throw notFound(fileId);
}

/** Refuses (404) anything the report's public view does not show as an after-photo now. */
export async function assertShownAfterPhoto(
  db: Kysely<DB>,
  deps: CaseServiceDeps,
  trackingCode: string,
  fileId: string,
): Promise<void> {
  if (!(await isShownAfterPhoto(db, deps, trackingCode, fileId))) throw notFound(fileId);
}
