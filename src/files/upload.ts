/**
 * Reading a multipart/form-data upload: each `file` part is buffered (at most the per-image byte
 * limit) and normalized as it arrives, so no more than one raw image per request is held at a
 * time. The first refused part ends the request with a problem naming it (`body.file[2]`);
 * declared content types and file names are never trusted, only the bytes.
 */
import type { FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode } from '../shared/errors.js';
import { DEFAULT_IMAGE_LIMITS, formatBytes, type ImageLimits } from './images.js';
import { DEFAULT_MATERIAL_LIMITS, type MaterialLimits } from './materials.js';
import { prepareImage, prepareMaterial, type PreparedImage, type PreparedMaterial } from './service.js';

/** The form field that carries images; repeat it for several images. */
export const FILE_FIELD = 'file';

export interface UploadLimits {
  maxFiles: number;
  image: ImageLimits;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxFiles: 10, image: DEFAULT_IMAGE_LIMITS };

export interface PreparedUpload {
  /** `body.file[i]`, for error messages of later steps. */
  field: string;
  originalName: string | null;
  prepared: PreparedImage;
}

/** Multipart parser errors (@fastify/multipart, busboy) as the domain problems they are. */
const PARSER_ERRORS: Record<string, [ErrorCode, string]> = {
  FST_INVALID_MULTIPART_CONTENT_TYPE: ['UNSUPPORTED_MEDIA_TYPE', 'must be multipart/form-data'],
  FST_PROTO_VIOLATION: ['VALIDATION_FAILED', 'has a form field name that is not allowed'],
  FST_MP_PREMATURE_CLOSE: ['VALIDATION_FAILED', 'ended before the form was complete'],
};

export async function readImageUploads(
  request: FastifyRequest,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<PreparedUpload[]> {
  const uploads: PreparedUpload[] = [];
  let field = `body.${FILE_FIELD}[0]`;
  let processing = false;
  try {
    const parts = request.parts({
      limits: {
        fileSize: limits.image.maxBytes,
        files: limits.maxFiles,
        fields: 10,
        fieldSize: 1024,
        parts: limits.maxFiles + 10,
      },
    });
    for await (const part of parts) {
      if (part.type === 'field' || part.fieldname !== FILE_FIELD) {
        field = `body.${part.fieldname}`;
        throw fieldError(
          'VALIDATION_FAILED',
          field,
          `is not accepted; send each image as a "${FILE_FIELD}" part`,
        );
      }
      field = `body.${FILE_FIELD}[${uploads.length}]`;
      const bytes = await part.toBuffer();
      // toBuffer may return a cut-off file without throwing (the limit event can follow its last chunk).
      if (part.file.truncated) throw tooLarge(field, limits);
      processing = true;
      const prepared = await prepareImage(bytes, limits.image).catch((error: unknown) => {
        if (!(error instanceof DomainError)) throw error;
        throw fieldError(error.code, field, error.detail ?? error.message, part.filename);
      });
      processing = false;
      uploads.push({ field, originalName: part.filename || null, prepared });
    }
  } catch (error) {
    discardRestOfBody(request);
    // A failure while processing an image that is not a domain error is a bug: let it be a 500.
    if (processing || error instanceof DomainError) throw error;
    throw parserError(error, field, limits);
  }
  if (uploads.length === 0) {
    throw fieldError('VALIDATION_FAILED', `body.${FILE_FIELD}`, 'is required: send at least one image');
  }
  return uploads;
}

export interface MaterialUploadLimits {
  maxFiles: number;
  image: ImageLimits;
  material: MaterialLimits;
}

export const DEFAULT_MATERIAL_UPLOAD_LIMITS: MaterialUploadLimits = {
  maxFiles: 10,
  image: DEFAULT_IMAGE_LIMITS,
  material: DEFAULT_MATERIAL_LIMITS,
};

export interface PreparedMaterialUpload {
  field: string;
  originalName: string | null;
  prepared: PreparedMaterial;
}

/**
 * Reads materials (PDFs and images) from a multipart/form-data body, one `file` part at a time:
 * each is checked (materials.ts) and, if an image, normalised before the next is read. The first
 * refused part ends the request with a problem naming it.
 */
export async function readMaterialUploads(
  request: FastifyRequest,
  limits: MaterialUploadLimits = DEFAULT_MATERIAL_UPLOAD_LIMITS,
): Promise<PreparedMaterialUpload[]> {
  const uploads: PreparedMaterialUpload[] = [];
  const maxBytes = Math.max(limits.image.maxBytes, limits.material.pdfMaxBytes);
  const byteLimits = { ...limits, image: { ...limits.image, maxBytes } };
  let field = `body.${FILE_FIELD}[0]`;
  let processing = false;
  try {
    const parts = request.parts({
      limits: {
        fileSize: maxBytes,
        files: limits.maxFiles,
        fields: 10,
        fieldSize: 1024,
        parts: limits.maxFiles + 10,
      },
    });
    for await (const part of parts) {
      if (part.type === 'field' || part.fieldname !== FILE_FIELD) {
        field = `body.${part.fieldname}`;
        throw fieldError(
          'VALIDATION_FAILED',
          field,
          `is not accepted; send each file as a "${FILE_FIELD}" part`,
        );
      }
      field = `body.${FILE_FIELD}[${uploads.length}]`;
      const bytes = await part.toBuffer();
      if (part.file.truncated) throw tooLarge(field, byteLimits);
      processing = true;
      const prepared = await prepareMaterial(bytes, { material: limits.material, image: limits.image }).catch(
        (error: unknown) => {
          if (!(error instanceof DomainError)) throw error;
          const reason =
            error.code === 'UNSUPPORTED_MEDIA_TYPE'
              ? `is not a PDF or an accepted image (${error.detail ?? error.message})`
              : (error.detail ?? error.message);
          throw fieldError(error.code, field, reason, part.filename);
        },
      );
      processing = false;
      uploads.push({ field, originalName: part.filename || null, prepared });
    }
  } catch (error) {
    discardRestOfBody(request);
    if (processing || error instanceof DomainError) throw error;
    throw parserError(error, field, byteLimits);
  }
  if (uploads.length === 0) {
    throw fieldError('VALIDATION_FAILED', `body.${FILE_FIELD}`, 'is required: send at least one file');
  }
  return uploads;
}

function fieldError(code: ErrorCode, field: string, reason: string, fileName?: string): DomainError {
  const label = fileName ? `${field} (${JSON.stringify(fileName)})` : field;
  return new DomainError(code, `${label} ${reason}`, { errors: [{ field, reason }] });
}

function tooLarge(field: string, limits: { image: ImageLimits }): DomainError {
  return fieldError('PAYLOAD_TOO_LARGE', field, `is larger than ${formatBytes(limits.image.maxBytes)}`);
}

function parserError(
  error: unknown,
  field: string,
  limits: { maxFiles: number; image: ImageLimits },
): DomainError {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(field, limits);
    case 'FST_FILES_LIMIT':
      return fieldError('PAYLOAD_TOO_LARGE', `body.${FILE_FIELD}`, `has more than ${limits.maxFiles} images`);
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return fieldError('PAYLOAD_TOO_LARGE', 'body', 'has too many parts');
    default:
      break;
  }
  const known = typeof code === 'string' ? PARSER_ERRORS[code] : undefined;
  if (known) return fieldError(known[0], 'body', known[1]);
  // Anything else the parser raises ("Unexpected end of form", no boundary, …) is a malformed body.
  const message = error instanceof Error ? error.message : String(error);
  return fieldError('VALIDATION_FAILED', 'body', `is not a valid multipart/form-data body: ${message}`);
}

/**
 * After a refusal the client may still be sending: stop parsing and let the rest of the body
 * drain, so the connection stays usable and the client reads the problem instead of a reset.
 */
function discardRestOfBody(request: FastifyRequest): void {
  request.raw.unpipe();
  request.raw.resume();
}
