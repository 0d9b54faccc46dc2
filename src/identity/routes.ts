/** /api/v1/auth (login, session, tokens) and /api/v1/users (staff administration). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RouteDeps } from '../http/module.js';
import { SESSION_COOKIE, contextOf, requireActor, withRetryAfter } from '../http/auth.js';
import { idempotent } from '../http/idempotency.js';
import { IdParam, pageOf, PageQuery, problems, SerialId } from '../http/schemas.js';
import { DomainError } from '../shared/errors.js';
import { authorize } from './policy.js';
import { changeOwnPassword } from './credentials.js';
import * as schemas from './schemas.js';
import { createApiToken, listApiTokens, login, logout, revokeApiToken } from './sessions.js';
import { createUser, getUser, listUsers, setPassword, updateUser } from './users.js';

export const identityRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db } = deps;

  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in with username and password',
        description:
          'Sets an HTTP-only SameSite session cookie and returns the same session as a bearer token. ' +
          'Repeated failures answer 429 with `Retry-After` (the same for every username; docs/security.md).',
        security: [],
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
        login(
          db,
          {
            username: request.body.username,
            password: request.body.password,
            clientIp: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
            requestId: String(request.id),
          },
          deps.sessionHours,
        ),
      );
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.secureCookies,
        path: '/',
        expires: result.expiresAt,
      });
      // The answer carries the session's bearer and CSRF tokens: no cache may keep it.
      return reply.header('cache-control', 'no-store').send({
        token: result.token,
        csrfToken: result.csrfToken,
        expiresAt: result.expiresAt.toISOString(),
        user: result.actor,
      });
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'account:self' },
      schema: {
        tags: ['auth'],
        summary: 'End the current session',
        response: { 204: Type.Null(), ...problems(401, 403) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      if (request.credential?.sessionHash) await logout(db, ctx, request.credential.sessionHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/session',
    {
      config: { access: 'account:self' },
      schema: {
        tags: ['auth'],
        summary: 'Who am I',
        response: { 200: schemas.SessionResponse, ...problems(401) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return {
        user: actor,
        csrfToken: request.credential!.csrfToken,
        via: request.credentialVia!,
        kind: request.credential!.kind,
      };
    },
  );

  app.put(
    '/auth/password',
    {
      config: { access: 'account:self' },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password (ends your other sessions)',
        description:
          'The calling session stays signed in (same CSRF token); your other sessions end. The new ' +
          'password must differ from the current one. Wrong current passwords are throttled (429).',
        body: schemas.ChangeOwnPasswordBody,
        response: { 204: Type.Null(), ...problems(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await withRetryAfter(reply, () =>
        changeOwnPassword(db, ctx, request.body, request.credential?.sessionHash ?? null),
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/tokens',
    {
      config: { access: 'account:self' },
      schema: {
        tags: ['auth'],
        summary: 'Your personal API tokens',
        response: { 200: Type.Array(schemas.ApiTokenView), ...problems(401) },
      },
    },
    async (request) => (await listApiTokens(db, contextOf(request))).map(presentToken),
  );

  app.post(
    '/auth/tokens',
    {
      config: { access: 'account:self' },
      schema: {
        tags: ['auth'],
        summary: 'Create a personal API token (shown once)',
        body: schemas.CreateApiTokenBody,
        response: {
          201: Type.Intersect([schemas.ApiTokenView, Type.Object({ token: Type.String() })]),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const result = await idempotent(request, db, 201, async (tx) => {
        const token = await createApiToken(tx, ctx, request.body);
        return { ...presentToken(token), token: token.token };
      });
      return reply.code(result.status as 201).send(result.body);
    },
  );

  app.delete(
    '/auth/tokens/:id',
    {
      config: { access: 'account:self' },
      schema: {
        tags: ['auth'],
        summary: 'Revoke one of your API tokens',
        params: IdParam,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await revokeApiToken(db, contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/users',
    {
      config: { access: 'users:read' },
      schema: {
        tags: ['users'],
        summary: 'List staff accounts (admin)',
        querystring: Type.Object({
          role: Type.Optional(schemas.Role),
          departmentId: Type.Optional(SerialId()),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          ...PageQuery,
        }),
        response: { 200: pageOf(schemas.UserView), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const page = await listUsers(db, request.query);
      return { items: page.items.map(presentUser), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/users',
    {
      config: { access: 'users:write' },
      schema: {
        tags: ['users'],
        summary: 'Create a staff account (admin)',
        body: schemas.CreateUserBody,
        response: { 201: schemas.UserView, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const result = await idempotent(request, db, 201, async (tx) =>
        presentUser(await createUser(tx, ctx, request.body)),
      );
      return reply.code(result.status as 201).send(result.body);
    },
  );

  app.get(
    '/users/:id',
    {
      config: { access: 'account:self' },
      schema: {
        tags: ['users'],
        summary: 'Read a staff account (admin, or yourself)',
        params: IdParam,
        response: { 200: schemas.UserView, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (actor.id !== request.params.id) authorize(actor, 'users:read');
      return presentUser(await getUser(db, request.params.id));
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { access: 'users:write' },
      schema: {
        tags: ['users'],
        summary: 'Change role, jurisdiction, department or activation (admin; optimistic version)',
        params: IdParam,
        body: schemas.UpdateUserBody,
        response: { 200: schemas.UserView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      if (
        ctx.actor.id === request.params.id &&
        (request.body.active === false || (request.body.role && request.body.role !== 'admin'))
      ) {
        throw new DomainError('FORBIDDEN', 'You may not deactivate or demote your own account');
      }
      return presentUser(await updateUser(db, ctx, request.params.id, request.body));
    },
  );

  app.put(
    '/users/:id/password',
    {
      config: { access: 'users:write' },
      schema: {
        tags: ['users'],
        summary: "Reset a staff account's password (admin)",
        params: IdParam,
        body: schemas.SetPasswordBody,
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await setPassword(
        db,
        ctx,
        request.params.id,
        request.body.password,
        request.body.mustChangePassword ?? true,
      );
      return reply.code(204).send(null);
    },
  );
};

function presentToken(token: Awaited<ReturnType<typeof listApiTokens>>[number]) {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}

function presentUser(user: Awaited<ReturnType<typeof getUser>>) {
  return { ...user, createdAt: user.createdAt.toISOString(), updatedAt: user.updatedAt.toISOString() };
}
