/** /api/v1/open311/keys — administrators issue, list and revoke Open311 API keys. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RouteDeps } from '../http/module.js';
import { contextOf } from '../http/auth.js';
import { BigIdParam, Name, problems } from '../http/schemas.js';
import { DomainError } from '../shared/errors.js';
import { createApiKey, listApiKeys, revokeApiKey, type ApiKeyView } from './service.js';

const KeyView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the key, to tell keys apart' }),
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.Null(), Type.String({ format: 'date-time' })]),
});

function present(view: ApiKeyView) {
  return {
    id: view.id,
    name: view.name,
    prefix: view.prefix,
    createdAt: view.createdAt.toISOString(),
    revokedAt: view.revokedAt?.toISOString() ?? null,
  };
}

export const open311AdminRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db } = deps;
  const tags = ['open311'];

  app.post(
    '/open311/keys',
    {
      config: { access: 'open311:keys' },
      schema: {
        tags,
        summary: 'Issue an Open311 API key (admin); the key is shown in this answer only',
        body: Type.Object({ name: Name({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
        response: {
          201: Type.Object({ ...KeyView.properties, key: Type.String() }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const created = await createApiKey(db, ctx, request.body.name.trim() || request.body.name);
      return reply.code(201).send({ ...present(created), key: created.key });
    },
  );

  app.get(
    '/open311/keys',
    {
      config: { access: 'open311:keys' },
      schema: {
        tags,
        summary: 'List Open311 API keys (admin); the keys themselves are never shown again',
        response: { 200: Type.Object({ items: Type.Array(KeyView) }), ...problems(401, 403) },
      },
    },
    async () => {
      return { items: (await listApiKeys(db)).map(present) };
    },
  );

  app.delete(
    '/open311/keys/:id',
    {
      config: { access: 'open311:keys' },
      schema: {
        tags,
        summary: 'Revoke an Open311 API key (admin)',
        params: BigIdParam,
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const now = deps.cases.now ? deps.cases.now() : new Date();
      if (!(await revokeApiKey(db, ctx, request.params.id, now)))
        throw new DomainError('NOT_FOUND', `No Open311 API key ${request.params.id}`);
      return reply.code(204).send(null);
    },
  );
};
