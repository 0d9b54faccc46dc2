/** /api/v1/audit — the audit log, for administrators. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RouteDeps } from '../http/module.js';
import { pageOf, PageQuery, problems, SerialId, Timestamp } from '../http/schemas.js';
import { listAudit } from './service.js';

const AuditRecordView = Type.Object({
  id: Type.Integer(),
  at: Timestamp,
  actorId: Type.Union([Type.Null(), Type.Integer()]),
  actorName: Type.Union([Type.Null(), Type.String()]),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.Union([Type.Null(), Type.String()]),
  clientIp: Type.Union([Type.Null(), Type.String()]),
  requestId: Type.Union([Type.Null(), Type.String()]),
  detail: Type.Record(Type.String(), Type.Unknown(), {
    description:
      'What the action recorded, as the writing module chose (e.g. case.report: { number }); its keys depend on the action',
  }),
});

export const auditRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  app.get(
    '/audit',
    {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Read the audit log, newest first (admin)',
        querystring: Type.Object({
          actorId: Type.Optional(SerialId()),
          action: Type.Optional(Type.String({ maxLength: 100 })),
          targetType: Type.Optional(Type.String({ maxLength: 100 })),
          targetId: Type.Optional(Type.String({ maxLength: 100 })),
          from: Type.Optional(Timestamp),
          to: Type.Optional(Timestamp),
          ...PageQuery,
        }),
        response: { 200: pageOf(AuditRecordView), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { from, to, ...rest } = request.query;
      const page = await listAudit(db, {
        ...rest,
        ...(from ? { from: new Date(from) } : {}),
        ...(to ? { to: new Date(to) } : {}),
      });
      return {
        items: page.items.map((r) => ({ ...r, at: r.at.toISOString() })),
        nextCursor: page.nextCursor,
      };
    },
  );
};
