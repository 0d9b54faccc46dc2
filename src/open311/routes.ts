/**
 * /open311/v2 — Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): discovery,
 * services, service definitions, POST/GET requests and tokens, each as `.json` or `.xml`.
 * Errors leave as the spec's list `[{code, description}]` in the same format, not problem+json.
 * Reading is public; POST needs an api_key (managed by administrators, admin-routes.ts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { RouteDeps } from '../http/app.js';
import { tokenHash } from '../identity/tokens.js';
import { systemContext, type RequestContext } from '../shared/context.js';
import { DomainError, ERROR_CATALOGUE } from '../shared/errors.js';
import { parseForm, type ParsedBody } from './form.js';
import {
  Open311Error,
  createRequest,
  getRequest,
  listRequests,
  listServices,
  open311Error,
  resolveRequestToken,
  serviceDefinition,
  verifyApiKey,
  type Open311ErrorItem,
  type RequestQuery,
} from './service.js';
import { toXml } from './xml.js';

type Format = 'json' | 'xml';

const SPEC_URL = 'http://wiki.open311.org/GeoReport_v2';
const CHANGESET = '2026-11-27T00:00:00+08:00';

/** `services.json` → json; the format of a request from its path (errors use it too). */
function formatOfPath(url: string): Format {
  const path = url.split('?')[0] ?? '';
  return path.endsWith('.xml') ? 'xml' : 'json';
}

/** Splits `M06010.json` into the id and the format; anything else is a 404 in JSON. */
function splitFile(file: string): { id: string; format: Format } {
  const match = /^(.+)\.(json|xml)$/.exec(file);
  if (!match) throw open311Error(404, 'Use the .json or .xml form of this resource');
  return { id: decodeURIComponent(match[1]!), format: match[2] as Format };
}

function formatParam(format: string): Format {
  if (format !== 'json' && format !== 'xml')
    throw open311Error(404, 'Use the .json or .xml form of this resource');
  return format;
}

function send(reply: FastifyReply, format: Format, root: string, value: unknown, status = 200): FastifyReply {
  reply.code(status);
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(toXml(root, value));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(value));
}

/** Maps any error to the spec's error list and status. */
function toOpen311(error: unknown): { status: number; errors: Open311ErrorItem[] } | null {
  if (error instanceof Open311Error) return { status: error.status, errors: error.errors };
  if (error instanceof DomainError) {
    // A point outside the district is a bad parameter of the request, not a missing resource.
    const status = error.code === 'LOCATION_OUTSIDE_DISTRICT' ? 400 : ERROR_CATALOGUE[error.code].status;
    const fields = error.extra.errors ?? [];
    const descriptions =
      error.code === 'LOCATION_OUTSIDE_DISTRICT'
        ? ['lat/long lies outside the area this server covers']
        : fields.length > 0
          ? fields.map((f) => `${f.field.replace(/^body\./, '')}: ${f.reason}`)
          : [error.message];
    return { status, errors: descriptions.map((description) => ({ code: status, description })) };
  }
  const e = error as { statusCode?: unknown; message?: unknown; detail?: unknown };
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const description =
      typeof e.detail === 'string' ? e.detail : typeof e.message === 'string' ? e.message : 'Bad request';
    return { status: e.statusCode, errors: [{ code: e.statusCode, description }] };
  }
  return null;
}

function isParsed(body: unknown): body is ParsedBody {
  return typeof body === 'object' && body !== null && 'fields' in body && 'attributes' in body;
}

/** The POST body as {fields, attributes}: form bodies come parsed, JSON objects are converted. */
function bodyOf(request: FastifyRequest): ParsedBody {
  const body: unknown = request.body;
  if (isParsed(body)) return body;
  if (body === undefined || body === null) return { fields: {}, attributes: {} };
  return parseJsonBody(body);
}

function apiKeyOf(request: FastifyRequest): string | undefined {
  const fromBody = isParsed(request.body) ? request.body.fields.api_key : undefined;
  const fromQuery = (request.query as Record<string, unknown> | undefined)?.api_key;
  return fromBody ?? (typeof fromQuery === 'string' ? fromQuery : undefined);
}

/** The system registers the case on behalf of the key: an administrator context, named after the key. */
function intakeContext(request: FastifyRequest, key: { prefix: string }): RequestContext {
  const base = systemContext(String(request.id));
  return {
    ...base,
    actor: { ...base.actor, username: `open311:${key.prefix}`, displayName: `Open311 ${key.prefix}` },
    clientIp: request.ip,
  };
}

const FileParam = Type.Object({ file: Type.String({ maxLength: 200 }) });
const FormatParam = Type.Object({ format: Type.String({ maxLength: 10 }) });
const tags = ['open311'];

export const open311Routes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db } = deps;
  const caseDeps = deps.cases;

  // Bodies: form-encoded (the spec's, FixMyStreet's) or JSON; both become {fields, attributes}.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 65_536 },
    (_request, body, done) => done(null, parseForm(String(body))),
  );

  app.setErrorHandler((error, request, reply) => {
    const mapped = toOpen311(error);
    if (!mapped) {
      request.log.error({ err: error }, 'open311 request failed');
      return send(
        reply,
        formatOfPath(request.url),
        'errors',
        [{ code: 500, description: 'Internal error' }],
        500,
      );
    }
    return send(reply, formatOfPath(request.url), 'errors', mapped.errors, mapped.status);
  });
  app.setNotFoundHandler((request, reply) =>
    send(
      reply,
      formatOfPath(request.url),
      'errors',
      [{ code: 404, description: `No resource ${request.url}` }],
      404,
    ),
  );

  app.get(
    '/discovery.:format',
    { schema: { tags, security: [], summary: 'Open311 discovery', params: FormatParam } },
    async (request, reply) => {
      const format = formatParam(request.params.format);
      const base = `${request.protocol}://${request.host}/open311/v2`;
      return send(reply, format, 'discovery', {
        changeset: CHANGESET,
        contact: '数治 Shuzhi 城市管理指挥中心',
        key_service: 'API keys are issued by the administrators of this server',
        endpoints: [
          {
            specification: SPEC_URL,
            url: base,
            changeset: CHANGESET,
            type: 'production',
            formats: ['text/xml', 'application/json'],
          },
        ],
      });
    },
  );

  app.get(
    '/services.:format',
    {
      schema: {
        tags,
        security: [],
        summary: 'Open311 service list (GB/T 47678.5-2026 classes)',
        params: FormatParam,
      },
    },
    async (request, reply) =>
      send(reply, formatParam(request.params.format), 'services', await listServices(db)),
  );

  app.get(
    '/services/:file',
    { schema: { tags, security: [], summary: 'Open311 service definition (attributes)', params: FileParam } },
    async (request, reply) => {
      const { id, format } = splitFile(request.params.file);
      return send(reply, format, 'service_definition', await serviceDefinition(db, id));
    },
  );

  app.post(
    '/requests.:format',
    {
      schema: {
        tags,
        security: [],
        summary: 'Open311: submit a service request (api_key)',
        params: FormatParam,
      },
      // Every body becomes {fields, attributes} before the rate limit reads its api_key.
      preValidation: async (request) => {
        request.body = bodyOf(request);
      },
      config: {
        rateLimit: {
          max: deps.publicRateLimit,
          timeWindow: '1 minute',
          // After parsing, so the key in a form body counts; per key and client address.
          hook: 'preHandler',
          keyGenerator: (request: FastifyRequest) =>
            `open311:${tokenHash(apiKeyOf(request) ?? '').slice(0, 16)}:${request.ip}`,
        },
      },
    },
    async (request, reply) => {
      const format = formatParam(request.params.format);
      const key = await verifyApiKey(db, apiKeyOf(request));
      const created = await createRequest(db, caseDeps, intakeContext(request, key), key.id, bodyOf(request));
      return send(reply, format, 'service_requests', [created], 201);
    },
  );

  app.get(
    '/requests.:format',
    { schema: { tags, security: [], summary: 'Open311: search service requests', params: FormatParam } },
    async (request, reply) => {
      const format = formatParam(request.params.format);
      const query = stringQuery(request.query);
      return send(reply, format, 'service_requests', await listRequests(db, caseDeps, query));
    },
  );

  app.get(
    '/requests/:file',
    { schema: { tags, security: [], summary: 'Open311: one service request', params: FileParam } },
    async (request, reply) => {
      const { id, format } = splitFile(request.params.file);
      return send(reply, format, 'service_requests', [await getRequest(db, caseDeps, id)]);
    },
  );

  app.get(
    '/tokens/:file',
    {
      schema: {
        tags,
        security: [],
        summary: 'Open311: the service_request_id of a token',
        params: FileParam,
      },
    },
    async (request, reply) => {
      const { id, format } = splitFile(request.params.file);
      return send(reply, format, 'service_requests', [await resolveRequestToken(db, id)]);
    },
  );
};

/** Query values as single strings (a repeated parameter keeps its last value). */
function stringQuery(query: unknown): RequestQuery {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    const v = Array.isArray(value) ? (value as unknown[]).at(-1) : value;
    if (typeof v === 'string') out[key] = v;
  }
  return out;
}

/** A JSON body: flat fields, `attribute` as an object or as `attribute[code]` keys. */
function scalar(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : null;
}

function parseJsonBody(body: unknown): ParsedBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw open311Error(400, 'Send the request as application/x-www-form-urlencoded or a JSON object');
  const fields = new Map<string, string>();
  const entries: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === 'attribute' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [code, v] of Object.entries(value as Record<string, unknown>)) {
        const items = Array.isArray(v) ? (v as unknown[]) : [v];
        for (const item of items) {
          const text = scalar(item);
          if (text !== null)
            entries.push([Array.isArray(v) ? `attribute[${code}][]` : `attribute[${code}]`, text]);
        }
      }
      continue;
    }
    const text = scalar(value);
    if (text === null) continue;
    if (key.startsWith('attribute[')) entries.push([key, text]);
    else fields.set(key, text);
  }
  const attributes = parseForm(new URLSearchParams(entries).toString()).attributes;
  return { fields: Object.fromEntries(fields), attributes };
}
