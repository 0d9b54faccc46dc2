/** /api/v1/cases/{id}/public-notes — notes staff write for the reporter of a case (公开说明). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RouteDeps } from '../http/module.js';
import { contextOf } from '../http/auth.js';
import { problems } from '../http/schemas.js';
import { CaseRefParam, resolveCaseRef } from './case-ref.js';
import { DomainError } from '../shared/errors.js';
import { addPublicNote, listPublicNotes, PUBLIC_NOTE_MAX_LENGTH } from './public-notes.js';
import { PUBLIC_STATUSES } from './public-status.js';
import { loadCaseRow } from './repo.js';
import { visibleTo } from './visibility.js';

const PublicNoteSchema = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  text: Type.String(),
  status: Type.Enum(PUBLIC_STATUSES),
});

export const publicNoteRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db } = deps;

  app.post(
    '/cases/:id/public-notes',
    {
      config: { access: 'case-notes:write' },
      schema: {
        tags: ['cases'],
        summary: 'Write a note the reporter reads on the tracking page (supervisor, dispatcher, department)',
        description: 'Public: no names, no internal detail. Inspectors and leaders may not write them.',
        params: CaseRefParam,
        body: Type.Object(
          { text: Type.String({ minLength: 1, maxLength: PUBLIC_NOTE_MAX_LENGTH }) },
          { additionalProperties: false },
        ),
        response: { 201: PublicNoteSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const text = request.body.text.trim();
      if (text === '')
        throw new DomainError('VALIDATION_FAILED', 'text must not be blank', {
          errors: [{ field: 'body.text', reason: 'must not be blank' }],
        });
      const id = await resolveCaseRef(db, request.params.id);
      const note = await addPublicNote(db, deps.cases, contextOf(request), id, text);
      return reply.code(201).send({ ...note, at: note.at.toISOString() });
    },
  );

  app.get(
    '/cases/:id/public-notes',
    {
      config: { access: 'cases:read' },
      schema: {
        tags: ['cases'],
        summary: 'The public notes of a case, as the reporter reads them',
        params: CaseRefParam,
        response: { 200: Type.Object({ items: Type.Array(PublicNoteSchema) }), ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const row = await loadCaseRow(db, await resolveCaseRef(db, request.params.id), false);
      if (!row || !visibleTo(ctx, row))
        throw new DomainError('NOT_FOUND', `No case ${request.params.id} in your jurisdiction`);
      const notes = await listPublicNotes(db, row.id);
      return { items: notes.map((n) => ({ ...n, at: n.at.toISOString() })) };
    },
  );
};
