/** /api/v1/cases/{id}/reporter — the reporter of a case, masked by default, every read audited. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { DB } from '../db/schema.js';
import { contextOf } from '../http/auth.js';
import { problems } from '../http/schemas.js';
import { CaseRefParam, resolveCaseRef } from '../cases/index.js';
import type { KeyRing } from './crypto.js';
import { readReporter } from './service.js';

/** What the plugin needs from the application's RouteDeps. */
export interface ReporterRouteDeps {
  db: Kysely<DB>;
  /** The personal-data key ring, from `SHUZHI_DATA_KEYS` (parseKeyRing). */
  reporterKeys: KeyRing;
}

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const ReporterViewSchema = Type.Object({
  caseId: Type.Integer(),
  masked: Type.Boolean({ description: 'False only for a full read by the supervision centre or an admin' }),
  name: NullableString,
  phone: NullableString,
  idNumber: NullableString,
  email: NullableString,
  contactConsent: Type.Boolean(),
  anonymous: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const ReporterQuery = Type.Object({
  full: Type.Boolean({
    default: false,
    description: 'Unmasked data: supervisors (supervision centre) and admins only',
  }),
});

export const reporterRoutes: FastifyPluginAsyncTypebox<ReporterRouteDeps> = async (app, deps) => {
  const { db, reporterKeys } = deps;

  app.get(
    '/cases/:id/reporter',
    {
      config: { access: 'reporters:read' },
      schema: {
        tags: ['cases'],
        summary: 'The reporter of a case (报告人), masked unless full=true; every read is audited',
        description:
          'Supervisors and admins may ask for full=true; dispatchers, handlers and department leads see masked data (张*, 138****5678, 1101**********1234) of cases in their jurisdiction; inspectors and leaders get 403.',
        params: CaseRefParam,
        querystring: ReporterQuery,
        response: { 200: ReporterViewSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const id = await resolveCaseRef(db, request.params.id);
      const view = await readReporter(db, reporterKeys, contextOf(request), id, {
        full: request.query.full,
      });
      return reply
        .header('cache-control', 'no-store')
        .send({ ...view, createdAt: view.createdAt.toISOString() });
    },
  );
};
