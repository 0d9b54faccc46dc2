/** /api/v1/evaluations: 综合评价 of departments and regions, and the drill-down to cases, in the caller's jurisdiction. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RouteDeps } from '../http/app.js';
import { contextOf } from '../http/auth.js';
import { DomainError } from '../shared/errors.js';
import { FACT_KEYS } from './registry.js';
import { authorizeEvaluation, visibleSubjects } from './scope.js';
import { drillDown, evaluate } from './service.js';

const Object_ = Type.Union([Type.Literal('department'), Type.Literal('street'), Type.Literal('community')]);

export const evaluationRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  app.get(
    '/evaluations',
    {
      schema: {
        tags: ['evaluation'],
        summary: 'Composite evaluation (综合评价) of departments, streets or communities over a period',
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
      authorizeEvaluation(ctx.actor);
      const { object, from, to, profileKey } = request.query;
      const result = await evaluate(db, {
        object,
        from: new Date(from),
        to: new Date(to),
        ...(profileKey !== undefined ? { profileKey } : {}),
      });
      const visible = await visibleSubjects(
        db,
        ctx.actor,
        object,
        result.rows.map((r) => r.subject),
      );
      return { ...result, rows: result.rows.filter((r) => visible.has(r.subject)) };
    },
  );
  app.get(
    '/evaluations/cases',
    {
      schema: {
        tags: ['evaluation'],
        summary: 'The cases behind one count of an evaluation (drill-down)',
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
      authorizeEvaluation(ctx.actor);
      const { object, subject, fact, from, to } = request.query;
      if (!(await visibleSubjects(db, ctx.actor, object, [subject])).has(subject)) {
        throw new DomainError('NOT_FOUND', `No ${object} ${subject} in your jurisdiction`);
      }
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
