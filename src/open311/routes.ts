/**
 * /open311/v2 — Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): discovery,
 * services, service definitions, POST/GET requests, tokens, FixMyStreet's servicerequestupdates and
 * public media, each as `.json` or `.xml`. Errors leave as the spec's list `[{code, description}]`
 * in the same format, not problem+json. Reading is public; POST needs an api_key (managed by
 * administrators, admin-routes.ts). Every client address and every key is rate-limited.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { RouteDeps } from '../http/module.js';
import { tokenHash } from '../identity/index.js';
import { systemContext, type RequestContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { createRequest } from './create-request.js';
import { parseForm } from './form.js';
import {
  apiKeyOf,
  bodyOf,
  flag,
  formatParam,
  isParsed,
  readMultipart,
  send,
  sendCatalogue,
  sendOpen311Error,
  sendOpen311NotFound,
  splitFile,
  stringQuery,
} from './http.js';
import { listRequests } from './list-requests.js';
import { readPublicMedia } from './media.js';
import type { ViewOptions } from './presenter.js';
import { getRequest, resolveRequestToken } from './read-request.js';
import { listServices, serviceDefinition, verifyApiKey } from './service.js';
import { listUpdates, postUpdate } from './updates.js';

const SPEC_URL = 'http://wiki.open311.org/GeoReport_v2';
const CHANGESET = '2026-11-27T00:00:00+08:00';

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
    return new DomainError('RATE_LIMITED', `Rate limit of ${max} requests per minute per ${what} exceeded`);
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
      throw new DomainError(
        'NOT_FOUND',
        `jurisdiction_id ${typeof value === 'string' ? value : '(list)'} is not served here`,
      );
  };
  app.addHook('preHandler', async (request) => {
    checkJurisdiction((request.query as Record<string, unknown> | undefined)?.jurisdiction_id);
    if (isParsed(request.body)) checkJurisdiction(request.body.fields.jurisdiction_id);
  });

  app.setErrorHandler(sendOpen311Error);
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
      if (!match) throw new DomainError('FILE_NOT_FOUND', `No media ${request.params.file}`);
      const content = await readPublicMedia(db, match[1]!);
      return reply
        .type('image/jpeg')
        .header('cache-control', 'public, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .send(content.data);
    },
  );
};
