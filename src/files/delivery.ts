/**
 * Response headers for file bytes. The ETag is the SHA-256 of the bytes, so it is strong and
 * never changes for an id. `Cache-Control: private, no-cache` lets the browser keep the bytes but
 * makes it ask again each time: access follows the case's jurisdiction and can be lost, and the
 * answer to a repeat view is a 304 without the bytes.
 */
import type { FileVariant, StoredRendition } from './store.js';
import { inlineDisposition, withExtension } from './names.js';

export function etagOf(rendition: StoredRendition): string {
  return `"${rendition.sha256}"`;
}

/** RFC 9110 §13.1.2: If-None-Match uses the weak comparison; `*` matches any current file. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

export interface FileHeaderSource {
  id: string;
  originalName: string | null;
}

/** Headers sent with a 200 and, but for the disposition and type, with a 304. */
export function cacheHeaders(rendition: StoredRendition): Record<string, string> {
  return { etag: etagOf(rendition), 'cache-control': 'private, no-cache' };
}

export function contentHeaders(
  file: FileHeaderSource,
  rendition: StoredRendition,
  variant: FileVariant,
): Record<string, string> {
  const extension =
    rendition.contentType === 'image/jpeg'
      ? '.jpg'
      : rendition.contentType === 'application/pdf'
        ? '.pdf'
        : '';
  const stem = file.originalName ? withExtension(file.originalName, '') : file.id;
  const name = variant === 'thumbnail' ? `${stem}-thumbnail${extension}` : `${stem}${extension}`;
  return {
    ...cacheHeaders(rendition),
    'content-type': rendition.contentType,
    'content-length': String(rendition.byteSize),
    'content-disposition': inlineDisposition(name),
    'x-content-type-options': 'nosniff',
  };
}
