/**
 * Case-loop configuration: routing rules (ordered, explainable), time limits (stage and handling)
 * and working-calendar overrides. Read by any staff member (dispatchers see why a department is
 * suggested); changed by administrators only, with an audit entry (configuration.ts; the calendar
 * module keeps the calendar).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { calendarBetween, removeDayOverride, setDayOverride } from '../calendar/index.js';
import type { RouteDeps } from '../http/module.js';
import { contextOf, requireActor } from '../http/auth.js';
import { IdParam, problems } from '../http/schemas.js';
import {
  CalendarQuery,
  CalendarViewSchema,
  DateParam,
  ExplainQuery,
  ExplainView,
  HandlingLimitBody,
  OverrideBody,
  OverrideView,
  RuleBody,
  RuleUpdateBody,
  RuleView,
  StageLimitBody,
  StageLimitParams,
  TimeLimitsView,
} from './admin-schemas.js';
import { calendarYearRoutes } from './calendar-year.js';
import {
  createRoutingRule,
  deleteRoutingRule,
  explainRouting,
  listRoutingRules,
  setHandlingLimit,
  setStageLimit,
  timeLimits,
  updateRoutingRule,
} from './configuration.js';

export const caseAdminRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db } = deps;

  app.get(
    '/routing-rules',
    {
      config: { access: 'case-config:read' },
      schema: {
        tags: ['case configuration'],
        summary: 'Routing rules in order',
        response: { 200: Type.Array(RuleView), ...problems(401) },
      },
    },
    async (request) => {
      requireActor(request);
      return listRoutingRules(db);
    },
  );

  app.post(
    '/routing-rules',
    {
      config: { access: 'case-config:write' },
      schema: {
        tags: ['case configuration'],
        summary: 'Add a routing rule (admin)',
        body: RuleBody,
        response: { 201: RuleView, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      return reply.code(201).send(await createRoutingRule(db, ctx, request.body));
    },
  );

  app.put(
    '/routing-rules/:id',
    {
      config: { access: 'case-config:write' },
      schema: {
        tags: ['case configuration'],
        summary: 'Replace a routing rule (admin; optimistic version)',
        params: IdParam,
        body: RuleUpdateBody,
        response: { 200: RuleView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return updateRoutingRule(db, ctx, request.params.id, request.body);
    },
  );

  app.delete(
    '/routing-rules/:id',
    {
      config: { access: 'case-config:write' },
      schema: {
        tags: ['case configuration'],
        summary: 'Delete a routing rule (admin)',
        params: IdParam,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await deleteRoutingRule(db, ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/routing-rules/explain',
    {
      config: { access: 'case-config:read' },
      schema: {
        tags: ['case configuration'],
        summary: 'Which department the rules suggest for a class at a grid, and why',
        querystring: ExplainQuery,
        response: { 200: ExplainView, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      requireActor(request);
      const { classificationId, gridCode, componentId } = request.query;
      return explainRouting(db, { classificationId, gridCode, componentId: componentId ?? null });
    },
  );

  app.get(
    '/time-limits',
    {
      config: { access: 'case-config:read' },
      schema: {
        tags: ['case configuration'],
        summary: 'Stage and handling time limits with their sources',
        response: { 200: TimeLimitsView, ...problems(401) },
      },
    },
    async (request) => {
      requireActor(request);
      return timeLimits(db);
    },
  );

  app.put(
    '/time-limits/stage/:clock/:urgency',
    {
      config: { access: 'case-config:write' },
      schema: {
        tags: ['case configuration'],
        summary: 'Set a stage time limit (admin)',
        params: StageLimitParams,
        body: StageLimitBody,
        response: {
          200: Type.Object({ clock: Type.String(), urgency: Type.String(), ...StageLimitBody.properties }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { clock, urgency } = request.params;
      await setStageLimit(db, ctx, clock, urgency, request.body);
      return { clock, urgency, ...request.body };
    },
  );

  app.put(
    '/time-limits/handling',
    {
      config: { access: 'case-config:write' },
      schema: {
        tags: ['case configuration'],
        summary: 'Set a handling time limit for a class prefix × filing condition × urgency (admin)',
        body: HandlingLimitBody,
        response: { 200: HandlingLimitBody, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await setHandlingLimit(db, ctx, request.body);
      return request.body;
    },
  );

  app.get(
    '/calendar',
    {
      config: { access: 'case-config:read' },
      schema: {
        tags: ['case configuration'],
        summary: 'The working calendar between two dates: each day working or not, and why',
        querystring: CalendarQuery,
        response: { 200: CalendarViewSchema, ...problems(400, 401) },
      },
    },
    async (request) => {
      requireActor(request);
      return calendarBetween(db, deps.cases.calendars, request.query.from, request.query.to);
    },
  );

  await app.register(calendarYearRoutes, deps);

  app.put(
    '/calendar/overrides/:date',
    {
      config: { access: 'case-config:write' },
      schema: {
        tags: ['case configuration'],
        summary:
          "Declare one day a workday or a holiday (admin); a whole year's schedule goes to PUT /calendar/years/{year}",
        params: DateParam,
        body: OverrideBody,
        response: { 200: OverrideView, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const value = { date: request.params.date, kind: request.body.kind, name: request.body.name ?? null };
      return setDayOverride(db, deps.cases.calendars, ctx, value);
    },
  );

  app.delete(
    '/calendar/overrides/:date',
    {
      config: { access: 'case-config:write' },
      schema: {
        tags: ['case configuration'],
        summary: 'Remove a calendar override (admin)',
        params: DateParam,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await removeDayOverride(db, deps.cases.calendars, ctx, request.params.date);
      return reply.code(204).send(null);
    },
  );
};
