/**
 * /api/v1/files: uploads (multipart/form-data) and their bytes — images for photos; PDFs or images
 * for application materials and catalogue forms — and a citizen's own material uploads
 * (/api/v1/citizens/me/files).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { RouteDeps } from '../http/module.js';
import { contextOf, requireActor, requireCitizen } from '../http/auth.js';
import { idempotent } from '../http/idempotency.js';
import { problems } from '../http/schemas.js';
import { DomainError } from '../shared/errors.js';
import { cacheHeaders, contentHeaders, etagOf, ifNoneMatchHits } from './delivery.js';
import { ACCEPTED_IMAGE_TYPES, THUMBNAIL_DIMENSION } from './images.js';
import * as schemas from './schemas.js';
import {
  getCitizenReadableFile,
  getReadableFile,
  isMaterialPurpose,
  readFile,
  storeImages,
  storeMaterials,
  type StoredFile,
  type Uploader,
} from './service.js';
import type { FileMeta, FileVariant } from './store.js';
import {
  DEFAULT_MATERIAL_UPLOAD_LIMITS,
  DEFAULT_UPLOAD_LIMITS,
  FILE_FIELD,
  readImageUploads,
  readMaterialUploads,
  type PreparedMaterialUpload,
} from './upload.js';

const PREFIX = '/api/v1/files';
const CITIZEN_PREFIX = '/api/v1/citizens/me/files';
const CITIZEN_SECURITY: Array<Record<string, string[]>> = [{ citizenBearer: [] }, { citizenSession: [] }];
const { maxFiles, image } = DEFAULT_UPLOAD_LIMITS;
const pdfMaxBytes = DEFAULT_MATERIAL_UPLOAD_LIMITS.material.pdfMaxBytes;
const MATERIAL_RULES =
  `Application materials and catalogue forms may also be PDFs of at most ${pdfMaxBytes / 1_048_576} MiB, ` +
  'stored as given (SHA-256, page count). Refused with 422 FILE_CONTENT_REFUSED: the EICAR test string, ' +
  'executables (MZ, ELF, Mach-O), PDFs with JavaScript, Launch actions, embedded files or rich media, ' +
  'and encrypted PDFs.';

export const fileRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db } = deps;

  /** Stores prepared materials under the request's Idempotency-Key (keyed by their hashes). */
  async function storeUploadedMaterials(
    request: FastifyRequest,
    uploader: Uploader,
    purpose: 'application_material' | 'catalogue_form',
    materials: PreparedMaterialUpload[],
  ) {
    request.body = materials.map((m) => [
      m.prepared.kind === 'pdf' ? m.prepared.pdf.sha256 : m.prepared.image.image.sha256,
      m.originalName,
    ]);
    return idempotent(request, db, 201, async (tx) => {
      const stored = await storeMaterials(
        tx,
        uploader,
        materials.map((m) => ({ purpose, originalName: m.originalName, prepared: m.prepared })),
      );
      return {
        files: stored.map((file) => presentFile(file, uploader.kind === 'citizen' ? CITIZEN_PREFIX : PREFIX)),
      };
    });
  }

  app.post(
    '/citizens/me/files',
    {
      config: { access: 'citizen' },
      schema: {
        tags: ['files'],
        security: CITIZEN_SECURITY,
        summary: 'Upload application materials (PDF or images, multipart/form-data, citizens)',
        description:
          `Send 1–${maxFiles} files as \`${FILE_FIELD}\` parts. Images as for staff uploads (re-encoded JPEG ` +
          `without metadata, at most ${image.maxBytes / 1_048_576} MiB). ` +
          MATERIAL_RULES +
          ' Accepts Idempotency-Key.',
        querystring: schemas.CitizenUploadQuery,
        response: { 201: schemas.UploadResponse, ...problems(400, 401, 403, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const citizen = requireCitizen(request);
      const materials = await readMaterialUploads(request, deps.materialLimits);
      const uploader: Uploader = {
        kind: 'citizen',
        citizenId: citizen.id,
        clientIp: request.ip,
        requestId: String(request.id),
      };
      return sendStored(
        reply,
        await storeUploadedMaterials(request, uploader, 'application_material', materials),
      );
    },
  );

  const citizenRead = (variant: FileVariant) => ({
    config: { access: 'citizen' as const },
    schema: {
      tags: ['files'],
      security: CITIZEN_SECURITY,
      summary:
        variant === 'original'
          ? 'A file you uploaded, or a material or result of your applications (citizens)'
          : `Its thumbnail, at most ${THUMBNAIL_DIMENSION} px a side (images only)`,
      params: schemas.FileIdParams,
      response: {
        200: schemas.binaryResponse(variant === 'original' ? 'JPEG or PDF bytes' : 'JPEG thumbnail bytes'),
        304: { description: 'Not modified', type: 'null' },
        ...problems(400, 401, 403, 404),
      },
    },
  });
  app.get('/citizens/me/files/:id', citizenRead('original'), async (request, reply) => {
    const citizen = requireCitizen(request);
    const meta = await getCitizenReadableFile(db, citizen.id, request.params.id);
    return deliver(db, request, reply, meta, 'original');
  });
  app.get('/citizens/me/files/:id/thumbnail', citizenRead('thumbnail'), async (request, reply) => {
    const citizen = requireCitizen(request);
    const meta = await getCitizenReadableFile(db, citizen.id, request.params.id);
    return deliver(db, request, reply, meta, 'thumbnail');
  });

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
          'uploaded for the same purpose returns its existing id. Accepts Idempotency-Key. ' +
          MATERIAL_RULES,
        querystring: schemas.UploadQuery,
        response: { 201: schemas.UploadResponse, ...problems(400, 401, 403, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const purpose = request.query.purpose ?? 'case_photo';
      if (isMaterialPurpose(purpose)) {
        const materials = await readMaterialUploads(request, deps.materialLimits);
        return sendStored(
          reply,
          await storeUploadedMaterials(request, { kind: 'staff', ctx }, purpose, materials),
        );
      }
      const uploads = await readImageUploads(request);
      // Multipart leaves the body empty; give Idempotency-Key the content to compare retries with.
      request.body = uploads.map((upload) => [upload.prepared.image.sha256, upload.originalName]);
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
        return { files: stored.map((file) => presentFile(file, PREFIX)) };
      });
      return reply.code(result.status as 201).send(result.body);
    },
  );

  const read = (variant: FileVariant) => ({
    schema: {
      tags: ['files'],
      summary:
        variant === 'original'
          ? 'The file (uploader, administrators, or staff who see a record it belongs to)'
          : `Its thumbnail, at most ${THUMBNAIL_DIMENSION} px a side`,
      description: 'ETag is the SHA-256 of the bytes: send If-None-Match for a 304.',
      params: schemas.FileIdParams,
      response: {
        200: schemas.binaryResponse(variant === 'original' ? 'JPEG or PDF bytes' : 'JPEG thumbnail bytes'),
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
  return deliver(db, request, reply, file, variant);
}

async function deliver(
  db: Kysely<DB>,
  request: FastifyRequest,
  reply: FastifyReply,
  file: FileMeta,
  variant: FileVariant,
): Promise<FastifyReply> {
  const id = file.id;
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

function sendStored(
  reply: FastifyReply,
  result: { status: number; body: { files: ReturnType<typeof presentFile>[] } },
): FastifyReply {
  return reply.code(result.status as 201).send(result.body);
}

function presentFile({ meta, created }: StoredFile, prefix: string) {
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
    url: `${prefix}/${meta.id}`,
    thumbnailUrl: meta.thumbnail ? `${prefix}/${meta.id}/thumbnail` : null,
    pageCount: meta.pageCount,
    deduplicated: !created,
  };
}
