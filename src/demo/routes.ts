/** GET /api/v1/system/demo-status: whether the demo register is still being filled (public; no data). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RouteDeps } from '../http/module.js';

export const demoRoutes: FastifyPluginAsyncTypebox<Pick<RouteDeps, 'demoProgress'>> = async (
  app,
  { demoProgress: progress },
) => {
  app.get(
    '/system/demo-status',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Whether the demo cases are still being generated, and how far (n of total)',
        security: [],
        response: {
          200: Type.Object({ running: Type.Boolean(), done: Type.Integer(), total: Type.Integer() }),
        },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return progress?.status ?? { running: false, done: 0, total: 0 };
    },
  );
};
