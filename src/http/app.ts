/**
 * The HTTP application: plugins, conventions (problem+json, request ids, security headers, rate
 * limits, OpenAPI) and every module's routes. Tests build it and drive it with inject().
 */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { GeographyIndex } from '../geography/index.js';
import { CalendarProvider } from '../calendar/index.js';
import type { CaseServiceDeps } from '../cases/index.js';
import type { KeyRing } from '../reporters/index.js';
import {
  DEFAULT_OPEN311_SETTINGS,
  open311ErrorDocument,
  sendOpen311NotFound,
  type Open311Settings,
} from '../open311/index.js';
import { DEFAULT_PUBLIC_CHANNEL, type PublicChannelSettings } from '../public/index.js';
import { MODULES } from '../modules.js';
import { authPlugin } from './auth.js';
import { clientErrorHandler, MAX_HEADER_BYTES, rememberRequestLines } from './client-error.js';
import {
  boundedDateFormats,
  frameworkRefusal,
  guardInput,
  guardReadBody,
  hasOverlongSegment,
} from './boundary.js';
import { enforceAccess } from './access.js';
import type { RouteDeps } from './module.js';
import { DEFAULT_MATERIAL_UPLOAD_LIMITS } from '../files/index.js';
import { outboundChannel, type OutboundDriver } from '../notifications/index.js';
import { errorHandler, problemFor, sendProblem } from './problem.js';
import { ProblemSchema } from './schemas.js';
import { registerWeb, sendAppPage, type PageCache, type WebOptions } from './web.js';
import type { DemoProgress } from '../demo/progress.js';

export interface AppOptions {
  database: Database;
  geography: GeographyIndex;
  sessionHours: number;
  logger?: FastifyServerOptions['logger'];
  trustProxy?: boolean;
  /** Requests per minute per client on public endpoints (login, locate); lowered in tests. */
  publicRateLimit?: number;
  /** Marks the cookie Secure (set when served over HTTPS). */
  secureCookies?: boolean;
  version?: string;
  /** Business time zone of deadlines and case numbers. */
  timeZone?: string;
  /** Keys encrypting reporters' personal data at rest. */
  reporterKeys: KeyRing;
  /** Limits of the citizen channel (rates per address, duplicate window); defaults when absent. */
  citizens?: Partial<PublicChannelSettings>;
  /** Open311 limits (SHUZHI_OPEN311_*); rate limits default to publicRateLimit when absent. */
  open311?: Partial<Open311Settings>;
  /** Case-loop dependencies; built from the options when absent (tests inject a clock here). */
  cases?: Partial<CaseServiceDeps>;
  /** The web app (web/dist) and its configuration; `false` serves the API only. */
  web?: WebOptions | false;
  /** The background demo simulation's progress (GET /api/v1/system/demo-status). */
  demoProgress?: DemoProgress | null;
  /** Largest accepted PDF of application materials (default 20 MiB). */
  pdfMaxBytes?: number;
  /** SMS / e-mail driver; default `log` (records and logs, sends nothing). */
  outboundDriver?: OutboundDriver;
}

export type App = FastifyInstance;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1_048_576,
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    clientErrorHandler,
    ajv: {
      // Scalars only: with 'array', Ajv unwraps ["x"] into a string, and inside anyOf (a nullable
      // string) it lets the array through unchanged to the handler (issue #11: a 500). No query
      // parameter is an array, so nothing needs a scalar wrapped either.
      customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true, allErrors: true },
      // Runs after ajv-formats is added: dates get their range (boundary.ts).
      onCreate: boundedDateFormats,
    },
    frameworkErrors: (error, request, reply) => {
      const refusal = frameworkRefusal(error, request.raw.url ?? '', open311ErrorDocument);
      // Written raw, as Fastify writes its own answer here: no route context exists yet.
      reply.raw.writeHead(refusal.status, {
        'content-type': refusal.contentType,
        'content-length': Buffer.byteLength(refusal.body),
        'x-request-id': String(request.id),
      });
      reply.raw.end(refusal.body);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  rememberRequestLines(app.server);
  app.setErrorHandler(errorHandler);
  // Before any route is registered, so every route (and every future one) inherits it.
  app.addHook('preValidation', guardInput);
  // Every route declares who may call it; checked after the input guard, before validation.
  enforceAccess(app);
  app.addHook('preHandler', guardReadBody);
  for (const module of MODULES) module.setup?.();
  let webPages: PageCache | null = null;
  app.setNotFoundHandler((request, reply) => {
    if (sendAppPage(request, reply, webPages)) return reply;
    if (hasOverlongSegment(request.url)) {
      const tooLong = { code: 'FST_ERR_MAX_PARAM_LENGTH' };
      const refusal = frameworkRefusal(tooLong, request.url, open311ErrorDocument);
      return reply.code(refusal.status).type(refusal.contentType).send(refusal.body);
    }
    if (request.url.startsWith('/open311/v2/')) return sendOpen311NotFound(request, reply);
    // Never the whole of a long URL back to the client (a URL may be up to MAX_HEADER_BYTES).
    const path = request.url.length > 200 ? `${request.url.slice(0, 200)}…` : request.url;
    return sendProblem(reply, {
      ...problemFor('NOT_FOUND', `No route ${request.method} ${path}`),
      instance: path,
    });
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Requests being served, so background work (the demo simulation) can step aside for them.
  let inFlight = 0;
  app.addHook('onRequest', async () => {
    inFlight += 1;
  });
  app.addHook('onResponse', async () => {
    inFlight -= 1;
  });
  app.decorate('requestsInFlight', () => inFlight);
  app.addSchema(ProblemSchema);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'img-src': ["'self'", 'data:', 'blob:', 'https:', ...tileOrigins(options.web)],
        'script-src': ["'self'"],
      },
    },
  });
  await app.register(cookie);
  // Uploads: limits are enforced again per route by the files module (size sniffed from content).
  await app.register(multipart, { limits: { fileSize: 20 * 1_048_576, files: 10, fields: 50 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      ...problemFor('RATE_LIMITED', `Rate limit of ${context.max} requests per ${context.after} exceeded`),
      statusCode: 429,
    }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Shuzhi (数治) API',
        version: options.version ?? '0.1.0',
        description:
          'Digital-government platform: grid-based urban management, regions and unit grids, components, ' +
          'departments, identity. Errors are RFC 9457 problem+json with a stable `code`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'shuzhi_session' },
          citizenBearer: { type: 'http', scheme: 'bearer', description: 'A citizen session token (shc_…)' },
          citizenSession: { type: 'apiKey', in: 'cookie', name: 'shuzhi_citizen' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
      tags: MODULES.flatMap((module) => module.tags ?? []).map((tag) => ({ ...tag })),
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (json.$id as string) || `def-${i}` },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  await app.register(authPlugin, { db: options.database.db });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get(
    '/healthz',
    { schema: { tags: ['system'], security: [], summary: 'Liveness and database readiness' } },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(options.database.db);
        return { status: 'ok', database: options.database.backend };
      } catch {
        return reply.code(503).send({ status: 'unavailable', database: options.database.backend });
      }
    },
  );

  const deps: RouteDeps = {
    db: options.database.db,
    database: options.database,
    geography: options.geography,
    sessionHours: options.sessionHours,
    publicRateLimit: options.publicRateLimit ?? 120,
    secureCookies: options.secureCookies ?? false,
    reporterKeys: options.reporterKeys,
    citizens: { ...DEFAULT_PUBLIC_CHANNEL, ...options.citizens },
    open311: {
      ...DEFAULT_OPEN311_SETTINGS,
      ...(options.publicRateLimit !== undefined
        ? { keyRateLimit: options.publicRateLimit, addressRateLimit: options.publicRateLimit }
        : {}),
      ...options.open311,
    },
    cases: {
      reporterKeys: options.reporterKeys,
      geography: options.geography,
      calendars: new CalendarProvider({ timeZone: options.timeZone ?? 'Asia/Shanghai' }),
      timeZone: options.timeZone ?? 'Asia/Shanghai',
      ...options.cases,
    },
    demoProgress: options.demoProgress ?? null,
    materialLimits: {
      ...DEFAULT_MATERIAL_UPLOAD_LIMITS,
      material: {
        ...DEFAULT_MATERIAL_UPLOAD_LIMITS.material,
        ...(options.pdfMaxBytes !== undefined ? { pdfMaxBytes: options.pdfMaxBytes } : {}),
      },
    },
    outbound: outboundChannel(options.outboundDriver ?? 'log', options.reporterKeys, (line) =>
      app.log.info(line),
    ),
  };
  app.decorate('caseDeps', deps.cases);
  await app.register(
    async (api) => {
      for (const module of MODULES)
        for (const routes of module.routes ?? []) await api.register(routes, deps);
    },
    { prefix: '/api/v1' },
  );
  for (const module of MODULES)
    for (const mount of module.mounts ?? [])
      await app.register(mount.routes, { prefix: mount.prefix, ...deps });
  if (options.web !== false) {
    webPages = await registerWeb(app, {
      timeZone: options.timeZone ?? 'Asia/Shanghai',
      version: options.version ?? '0.1.0',
      ...options.web,
    });
  }
  return app;
}

/** Plain-http tile servers (intranets) must be allowed as image sources; https ones already are. */
function tileOrigins(web: AppOptions['web']): string[] {
  if (!web || !web.tiles) return [];
  const origins = new Set<string>();
  for (const url of [web.tiles.url, web.tiles.labelUrl]) {
    if (!url?.startsWith('http://')) continue;
    // {s} subdomain placeholders: allow the host pattern with a wildcard.
    const host = /^http:\/\/([^/]+)/.exec(url)?.[1]?.replace(/\{s\}/g, '*');
    if (host) origins.add(`http://${host}`);
  }
  return [...origins];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The case loop's dependencies (calendar, locate index, clock), shared with background jobs. */
    caseDeps: CaseServiceDeps;
    /** Requests received and not yet answered. */
    requestsInFlight: () => number;
  }
}
