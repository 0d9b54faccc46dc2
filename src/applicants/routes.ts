/**
 * Applicant routes. A citizen's own (`/citizens/me/…`, citizen sessions only): identity, legal
 * persons they represent, authorisations given and received. The window's (`/applicants/…`,
 * `applicants:read` / `applicants:write`): find by ID number or credit code, register a walk-in
 * person, verify identity in person, register a legal person, record and list authorisations.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { contextOf, requireCitizen } from '../http/auth.js';
import { idempotent } from '../http/idempotency.js';
import type { RouteDeps } from '../http/module.js';
import { BigIdParam, IdParam, problems } from '../http/schemas.js';
import { DomainError } from '../shared/errors.js';
import * as schemas from './schemas.js';
import {
  authorisationsForWindow,
  grantAuthorisation,
  myAuthorisations,
  recordPaperAuthorisation,
  revokeAuthorisationAtWindow,
  revokeMyAuthorisation,
} from './authorisations.js';
import { readLegalPerson, registerLegalPersonAtWindow, registerMyLegalPerson } from './legal-persons.js';
import {
  declareMyIdentity,
  myApplicantProfile,
  readPerson,
  registerWalkInApplicant,
  verifyApplicantInPerson,
} from './persons.js';
import type { CitizenContext } from './presenters.js';
import { findApplicants } from './search.js';

/** Dates to ISO strings, recursively: what the response schemas declare. */
type Presented<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Presented<U>[]
    : T extends object
      ? { [K in keyof T]: Presented<T[K]> }
      : T;
export function present<T>(value: T): Presented<T> {
  if (value instanceof Date) return value.toISOString() as Presented<T>;
  if (Array.isArray(value)) return value.map((v: unknown) => present(v)) as Presented<T>;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, present(v)])) as Presented<T>;
  return value as Presented<T>;
}

export const applicantRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db, reporterKeys: ring } = deps;
  const today = () =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: deps.cases.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(deps.cases.now ? deps.cases.now() : new Date());
  const citizenCtx = (request: FastifyRequest): CitizenContext => ({
    citizenId: requireCitizen(request).id,
    clientIp: request.ip,
    requestId: String(request.id),
  });
  const citizenSecurity: Array<Record<string, string[]>> = [{ citizenBearer: [] }, { citizenSession: [] }];
  const mine = { tags: ['applicants'], security: citizenSecurity };
  const window = { tags: ['applicants'] };

  // --- The citizen's own -------------------------------------------------------------------

  app.get(
    '/citizens/me/applicant',
    {
      config: { access: 'citizen' },
      schema: {
        ...mine,
        summary: 'Your applicant profile: identity level and the legal persons you act for',
        response: { 200: schemas.MyProfileSchema, ...problems(401, 403) },
      },
    },
    async (request, reply) => {
      const profile = await myApplicantProfile(db, ring, citizenCtx(request));
      return reply.header('cache-control', 'no-store').send(present(profile));
    },
  );

  app.put(
    '/citizens/me/identity',
    {
      config: { access: 'citizen' },
      schema: {
        ...mine,
        summary: 'Declare your real name and ID number (identity level 2; a change drops a verified level)',
        body: schemas.IdentityBody,
        response: { 200: schemas.PersonSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request) => present(await declareMyIdentity(db, ring, citizenCtx(request), request.body, today())),
  );

  app.post(
    '/citizens/me/legal-persons',
    {
      config: { access: 'citizen' },
      schema: {
        ...mine,
        summary:
          'Register a legal person you represent (identity level 3 or higher); Idempotency-Key honoured',
        body: schemas.MyLegalPersonBody,
        response: { 201: schemas.LinkSchema, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const cc = citizenCtx(request);
      const result = await idempotent(request, db, 201, async (tx) =>
        present(await registerMyLegalPerson(tx, ring, cc, request.body)),
      );
      return reply.code(result.status as 201).send(result.body);
    },
  );

  app.get(
    '/citizens/me/authorisations',
    {
      config: { access: 'citizen' },
      schema: {
        ...mine,
        summary:
          'Authorisations you (or a legal person you represent) granted, and those naming you as agent',
        response: { 200: schemas.MyAuthorisationsSchema, ...problems(401, 403) },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(present(await myAuthorisations(db, ring, citizenCtx(request), today()))),
  );

  app.post(
    '/citizens/me/authorisations',
    {
      config: { access: 'citizen' },
      schema: {
        ...mine,
        summary:
          'Authorise another citizen to apply for you or for a legal person you represent; Idempotency-Key honoured',
        body: schemas.GrantBody,
        response: { 201: schemas.AuthorisationSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const cc = citizenCtx(request);
      const body = request.body;
      const result = await idempotent(request, db, 201, async (tx) =>
        present(
          await grantAuthorisation(
            tx,
            ring,
            cc,
            { ...body, note: body.note ?? null, principal: body.principal },
            { today: today() },
          ),
        ),
      );
      return reply.code(result.status as 201).send(result.body);
    },
  );

  app.post(
    '/citizens/me/authorisations/:id/revoke',
    {
      config: { access: 'citizen' },
      schema: {
        ...mine,
        summary: 'Revoke an authorisation you granted',
        params: BigIdParam,
        body: schemas.RevokeBody,
        response: { 200: schemas.AuthorisationSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      present(
        await revokeMyAuthorisation(
          db,
          ring,
          citizenCtx(request),
          request.params.id,
          { version: request.body.version, reason: request.body.reason ?? null },
          today(),
        ),
      ),
  );

  // --- The window --------------------------------------------------------------------------

  app.get(
    '/applicants',
    {
      config: { access: 'applicants:read' },
      schema: {
        ...window,
        summary: 'Find an applicant by exact resident ID number or credit code (audited)',
        querystring: schemas.SearchQuery,
        response: { 200: schemas.SearchResultSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(present(await findApplicants(db, ring, contextOf(request), request.query, today()))),
  );

  app.post(
    '/applicants/persons',
    {
      config: { access: 'applicants:write' },
      schema: {
        ...window,
        summary:
          'Register a walk-in applicant from the ID card: finds the record of the ID number (an account first) or creates a walk-in record, verified in person (level 4); Idempotency-Key honoured',
        body: schemas.WalkInBody,
        response: {
          200: schemas.WalkInResultSchema,
          201: schemas.WalkInResultSchema,
          ...problems(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const result = await idempotent(request, db, 201, async (tx) =>
        present(await registerWalkInApplicant(tx, ring, ctx, request.body, today())),
      );
      return reply.code(result.body.created ? 201 : 200).send(result.body);
    },
  );

  app.get(
    '/applicants/persons/:id',
    {
      config: { access: 'applicants:read' },
      schema: {
        ...window,
        summary: 'A person with identity level and legal persons (audited)',
        params: IdParam,
        querystring: schemas.FullQuery,
        response: { 200: schemas.PersonDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(present(await readPerson(db, ring, contextOf(request), request.params.id, request.query))),
  );

  app.post(
    '/applicants/persons/:id/verify',
    {
      config: { access: 'applicants:write' },
      schema: {
        ...window,
        summary: 'Verify identity in person against the ID card (level 4, audited)',
        params: IdParam,
        body: schemas.IdentityBody,
        response: { 200: schemas.PersonSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      present(
        await verifyApplicantInPerson(db, ring, contextOf(request), request.params.id, request.body, today()),
      ),
  );

  app.post(
    '/applicants/legal-persons',
    {
      config: { access: 'applicants:write' },
      schema: {
        ...window,
        summary:
          'Register a legal person from its licence, linking its representative (verified); Idempotency-Key honoured',
        body: schemas.WindowLegalPersonBody,
        response: { 201: schemas.LegalPersonSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const result = await idempotent(request, db, 201, async (tx) =>
        present(await registerLegalPersonAtWindow(tx, ring, ctx, request.body, today())),
      );
      return reply.code(result.status as 201).send(result.body);
    },
  );

  app.get(
    '/applicants/legal-persons/:id',
    {
      config: { access: 'applicants:read' },
      schema: {
        ...window,
        summary: 'A legal person with its representative and agents (audited)',
        params: BigIdParam,
        querystring: schemas.FullQuery,
        response: { 200: schemas.LegalPersonDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(present(await readLegalPerson(db, ring, contextOf(request), request.params.id, request.query))),
  );

  app.get(
    '/applicants/authorisations',
    {
      config: { access: 'applicants:read' },
      schema: {
        ...window,
        summary:
          'Authorisations of a person (given and received) or of a legal person, with their state today (audited)',
        querystring: schemas.AuthorisationsQuery,
        response: {
          200: Type.Object({ items: Type.Array(schemas.AuthorisationSchema) }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const { citizenId, legalPersonId, full } = request.query;
      if ((citizenId === undefined) === (legalPersonId === undefined))
        throw new DomainError('VALIDATION_FAILED', 'Give exactly one of citizenId and legalPersonId', {
          errors: [{ field: 'querystring', reason: 'give exactly one of citizenId and legalPersonId' }],
        });
      const items = await authorisationsForWindow(
        db,
        ring,
        contextOf(request),
        citizenId !== undefined ? { citizenId } : { legalPersonId: legalPersonId! },
        { full, today: today() },
      );
      return reply.header('cache-control', 'no-store').send({ items: present(items) });
    },
  );

  app.post(
    '/applicants/authorisations',
    {
      config: { access: 'applicants:write' },
      schema: {
        ...window,
        summary: 'Record a paper authorisation seen at the window, with its scan; Idempotency-Key honoured',
        body: schemas.PaperAuthorisationBody,
        response: { 201: schemas.AuthorisationSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const body = request.body;
      const result = await idempotent(request, db, 201, async (tx) =>
        present(await recordPaperAuthorisation(tx, ring, ctx, { ...body, note: body.note ?? null }, today())),
      );
      return reply.code(result.status as 201).send(result.body);
    },
  );

  app.post(
    '/applicants/authorisations/:id/revoke',
    {
      config: { access: 'applicants:write' },
      schema: {
        ...window,
        summary: 'Revoke an authorisation at the window (the principal asked at the counter)',
        params: BigIdParam,
        body: schemas.RevokeBody,
        response: { 200: schemas.AuthorisationSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      present(
        await revokeAuthorisationAtWindow(
          db,
          ring,
          contextOf(request),
          request.params.id,
          { version: request.body.version, reason: request.body.reason ?? null },
          today(),
        ),
      ),
  );
};
