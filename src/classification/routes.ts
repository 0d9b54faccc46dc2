/** /api/v1/classifications: the directory of component and matter classes and its crosswalk. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import type { RouteDeps } from '../http/module.js';
import { contextOf } from '../http/auth.js';
import { idempotent } from '../http/idempotency.js';
import { IdParam, Version, pageOf, problems } from '../http/schemas.js';
import { DEFAULT_PAGE_SIZE } from '../shared/pagination.js';
import { CODE_LENGTH, type ClassStandard } from './rules/index.js';
import {
  createLocalClass,
  getClassification,
  listClassifications,
  listCrosswalk,
  updateClassification,
} from './service.js';

/** The directory has ~550 rows: one page of 1000 holds all of it. */
const MAX_CLASSIFICATION_PAGE = 1000;

/** Null first: with Ajv's coerceTypes a string branch tried first would turn null into "". */
const nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);
const Standard = Type.Enum(Object.keys(CODE_LENGTH) as ClassStandard[]);
const Kind = Type.Enum(['component', 'matter'], {
  description: 'component 部件 or matter 事项 (事件 before 2026)',
});
const Match = Type.Enum(['exact', 'renamed']);
const MajorCode = Type.String({ pattern: '^[0-9]{2}$' });
const PublicName = Type.String({ minLength: 1, maxLength: 50 });
const HelpText = Type.String({ minLength: 1, maxLength: 2000 });

const ClassificationRef = Type.Object({
  id: Type.Integer(),
  standard: Standard,
  kind: Kind,
  code: Type.String(),
  name: Type.String(),
});
const ClassificationView = Type.Object({
  id: Type.Integer(),
  standard: Standard,
  kind: Kind,
  majorCode: Type.String(),
  majorName: Type.String(),
  code: Type.String({
    description: 'Full code, major + minor: 01001 (GB/T 47678.5, LOCAL) or 0101 (CJ/T 214)',
  }),
  name: Type.String({ description: 'The standard’s name' }),
  publicName: nullable(Type.String({ description: 'Plain-language name for citizens' })),
  helpText: nullable(Type.String()),
  confidence: Type.Enum(['transcribed', 'corroborated', 'inferred', 'low', 'local']),
  sourceNote: nullable(Type.String()),
  isExtension: Type.Boolean(),
  active: Type.Boolean(),
  version: Type.Integer(),
});
const CrosswalkLink = Type.Object({
  classification: ClassificationRef,
  match: Match,
  note: nullable(Type.String()),
});
const ClassificationDetail = Type.Intersect([
  ClassificationView,
  Type.Object({
    replaces: Type.Array(CrosswalkLink, {
      description: 'Older codes (CJ/T 214-2007) that map to this class',
    }),
    replacedBy: Type.Array(CrosswalkLink, {
      description: 'Newer codes (GB/T 47678.5-2026) this class maps to',
    }),
  }),
]);
const CrosswalkEntry = Type.Object({
  from: ClassificationRef,
  to: ClassificationRef,
  match: Match,
  note: nullable(Type.String()),
});

export const classificationRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  app.get(
    '/classifications',
    {
      config: { access: 'classifications:read' },
      schema: {
        tags: ['classifications'],
        summary: 'List the classification directory (any staff); limit=1000 returns all of it in one page',
        querystring: Type.Object({
          standard: Type.Optional(Standard),
          kind: Type.Optional(Kind),
          majorCode: Type.Optional(MajorCode),
          q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
          active: Type.Optional(Type.Boolean()),
          cursor: Type.Optional(Type.String({ maxLength: 500 })),
          limit: Type.Integer({ minimum: 1, maximum: MAX_CLASSIFICATION_PAGE, default: DEFAULT_PAGE_SIZE }),
        }),
        response: { 200: pageOf(ClassificationView), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      return listClassifications(db, request.query);
    },
  );

  app.get(
    '/classifications/crosswalk',
    {
      config: { access: 'classifications:read' },
      schema: {
        tags: ['classifications'],
        summary: 'The crosswalk CJ/T 214-2007 → GB/T 47678.5-2026 (新旧代码对照), all rows',
        querystring: Type.Object({ kind: Type.Optional(Kind), match: Type.Optional(Match) }),
        response: { 200: Type.Object({ items: Type.Array(CrosswalkEntry) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      return { items: await listCrosswalk(db, request.query) };
    },
  );

  app.get(
    '/classifications/:id',
    {
      config: { access: 'classifications:read' },
      schema: {
        tags: ['classifications'],
        summary: 'Read a class with its crosswalk links both ways',
        params: IdParam,
        response: { 200: ClassificationDetail, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      return getClassification(db, request.params.id);
    },
  );

  app.post(
    '/classifications',
    {
      config: { access: 'classifications:write' },
      schema: {
        tags: ['classifications'],
        summary: 'Create a LOCAL extension class inside a GB/T 47678.5 major class (admin; Idempotency-Key)',
        description:
          'Local minors are 080–999; without `code` the highest free one is allocated. The name gets the ' +
          'suffix （自定义） (docs/domain/classification.md, a convention, not the standard).',
        body: Type.Object(
          {
            kind: Kind,
            majorCode: MajorCode,
            code: Type.Optional(Type.String({ pattern: '^[0-9]{5}$' })),
            name: Type.String({ minLength: 1, maxLength: 30 }),
            publicName: Type.Optional(nullable(PublicName)),
            helpText: Type.Optional(nullable(HelpText)),
          },
          { additionalProperties: false },
        ),
        response: { 201: ClassificationDetail, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const result = await idempotent(request, db, 201, (tx) => createLocalClass(tx, ctx, request.body));
      return reply.code(result.status as 201).send(result.body);
    },
  );

  app.patch(
    '/classifications/:id',
    {
      config: { access: 'classifications:write' },
      schema: {
        tags: ['classifications'],
        summary: 'Change the public name, help text or activation of a class (admin; optimistic version)',
        params: IdParam,
        body: Type.Object(
          {
            version: Version,
            publicName: Type.Optional(nullable(PublicName)),
            helpText: Type.Optional(nullable(HelpText)),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: ClassificationDetail, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return updateClassification(db, ctx, request.params.id, request.body);
    },
  );
};
