/** /api/v1/evaluations: 综合评价 of departments and regions, and the drill-down to cases. Not wired yet. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RouteDeps } from '../http/app.js';
import { contextOf } from '../http/auth.js';
import { DomainError } from '../shared/errors.js';
import { FACT_KEYS } from './registry.js';
import { drillDown, evaluate } from './service.js';

const READERS = new Set(['admin', 'leader', 'supervisor', 'dispatcher']);
const Object_ = Type.Union([Type.Literal('department'), Type.Literal('street'), Type.Literal('community')]);

export const evaluationRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  app.get(
    '/evaluations',
    {
      schema: {
        querystring: Type.Object({
          object: Object_,
          from: Type.String({ format: 'date-time' }),
          to: Type.String({ format: 'date-time' }),
          profileKey: Type.Optional(Type.String()),
        }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      if (!READERS.has(ctx.actor.role)) throw new DomainError('FORBIDDEN');
      const { object, from, to, profileKey } = request.query;
      return evaluate(db, {
        object,
        from: new Date(from),
        to: new Date(to),
        ...(profileKey !== undefined ? { profileKey } : {}),
      });
    },
  );
  app.get(
    '/evaluations/cases',
    {
      schema: {
        querystring: Type.Object({
          object: Object_,
          subject: Type.String(),
          fact: Type.Union(FACT_KEYS.map((k) => Type.Literal(k))),
          from: Type.String({ format: 'date-time' }),
          to: Type.String({ format: 'date-time' }),
        }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      if (!READERS.has(ctx.actor.role)) throw new DomainError('FORBIDDEN');
      const { object, subject, fact, from, to } = request.query;
      const ids = await drillDown(db, {
        object,
        subject,
        fact,
        from: new Date(from),
        to: new Date(to),
      });
      return { caseIds: ids };
    },
  );
};
