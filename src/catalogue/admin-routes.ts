/**
 * /api/v1/catalogue (administrators): items, drafts, publish, retire, and the whole catalogue
 * imported or exported as JSON or xlsx. docs/api/services.md.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../http/auth.js';
import { sendDownload } from '../http/download.js';
import { idempotent } from '../http/idempotency.js';
import type { RouteDeps } from '../http/module.js';
import { IdParam, PageQuery, pageOf, problems } from '../http/schemas.js';
import { DomainError } from '../shared/errors.js';
import { exportCatalogue, importCatalogue } from './exchange.js';
import type { CatalogueDocument } from './model.js';
import { listItemRecords } from './item-repo.js';
import { State } from './content-schemas.js';
import * as schemas from './schemas.js';
import { createDraft, discardDraft, updateDraft } from './drafts.js';
import type { CreateItemInput, DraftPatch, ItemPatch } from './input-checks.js';
import { getItem, getVersion } from './records.js';
import { catalogueClock, createItem, publishVersion, retireVersion, updateItem } from './service.js';
import { documentToXlsx, xlsxToDocument } from './xlsx.js';
import { presentItem, presentListRow, presentVersion } from './presenters.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMPORT_BODY_LIMIT = 20 * 1_048_576;

export const adminCatalogueRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db } = deps;
  const clock = () => catalogueClock(deps.cases.now?.() ?? new Date(), deps.cases.timeZone);
  const adminTags = ['catalogue'];

  app.addContentTypeParser(
    XLSX_TYPE,
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => {
      done(null, body);
    },
  );

  app.get(
    '/catalogue/items',
    {
      config: { access: 'catalogue:read' },
      schema: {
        tags: adminTags,
        summary: 'Every item with its latest version, drafts included (staff)',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            state: Type.Optional(State),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: pageOf(schemas.ItemListView), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const page = await listItemRecords(db, request.query);
      return { items: page.items.map(presentListRow), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/catalogue/items',
    {
      config: { access: 'catalogue:write' },
      schema: {
        tags: adminTags,
        summary: 'Create an item with its first draft (admin; Idempotency-Key)',
        body: schemas.CreateItemBody,
        response: { 201: schemas.ItemDetailView, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const result = await idempotent(request, db, 201, async (tx) =>
        presentItem(await createItem(tx, ctx, request.body as CreateItemInput, clock())),
      );
      return reply.code(result.status as 201).send(result.body);
    },
  );

  app.get(
    '/catalogue/items/:id',
    {
      config: { access: 'catalogue:read' },
      schema: {
        tags: adminTags,
        summary: 'An item with all its versions, drafts included (staff)',
        params: IdParam,
        response: { 200: schemas.ItemDetailView, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => presentItem(await getItem(db, request.params.id)),
  );

  app.patch(
    '/catalogue/items/:id',
    {
      config: { access: 'catalogue:write' },
      schema: {
        tags: adminTags,
        summary:
          "Change an item's codes, place or 实施机关 — only before its first publication (admin; version)",
        params: IdParam,
        body: schemas.UpdateItemBody,
        response: { 200: schemas.ItemDetailView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentItem(await updateItem(db, contextOf(request), request.params.id, request.body as ItemPatch)),
  );

  app.post(
    '/catalogue/items/:id/drafts',
    {
      config: { access: 'catalogue:write' },
      schema: {
        tags: adminTags,
        summary: 'Start a new version: a draft copied from the latest one (admin; Idempotency-Key)',
        params: IdParam,
        response: { 201: schemas.VersionView, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const result = await idempotent(request, db, 201, async (tx) =>
        presentVersion(await createDraft(tx, ctx, request.params.id)),
      );
      return reply.code(result.status as 201).send(result.body);
    },
  );

  app.get(
    '/catalogue/versions/:id',
    {
      config: { access: 'catalogue:read' },
      schema: {
        tags: adminTags,
        summary: 'A version in any state (staff)',
        params: IdParam,
        response: { 200: schemas.VersionView, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => presentVersion(await getVersion(db, request.params.id)),
  );

  app.patch(
    '/catalogue/versions/:id',
    {
      config: { access: 'catalogue:write' },
      schema: {
        tags: adminTags,
        summary: 'Edit a draft (admin; version is the row version). A published version is frozen: 409',
        params: IdParam,
        body: schemas.UpdateDraftBody,
        response: { 200: schemas.VersionView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentVersion(
        await updateDraft(db, contextOf(request), request.params.id, request.body as DraftPatch, clock()),
      ),
  );

  app.delete(
    '/catalogue/versions/:id',
    {
      config: { access: 'catalogue:write' },
      schema: {
        tags: adminTags,
        summary: 'Discard a draft (admin; ?version=)',
        params: IdParam,
        querystring: schemas.VersionQuery,
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await discardDraft(db, contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/catalogue/versions/:id/publish',
    {
      config: { access: 'catalogue:write' },
      schema: {
        tags: adminTags,
        summary: 'Publish a draft: it is frozen from now on (admin; version)',
        description:
          'validFrom defaults to the draft’s, else today. A published version of the item still in force then ends the day ' +
          'before; an overlap with a later one is refused (409 CATALOGUE_VALIDITY_OVERLAP).',
        params: IdParam,
        body: schemas.PublishBody,
        response: { 200: schemas.VersionView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentVersion(await publishVersion(db, contextOf(request), request.params.id, request.body, clock())),
  );

  app.post(
    '/catalogue/versions/:id/retire',
    {
      config: { access: 'catalogue:write' },
      schema: {
        tags: adminTags,
        summary: 'Retire a published version: no longer offered; applications keep it (admin; version)',
        params: IdParam,
        body: schemas.VersionOnlyBody,
        response: { 200: schemas.VersionView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentVersion(
        await retireVersion(db, contextOf(request), request.params.id, request.body.version, clock()),
      ),
  );

  app.post(
    '/catalogue/import',
    {
      config: { access: 'catalogue:write' },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: adminTags,
        summary: 'Import a catalogue document (JSON; admin). All or nothing; ?dryRun=true checks only',
        description:
          'Every entry is checked; any problem answers 422 IMPORT_REJECTED listing each, named `items.N.field`, and ' +
          'nothing is written. New items are created and published, changed ones get a new published version.',
        querystring: schemas.ImportQuery,
        body: schemas.CatalogueDocumentSchema,
        response: { 200: schemas.ImportResult, ...problems(400, 401, 403, 413, 422) },
      },
    },
    async (request) =>
      importCatalogue(
        db,
        contextOf(request),
        request.body as CatalogueDocument,
        { dryRun: request.query.dryRun },
        clock(),
      ),
  );

  app.post(
    '/catalogue/import.xlsx',
    {
      config: { access: 'catalogue:write' },
      schema: {
        tags: adminTags,
        summary:
          'Import the XLSX workbook of the export (sheets 事项 and 材料; admin). ?dryRun=true checks only',
        description: `Send the workbook as the body with Content-Type ${XLSX_TYPE}. Problems name \`sheet.row.column\`.`,
        querystring: schemas.ImportQuery,
        response: { 200: schemas.ImportResult, ...problems(400, 401, 403, 413, 415, 422) },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body))
        throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `send the workbook as ${XLSX_TYPE}`);
      const { document, origins } = await xlsxToDocument(request.body);
      return importCatalogue(
        db,
        contextOf(request),
        document,
        { dryRun: request.query.dryRun, origins },
        clock(),
      );
    },
  );

  app.get(
    '/catalogue/export',
    {
      config: { access: 'catalogue:read' },
      schema: {
        tags: adminTags,
        summary:
          'Export every item in force today as a catalogue document (JSON or XLSX; round-trips through import)',
        querystring: schemas.ExportQuery,
        response: { 200: schemas.CatalogueDocumentSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const today = clock().today;
      const document = await exportCatalogue(db, today);
      if (request.query.format === 'xlsx')
        return sendDownload(reply, {
          filename: `政务服务事项目录-${today}.xlsx`,
          contentType: XLSX_TYPE,
          body: await documentToXlsx(document),
        });
      return document;
    },
  );
};
