import { Type } from 'typebox';
import { Timestamp } from '../http/schemas.js';
import { FILE_PURPOSES, UUID } from './service.js';

export const FileIdParams = Type.Object({
  id: Type.String({ pattern: UUID.source, description: 'File id (UUID)' }),
});

export const UploadQuery = Type.Object({
  purpose: Type.Enum(FILE_PURPOSES, {
    default: 'case_photo',
    description:
      'What the files are for: case_photo (default), component_photo, report_photo, open311_media (images); application_material, catalogue_form (PDF or images)',
  }),
});

export const FileRef = Type.Object({
  id: Type.String(),
  purpose: Type.String(),
  contentType: Type.String({
    description: 'image/jpeg (every image is re-encoded) or application/pdf (materials, stored as given)',
  }),
  byteSize: Type.Integer(),
  width: Type.Union([Type.Null(), Type.Integer()]),
  height: Type.Union([Type.Null(), Type.Integer()]),
  sha256: Type.String({ description: 'Hex SHA-256 of the stored bytes (also the ETag)' }),
  originalName: Type.Union([Type.Null(), Type.String()]),
  createdAt: Timestamp,
  url: Type.String({ description: 'GET it for the bytes' }),
  thumbnailUrl: Type.Union([Type.Null(), Type.String()]),
  pageCount: Type.Union([Type.Null(), Type.Integer()], { description: 'Pages of a PDF, when counted' }),
  deduplicated: Type.Boolean({
    description: 'true when you had already uploaded the same image for the same purpose: its id is returned',
  }),
});

export const UploadResponse = Type.Object({ files: Type.Array(FileRef) });

/** OpenAPI description of a binary answer; Fastify sends Buffers as they are. */
export function binaryResponse(description: string) {
  return {
    description,
    content: {
      'image/jpeg': { schema: { type: 'string', format: 'binary' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  };
}

export const CitizenUploadQuery = Type.Object({
  purpose: Type.Enum(['application_material'] as const, {
    default: 'application_material',
    description: 'Citizens upload application materials only',
  }),
});
