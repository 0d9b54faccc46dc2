/**
 * 录入全年节假日 — an administrator enters a year's national holiday schedule (放假 ranges and
 * 调休 make-up working days) when the State Council's notice is out but the calendar data
 * (chinese-days) does not have it yet: PUT /api/v1/calendar/years/:year replaces that year's
 * overrides in one transaction, with an audit entry (the calendar module's enterYearSchedule).
 * Until then deadlines that run into the year carry a warning (see deadlines/warning.ts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { enterYearSchedule } from '../calendar/index.js';
import type { RouteDeps } from '../http/module.js';
import { contextOf } from '../http/auth.js';
import { problems } from '../http/schemas.js';
import { YearScheduleBody } from './admin-schemas.js';

export const calendarYearRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  app.put(
    '/calendar/years/:year',
    {
      config: { access: 'case-config:write' },
      schema: {
        tags: ['case configuration'],
        summary:
          "Enter a whole year's holidays and 调休 working days (admin); replaces that year's overrides",
        params: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
        body: YearScheduleBody,
        response: {
          200: Type.Object({ year: Type.Integer(), holidays: Type.Integer(), workdays: Type.Integer() }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return enterYearSchedule(deps.db, deps.cases.calendars, ctx, request.params.year, request.body);
    },
  );
};
