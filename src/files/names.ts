/**
 * File names from clients: kept only as a label (never as a path), cleaned of anything that could
 * mislead a reader or break a header, and sent back in Content-Disposition per RFC 6266 with an
 * RFC 8187 `filename*` for non-ASCII names (most names here are Chinese).
 */

export const MAX_NAME_LENGTH = 200;

/**
 * The last path segment, NFC-normalized, whitespace (line breaks included) collapsed to one space,
 * without control or format characters (bidirectional overrides such as U+202E can make `gpj.exe`
 * read as `exe.jpg`), at most 200 code points. `null` when nothing is left.
 */
export function sanitizeFileName(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const lastSegment = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .replace(/\s+/gu, ' ')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu, '')
    .replace(/ {2,}/g, ' ')
    .replace(/^[\s.]+/u, '')
    .trim();
  const name = Array.from(cleaned).slice(0, MAX_NAME_LENGTH).join('').trim();
  return name === '' ? null : name;
}

/** The name with its extension replaced: stored images are JPEG whatever was sent. */
export function withExtension(name: string, extension: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return `${stem}${extension}`;
}

/** `inline; filename="…"; filename*=UTF-8''…` — an ASCII fallback plus the exact UTF-8 name. */
export function inlineDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `inline; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
