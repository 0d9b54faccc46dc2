/**
 * The HTTP edge of Open311 GeoReport v2: the format of an answer from its path (`.json`/`.xml`),
 * the catalogue's caching, request bodies (form, JSON, multipart with `media`) as
 * {fields, attributes, media}, and errors. Every error leaves as the spec's list
 * `[{code, description}]` in the format of the path, never problem+json: services throw domain
 * errors (src/shared/errors.ts) and `open311ErrorList` maps them here, once.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ERROR_CATALOGUE } from '../shared/errors.js';
import { parseForm, type ParsedBody } from './form.js';
import { toXml } from './xml.js';

export type Format = 'json' | 'xml';

/** One error of an Open311 error list; `code` is the HTTP status, as in the spec's examples. */
export interface Open311ErrorItem {
  code: number;
  description: string;
}

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

const NO_FORMAT = 'Use the .json or .xml form of this resource';

/** Splits `M06010.json` into the id and the format; anything else is a 404 in JSON. */
export function splitFile(file: string): { id: string; format: Format } {
  const match = /^(.+)\.(json|xml)$/.exec(file);
  if (!match) throw new DomainError('NOT_FOUND', NO_FORMAT);
  return { id: decodeURIComponent(match[1]!), format: match[2] as Format };
}

export function formatParam(format: string): Format {
  if (format !== 'json' && format !== 'xml') throw new DomainError('NOT_FOUND', NO_FORMAT);
  return format;
}

export function send(
  reply: FastifyReply,
  format: Format,
  root: string,
  value: unknown,
  status = 200,
): FastifyReply {
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
export function sendCatalogue(
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

// ---------------------------------------------------------------- errors

/** The sentences of an Open311 parameter check (params.ts `invalidParameters`), if the error has them. */
function descriptionsOf(error: DomainError): string[] | null {
  const listed = error.extra.descriptions;
  return Array.isArray(listed) && listed.every((d): d is string => typeof d === 'string') ? listed : null;
}

/**
 * Any error as the spec's error list and its status: a domain error by its catalogue status, its
 * parameter sentences or field errors one entry each; a client error of the framework (a body too
 * large, a content type not taken) by its own status. Null for anything else (a fault: 500).
 */
export function open311ErrorList(error: unknown): { status: number; errors: Open311ErrorItem[] } | null {
  if (error instanceof DomainError) {
    // A point outside the district is a bad parameter of the request, not a missing resource.
    const outside = error.code === 'LOCATION_OUTSIDE_DISTRICT';
    const status = outside ? 400 : ERROR_CATALOGUE[error.code].status;
    const fields = error.extra.errors ?? [];
    const descriptions = outside
      ? ['lat/long lies outside the area this server covers']
      : (descriptionsOf(error) ??
        (fields.length > 0
          ? fields.map((f) => `${f.field.replace(/^body\./, '')}: ${f.reason}`)
          : [error.message]));
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

/** The Open311 plugin's error handler: the spec's error list in the path's format. */
export function sendOpen311Error(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const mapped = open311ErrorList(error);
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

// ---------------------------------------------------------------- bodies

export function isParsed(body: unknown): body is ParsedBody {
  return typeof body === 'object' && body !== null && 'fields' in body && 'attributes' in body;
}

/** The POST body as {fields, attributes}: form bodies come parsed, JSON objects are converted. */
export function bodyOf(request: FastifyRequest): ParsedBody {
  const body: unknown = request.body;
  if (isParsed(body)) return body;
  if (body === undefined || body === null) return { fields: {}, attributes: {} };
  return parseJsonBody(body);
}

/** The api_key of a request: a field of the body, or the query's. */
export function apiKeyOf(request: FastifyRequest): string | undefined {
  const fromBody = isParsed(request.body) ? request.body.fields.api_key : undefined;
  const fromQuery = (request.query as Record<string, unknown> | undefined)?.api_key;
  return fromBody ?? (typeof fromQuery === 'string' ? fromQuery : undefined);
}

/** Multipart parser errors as domain errors (a description naming the part). */
function multipartError(error: unknown, maxBytes: number): DomainError {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new DomainError(
        'PAYLOAD_TOO_LARGE',
        `media is larger than ${Math.round(maxBytes / 1_048_576)} MiB`,
      );
    case 'FST_FILES_LIMIT':
      return new DomainError('VALIDATION_FAILED', 'media: send at most one file');
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_PARTS_SIZE':
      return new DomainError('PAYLOAD_TOO_LARGE', 'the form has too many or too large fields');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new DomainError('UNSUPPORTED_MEDIA_TYPE', 'the body must be multipart/form-data');
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return new DomainError(
        'VALIDATION_FAILED',
        `the body is not a valid multipart/form-data form: ${message}`,
      );
    }
  }
}

/**
 * A multipart/form-data body: text parts are fields (`attribute[code]` as in forms), file parts
 * named `media` are kept as received (decoded and re-encoded later, after the api_key is checked).
 */
export async function readMultipart(
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
        throw new DomainError(
          'VALIDATION_FAILED',
          `${part.fieldname} is not a file field: send the photo as "media"`,
        );
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

/** Query values as single strings (a repeated parameter keeps its last value). */
export function stringQuery(query: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    const v = Array.isArray(value) ? (value as unknown[]).at(-1) : value;
    if (typeof v === 'string') out[key] = v;
  }
  return out;
}

/** Whether a query flag is on (`extensions=true`). */
export function flag(query: unknown, name: string): boolean {
  const value = (query as Record<string, unknown> | undefined)?.[name];
  return value === 'true' || value === '1';
}

/** A JSON body: flat fields, `attribute` as an object or as `attribute[code]` keys. */
function scalar(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : null;
}

function parseJsonBody(body: unknown): ParsedBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new DomainError(
      'VALIDATION_FAILED',
      'Send the request as application/x-www-form-urlencoded or a JSON object',
    );
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
