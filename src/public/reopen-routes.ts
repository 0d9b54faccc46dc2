/** /api/v1/reopen-requests — the supervision center's list of citizens' reopen requests, and its decisions. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../http/module.js';
import { contextOf } from '../http/auth.js';
import { pageOf, problems } from '../http/schemas.js';
import { presentReopenRequest } from './presenter.js';
import { acceptReopenRequest, declineReopenRequest, listReopenRequests } from './reopen.js';
import * as schemas from './schemas.js';

export const reopenRequestRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db } = deps;
  const tags = ['reopen-requests'];

  app.get(
    '/reopen-requests',
    {
      config: { access: 'reopen-requests:read' },
      schema: {
        tags,
        summary:
          'Reopen requests (negative ratings, Open311 REOPEN), newest first (supervisors, in jurisdiction)',
        querystring: schemas.ReopenQuery,
        response: { 200: pageOf(schemas.ReopenRequestSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { status, cursor, limit } = request.query;
      const page = await listReopenRequests(db, contextOf(request), {
        ...(status ? { status } : {}),
        ...(cursor ? { cursor } : {}),
        limit,
      });
      return { items: page.items.map(presentReopenRequest), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/reopen-requests/:id/actions/:action',
    {
      config: { access: 'reopen-requests:decide' },
      schema: {
        tags,
        summary: 'Accept (reopens the case through the workflow) or decline (note shown to the reporter)',
        description:
          'Shift lead (值班长) only. Accept runs the case workflow `reopen` action, within SHUZHI_REOPEN_WINDOW_DAYS of closure; decline needs `note`, published to the reporter.',
        params: schemas.ReopenParams,
        body: schemas.ReopenDecisionBody,
        response: { 200: schemas.ReopenRequestSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const decide = request.params.action === 'accept' ? acceptReopenRequest : declineReopenRequest;
      return presentReopenRequest(await decide(db, deps.cases, ctx, request.params.id, request.body));
    },
  );
};
