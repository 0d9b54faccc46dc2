/**
 * What a POST of a request or an update carries once the HTTP edge has read its body (http.ts:
 * form, JSON or multipart), and the photos in it made safe to keep: decoded and re-encoded by the
 * files module, without metadata (EXIF, GPS), within the size limit.
 */
import { prepareImage, type PreparedImage } from '../files/index.js';
import { DomainError } from '../shared/errors.js';

/** One uploaded file of a multipart body (`media`), as received. */
export interface MediaUpload {
  data: Buffer;
  filename: string | null;
}

/** A form, JSON or multipart body after parsing: plain fields, `attribute` by code, and files. */
export interface RequestFields {
  fields: Record<string, string | undefined>;
  attributes: Record<string, string | string[]>;
  media?: MediaUpload[];
}

/**
 * Images of a request or update, prepared for storage. A refused image keeps the files module's
 * error code (too large, too many pixels, not an image, unreadable), its description naming the
 * part as the client sent it (`media`, or `media[1]` of several).
 */
export async function prepareMedia(
  media: MediaUpload[] | undefined,
  maxBytes: number,
): Promise<PreparedImage[]> {
  const prepared: PreparedImage[] = [];
  for (const [i, file] of (media ?? []).entries()) {
    try {
      prepared.push(await prepareImage(file.data, { maxBytes }));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const name = media!.length > 1 ? `media[${i}]` : 'media';
      throw new DomainError(error.code, `${name} ${error.detail ?? error.message}`);
    }
  }
  return prepared;
}
