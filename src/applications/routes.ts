/**
 * Application routes (docs/api/services.md "Applications"). The applicant's own under
 * `/citizens/me/applications` (citizen sessions); staff under `/applications`: the window's
 * (`applications:window`), the department's (`applications:review`), and reads
 * (`applications:read`). Each route: declared access → schema → one service call → presenter.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import type { Static, TSchema } from 'typebox';
import type { CitizenContext } from '../applicants/index.js';
import { contextOf, requireCitizen } from '../http/auth.js';
import { idempotent } from '../http/idempotency.js';
import type { RouteDeps } from '../http/module.js';
import { problems } from '../http/schemas.js';
import {
  applyOnline,
  correctApplication,
  listMine,
  myNotice,
  prefillForMe,
  readMine,
  submitDraft,
  updateDraft,
  withdrawApplication,
} from './citizen.js';
import * as schemas from './schemas.js';
import {
  acceptApplication,
  approveExtension,
  approveHold,
  decideApplication,
  deliverApplication,
  endSpecialStep,
  holdApplication,
  listForStaff,
  markMaterials,
  noticeForStaff,
  readForStaff,
  registerAtWindow,
  rejectApplication,
  requestCorrection,
  requestExtension,
  resumeApplication,
  startReview,
  startSpecialStep,
} from './staff.js';
import type { ApplicationDeps } from './support.js';

export function applicationDepsOf(deps: RouteDeps): ApplicationDeps {
  return {
    ring: deps.reporterKeys,
    calendars: deps.cases.calendars,
    timeZone: deps.cases.timeZone,
    outbound: deps.outbound,
    ...(deps.cases.now ? { now: deps.cases.now } : {}),
  };
}

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

function sendNotice(reply: FastifyReply, html: string) {
  return reply
    .header('cache-control', 'no-store')
    .header('content-type', 'text/html; charset=utf-8')
    .send(html);
}

export const applicationRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, routeDeps) => {
  const { db } = routeDeps;
  const deps = applicationDepsOf(routeDeps);
  const citizenCtx = (request: FastifyRequest): CitizenContext => ({
    citizenId: requireCitizen(request).id,
    clientIp: request.ip,
    requestId: String(request.id),
  });
  const citizenSecurity: Array<Record<string, string[]>> = [{ citizenBearer: [] }, { citizenSession: [] }];
  const mine = { tags: ['applications'], security: citizenSecurity };
  const staff = { tags: ['applications'] };
  const html = { 200: { type: 'string', description: 'A print-ready HTML page (text/html)' } } as const;

  // --- The applicant's own ------------------------------------------------------------------

  app.post(
    '/citizens/me/applications',
    {
      config: { access: 'citizen' },
      schema: {
        ...mine,
        summary:
          'Apply online: a draft, or submitted at once (form checked against the item version); Idempotency-Key honoured',
        body: schemas.OnlineBody,
        response: { 201: schemas.ApplicationSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const cc = citizenCtx(request);
      const result = await idempotent(request, db, 201, (tx) => applyOnline(tx, deps, cc, request.body));
      return noStore(reply)
        .code(result.status as 201)
        .send(result.body);
    },
  );

  app.get(
    '/citizens/me/applications',
    {
      config: { access: 'citizen' },
      schema: {
        ...mine,
        summary:
          'Your applications (those you act in or apply by), newest first; bundles’ children inside their bundle',
        querystring: schemas.MineQuery,
        response: { 200: schemas.MinePageSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) =>
      noStore(reply).send(await listMine(db, deps, citizenCtx(request), request.query)),
  );

  app.get(
    '/citizens/me/applications/prefill',
    {
      config: { access: 'citizen' },
      schema: {
        ...mine,
        summary: 'Form values pre-filled from your applicant profile (or the legal person’s you act for)',
        querystring: schemas.PrefillQuery,
        response: { 200: schemas.PrefillSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { itemId, legalPersonId, citizenId } = request.query;
      const onBehalfOf =
        legalPersonId !== undefined ? { legalPersonId } : citizenId !== undefined ? { citizenId } : null;
      return noStore(reply).send(await prefillForMe(db, deps, citizenCtx(request), itemId, onBehalfOf));
    },
  );

  app.get(
    '/citizens/me/applications/:id',
    {
      config: { access: 'citizen' },
      schema: {
        ...mine,
        summary: 'One of your applications with its progress, clock and expected completion date',
        params: schemas.ApplicationIdParam,
        response: { 200: schemas.ApplicationSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      noStore(reply).send(await readMine(db, deps, citizenCtx(request), request.params.id)),
  );

  app.put(
    '/citizens/me/applications/:id',
    {
      config: { access: 'citizen' },
      schema: {
        ...mine,
        summary: 'Save a draft’s form and materials',
        params: schemas.ApplicationIdParam,
        body: schemas.DraftBody,
        response: { 200: schemas.ApplicationSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      noStore(reply).send(await updateDraft(db, deps, citizenCtx(request), request.params.id, request.body)),
  );

  app.post(
    '/citizens/me/applications/:id/submit',
    {
      config: { access: 'citizen' },
      schema: {
        ...mine,
        summary: 'Submit a draft (the form validated in full)',
        params: schemas.ApplicationIdParam,
        body: schemas.VersionBody,
        response: { 200: schemas.ApplicationSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      noStore(reply).send(await submitDraft(db, deps, citizenCtx(request), request.params.id, request.body)),
  );

  app.post(
    '/citizens/me/applications/:id/correct',
    {
      config: { access: 'citizen' },
      schema: {
        ...mine,
        summary: 'Correct once after 一次性告知: a new file for every listed material',
        params: schemas.ApplicationIdParam,
        body: schemas.CorrectBody,
        response: { 200: schemas.ApplicationSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      noStore(reply).send(
        await correctApplication(db, deps, citizenCtx(request), request.params.id, request.body),
      ),
  );

  app.post(
    '/citizens/me/applications/:id/withdraw',
    {
      config: { access: 'citizen' },
      schema: {
        ...mine,
        summary: 'Withdraw an application before its decision (a bundle with its open children)',
        params: schemas.ApplicationIdParam,
        body: schemas.WithdrawBody,
        response: { 200: schemas.ApplicationSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      noStore(reply).send(
        await withdrawApplication(db, deps, citizenCtx(request), request.params.id, request.body),
      ),
  );

  app.get(
    '/citizens/me/applications/:id/notices/:kind',
    {
      config: { access: 'citizen' },
      schema: {
        ...mine,
        summary: 'A printable notice of your application: acceptance, correction or rejection (HTML)',
        params: schemas.NoticeParam,
        produces: ['text/html'],
        response: { ...html, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      sendNotice(
        reply,
        await myNotice(db, deps, citizenCtx(request), request.params.id, request.params.kind),
      ),
  );

  // --- Staff -----------------------------------------------------------------------------------

  app.post(
    '/applications/window',
    {
      config: { access: 'applications:window' },
      schema: {
        ...staff,
        summary:
          '窗口登记: a walk-in application for a person, a walk-in, or a legal person with the person at the counter; `instant` decides a 即办件 at once; Idempotency-Key honoured',
        body: schemas.WindowBody,
        response: { 201: schemas.ApplicationSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const result = await idempotent(request, db, 201, (tx) =>
        registerAtWindow(tx, deps, ctx, { ...request.body, materials: request.body.materials }),
      );
      return noStore(reply)
        .code(result.status as 201)
        .send(result.body);
    },
  );

  app.get(
    '/applications',
    {
      config: { access: 'applications:read' },
      schema: {
        ...staff,
        summary:
          'Applications in your reach (window: all; department staff: their department’s), with clocks; names masked',
        querystring: schemas.StaffQuery,
        response: { 200: schemas.StaffPageSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const q = request.query;
      // Days are the district's: from its midnight, `to` inclusive.
      const day = (value: string | undefined, add = 0) =>
        value === undefined
          ? undefined
          : DateTime.fromISO(value, { zone: deps.timeZone }).plus({ days: add }).toJSDate();
      return noStore(reply).send(
        await listForStaff(db, deps, contextOf(request), {
          ...(q.state ? { state: q.state } : {}),
          ...(q.itemId ? { itemId: q.itemId } : {}),
          ...(q.departmentId ? { departmentId: q.departmentId } : {}),
          ...(q.overdue ? { overdue: true } : {}),
          ...(q.light ? { light: q.light } : {}),
          ...(q.q ? { q: q.q } : {}),
          ...(q.from ? { from: day(q.from)! } : {}),
          ...(q.to ? { to: day(q.to, 1)! } : {}),
          ...(q.cursor ? { cursor: q.cursor } : {}),
          sort: q.sort ?? 'newest',
          limit: q.limit,
        }),
      );
    },
  );

  app.get(
    '/applications/:id',
    {
      config: { access: 'applications:read' },
      schema: {
        ...staff,
        summary:
          'One application (the read of its personal data is audited; masked for roles that see it masked)',
        params: schemas.ApplicationIdParam,
        response: { 200: schemas.ApplicationSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      noStore(reply).send(await readForStaff(db, deps, contextOf(request), request.params.id)),
  );

  app.get(
    '/applications/:id/notices/:kind',
    {
      config: { access: 'applications:read' },
      schema: {
        ...staff,
        summary: 'A printable notice: 受理通知书, 一次性告知书 or 不予受理决定书 (HTML, audited)',
        params: schemas.NoticeParam,
        produces: ['text/html'],
        response: { ...html, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      sendNotice(
        reply,
        await noticeForStaff(db, deps, contextOf(request), request.params.id, request.params.kind),
      ),
  );

  /** One staff action route: POST /applications/:id/<path> with its body, answering the application. */
  const action = <B extends TSchema>(
    path: string,
    access: 'applications:window' | 'applications:review',
    summary: string,
    body: B,
    run: (request: FastifyRequest<{ Params: { id: number }; Body: Static<B> }>) => Promise<unknown>,
  ) =>
    app.post(
      `/applications/:id/${path}`,
      {
        config: { access },
        schema: {
          ...staff,
          summary,
          params: schemas.ApplicationIdParam,
          body,
          response: { 200: schemas.ApplicationSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        noStore(reply).send(
          await run(
            request as unknown as FastifyRequest<{
              Params: { id: number };
              Body: Static<B>;
            }>,
          ),
        ),
    );

  action(
    'accept',
    'applications:window',
    '受理: gives the acceptance number; the decision clock starts (a bundle’s children are created)',
    schemas.AcceptBody,
    (r) => acceptApplication(db, deps, contextOf(r), r.params.id, r.body),
  );
  action(
    'reject',
    'applications:window',
    '不予受理, with the reason and the legal basis',
    schemas.RejectBody,
    (r) => rejectApplication(db, deps, contextOf(r), r.params.id, r.body),
  );
  action(
    'request-correction',
    'applications:window',
    '一次性告知: everything to correct at once; a second request is refused (APPLICATION_CORRECTION_ALREADY_USED)',
    schemas.CorrectionBody,
    (r) =>
      requestCorrection(db, deps, contextOf(r), r.params.id, {
        version: r.body.version,
        items: r.body.items,
        note: r.body.note ?? null,
      }),
  );
  action(
    'material-marks',
    'applications:window',
    'The window’s material check: ok, missing or wrong per material',
    schemas.MarksBody,
    (r) => markMaterials(db, deps, contextOf(r), r.params.id, r.body),
  );
  action(
    'deliver',
    'applications:window',
    '送达: the result was handed over, posted or sent online',
    schemas.NoteBody,
    (r) => deliverApplication(db, deps, contextOf(r), r.params.id, r.body),
  );
  action(
    'start-review',
    'applications:review',
    '开始审查 by the implementing department',
    schemas.VersionBody,
    (r) => startReview(db, deps, contextOf(r), r.params.id, r.body),
  );
  action(
    'special-steps',
    'applications:review',
    '特殊环节 listed in the item’s guide: the clock stops until it ends',
    schemas.SpecialStepBody,
    (r) => startSpecialStep(db, deps, contextOf(r), r.params.id, r.body),
  );
  action(
    'special-steps/end',
    'applications:review',
    'End the running special step; the clock runs again',
    schemas.NoteBody,
    (r) => endSpecialStep(db, deps, contextOf(r), r.params.id, r.body),
  );
  action(
    'hold',
    'applications:review',
    '挂起: a handler asks (pending), the department lead’s request is approved at once',
    schemas.HoldBody,
    (r) => holdApplication(db, deps, contextOf(r), r.params.id, r.body),
  );
  action(
    'hold/approve',
    'applications:review',
    'The department lead approves a pending hold; the clock stops',
    schemas.VersionBody,
    (r) => approveHold(db, deps, contextOf(r), r.params.id, r.body),
  );
  action(
    'resume',
    'applications:review',
    'Resume a held application; the clock runs again',
    schemas.ResumeBody,
    (r) => resumeApplication(db, deps, contextOf(r), r.params.id, r.body),
  );
  action(
    'extension',
    'applications:review',
    '延期 (once, ≤ 10 working days): a handler asks, the lead’s request is approved at once',
    schemas.ExtensionBody,
    (r) => requestExtension(db, deps, contextOf(r), r.params.id, r.body),
  );
  action(
    'extension/approve',
    'applications:review',
    'The department lead approves a pending extension',
    schemas.VersionBody,
    (r) => approveExtension(db, deps, contextOf(r), r.params.id, r.body),
  );
  action(
    'decide',
    'applications:review',
    '作出决定: 准予 or 不予 (with reason and basis) and how the result is delivered',
    schemas.DecideBody,
    (r) => decideApplication(db, deps, contextOf(r), r.params.id, r.body),
  );
};
