/**
 * /api/v1/analytics: hotspots, trends, time-of-day patterns, repeated problems and the classes
 * with the worst on-time rate, with one set of filters (period, region, department, class) in the
 * caller's jurisdiction. Every table answers JSON, CSV or XLSX (`?format=`); hotspots also GeoJSON.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type, type Static } from 'typebox';
import { SerialId } from '../http/schemas.js';
import type { RouteDeps } from '../http/module.js';
import { contextOf } from '../http/auth.js';
import { sendDownload } from '../http/download.js';
import {
  Day,
  scopedFilter,
  EXPORT_FORMATS,
  lastDayOf,
  reportOrganisation,
  tableFile,
  type CaseFilter,
  type Table,
} from '../evaluation/index.js';
import { hotspots, hotspotsGeoJson } from './hotspots.js';
import { repeatedProblems } from './repeated.js';
import { TREND_INTERVALS, type AnalyticsRequest } from './request.js';
import { SATISFACTION_GROUPS, satisfaction } from './satisfaction.js';
import { timeOfDay } from './time-of-day.js';
import { trends } from './trends.js';
import { worstClasses } from './worst-classes.js';

const Filters = {
  from: Day,
  to: Day,
  regionCode: Type.Optional(
    Type.String({ pattern: '^\\d{6,20}$', description: 'a district, street, community or grid code' }),
  ),
  departmentId: Type.Optional(SerialId()),
  classId: Type.Optional(SerialId()),
  format: Type.Optional(Type.Enum(EXPORT_FORMATS)),
};
const FiltersQuery = Type.Object(Filters, { additionalProperties: false });
type FilterQuery = Static<typeof FiltersQuery>;

function analyticsRequest(
  request: { query: Omit<FilterQuery, 'format'> },
  actor: Parameters<typeof scopedFilter>[0],
): AnalyticsRequest {
  const q = request.query;
  const requested: CaseFilter = {
    ...(q.regionCode !== undefined ? { regionCodes: [q.regionCode] } : {}),
    ...(q.departmentId !== undefined ? { departmentId: q.departmentId } : {}),
    ...(q.classId !== undefined ? { classId: q.classId } : {}),
  };
  return { from: q.from, to: q.to, filter: scopedFilter(actor, requested) };
}

/**
 * JSON, or the table as CSV/XLSX headed like a printed report: 表名, 制表单位 (the district),
 * 时间范围 (the period's local days, the last inclusive) and 制表时间.
 */
async function answer<T>(
  reply: FastifyReply,
  request: { query: { format?: string; from: string; to: string } },
  context: { db: RouteDeps['db']; timeZone: string },
  body: T,
  table: () => Table,
  stem: string,
): Promise<unknown> {
  const { format, from, to } = request.query;
  if (format !== 'csv' && format !== 'xlsx') return body;
  const report = {
    organisation: await reportOrganisation(context.db),
    period: { first: from, last: lastDayOf(to) },
    madeAt: new Date(),
    timeZone: context.timeZone,
  };
  return sendDownload(reply, await tableFile({ ...table(), report }, format, stem));
}

const SATISFACTION_GROUP_HEADERS: Record<(typeof SATISFACTION_GROUPS)[number], string> = {
  street: '街道',
  class: '问题类别',
  department: '部门',
  month: '月份',
  week: '周（起始日）',
};

const WEEKDAYS = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

export const analyticsRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db, cases }) => {
  const exportContext = { db, timeZone: cases.timeZone };
  app.get(
    '/analytics/hotspots',
    {
      config: { access: 'evaluations:read' },
      schema: {
        tags: ['analytics'],
        summary: 'Hotspots (高发网格): cases per unit grid and class; format=geojson for a map layer',
        querystring: Type.Object(
          {
            ...Filters,
            format: Type.Optional(Type.Enum([...EXPORT_FORMATS, 'geojson'] as const)),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 100 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { format, limit } = request.query;
      const spots = await hotspots(db, analyticsRequest(request, contextOf(request).actor), limit ?? 100);
      if (format === 'geojson') return reply.type('application/geo+json').send(hotspotsGeoJson(spots));
      return answer(
        reply,
        request,
        exportContext,
        { hotspots: spots },
        () => ({
          title: '高发网格',
          columns: [
            { key: 'gridCode', header: '网格编码', kind: 'text' },
            { key: 'gridName', header: '网格名称', kind: 'text' },
            { key: 'className', header: '问题类别', kind: 'text' },
            { key: 'reported', header: '上报数', kind: 'int' },
            { key: 'filed', header: '立案数', kind: 'int' },
            { key: 'lng', header: '经度', kind: 'number' },
            { key: 'lat', header: '纬度', kind: 'number' },
          ],
          rows: spots.map((s) => ({ ...s })),
        }),
        `hotspots-${request.query.from}-${request.query.to}`,
      );
    },
  );

  app.get(
    '/analytics/trends',
    {
      config: { access: 'evaluations:read' },
      schema: {
        tags: ['analytics'],
        summary: 'Trends (趋势) by day, week or month',
        querystring: Type.Object(
          { ...Filters, interval: Type.Optional(Type.Enum(TREND_INTERVALS)) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const interval = request.query.interval ?? 'day';
      const points = await trends(db, analyticsRequest(request, contextOf(request).actor), interval);
      return answer(
        reply,
        request,
        exportContext,
        { interval, points },
        () => ({
          title: '趋势',
          columns: [
            {
              key: 'period',
              header: interval === 'day' ? '日期' : interval === 'week' ? '周（起始日）' : '月份',
              kind: 'text',
            },
            { key: 'reported', header: '上报数', kind: 'int' },
            { key: 'filed', header: '立案数', kind: 'int' },
            { key: 'closed', header: '结案数', kind: 'int' },
            { key: 'handled', header: '处置数', kind: 'int' },
            { key: 'handledOnTime', header: '按期处置数', kind: 'int' },
            { key: 'onTimeHandleRate', header: '按期处置率', kind: 'rate' },
          ],
          rows: points.map((p) => ({ ...p })),
        }),
        `trends-${interval}-${request.query.from}-${request.query.to}`,
      );
    },
  );

  app.get(
    '/analytics/time-of-day',
    {
      config: { access: 'evaluations:read' },
      schema: {
        tags: ['analytics'],
        summary: 'Reports by weekday × local hour (时段分布)',
        querystring: FiltersQuery,
      },
    },
    async (request, reply) => {
      const cells = await timeOfDay(db, analyticsRequest(request, contextOf(request).actor));
      return answer(
        reply,
        request,
        exportContext,
        { cells },
        () => ({
          title: '时段分布',
          columns: [
            { key: 'weekday', header: '星期', kind: 'text' },
            ...Array.from({ length: 24 }, (_, h) => ({
              key: `h${h}`,
              header: `${h}时`,
              kind: 'int' as const,
            })),
          ],
          rows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
            weekday: WEEKDAYS[weekday],
            ...Object.fromEntries(
              cells.filter((c) => c.weekday === weekday).map((c) => [`h${c.hour}`, c.reported]),
            ),
          })),
        }),
        `time-of-day-${request.query.from}-${request.query.to}`,
      );
    },
  );

  app.get(
    '/analytics/worst-classes',
    {
      config: { access: 'evaluations:read' },
      schema: {
        tags: ['analytics'],
        summary: 'Classes with the worst on-time handling rate (按期处置率最低的类别)',
        querystring: Type.Object(
          {
            ...Filters,
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 10 })),
            minHandled: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const classes = await worstClasses(db, analyticsRequest(request, contextOf(request).actor), {
        limit: request.query.limit ?? 10,
        minHandled: request.query.minHandled ?? 1,
      });
      return answer(
        reply,
        request,
        exportContext,
        { classes },
        () => ({
          title: '按期处置率最低的类别',
          columns: [
            { key: 'className', header: '问题类别', kind: 'text' },
            { key: 'handled', header: '处置数', kind: 'int' },
            { key: 'handledOnTime', header: '按期处置数', kind: 'int' },
            { key: 'onTimeHandleRate', header: '按期处置率', kind: 'rate' },
            { key: 'toClose', header: '应结案数', kind: 'int' },
            { key: 'closedOnTime', header: '按期结案数', kind: 'int' },
            { key: 'onTimeCloseRate', header: '按期结案率', kind: 'rate' },
          ],
          rows: classes.map((c) => ({ ...c })),
        }),
        `worst-classes-${request.query.from}-${request.query.to}`,
      );
    },
  );

  app.get(
    '/analytics/repeated',
    {
      config: { access: 'evaluations:read' },
      schema: {
        tags: ['analytics'],
        summary:
          'Repeated problems (重复问题): the same component, or the same class nearby, N times within a window',
        querystring: Type.Object(
          {
            ...Filters,
            minCount: Type.Optional(Type.Integer({ minimum: 2, maximum: 1000, default: 3 })),
            windowDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, default: 30 })),
            radiusM: Type.Optional(Type.Number({ minimum: 1, maximum: 1000, default: 30 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const problems = await repeatedProblems(
        db,
        analyticsRequest(request, contextOf(request).actor),
        {
          minCount: request.query.minCount ?? 3,
          windowDays: request.query.windowDays ?? 30,
          radiusM: request.query.radiusM ?? 30,
        },
        cases.timeZone,
      );
      return answer(
        reply,
        request,
        exportContext,
        { problems },
        () => ({
          title: '重复问题',
          columns: [
            { key: 'kind', header: '类型', kind: 'text' },
            { key: 'className', header: '问题类别', kind: 'text' },
            { key: 'componentId', header: '部件', kind: 'text' },
            { key: 'count', header: '次数', kind: 'int' },
            { key: 'cases', header: '案件ID', kind: 'text' },
            { key: 'firstReportedAt', header: '首次上报', kind: 'date' },
            { key: 'lastReportedAt', header: '最近上报', kind: 'date' },
            { key: 'lng', header: '经度', kind: 'number' },
            { key: 'lat', header: '纬度', kind: 'number' },
          ],
          rows: problems.map((p) => ({
            ...p,
            kind: p.kind === 'component' ? '同一部件' : '同一位置同类',
            cases: p.caseIds.join(' '),
          })),
        }),
        `repeated-${request.query.from}-${request.query.to}`,
      );
    },
  );

  app.get(
    '/analytics/satisfaction',
    {
      config: { access: 'evaluations:read' },
      schema: {
        tags: ['analytics'],
        summary:
          'Satisfaction (公众满意度) of public reports: ratings 1–5 by street, class or department, or per month or week',
        querystring: Type.Object(
          {
            ...Filters,
            groupBy: Type.Optional(
              Type.Enum(SATISFACTION_GROUPS, {
                description:
                  'street (default), class, department: most rated first; month, week (from Monday): every bucket of the period in order, by the local day of the rating',
              }),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const groupBy = request.query.groupBy ?? 'street';
      const result = await satisfaction(
        db,
        analyticsRequest(request, contextOf(request).actor),
        groupBy,
        cases.timeZone,
      );
      return answer(
        reply,
        request,
        exportContext,
        { groupBy, ...result },
        () => ({
          title: '公众满意度',
          columns: [
            { key: 'name', header: SATISFACTION_GROUP_HEADERS[groupBy], kind: 'text' },
            { key: 'ratings', header: '评价数', kind: 'int' },
            { key: 'average', header: '平均分', kind: 'number' },
            { key: 's5', header: '5星', kind: 'int' },
            { key: 's4', header: '4星', kind: 'int' },
            { key: 's3', header: '3星', kind: 'int' },
            { key: 's2', header: '2星', kind: 'int' },
            { key: 's1', header: '1星', kind: 'int' },
            { key: 'satisfiedRate', header: '满意率', kind: 'rate' },
            { key: 'reopenRequests', header: '申请重新办理', kind: 'int' },
          ],
          rows: [...result.rows, result.total].map((r) => ({
            ...r,
            s1: r.scores[0],
            s2: r.scores[1],
            s3: r.scores[2],
            s4: r.scores[3],
            s5: r.scores[4],
          })),
        }),
        `satisfaction-${groupBy}-${request.query.from}-${request.query.to}`,
      );
    },
  );
};
