/** /api/v1/components: 城市部件 — create, list, read, update, GeoJSON export, CSV/GeoJSON import. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RouteDeps } from '../http/module.js';
import { contextOf } from '../http/auth.js';
import { idempotent } from '../http/idempotency.js';
import { pageOf, problems } from '../http/schemas.js';
import { validationError } from '../shared/errors.js';
import { importComponents } from './import.js';
import type { BBox } from './repo.js';
import * as schemas from './schemas.js';
import {
  createComponent,
  exportComponents,
  getComponent,
  listComponents,
  updateComponent,
} from './service.js';

const IMPORT_BODY_LIMIT = 100 * 1_048_576;
const CSV_TYPES = ['text/csv', 'application/csv'];
const GEOJSON_TYPE = 'application/geo+json';

const FeatureCollectionBody = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(Type.Unknown()),
});

function parseBBox(value: string): BBox {
  const box = value.split(',').map(Number) as BBox;
  const [minLng, minLat, maxLng, maxLat] = box;
  if (minLng > maxLng || minLat > maxLat || minLng < -180 || maxLng > 180 || minLat < -90 || maxLat > 90) {
    throw validationError([
      {
        field: 'querystring.bbox',
        reason: 'must be minLng,minLat,maxLng,maxLat with min ≤ max, within WGS 84 ranges',
      },
    ]);
  }
  return box;
}

function filterOf<Q extends { bbox?: string }>(query: Q): Omit<Q, 'bbox'> & { bbox?: BBox } {
  const { bbox, ...rest } = query;
  return { ...rest, ...(bbox ? { bbox: parseBBox(bbox) } : {}) };
}

export const componentRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  // CSV arrives as text, GeoJSON may say application/geo+json; only this plugin's routes see the parsers.
  app.addContentTypeParser(
    CSV_TYPES,
    { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => {
      done(null, body);
    },
  );
  app.addContentTypeParser(
    GEOJSON_TYPE,
    { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch (error) {
        done(
          Object.assign(new Error((error as Error).message), {
            statusCode: 400,
            code: 'FST_ERR_CTP_INVALID_JSON_BODY',
          }),
        );
      }
    },
  );

  app.get(
    '/components',
    {
      config: { access: 'components:read' },
      schema: {
        tags: ['components'],
        summary: 'List components in your jurisdiction (by class, status, region, department, bbox, text)',
        querystring: schemas.ListQuery,
        response: { 200: pageOf(schemas.ComponentView), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return listComponents(db, ctx, filterOf(request.query));
    },
  );

  app.get(
    '/components/export.geojson',
    {
      config: { access: 'components:read' },
      schema: {
        tags: ['components'],
        summary:
          'GeoJSON FeatureCollection of the components in your jurisdiction (same filters as the list)',
        querystring: schemas.ExportQuery,
        response: { ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { limit, ...query } = request.query;
      const result = await exportComponents(db, ctx, filterOf(query), limit);
      reply.header('x-total-count', String(result.count));
      if (result.truncated) reply.header('x-truncated', 'true');
      reply.header('content-disposition', 'attachment; filename="components.geojson"');
      return reply.type('application/geo+json; charset=utf-8').send(result.json);
    },
  );

  app.get(
    '/components/:id',
    {
      config: { access: 'components:read' },
      schema: {
        tags: ['components'],
        summary: 'Read a component by id or 管理部件标识码',
        params: schemas.ComponentIdParam,
        response: { 200: schemas.ComponentView, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return getComponent(db, ctx, request.params.id);
    },
  );

  app.post(
    '/components',
    {
      config: { access: 'components:write' },
      schema: {
        tags: ['components'],
        summary: 'Create a component (supervisor in their regions, admin; Idempotency-Key)',
        description:
          'Without `identifier` one is allocated: the located district’s 6-digit code + the class code + the next ' +
          '6-digit sequence. The grid, community, street and district are derived from the geometry.',
        body: schemas.CreateComponentBody,
        response: { 201: schemas.ComponentView, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { crs, ...input } = request.body;
      const result = await idempotent(request, db, 201, (tx) => createComponent(tx, ctx, input, { crs }));
      return reply.code(result.status as 201).send(result.body);
    },
  );

  app.patch(
    '/components/:id',
    {
      config: { access: 'components:write' },
      schema: {
        tags: ['components'],
        summary: 'Change a component (supervisor in their jurisdiction, admin; optimistic version)',
        description: 'A status change sets changedDate (变更日期) to today unless the body gives one.',
        params: schemas.ComponentIdParam,
        body: schemas.UpdateComponentBody,
        response: { 200: schemas.ComponentView, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { crs, ...patch } = request.body;
      return updateComponent(db, ctx, request.params.id, patch, { crs });
    },
  );

  app.post(
    '/components/import',
    {
      config: { access: 'components:write' },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['components'],
        summary:
          'Import components from GeoJSON (application/json, application/geo+json) or CSV (text/csv); all-or-nothing unless skipInvalid',
        description: 'CSV columns and per-row errors: docs/api/components.md. Idempotency-Key accepted.',
        querystring: schemas.ImportQuery,
        body: {
          content: {
            'application/json': { schema: FeatureCollectionBody },
            [GEOJSON_TYPE]: { schema: FeatureCollectionBody },
            'text/csv': { schema: Type.String() },
          },
        },
        response: { 200: schemas.ImportReportView, ...problems(400, 401, 403, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const contentType = request.headers['content-type'] ?? '';
      const format = CSV_TYPES.some((type) => contentType.startsWith(type)) ? 'csv' : 'geojson';
      const { crs, skipInvalid } = request.query;
      const result = await idempotent(request, db, 200, (tx) =>
        importComponents(tx, ctx, format, request.body, { crs, skipInvalid }),
      );
      return result.body;
    },
  );
};
