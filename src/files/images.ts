/**
 * Image normalization: whatever a phone or browser sends becomes a plain sRGB JPEG with no
 * metadata at all. The type is sniffed from the bytes (never from the file name or the declared
 * content type), decompression bombs are refused from the header before any pixel is decoded,
 * the EXIF orientation is applied to the pixels, and re-encoding drops EXIF (GPS included), XMP,
 * IPTC and the ICC profile (after converting to sRGB). No database, no HTTP: errors are domain
 * errors whose `detail` is a reason the caller attaches to the field it came from.
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Metadata, type Sharp, type SharpOptions } from 'sharp';
import { DomainError } from '../shared/errors.js';

export const MIB = 1_048_576;

export interface ImageLimits {
  /** Largest accepted input, in bytes. */
  maxBytes: number;
  /** Largest accepted width × height of the input, read from its header (decompression bombs). */
  maxPixels: number;
  /** Longest side of the stored image; larger inputs are scaled down, keeping the aspect ratio. */
  maxDimension: number;
}

/**
 * 10 MiB covers a phone's full-resolution JPEG or HEIC; 8192 × 8192 (67 megapixels) covers the
 * 50-megapixel modes of current phone cameras while bounding decode memory (about 200 MB RGB);
 * 4096 px keeps a license plate or a crack in the pavement readable.
 */
export const DEFAULT_IMAGE_LIMITS: ImageLimits = {
  maxBytes: 10 * MIB,
  maxPixels: 8192 * 8192,
  maxDimension: 4096,
};

/** Longest side of a thumbnail (list views, case timelines). */
export const THUMBNAIL_DIMENSION = 320;
const JPEG_QUALITY = 82;
const THUMBNAIL_QUALITY = 75;
/** A pathological input must not hold a libuv worker for long. */
const DECODE_TIMEOUT_SECONDS = 30;

export interface NormalizedImage {
  data: Buffer;
  contentType: 'image/jpeg';
  width: number;
  height: number;
  /** Lower-case hex SHA-256 of `data`. */
  sha256: string;
}

/** Sniffed MIME type → the libvips loader that must agree with it (refuses polyglot files). */
const ACCEPTED: ReadonlyMap<string, Metadata['format']> = new Map<string, Metadata['format']>([
  ['image/jpeg', 'jpeg'],
  ['image/png', 'png'],
  ['image/apng', 'png'],
  ['image/webp', 'webp'],
  ['image/gif', 'gif'],
  ...(sharp.format.heif.input.buffer
    ? ([
        ['image/heic', 'heif'],
        ['image/heif', 'heif'],
        ['image/avif', 'heif'],
      ] as const)
    : []),
]);

/** Human list of what is accepted, for error messages and docs. */
export const ACCEPTED_IMAGE_TYPES = sharp.format.heif.input.buffer
  ? 'JPEG, PNG, WebP, GIF, HEIC/HEIF or AVIF'
  : 'JPEG, PNG, WebP or GIF';

/**
 * Sniffs, checks and re-encodes one image. Throws `UNSUPPORTED_MEDIA_TYPE` (not an accepted
 * image), `PAYLOAD_TOO_LARGE` (bytes), `IMAGE_TOO_MANY_PIXELS` (header dimensions) or
 * `IMAGE_UNREADABLE` (damaged or truncated data). Animated GIF/WebP keep their first frame.
 */
export async function normalizeImage(
  input: Uint8Array,
  limits: Partial<ImageLimits> = {},
): Promise<NormalizedImage> {
  const { maxBytes, maxPixels, maxDimension } = { ...DEFAULT_IMAGE_LIMITS, ...limits };
  if (input.byteLength === 0) throw new DomainError('IMAGE_UNREADABLE', 'is empty');
  if (input.byteLength > maxBytes) {
    throw new DomainError('PAYLOAD_TOO_LARGE', `is larger than ${formatBytes(maxBytes)}`);
  }
  const expectedFormat = await sniff(input);
  // Header only: the pixel limit is checked before decoding, and again by libvips while decoding.
  const options: SharpOptions = { limitInputPixels: maxPixels, failOn: 'error', pages: 1, autoOrient: true };
  const metadata = await readHeader(input, { ...options, limitInputPixels: false });
  if (metadata.format !== expectedFormat) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `is not a valid ${ACCEPTED_IMAGE_TYPES} image`);
  }
  if (metadata.width * metadata.height > maxPixels) {
    throw new DomainError(
      'IMAGE_TOO_MANY_PIXELS',
      `is ${metadata.width} × ${metadata.height} pixels; at most ${maxPixels.toLocaleString('en')} pixels are accepted`,
    );
  }
  const pipeline = sharp(input, options)
    .resize({ width: maxDimension, height: maxDimension, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' }) // JPEG has no transparency
    .jpeg({ quality: JPEG_QUALITY, mozjpeg: true });
  return encode(pipeline, metadata);
}

/** A small preview of an already normalized image (same orientation, no metadata). */
export async function makeThumbnail(
  image: NormalizedImage,
  dimension = THUMBNAIL_DIMENSION,
): Promise<NormalizedImage> {
  const pipeline = sharp(image.data, { failOn: 'error' })
    .resize({ width: dimension, height: dimension, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: THUMBNAIL_QUALITY, mozjpeg: true });
  return encode(pipeline, null);
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

async function sniff(input: Uint8Array): Promise<Metadata['format']> {
  const sniffed = await fileTypeFromBuffer(input);
  const format = sniffed ? ACCEPTED.get(sniffed.mime) : undefined;
  if (!format) {
    const what = sniffed ? `${sniffed.mime} content` : 'not a recognised image';
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `is ${what}; send a ${ACCEPTED_IMAGE_TYPES} image`);
  }
  return format;
}

async function readHeader(input: Uint8Array, options: SharpOptions): Promise<Metadata> {
  try {
    return await sharp(input, options).metadata();
  } catch (error) {
    throw unreadable(error);
  }
}

async function encode(pipeline: Sharp, source: Metadata | null): Promise<NormalizedImage> {
  try {
    const { data, info } = await pipeline.timeout({ seconds: DECODE_TIMEOUT_SECONDS }).toBuffer({
      resolveWithObject: true,
    });
    return {
      data,
      contentType: 'image/jpeg',
      width: info.width,
      height: info.height,
      sha256: sha256Hex(data),
    };
  } catch (error) {
    // Prebuilt libvips reads the HEIF container but has no HEVC decoder (patents): AVIF decodes,
    // most iPhone HEIC photos do not. Say so instead of calling the photo damaged.
    if (source?.format === 'heif' && source.compression === 'hevc') {
      throw new DomainError(
        'UNSUPPORTED_MEDIA_TYPE',
        'is a HEIC (HEVC) photo, which this server cannot decode; send JPEG (iPhone: Settings › Camera › Formats › Most Compatible)',
      );
    }
    throw unreadable(error);
  }
}

function unreadable(error: unknown): DomainError {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) {
    return new DomainError('IMAGE_TOO_MANY_PIXELS', 'has more pixels than accepted');
  }
  if (/timeout/i.test(message)) return new DomainError('IMAGE_UNREADABLE', 'took too long to decode');
  return new DomainError('IMAGE_UNREADABLE', 'is damaged or incomplete and cannot be decoded');
}

export function formatBytes(bytes: number): string {
  return bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${bytes} bytes`;
}
