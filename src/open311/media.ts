/**
 * Public photos of Open311 requests (`media_url`, extensions' photos): what citizens sent through
 * Open311, and the after-photo (处置后) of a closed request. Nothing of a sensitive class, nothing
 * of a batch request still in intake, no other case photo. The bytes are the files module's
 * re-encoded JPEG, without EXIF or GPS metadata.
 */
import { sql, type Kysely } from 'kysely';
import { casePhotoRelation, caseRelation } from '../cases/index.js';
import type { DB } from '../db/schema.js';
import { readFile, type FileContent } from '../files/index.js';
import { DomainError } from '../shared/errors.js';
import { classWithRules, publicCaseFilter } from './queries.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function readPublicMedia(db: Kysely<DB>, fileId: string): Promise<FileContent> {
  const notFound = () => new DomainError('FILE_NOT_FOUND', `media ${fileId} not found`);
  if (!UUID.test(fileId)) throw notFound();
  const result = await sql<{ ok: number }>`
    select 1 as ok
    from ${caseRelation(db)} c
    ${classWithRules(db)}
    left join open311_requests r on r.case_id = c.id
    where ${publicCaseFilter()} and not coalesce(sr.sensitive, false)
      and (exists (select 1 from open311_media m where m.case_id = c.id and m.file_id = ${fileId}::uuid)
        or (c.status = 'closed' and exists (
          select 1 from ${casePhotoRelation(db)} p where p.case_id = c.id and p.phase = 'after' and p.file_id = ${fileId}::uuid)))
    limit 1`.execute(db);
  if (result.rows.length === 0) throw notFound();
  return readFile(db, fileId);
}
