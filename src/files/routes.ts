/** /api/v1/files: image uploads (multipart/form-data) and their bytes. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { RouteDeps } from '../http/module.js';
import { contextOf, requireActor } from '../http/auth.js';
import { idempotent } from '../http/idempotency.js';
import { problems } from '../http/schemas.js';
import { DomainError } from '../shared/errors.js';
import { cacheHeaders, contentHeaders, etagOf, ifNoneMatchHits } from './delivery.js';
import { ACCEPTED_IMAGE_TYPES, THUMBNAIL_DIMENSION } from './images.js';
import * as schemas from './schemas.js';
import { getReadableFile, readFile, storeImages, type StoredFile } from './service.js';
import type { FileVariant } from './store.js';
import { DEFAULT_UPLOAD_LIMITS, FILE_FIELD, readImageUploads } from './upload.js';

const PREFIX = '/api/v1/files';
const { maxFiles, image } = DEFAULT_UPLOAD_LIMITS;

export const fileRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  app.post(
    '/files',
    {
      config: { access: 'files:write' },
      schema: {
        tags: ['files'],
        summary: 'Upload images (multipart/form-data, staff)',
        description:
          `Send 1–${maxFiles} images as \`${FILE_FIELD}\` parts, each at most ${image.maxBytes / 1_048_576} MiB ` +
          `and ${image.maxPixels.toLocaleString('en')} pixels (${ACCEPTED_IMAGE_TYPES}; the type is read from ` +
          `the bytes). Each is re-encoded as JPEG (longest side at most ${image.maxDimension} px) without ` +
          'any metadata: EXIF including GPS, XMP, IPTC. All are stored or none. An image you already ' +
          'uploaded for the same purpose returns its existing id. Accepts Idempotency-Key.',
        querystring: schemas.UploadQuery,
        response: { 201: schemas.UploadResponse, ...problems(400, 401, 403, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const uploads = await readImageUploads(request);
      // Multipart leaves the body empty; give Idempotency-Key the content to compare retries with.
      request.body = uploads.map((upload) => [upload.prepared.image.sha256, upload.originalName]);
      const purpose = request.query.purpose ?? 'case_photo';
      const result = await idempotent(request, db, 201, async (tx) => {
        const stored = await storeImages(
          tx,
          ctx,
          uploads.map((upload) => ({
            purpose,
            originalName: upload.originalName,
            prepared: upload.prepared,
          })),
        );
        return { files: stored.map(presentFile) };
      });
      return reply.code(result.status as 201).send(result.body);
    },
  );

  const read = (variant: FileVariant) => ({
    schema: {
      tags: ['files'],
      summary:
        variant === 'original'
          ? 'The image (uploader, administrators, or staff who see a record it belongs to)'
          : `Its thumbnail, at most ${THUMBNAIL_DIMENSION} px a side`,
      description: 'ETag is the SHA-256 of the bytes: send If-None-Match for a 304.',
      params: schemas.FileIdParams,
      response: {
        200: schemas.binaryResponse(variant === 'original' ? 'JPEG bytes' : 'JPEG thumbnail bytes'),
        304: { description: 'Not modified', type: 'null' },
        ...problems(400, 401, 404),
      },
    },
  });
  app.get('/files/:id', { ...read('original'), config: { access: 'files:read' } }, (request, reply) =>
    sendFile(db, request, reply, request.params.id, 'original'),
  );
  app.get(
    '/files/:id/thumbnail',
    { ...read('thumbnail'), config: { access: 'files:read' } },
    (request, reply) => sendFile(db, request, reply, request.params.id, 'thumbnail'),
  );
};

async function sendFile(
  db: Kysely<DB>,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  variant: FileVariant,
): Promise<FastifyReply> {
  const file = await getReadableFile(db, requireActor(request), id);
  const rendition = variant === 'original' ? file : file.thumbnail;
  if (!rendition) throw new DomainError('FILE_NOT_FOUND', `File ${id} has no ${variant}`);
  if (ifNoneMatchHits(request.headers['if-none-match'], etagOf(rendition))) {
    return reply.code(304).headers(cacheHeaders(rendition)).send();
  }
  const content = await readFile(db, id, variant);
  return reply
    .code(200)
    .headers(contentHeaders(file, content.meta, variant))
    .send(content.data);
}

function presentFile({ meta, created }: StoredFile) {
  return {
    id: meta.id,
    purpose: meta.purpose,
    contentType: meta.contentType,
    byteSize: meta.byteSize,
    width: meta.width,
    height: meta.height,
    sha256: meta.sha256,
    originalName: meta.originalName,
    createdAt: meta.createdAt.toISOString(),
    url: `${PREFIX}/${meta.id}`,
    thumbnailUrl: meta.thumbnail ? `${PREFIX}/${meta.id}/thumbnail` : null,
    deduplicated: !created,
  };
}
