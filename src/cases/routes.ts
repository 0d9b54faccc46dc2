/** /api/v1/cases — intake, detail with timeline and allowed actions, actions, lists and GeoJSON. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { RouteDeps } from '../http/app.js';
import { contextOf } from '../http/auth.js';
import { idempotent } from '../http/idempotency.js';
import { problems } from '../http/schemas.js';
import { CaseRefParam, resolveCaseRef } from './case-ref.js';
import { DomainError } from '../shared/errors.js';
import { presentCaseDetail, presentCaseSummary } from './presenter.js';
import { casesGeoJson, countCases, getCaseDetail, listCases, type CaseFilter } from './queries.js';
import { ActionBody, ActionParams, CountQuery, GeoJsonQuery, ListQuery, ReportBody } from './schemas.js';
import { performAction, reportCase } from './service.js';

type FilterInput = Omit<Static<typeof ListQuery>, 'cursor' | 'limit'>;

function toFilter(query: FilterInput): CaseFilter {
  const { status, from, to, bbox, ...rest } = query;
  let box: CaseFilter['bbox'];
  if (bbox) {
    box = bbox.split(',').map(Number) as [number, number, number, number];
    if (box[0] > box[2] || box[1] > box[3]) {
      throw new DomainError('VALIDATION_FAILED', 'bbox must be minLng,minLat,maxLng,maxLat', {
        errors: [{ field: 'querystring.bbox', reason: 'min must not exceed max' }],
      });
    }
  }
  return {
    ...rest,
    ...(status ? { status: status.split(',') } : {}),
    ...(from ? { from: new Date(from) } : {}),
    ...(to ? { to: new Date(to) } : {}),
    ...(box ? { bbox: box } : {}),
  };
}

const CaseView = Type.Record(Type.String(), Type.Unknown());

export const caseRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db } = deps;
  const caseDeps = deps.cases;

  app.post(
    '/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'Register a case (上报): inspector, operator (public/hotline …), leader',
        description:
          'Locates the point to its unit grid, suggests a department, numbers the case and starts the filing clock. Accepts Idempotency-Key.',
        body: ReportBody,
        response: { 201: CaseView, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const result = await idempotent(
        request,
        db,
        201,
        (tx) => reportCase(tx, caseDeps, ctx, request.body),
        async (reader, id) => presentCaseDetail(await getCaseDetail(reader, caseDeps, ctx, id)),
      );
      return reply
        .code(result.status as 201)
        .header('location', `/api/v1/cases/${(result.body as { id: number }).id}`)
        .send(result.body);
    },
  );

  app.get(
    '/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'List cases in your jurisdiction, newest first, with filters and keyset paging',
        querystring: ListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(CaseView),
            nextCursor: Type.Union([Type.Null(), Type.String()]),
          }),
          ...problems(400, 401),
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { cursor, limit, ...filter } = request.query;
      const page = await listCases(db, ctx, { ...toFilter(filter), ...(cursor ? { cursor } : {}), limit });
      return { items: page.items.map(presentCaseSummary), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/cases/count',
    {
      schema: {
        tags: ['cases'],
        summary: 'How many cases in your jurisdiction match the filters (same filters as the list)',
        description: 'For queue badges: counts what `GET /cases` would page through.',
        querystring: CountQuery,
        response: { 200: Type.Object({ count: Type.Integer({ minimum: 0 }) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({ count: await countCases(db, contextOf(request), toFilter(request.query)) }),
  );

  app.get(
    '/cases/geojson',
    {
      schema: {
        tags: ['cases'],
        summary: 'Cases as GeoJSON points for maps (same filters as the list)',
        querystring: GeoJsonQuery,
        response: { ...problems(400, 401) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { limit, ...filter } = request.query;
      return reply
        .type('application/geo+json; charset=utf-8')
        .send(await casesGeoJson(db, ctx, toFilter(filter), limit));
    },
  );

  app.get(
    '/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'One case with photos, deadline clocks, timeline, allowed actions and probable duplicates',
        params: CaseRefParam,
        response: { 200: CaseView, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const id = await resolveCaseRef(db, request.params.id);
      return presentCaseDetail(await getCaseDetail(db, caseDeps, contextOf(request), id));
    },
  );

  app.post(
    '/cases/:id/actions/:action',
    {
      schema: {
        tags: ['cases'],
        summary: 'Take a workflow action (check, file, reject, merge, dispatch, accept, return, handle, …)',
        description:
          'Send the case `version` you read. An action not allowed now gets a problem naming `allowedActions`; a stale version gets 409.',
        params: ActionParams,
        body: ActionBody,
        response: { 200: CaseView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const id = await resolveCaseRef(db, request.params.id);
      await performAction(db, caseDeps, ctx, id, request.params.action, request.body);
      return presentCaseDetail(await getCaseDetail(db, caseDeps, ctx, id));
    },
  );
};
