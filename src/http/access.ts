/**
 * Every route states who may call it, and one hook enforces it (issue #12 "one policy"): a route
 * under /api/v1 or /open311/v2 declares `config.access` — a permission of identity/policy.ts, or
 * `public` (anyone), or `citizen` (a citizen session) — and the app refuses to start when one does
 * not. The check runs before validation, so a caller without the permission gets 401/403 and
 * learns nothing of the route's schema.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorize, type GrantScope, type Permission } from '../identity/index.js';
import { requireActor, requireCitizen } from './auth.js';

export type RouteAccess = Permission | 'public' | 'citizen';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route (http/access.ts). */
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Every guarded route with its declared access (the policy matrix test walks them). */
    routeAccess: readonly GuardedRoute[];
  }
  interface FastifyRequest {
    /** The scope of the caller's grant of the route's permission (identity/policy.ts). */
    grant: GrantScope | null;
  }
}

const GUARDED = /^\/(api\/v1|open311\/v2)\//;

export interface GuardedRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

/** Registers the declaration check and the enforcing hook; call before any route is added. */
export function enforceAccess(app: FastifyInstance): void {
  const routes: GuardedRoute[] = [];
  app.decorate('routeAccess', routes);
  app.decorateRequest('grant', null);
  app.addHook('onRoute', (route) => {
    if (!GUARDED.test(route.url)) return;
    const method = Array.isArray(route.method) ? route.method.join(',') : route.method;
    const access = route.config?.access;
    if (access) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, access });
      return;
    }
    throw new Error(
      `${method} ${route.url} declares no config.access: every route names its permission (identity/policy.ts), or 'public' or 'citizen'`,
    );
  });
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    if (access === 'citizen') {
      requireCitizen(request);
      return;
    }
    request.grant = authorize(requireActor(request), access);
  });
}
