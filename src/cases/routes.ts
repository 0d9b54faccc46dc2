/** /api/v1/cases — intake, detail with timeline and allowed actions, actions, lists and GeoJSON. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { RouteDeps } from '../http/module.js';
import { contextOf } from '../http/auth.js';
import { sendDownload } from '../http/download.js';
import { idempotent } from '../http/idempotency.js';
import { problems } from '../http/schemas.js';
import { CaseRefParam, resolveCaseRef } from './case-ref.js';
import { DomainError } from '../shared/errors.js';
import { EXPORT_LIMIT, caseExportFile, caseExportRows, exportUnit } from './export.js';
import { listExtras } from './list-view.js';
import { presentCaseDetail, presentCaseListItem } from './presenter.js';
import { CaseDetailView, CaseListItemView } from './response-schemas.js';
import { casesGeoJson, countCases, getCaseDetail, listCases, type CaseFilter } from './queries.js';
import {
  ActionBody,
  ActionParams,
  CountQuery,
  ExportQuery,
  GeoJsonQuery,
  ListQuery,
  ReportBody,
} from './schemas.js';
import { performAction } from './actions/perform.js';
import { reportCase } from './intake.js';

type FilterInput = Omit<Static<typeof ListQuery>, 'cursor' | 'limit' | 'sort' | 'order' | 'offset'>;

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

export const caseRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db } = deps;
  const caseDeps = deps.cases;

  app.post(
    '/cases',
    {
      config: { access: 'cases:report' },
      schema: {
        tags: ['cases'],
        summary: 'Register a case (上报): inspector, operator (public/hotline …), leader',
        description:
          'Locates the point to its unit grid, suggests a department, numbers the case and starts the filing clock. Accepts Idempotency-Key.',
        body: ReportBody,
        response: { 201: CaseDetailView, ...problems(400, 401, 403, 404, 409, 422) },
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
      config: { access: 'cases:read' },
      schema: {
        tags: ['cases'],
        summary: 'List cases in your jurisdiction, newest first, with filters and keyset paging',
        description:
          'Other sorts (sort, order) page by offset; the total is GET /cases/count. Rows carry region names and the running deadline clock.',
        querystring: ListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(CaseListItemView),
            nextCursor: Type.Union([Type.Null(), Type.String()]),
          }),
          ...problems(400, 401),
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { cursor, limit, sort, order, offset, ...filter } = request.query;
      const page = await listCases(db, ctx, {
        ...toFilter(filter),
        ...(cursor ? { cursor } : {}),
        ...(sort ? { sort } : {}),
        ...(order ? { order } : {}),
        ...(offset !== undefined ? { offset } : {}),
        limit,
      });
      const now = caseDeps.now ? caseDeps.now() : new Date();
      const extras = await listExtras(db, caseDeps.calendars, page.items, now);
      return {
        items: page.items.map((row) => presentCaseListItem(row, extras.get(row.id))),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    '/cases/export',
    {
      config: { access: 'cases:read' },
      schema: {
        tags: ['cases'],
        summary: 'The filtered case list as XLSX or CSV (案卷查询导出), headed 表名/制表单位/时间范围',
        description: `At most ${EXPORT_LIMIT} rows in the chosen order; narrow the filters for more.`,
        querystring: ExportQuery,
        response: { ...problems(400, 401) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { format, sort, order, ...filter } = request.query;
      const parsed = toFilter(filter);
      const rows = await caseExportRows(db, caseDeps, ctx, {
        ...parsed,
        ...(sort ? { sort } : {}),
        ...(order ? { order } : {}),
      });
      const unit = await exportUnit(db, ctx.actor.departmentId);
      const file = await caseExportFile(
        rows,
        {
          unit,
          timeZone: caseDeps.timeZone,
          ...(parsed.from ? { from: parsed.from } : {}),
          ...(parsed.to ? { to: parsed.to } : {}),
        },
        format,
      );
      reply.header('cache-control', 'no-store').header('x-total-count', String(rows.length));
      return sendDownload(reply, file);
    },
  );

  app.get(
    '/cases/count',
    {
      config: { access: 'cases:read' },
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
      config: { access: 'cases:read' },
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
      config: { access: 'cases:read' },
      schema: {
        tags: ['cases'],
        summary: 'One case with photos, deadline clocks, timeline, allowed actions and probable duplicates',
        params: CaseRefParam,
        response: { 200: CaseDetailView, ...problems(400, 401, 404) },
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
      config: { access: 'cases:act' },
      schema: {
        tags: ['cases'],
        summary: 'Take a workflow action (check, file, reject, merge, dispatch, accept, return, handle, …)',
        description:
          'Send the case `version` you read. An action not allowed now gets a problem naming `allowedActions`; a stale version gets 409.',
        params: ActionParams,
        body: ActionBody,
        response: { 200: CaseDetailView, ...problems(400, 401, 403, 404, 409) },
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
