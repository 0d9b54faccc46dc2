/**
 * /open311/v2 — Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): discovery,
 * services, service definitions, POST/GET requests, tokens, FixMyStreet's servicerequestupdates and
 * public media, each as `.json` or `.xml`. Errors leave as the spec's list `[{code, description}]`
 * in the same format, not problem+json. Reading is public; POST needs an api_key (managed by
 * administrators, admin-routes.ts). Every client address and every key is rate-limited.
 */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { RouteDeps } from '../http/module.js';
import { tokenHash } from '../identity/index.js';
import { systemContext, type RequestContext } from '../shared/context.js';
import { DomainError, ERROR_CATALOGUE } from '../shared/errors.js';
import { parseForm, type ParsedBody } from './form.js';
import { readPublicMedia } from './media.js';
import {
  createRequest,
  getRequest,
  listRequests,
  resolveRequestToken,
  type RequestQuery,
  type ViewOptions,
} from './requests.js';
import {
  Open311Error,
  listServices,
  open311Error,
  serviceDefinition,
  verifyApiKey,
  type Open311ErrorItem,
} from './service.js';
import { listUpdates, postUpdate } from './updates.js';
import { toXml } from './xml.js';

type Format = 'json' | 'xml';

const SPEC_URL = 'http://wiki.open311.org/GeoReport_v2';
const CHANGESET = '2026-11-27T00:00:00+08:00';

/** `services.json` → json; the format of a request from its path (errors use it too). */
export function formatOfPath(url: string): Format {
  const path = url.split('?')[0] ?? '';
  return path.endsWith('.xml') ? 'xml' : 'json';
}

/**
 * An error list as a whole document in the format of `url` (for answers written before Fastify
 * has a request, such as a 431 of Node's HTTP parser).
 */
export function open311ErrorDocument(
  url: string,
  status: number,
  description: string,
): { contentType: string; body: string } {
  const errors = [{ code: status, description }];
  return formatOfPath(url) === 'xml'
    ? { contentType: 'text/xml; charset=utf-8', body: toXml('errors', errors) }
    : { contentType: 'application/json; charset=utf-8', body: JSON.stringify(errors) };
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

/** How long clients and caches may reuse the catalogue (discovery, services, definitions) unasked. */
const CATALOGUE_MAX_AGE_S = 300;

/**
 * A catalogue document with a strong ETag of its bytes and Cache-Control: a client that sends the
 * ETag back (If-None-Match) gets 304 without a body (RFC 9110 §13.1.2, §15.4.5).
 */
function sendCatalogue(
  request: FastifyRequest,
  reply: FastifyReply,
  format: Format,
  root: string,
  value: unknown,
): FastifyReply {
  const body = format === 'xml' ? toXml(root, value) : JSON.stringify(value);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag).header('cache-control', `public, max-age=${CATALOGUE_MAX_AGE_S}`);
  const wanted = request.headers['if-none-match'];
  if (
    wanted !== undefined &&
    (wanted.trim() === '*' || wanted.split(',').some((t) => t.trim().replace(/^W\//, '') === etag))
  )
    return reply.code(304).send();
  return reply
    .code(200)
    .type(format === 'xml' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8')
    .send(body);
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

/** Multipart parser errors as Open311 errors (status and a description naming the part). */
function multipartError(error: unknown, maxBytes: number): Open311Error {
  if (error instanceof Open311Error) return error;
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return open311Error(413, `media is larger than ${Math.round(maxBytes / 1_048_576)} MiB`);
    case 'FST_FILES_LIMIT':
      return open311Error(400, 'media: send at most one file');
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_PARTS_SIZE':
      return open311Error(413, 'the form has too many or too large fields');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return open311Error(415, 'the body must be multipart/form-data');
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return open311Error(400, `the body is not a valid multipart/form-data form: ${message}`);
    }
  }
}

/**
 * A multipart/form-data body: text parts are fields (`attribute[code]` as in forms), file parts
 * named `media` are kept as received (decoded and re-encoded later, after the api_key is checked).
 */
async function readMultipart(
  request: FastifyRequest,
  maxBytes: number,
  fieldBytes: number,
): Promise<ParsedBody> {
  const entries: Array<[string, string]> = [];
  const media: NonNullable<ParsedBody['media']> = [];
  try {
    const parts = request.parts({
      limits: { fileSize: maxBytes, files: 2, fields: 60, fieldSize: fieldBytes, parts: 62 },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        entries.push([part.fieldname, typeof part.value === 'string' ? part.value : String(part.value)]);
        continue;
      }
      if (part.fieldname !== 'media') {
        part.file.resume();
        throw open311Error(400, `${part.fieldname} is not a file field: send the photo as "media"`);
      }
      const data = await part.toBuffer();
      if (part.file.truncated) throw multipartError({ code: 'FST_REQ_FILE_TOO_LARGE' }, maxBytes);
      media.push({ data, filename: part.filename || null });
    }
  } catch (error) {
    request.raw.unpipe();
    request.raw.resume();
    throw multipartError(error, maxBytes);
  }
  return { ...parseForm(new URLSearchParams(entries).toString()), media };
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

function flag(query: unknown, name: string): boolean {
  const value = (query as Record<string, unknown> | undefined)?.[name];
  return value === 'true' || value === '1';
}

export const open311Routes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db } = deps;
  const caseDeps = deps.cases;
  const settings = deps.open311;
  const requestDeps = { cases: caseDeps, reporterKeys: deps.reporterKeys, settings };

  // Bodies: form-encoded (the spec's, FixMyStreet's), JSON, or multipart with `media`; all become
  // {fields, attributes, media}.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: settings.bodyLimitBytes },
    (_request, body, done) => done(null, parseForm(String(body))),
  );

  // Writes and reads are limited apart: POSTs per client address, then per api_key (after the
  // body is read, so a key sent in a form counts); GETs per address with a generous limit of their
  // own, so a client loading the catalogue (services.xml and every definition, back to back) is not
  // shut out of posting, nor a busy poster out of reading. All answer 429 in the spec's format.
  const addressLimit = app.createRateLimit({
    max: settings.addressRateLimit,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => `open311-address:${request.ip}`,
  });
  const readLimit = app.createRateLimit({
    max: settings.readRateLimit,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => `open311-read:${request.ip}`,
  });
  const keyLimit = app.createRateLimit({
    max: settings.keyRateLimit,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => `open311-key:${tokenHash(apiKeyOf(request) ?? '')}`,
  });
  const limited = (reply: FastifyReply, ttl: number, what: string, max: number) => {
    reply.header('retry-after', String(Math.max(1, Math.ceil(ttl / 1000))));
    return open311Error(429, `Rate limit of ${max} requests per minute per ${what} exceeded`);
  };
  app.addHook('onRequest', async (request, reply) => {
    const read = request.method === 'GET' || request.method === 'HEAD';
    const result = await (read ? readLimit : addressLimit)(request);
    if (!result.isAllowed && result.isExceeded)
      throw read
        ? limited(reply, result.ttl, 'client address for reads', settings.readRateLimit)
        : limited(reply, result.ttl, 'client address', settings.addressRateLimit);
  });
  // A server for one jurisdiction answers only to it (when configured); others are not found.
  const checkJurisdiction = (value: unknown) => {
    if (settings.jurisdictionId === null || value === undefined || value === '') return;
    if (value !== settings.jurisdictionId)
      throw open311Error(
        404,
        `jurisdiction_id ${typeof value === 'string' ? value : '(list)'} is not served here`,
      );
  };
  app.addHook('preHandler', async (request) => {
    checkJurisdiction((request.query as Record<string, unknown> | undefined)?.jurisdiction_id);
    if (isParsed(request.body)) checkJurisdiction(request.body.fields.jurisdiction_id);
  });

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
  app.setNotFoundHandler(sendOpen311NotFound);

  const viewOptions = (request: FastifyRequest): ViewOptions => ({
    timeZone: caseDeps.timeZone,
    baseUrl: `${request.protocol}://${request.host}/open311/v2`,
    extensions: flag(request.query, 'extensions'),
  });

  /** The body of a POST: read (multipart too), then the key's rate limit. */
  const postOptions = {
    bodyLimit: settings.bodyLimitBytes,
    preValidation: async (request: FastifyRequest) => {
      request.body = request.isMultipart()
        ? await readMultipart(request, settings.mediaMaxBytes, settings.bodyLimitBytes)
        : bodyOf(request);
    },
    preHandler: async (request: FastifyRequest, reply: FastifyReply) => {
      if (!apiKeyOf(request)) return;
      const result = await keyLimit(request);
      if (!result.isAllowed && result.isExceeded)
        throw limited(reply, result.ttl, 'api_key', settings.keyRateLimit);
    },
  };

  app.get(
    '/discovery.:format',
    {
      config: { access: 'public' },
      schema: { tags, security: [], summary: 'Open311 discovery', params: FormatParam },
    },
    async (request, reply) => {
      const format = formatParam(request.params.format);
      const base = `${request.protocol}://${request.host}/open311/v2`;
      return sendCatalogue(request, reply, format, 'discovery', {
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
      config: { access: 'public' },
      schema: {
        tags,
        security: [],
        summary: 'Open311 service list (GB/T 47678.5-2026 classes)',
        params: FormatParam,
      },
    },
    async (request, reply) =>
      sendCatalogue(request, reply, formatParam(request.params.format), 'services', await listServices(db)),
  );

  app.get(
    '/services/:file',
    {
      config: { access: 'public' },
      schema: { tags, security: [], summary: 'Open311 service definition (attributes)', params: FileParam },
    },
    async (request, reply) => {
      const { id, format } = splitFile(request.params.file);
      return sendCatalogue(request, reply, format, 'service_definition', await serviceDefinition(db, id));
    },
  );

  app.post(
    '/requests.:format',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security: [],
        summary: 'Open311: submit a service request (api_key; form, JSON or multipart with media)',
        params: FormatParam,
      },
      ...postOptions,
    },
    async (request, reply) => {
      const format = formatParam(request.params.format);
      const key = await verifyApiKey(db, apiKeyOf(request));
      const { created, duplicate } = await createRequest(
        db,
        requestDeps,
        intakeContext(request, key),
        key.id,
        bodyOf(request),
      );
      return send(reply, format, 'service_requests', [created], duplicate ? 200 : 201);
    },
  );

  app.get(
    '/requests.:format',
    {
      config: { access: 'public' },
      schema: { tags, security: [], summary: 'Open311: search service requests', params: FormatParam },
    },
    async (request, reply) => {
      const format = formatParam(request.params.format);
      const query = stringQuery(request.query);
      return send(
        reply,
        format,
        'service_requests',
        await listRequests(db, caseDeps, query, viewOptions(request)),
      );
    },
  );

  app.get(
    '/requests/:file',
    {
      config: { access: 'public' },
      schema: { tags, security: [], summary: 'Open311: one service request', params: FileParam },
    },
    async (request, reply) => {
      const { id, format } = splitFile(request.params.file);
      return send(reply, format, 'service_requests', [await getRequest(db, id, viewOptions(request))]);
    },
  );

  app.get(
    '/tokens/:file',
    {
      config: { access: 'public' },
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

  app.get(
    '/servicerequestupdates.:format',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security: [],
        summary: 'Open311 (FixMyStreet extension): public updates of requests in a time window',
        params: FormatParam,
      },
    },
    async (request, reply) => {
      const format = formatParam(request.params.format);
      const query = stringQuery(request.query);
      return send(
        reply,
        format,
        'service_request_updates',
        await listUpdates(db, caseDeps, query, viewOptions(request)),
      );
    },
  );

  app.post(
    '/servicerequestupdates.:format',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security: [],
        summary: 'Open311 (FixMyStreet extension): a citizen comment or photo on a request (api_key)',
        params: FormatParam,
      },
      ...postOptions,
    },
    async (request, reply) => {
      const format = formatParam(request.params.format);
      const key = await verifyApiKey(db, apiKeyOf(request));
      const { created, duplicate } = await postUpdate(
        db,
        { cases: caseDeps, settings },
        intakeContext(request, key),
        key.id,
        bodyOf(request),
      );
      return send(reply, format, 'service_request_updates', [created], duplicate ? 200 : 201);
    },
  );

  app.get(
    '/media/:file',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security: [],
        summary: 'Open311: a public photo of a request (JPEG, no metadata)',
        params: FileParam,
      },
    },
    async (request, reply) => {
      const match = /^([0-9a-fA-F-]{36})\.jpe?g$/.exec(request.params.file);
      if (!match) throw open311Error(404, `No media ${request.params.file}`);
      const content = await readPublicMedia(db, match[1]!);
      return reply
        .type('image/jpeg')
        .header('cache-control', 'public, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .send(content.data);
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

/**
 * The 404 of an address under /open311/v2 that names no resource, in the spec's error format. Also
 * called by the root not-found handler: the web app's static catch-all route lives at the root, so
 * its misses reach that handler rather than this plugin's.
 */
export function sendOpen311NotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return send(
    reply,
    formatOfPath(request.url),
    'errors',
    [{ code: 404, description: `No resource ${request.url}` }],
    404,
  );
}
