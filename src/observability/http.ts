/**
 * The HTTP side of observability: every answered request is counted by route pattern and logged
 * once with its request id, actor and module; GET /metrics, /livez and /readyz
 * (docs/observability.md).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../db/index.js';
import { problemFor, sendProblem } from '../http/problem.js';
import type { ShuzhiMetrics } from './metrics.js';
import { checkReadiness } from './readiness.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The module whose routes these are (set when the app registers them; logs and metrics). */
    module?: string;
  }
}

export interface ObservabilityOptions {
  metrics: ShuzhiMetrics;
  database: Database;
  /** Bearer token of /metrics; without one, /metrics answers only loopback clients (no proxy). */
  metricsToken: string | null;
  /** Whether this process has loaded the national reference data (a readiness check). */
  referenceDataLoaded: () => boolean;
}

/** Who made a request, for logs: an account id or `anonymous`, never a name, phone or address. */
export function actorOf(request: FastifyRequest): string {
  if (request.credential) {
    const via = request.credential.kind === 'api_token' ? 'token' : 'user';
    return `${via}:${request.credential.actor.id}`;
  }
  if (request.citizen) return `citizen:${request.citizen.citizen.id}`;
  return 'anonymous';
}

/** The route pattern of a request, or `(unmatched)` for a path no route serves (a 404). */
export function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? '(unmatched)';
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/**
 * Loopback means the TCP peer is this machine *and* no proxy forwarded the request: a reverse
 * proxy on the same host connects from 127.0.0.1 on behalf of anyone, and a forged
 * X-Forwarded-For must not make an outsider look local when SHUZHI_TRUST_PROXY is on.
 */
export function isDirectLoopback(request: FastifyRequest): boolean {
  const peer = request.raw.socket.remoteAddress ?? '';
  return LOOPBACK.has(peer) && FORWARDING_HEADERS.every((name) => request.headers[name] === undefined);
}

const digest = (text: string) => createHash('sha256').update(text).digest();

function bearerMatches(request: FastifyRequest, token: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  // Compared as digests: equal length, constant time, whatever was sent.
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
}

export const observabilityPlugin = fp<ObservabilityOptions>(async (app: FastifyInstance, options) => {
  const { metrics, metricsToken } = options;

  // After authentication and access (onRequest, preValidation): the handler's own log lines carry
  // the actor and the module too.
  app.addHook('preHandler', async (request) => {
    request.log = request.log.child({ actor: actorOf(request), module: request.routeOptions.config.module });
  });

  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const route = routeOf(request);
    const seconds = reply.elapsedTime / 1000;
    metrics.observeRequest({ method: request.method, route, statusCode: reply.statusCode, seconds });
    // One line per request. The path without its query (a query may carry a tracking code or a
    // search term); the route pattern groups it.
    request.log.info(
      {
        actor: actorOf(request),
        module: request.routeOptions.config?.module ?? 'app',
        method: request.method,
        path: request.url.split('?')[0]!.slice(0, 200),
        route,
        statusCode: reply.statusCode,
        responseTimeMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
  });

  app.get(
    '/metrics',
    {
      config: { module: 'observability' },
      schema: {
        tags: ['system'],
        summary: 'Prometheus metrics (METRICS_TOKEN bearer token, or loopback without a proxy)',
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      if (metricsToken !== null) {
        if (!bearerMatches(request, metricsToken)) {
          reply.header('www-authenticate', 'Bearer realm="metrics"');
          return sendProblem(
            reply,
            problemFor('AUTH_REQUIRED', 'Send the metrics token: Authorization: Bearer …'),
          );
        }
      } else if (!isDirectLoopback(request)) {
        return sendProblem(
          reply,
          problemFor(
            'FORBIDDEN',
            'Metrics are served to this machine only; set METRICS_TOKEN to scrape from elsewhere',
          ),
        );
      }
      const text = await metrics.render();
      return reply.header('cache-control', 'no-store').type(metrics.registry.contentType).send(text);
    },
  );

  app.get(
    '/livez',
    {
      config: { module: 'observability' },
      schema: { tags: ['system'], summary: 'Liveness: the process answers', security: [] },
    },
    async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'alive' }),
  );

  app.get(
    '/readyz',
    {
      config: { module: 'observability' },
      schema: {
        tags: ['system'],
        summary: 'Readiness: database reachable, migrations applied, reference data loaded (503 otherwise)',
        security: [],
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      const checks = await checkReadiness(options.database, options.referenceDataLoaded);
      const failing = Object.entries(checks).filter(([, check]) => !check.ok);
      if (failing.length === 0) return { status: 'ready', checks };
      return sendProblem(reply, {
        ...problemFor('SERVICE_NOT_READY', failing.map(([, check]) => check.detail).join('; '), { checks }),
        instance: '/readyz',
      });
    },
  );
});
