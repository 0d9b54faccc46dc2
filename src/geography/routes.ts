/** /api/v1/regions, /api/v1/grids/generate, /api/v1/locate. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { RouteDeps } from '../http/module.js';
import { contextOf, requireActor } from '../http/auth.js';
import { PageQuery, RegionCode, pageOf, problems } from '../http/schemas.js';
import { scopeOf, type Scope } from '../identity/index.js';
import { INPUT_CRS, pointToWgs84 } from '../shared/crs.js';
import { DomainError } from '../shared/errors.js';
import { generateGrids } from './grids.js';
import { importRegions } from './import.js';
import { exportRegions, getRegion, listRegions, type BBox } from './repo.js';

const Level = Type.Enum(['district', 'street', 'community', 'grid']);
const Crs = Type.Enum(INPUT_CRS, {
  default: 'wgs84',
  description:
    'Coordinate system of the input: wgs84 (GPS, 天地图 CGCS2000), gcj02 (Amap, Tencent, WeChat) or bd09 (Baidu)',
});
const BBOX_PATTERN = '^-?\\d+(\\.\\d+)?(,-?\\d+(\\.\\d+)?){3}$';
const BBoxParam = Type.String({
  pattern: BBOX_PATTERN,
  description: 'minLng,minLat,maxLng,maxLat in WGS 84',
});

const RegionSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  shortName: Type.Union([Type.Null(), Type.String()]),
  level: Level,
  parentCode: Type.Union([Type.Null(), Type.String()]),
  codeScheme: Type.String(),
  areaM2: Type.Number(),
  centroid: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
  synthetic: Type.Boolean({ description: 'true when the boundary was generated, not surveyed' }),
  version: Type.Integer(),
});
const RegionDetail = Type.Intersect([
  RegionSummary,
  Type.Object({
    geometry: Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(Type.Unknown()) }),
    landUseCode: Type.Union([Type.Null(), Type.String()]),
    managementLevel: Type.Union([Type.Null(), Type.String()]),
    source: Type.Union([Type.Null(), Type.String()]),
    childCount: Type.Integer(),
  }),
]);
const RegionRef = Type.Object({ code: Type.String(), name: Type.String() });
const LocationView = Type.Object({
  grid: RegionRef,
  community: RegionRef,
  street: RegionRef,
  district: RegionRef,
  point: Type.Object({ lng: Type.Number(), lat: Type.Number(), crs: Type.Literal('wgs84') }),
});
const ImportReport = Type.Object({
  total: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  repaired: Type.Array(
    Type.Object({ index: Type.Integer(), code: Type.String(), areaChange: Type.Number() }),
  ),
  rejected: Type.Array(
    Type.Object({
      index: Type.Integer(),
      code: Type.Union([Type.Null(), Type.String()]),
      reason: Type.String(),
    }),
  ),
});

function parseBBox(value: string | undefined, name = 'bbox'): BBox | undefined {
  if (!value) return undefined;
  const box = value.split(',').map(Number) as BBox;
  const [minLng, minLat, maxLng, maxLat] = box;
  if (minLng > maxLng || minLat > maxLat || minLng < -180 || maxLng > 180 || minLat < -90 || maxLat > 90) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'bbox must be minLng,minLat,maxLng,maxLat within WGS 84 ranges',
      {
        errors: [
          {
            field: `querystring.${name}`,
            reason: 'must be minLng,minLat,maxLng,maxLat with min ≤ max, within ranges',
          },
        ],
      },
    );
  }
  return box;
}

/**
 * The region list is a staff member's workbench: signed in, they list their jurisdiction; an
 * anonymous caller lists every region.
 */
function regionScope(request: FastifyRequest): Scope {
  return request.credential ? scopeOf(requireActor(request)) : { kind: 'all' };
}

/**
 * Region boundaries are public geography (open data; citizens' apps show grids too), so outlines
 * and single regions are served whole to every caller: a department handler's case map needs the
 * streets and communities around the case although the department has no region of its own.
 * Jurisdiction still applies to cases. A made-up token still gets 401 (requireActor).
 */
function outlineScope(request: FastifyRequest): Scope {
  if (request.credential) requireActor(request);
  return { kind: 'all' };
}

export const geographyRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db, geography } = deps;
  const filterQuery = {
    parent: Type.Optional(RegionCode),
    level: Type.Optional(Level),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    bbox: Type.Optional(BBoxParam),
  };

  app.get(
    '/regions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['geography'],
        summary: 'List regions (districts, streets, communities, unit grids); staff see their jurisdiction',
        security: [],
        querystring: Type.Object({ ...filterQuery, ...PageQuery }),
        response: { 200: pageOf(RegionSummary), ...problems(400, 401) },
      },
    },
    async (request) => {
      const scope = regionScope(request);
      const { bbox, ...rest } = request.query;
      return listRegions(db, scope, { ...rest, ...(bbox ? { bbox: parseBBox(bbox)! } : {}) });
    },
  );

  app.get(
    '/regions/export.geojson',
    {
      config: { access: 'public' },
      schema: {
        tags: ['geography'],
        summary:
          'GeoJSON FeatureCollection of regions of any level, filtered by parent and bbox (public geography)',
        security: [],
        querystring: Type.Object({
          ...filterQuery,
          labelBbox: Type.Optional(
            Type.String({
              pattern: BBOX_PATTERN,
              description:
                'Where to put each labelPoint (default: bbox); a case map names streets and communities apart',
            }),
          ),
          limit: Type.Integer({ minimum: 1, maximum: 20_000, default: 20_000 }),
        }),
        response: { ...problems(400, 401) },
      },
    },
    async (request, reply) => {
      const scope = outlineScope(request);
      const { bbox, labelBbox, limit, ...rest } = request.query;
      const result = await exportRegions(
        db,
        scope,
        { ...rest, ...(bbox ? { bbox: parseBBox(bbox)! } : {}) },
        limit,
        labelBbox ? parseBBox(labelBbox, 'labelBbox') : undefined,
      );
      reply.header('x-total-count', String(result.count));
      if (result.truncated) reply.header('x-truncated', 'true');
      return reply.type('application/geo+json; charset=utf-8').send(result.json);
    },
  );

  app.get(
    '/regions/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['geography'],
        summary: 'Read one region with its geometry (public geography)',
        security: [],
        params: Type.Object({ code: RegionCode }),
        response: { 200: RegionDetail, ...problems(400, 401, 404) },
      },
    },
    async (request) => getRegion(db, outlineScope(request), request.params.code),
  );

  app.post(
    '/regions/import',
    {
      config: { access: 'regions:write' },
      bodyLimit: 200 * 1_048_576,
      schema: {
        tags: ['geography'],
        summary: 'Import regions from a GeoJSON FeatureCollection (admin); all-or-nothing unless skipInvalid',
        querystring: Type.Object({ crs: Crs, skipInvalid: Type.Boolean({ default: false }) }),
        body: Type.Object({ type: Type.Literal('FeatureCollection'), features: Type.Array(Type.Unknown()) }),
        response: { 200: ImportReport, ...problems(400, 401, 403, 413, 422) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const report = await importRegions(db, ctx, request.body, {
        crs: request.query.crs,
        skipInvalid: request.query.skipInvalid,
      });
      geography.invalidate();
      return report;
    },
  );

  app.post(
    '/grids/generate',
    {
      config: { access: 'regions:write' },
      schema: {
        tags: ['geography'],
        summary: 'Generate ~10,000 m² unit grids for a street or a community (admin)',
        body: Type.Object(
          {
            streetCode: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
            communityCode: Type.Optional(Type.String({ pattern: '^\\d{12}$' })),
            cellArea: Type.Integer({ minimum: 100, maximum: 1_000_000, default: 10_000 }),
            replace: Type.Boolean({ default: false }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            communities: Type.Integer(),
            grids: Type.Integer(),
            replaced: Type.Integer(),
            componentsRelocated: Type.Integer(),
            cellArea: Type.Number(),
          }),
          ...problems(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const report = await generateGrids(db, ctx, request.body);
      geography.invalidate();
      return report;
    },
  );

  app.get(
    '/locate',
    {
      schema: {
        tags: ['geography'],
        summary: 'Which unit grid, community, street and district a point lies in (public)',
        description: 'Public: unit grids are published geography. Rate-limited per client address.',
        security: [],
        querystring: Type.Object({
          lng: Type.Number({ minimum: -180, maximum: 180 }),
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          crs: Crs,
        }),
        response: { 200: LocationView, ...problems(400, 404, 429) },
      },
      config: { access: 'public', rateLimit: { max: deps.publicRateLimit * 10, timeWindow: '1 minute' } },
    },
    async (request) => {
      const { lng, lat, crs } = request.query;
      const [x, y] = pointToWgs84(lng, lat, crs);
      const location = await geography.locate(x, y);
      if (!location) {
        throw new DomainError(
          'LOCATION_OUTSIDE_DISTRICT',
          `(${x.toFixed(6)}, ${y.toFixed(6)}) lies in no unit grid of this instance`,
        );
      }
      return {
        ...location,
        point: { lng: Math.round(x * 1e7) / 1e7, lat: Math.round(y * 1e7) / 1e7, crs: 'wgs84' as const },
      };
    },
  );
};
