/**
 * /api/v1/citizens — citizen accounts: sign up, log in and out, who am I, my reports. Citizen
 * sessions only: a staff token here is refused (403), as a citizen token is on staff routes.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RouteDeps } from '../http/module.js';
import { CITIZEN_COOKIE, requireCitizen, withRetryAfter } from '../http/auth.js';
import { pageOf, problems } from '../http/schemas.js';
import { presentSummary, ReportSummary, listCitizenReports } from '../public/index.js';
import { decodeCursor, encodeCursor } from '../shared/pagination.js';
import { getCitizen, loginCitizen, logoutCitizen, registerCitizen, type CitizenView } from './accounts.js';
import * as schemas from './schemas.js';

function presentCitizen(view: CitizenView) {
  return { ...view, createdAt: view.createdAt.toISOString() };
}

export const citizenRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db, reporterKeys } = deps;
  const tags = ['citizens'];
  const security: Array<Record<string, string[]>> = [{ citizenBearer: [] }, { citizenSession: [] }];

  app.post(
    '/citizens',
    {
      schema: {
        tags,
        security: [],
        summary: 'Create a citizen account (phone number and password; resident ID optional)',
        body: schemas.RegisterBody,
        response: { 201: schemas.CitizenSchema, ...problems(400, 409, 429) },
      },
      config: { access: 'public', rateLimit: { max: deps.citizens.signupsPerHour, timeWindow: '1 hour' } },
    },
    async (request, reply) => {
      const view = await registerCitizen(db, reporterKeys, request.body, {
        clientIp: request.ip,
        requestId: String(request.id),
        timeZone: deps.cases.timeZone,
        ...(deps.cases.now ? { now: deps.cases.now() } : {}),
      });
      return reply.code(201).send(presentCitizen(view));
    },
  );

  app.post(
    '/citizens/session',
    {
      schema: {
        tags,
        security: [],
        summary:
          'Log in: sets the HTTP-only `shuzhi_citizen` cookie and returns the same session as a bearer token',
        description:
          'Repeated failures answer 429 with `Retry-After`, the same for every phone number (docs/security.md).',
        body: schemas.LoginBody,
        response: { 200: schemas.LoginResponse, ...problems(400, 401, 429) },
      },
      config: {
        access: 'public',
        rateLimit: { max: Math.max(10, Math.floor(deps.publicRateLimit / 4)), timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      const result = await withRetryAfter(reply, () =>
        loginCitizen(db, reporterKeys, request.body, {
          clientIp: request.ip,
          requestId: String(request.id),
          sessionHours: deps.sessionHours,
        }),
      );
      reply.setCookie(CITIZEN_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.secureCookies,
        path: '/api/v1/',
        expires: result.expiresAt,
      });
      return reply.header('cache-control', 'no-store').send({
        token: result.token,
        csrfToken: result.csrfToken,
        expiresAt: result.expiresAt.toISOString(),
        citizen: presentCitizen(result.citizen),
      });
    },
  );

  app.delete(
    '/citizens/session',
    {
      config: { access: 'citizen' },
      schema: {
        tags,
        security,
        summary: 'Log out (ends this session)',
        response: { 204: Type.Null(), ...problems(401, 403) },
      },
    },
    async (request, reply) => {
      requireCitizen(request);
      await logoutCitizen(db, request.citizen!, { clientIp: request.ip, requestId: String(request.id) });
      reply.clearCookie(CITIZEN_COOKIE, { path: '/api/v1/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/citizens/me',
    {
      config: { access: 'citizen' },
      schema: {
        tags,
        security,
        summary: 'Your account (numbers masked)',
        response: {
          200: Type.Object({ ...schemas.CitizenSchema.properties, csrfToken: Type.String() }),
          ...problems(401, 403),
        },
      },
    },
    async (request, reply) => {
      const citizen = requireCitizen(request);
      const view = await getCitizen(db, reporterKeys, citizen.id);
      return reply
        .header('cache-control', 'no-store')
        .send({ ...presentCitizen(view), csrfToken: request.citizen!.csrfToken });
    },
  );

  app.get(
    '/citizens/me/reports',
    {
      config: { access: 'citizen' },
      schema: {
        tags,
        security,
        summary: 'Your reports, newest first (keyset paging)',
        querystring: schemas.MyReportsQuery,
        response: { 200: pageOf(ReportSummary), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const citizen = requireCitizen(request);
      const after = request.query.cursor
        ? decodeCursor(request.query.cursor, ['bigserial'] as const)[0]
        : null;
      const page = await listCitizenReports(db, deps.cases, citizen.id, {
        after,
        limit: request.query.limit,
      });
      return {
        items: page.items.map(presentSummary),
        nextCursor: page.more && page.last !== null ? encodeCursor([page.last]) : null,
      };
    },
  );
};
