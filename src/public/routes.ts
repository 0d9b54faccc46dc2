/**
 * /api/v1/public — the citizen channel without an account: categories, photo upload, report,
 * track, rate. Rate-limited per client address; a citizen session (cookie or bearer) links a
 * report to the account, but no route here needs one. Staff credentials are ignored here.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import {
  contentHeaders,
  cacheHeaders,
  databaseFileStore,
  DEFAULT_UPLOAD_LIMITS,
  etagOf,
  ifNoneMatchHits,
  readFile,
  readImageUploads,
  type FileVariant,
} from '../files/index.js';
import type { RouteDeps } from '../http/module.js';
import { idempotent } from '../http/idempotency.js';
import { problems } from '../http/schemas.js';
import type { InputCrs } from '../shared/crs.js';
import { DomainError } from '../shared/errors.js';
import { listPublicCategories } from './categories.js';
import { assertPublicUpload, assertShownAfterPhoto, storePublicPhoto } from './photos.js';
import { presentPublicView, presentSubmitted } from './presenter.js';
import { rateReport } from './ratings.js';
import { submitPublicReport, type Submitter } from './reports.js';
import * as schemas from './schemas.js';
import { parseTrackingCode } from './tracking-code.js';
import { loadPublicView } from './view.js';

/** Reports are small JSON; anything bigger is not a report. */
const REPORT_BODY_LIMIT = 32 * 1024;
const DEVICE_ID = /^[\x21-\x7e]{8,128}$/;

export function trackingCodeParam(raw: string): string {
  const code = parseTrackingCode(raw);
  if (code === null)
    throw new DomainError('VALIDATION_FAILED', `${raw} is not a tracking code`, {
      errors: [
        {
          field: 'params.trackingCode',
          reason: 'is not a tracking code (12 characters of 2–9 and A–Z without I, L, O, U; check character)',
        },
      ],
    });
  return code;
}

function submitterOf(request: FastifyRequest): Submitter {
  const deviceId = request.headers['x-device-id'];
  if (deviceId !== undefined && (typeof deviceId !== 'string' || !DEVICE_ID.test(deviceId)))
    throw new DomainError('VALIDATION_FAILED', 'X-Device-Id must be 8–128 visible ASCII characters', {
      errors: [{ field: 'header.x-device-id', reason: 'must be 8–128 visible ASCII characters' }],
    });
  return {
    citizenId: request.citizen?.citizen.id ?? null,
    deviceId: deviceId ?? null,
    clientIp: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
    requestId: String(request.id),
  };
}

async function sendPhoto(
  db: Kysely<DB>,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  variant: FileVariant,
): Promise<FastifyReply> {
  const file = await databaseFileStore.findMeta(db, id);
  const rendition = variant === 'original' ? file : file?.thumbnail;
  if (!file || !rendition) throw new DomainError('FILE_NOT_FOUND', `No public photo ${id}`);
  if (ifNoneMatchHits(request.headers['if-none-match'], etagOf(rendition)))
    return reply.code(304).headers(cacheHeaders(rendition)).send();
  const content = await readFile(db, id, variant);
  return reply
    .code(200)
    .headers(contentHeaders(file, content.meta, variant))
    .send(content.data);
}

export const publicRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db } = deps;
  const caseDeps = deps.cases;
  const settings = deps.citizens;
  const perMinute = {
    access: 'public',
    rateLimit: { max: deps.publicRateLimit, timeWindow: '1 minute' },
  } as const;
  const tags = ['public'];

  app.get(
    '/public/categories',
    {
      schema: {
        tags,
        security: [],
        summary: 'What a citizen can report: public names and help text (zh, en) per category',
        response: { 200: schemas.CategoryList, ...problems(429) },
      },
      config: perMinute,
    },
    async () => ({ items: await listPublicCategories(db) }),
  );

  app.post(
    '/public/photos',
    {
      schema: {
        tags,
        security: [],
        summary: 'Upload one photo for a report (multipart field `file`); EXIF and GPS are removed',
        description: `One image as the \`file\` part, at most ${DEFAULT_UPLOAD_LIMITS.image.maxBytes / 1_048_576} MiB; re-encoded as JPEG without metadata. Rate-limited per address (${settings.uploadsPerHour} an hour). Accepts Idempotency-Key.`,
        response: { 201: schemas.PhotoUploaded, ...problems(400, 413, 415, 422, 429) },
      },
      config: { access: 'public', rateLimit: { max: settings.uploadsPerHour, timeWindow: '1 hour' } },
    },
    async (request, reply) => {
      const who = submitterOf(request);
      const [upload] = await readImageUploads(request, { ...DEFAULT_UPLOAD_LIMITS, maxFiles: 1 });
      request.body = [upload!.prepared.image.sha256, upload!.originalName];
      const result = await idempotent(request, db, 201, (tx) =>
        storePublicPhoto(tx, upload!.prepared, upload!.originalName, who),
      );
      return reply.code(result.status as 201).send(result.body);
    },
  );

  const photoRoute = (variant: FileVariant) => ({
    schema: {
      tags,
      security: [],
      summary: variant === 'original' ? 'A photo uploaded to POST /public/photos' : 'Its thumbnail',
      params: schemas.PhotoParams,
      response: { 304: { description: 'Not modified', type: 'null' }, ...problems(400, 404, 429) },
    },
    config: perMinute,
  });
  app.get('/public/photos/:id', photoRoute('original'), async (request, reply) => {
    await assertPublicUpload(db, request.params.id);
    return sendPhoto(db, request, reply, request.params.id, 'original');
  });
  app.get('/public/photos/:id/thumbnail', photoRoute('thumbnail'), async (request, reply) => {
    await assertPublicUpload(db, request.params.id);
    return sendPhoto(db, request, reply, request.params.id, 'thumbnail');
  });

  app.post(
    '/public/reports',
    {
      bodyLimit: REPORT_BODY_LIMIT,
      schema: {
        tags,
        security: [],
        summary: 'Report a problem (anonymously, or linked to the citizen session if there is one)',
        description:
          'Lands as a `public` case through the case intake. Returns the tracking code. Idempotency-Key is honoured, and the same device (X-Device-Id, else address and browser) sending the same category and text again within ' +
          `${settings.duplicateMinutes} minutes gets the first report's answer. Rate-limited per address (${settings.reportsPerHour} an hour).`,
        body: schemas.ReportBody,
        response: { 201: schemas.Submitted, ...problems(400, 403, 404, 409, 413, 422, 429) },
      },
      config: { access: 'public', rateLimit: { max: settings.reportsPerHour, timeWindow: '1 hour' } },
    },
    async (request, reply) => {
      const who = submitterOf(request);
      const body = request.body;
      const result = await idempotent(request, db, 201, async (tx) =>
        presentSubmitted(
          await submitPublicReport(
            tx,
            { ...caseDeps, reporterKeys: deps.reporterKeys },
            settings,
            {
              ...body,
              location: {
                lng: body.location.lng,
                lat: body.location.lat,
                crs: (body.location.crs?.toLowerCase() ?? 'wgs84') as InputCrs,
              },
            },
            who,
          ),
        ),
      );
      return reply
        .code(result.status as 201)
        .header('location', `/api/v1/public/reports/${result.body.trackingCode}`)
        .send(result.body);
    },
  );

  app.get(
    '/public/reports/:trackingCode',
    {
      schema: {
        tags,
        security: [],
        summary: 'Track a report: public status, public notes, expected completion, photos, rating',
        params: schemas.TrackingParams,
        response: { 200: schemas.PublicViewSchema, ...problems(400, 404, 429) },
      },
      config: perMinute,
    },
    async (request, reply) => {
      const view = await loadPublicView(db, caseDeps, trackingCodeParam(request.params.trackingCode));
      return reply.header('cache-control', 'no-store').send(presentPublicView(view));
    },
  );

  const afterPhoto = (variant: FileVariant) => ({
    schema: {
      tags,
      security: [],
      summary: variant === 'original' ? 'An after-photo of a closed report (处置后照片)' : 'Its thumbnail',
      params: schemas.TrackingPhotoParams,
      response: { 304: { description: 'Not modified', type: 'null' }, ...problems(400, 404, 429) },
    },
    config: perMinute,
  });
  app.get('/public/reports/:trackingCode/photos/:id', afterPhoto('original'), async (request, reply) => {
    const code = trackingCodeParam(request.params.trackingCode);
    await assertShownAfterPhoto(db, caseDeps, code, request.params.id);
    return sendPhoto(db, request, reply, request.params.id, 'original');
  });
  app.get(
    '/public/reports/:trackingCode/photos/:id/thumbnail',
    afterPhoto('thumbnail'),
    async (request, reply) => {
      const code = trackingCodeParam(request.params.trackingCode);
      await assertShownAfterPhoto(db, caseDeps, code, request.params.id);
      return sendPhoto(db, request, reply, request.params.id, 'thumbnail');
    },
  );

  app.post(
    '/public/reports/:trackingCode/rating',
    {
      schema: {
        tags,
        security: [],
        summary: 'Rate a closed report once (1–5); a rating of 1 or 2 may ask for a reopening',
        params: schemas.TrackingParams,
        body: schemas.RatingBody,
        response: { 201: schemas.PublicViewSchema, ...problems(400, 404, 409, 422, 429) },
      },
      config: perMinute,
    },
    async (request, reply) => {
      const code = trackingCodeParam(request.params.trackingCode);
      const who = submitterOf(request);
      const result = await idempotent(request, db, 201, async (tx) =>
        presentPublicView(await rateReport(tx, caseDeps, code, request.body, who)),
      );
      return reply.code(result.status as 201).send(result.body);
    },
  );
};
