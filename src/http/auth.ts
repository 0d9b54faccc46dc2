/**
 * Authentication for every request: a bearer token (session or personal API token) or the
 * HTTP-only session cookie. Cookie-authenticated unsafe requests must echo the session's CSRF
 * token in `X-CSRF-Token` (synchronizer token): a cross-site form cannot read it.
 *
 * Citizens (src/citizens) authenticate apart from staff: a `shc_` bearer token or the
 * `shuzhi_citizen` cookie set `request.citizen`, never `request.credential`. The citizen cookie is
 * read only on the citizen channel's paths and the staff cookie only elsewhere, so one browser
 * holding both never mixes them (nor their CSRF tokens). Staff routes refuse a citizen
 * (`requireActor`), citizen routes refuse staff (`requireCitizen`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import {
  CITIZEN_TOKEN_PREFIX,
  resolveCitizenToken,
  type Citizen,
  type CitizenCredential,
} from '../citizens/index.js';
import { resolveToken, type Actor, type ResolvedCredential } from '../identity/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';

export const SESSION_COOKIE = 'shuzhi_session';
export const CITIZEN_COOKIE = 'shuzhi_citizen';
/** The citizen channel: public reporting and citizen accounts (docs/api/citizens.md). */
const CITIZEN_PATHS = /^\/api\/v1\/(public|citizens)(\/|\?|$)/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * Routes that start a session (or an account) and need none: a cookie of an earlier session is
 * not read there, so logging in as someone else from a browser that still holds one works (it was
 * refused for want of that old session's CSRF token). Cross-site requests cannot use this: the
 * login needs the password, and the new cookie is SameSite=Strict.
 */
const SESSION_START_ROUTES = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/citizens/session',
  'POST /api/v1/citizens',
]);
/** What an account with a one-time or reset password may still do. */
const PASSWORD_CHANGE_ROUTES = new Set([
  'GET /api/v1/auth/session',
  'PUT /api/v1/auth/password',
  'POST /api/v1/auth/logout',
]);

declare module 'fastify' {
  interface FastifyRequest {
    credential: ResolvedCredential | null;
    credentialVia: 'bearer' | 'cookie' | null;
    /** A citizen's session (citizen channel only); never an Actor. */
    citizen: CitizenCredential | null;
  }
}

function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

export const authPlugin = fp<{ db: Kysely<DB> }>(async (app: FastifyInstance, { db }) => {
  app.decorateRequest('credential', null);
  app.decorateRequest('credentialVia', null);
  app.decorateRequest('citizen', null);
  app.addHook('onRequest', async (request) => {
    const bearer = bearerOf(request);
    if (!bearer && SESSION_START_ROUTES.has(`${request.method} ${request.url.split('?')[0]}`)) return;
    const citizenPath = CITIZEN_PATHS.test(request.url);
    if (bearer?.startsWith(CITIZEN_TOKEN_PREFIX) || (!bearer && citizenPath)) {
      await authenticateCitizen(db, request, bearer);
      return;
    }
    const cookie = citizenPath ? undefined : request.cookies[SESSION_COOKIE];
    const token = bearer ?? cookie;
    if (!token) return;
    const credential = await resolveToken(db, token);
    if (bearer && !credential) {
      throw new DomainError('AUTH_REQUIRED', 'The bearer token is invalid, expired or revoked');
    }
    if (!credential) return; // A stale cookie is treated as no session.
    request.credential = credential;
    request.credentialVia = bearer ? 'bearer' : 'cookie';
    if (
      credential.actor.mustChangePassword &&
      !PASSWORD_CHANGE_ROUTES.has(`${request.method} ${request.url.split('?')[0]}`)
    ) {
      throw new DomainError(
        'PASSWORD_CHANGE_REQUIRED',
        'Set a new password first: PUT /api/v1/auth/password',
      );
    }
    if (request.credentialVia === 'cookie' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== credential.csrfToken) {
        throw new DomainError('CSRF_TOKEN_INVALID', 'Send the X-CSRF-Token header returned at login');
      }
    }
  });
});

async function authenticateCitizen(db: Kysely<DB>, request: FastifyRequest, bearer: string | null) {
  const token = bearer ?? request.cookies[CITIZEN_COOKIE];
  if (!token) return;
  const credential = await resolveCitizenToken(db, token);
  if (bearer && !credential) {
    throw new DomainError('AUTH_REQUIRED', 'The bearer token is invalid, expired or revoked');
  }
  if (!credential) return; // A stale cookie is treated as no session.
  request.citizen = credential;
  if (!bearer && !SAFE_METHODS.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || sent !== credential.csrfToken) {
      throw new DomainError('CSRF_TOKEN_INVALID', 'Send the X-CSRF-Token header returned at login');
    }
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (request.citizen)
    throw new DomainError('FORBIDDEN', 'A citizen session cannot be used on staff endpoints');
  if (!request.credential) throw new DomainError('AUTH_REQUIRED', 'Log in, or send a bearer token');
  return request.credential.actor;
}

export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: requireActor(request), clientIp: request.ip, requestId: String(request.id) };
}

/** The citizen of a citizen-channel request; staff credentials are refused here. */
export function requireCitizen(request: FastifyRequest): Citizen {
  if (request.credential)
    throw new DomainError('FORBIDDEN', 'Staff credentials cannot be used on citizen endpoints');
  if (!request.citizen)
    throw new DomainError('AUTH_REQUIRED', 'Log in as a citizen, or send a citizen bearer token');
  return request.citizen.citizen;
}

/**
 * Runs `work`; when it fails with a throttling problem (`retryAfter` seconds), the answer also
 * carries the `Retry-After` header (RFC 9110 §10.2.3), which clients and proxies understand.
 */
export async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && typeof error.extra.retryAfter === 'number') {
      reply.header('retry-after', String(error.extra.retryAfter));
    }
    throw error;
  }
}
