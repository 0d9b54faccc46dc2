/**
 * /api/v1/evaluations: 综合评价 of departments, places and people, the drill-down to cases, and
 * the evaluation profiles (configuration), in the caller's jurisdiction. Tables answer JSON, or
 * CSV / XLSX with `?format=` (docs/api/evaluation.md).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CivilDate, INT4_MAX, Name, SerialId } from '../http/schemas.js';
import type { RouteDeps } from '../http/module.js';
import { contextOf } from '../http/auth.js';
import { DomainError } from '../shared/errors.js';
import { EXPORT_FORMATS, tableFile } from './export.js';
import { sendDownload } from '../http/download.js';
import { INDICATORS_BY_KEY } from './indicators.js';
import { definitionOf, deleteProfile, loadProfiles, saveProfile } from './profiles.js';
import { authorizeEvaluation, visibleSubjects } from './scope.js';
import { drillDown, evaluate, reportOrganisation, subjectsOf } from './service.js';
import { caseListTable, evaluationTable } from './tables-export.js';
import { COMPARISONS, EVALUATION_OBJECTS, FACT_KEYS, FACT_LABELS, SUBJECT_KINDS } from './vocabulary.js';

/** A local day, YYYY-MM-DD. */
export const Day = CivilDate({ description: 'local day YYYY-MM-DD' });
export const Format = Type.Enum(EXPORT_FORMATS, {
  description: 'json (default), csv (UTF-8 with BOM) or xlsx',
});
const Subject = Type.Enum(SUBJECT_KINDS);

const ScoringBody = Type.Union([
  Type.Object({ kind: Type.Literal('linear') }, { additionalProperties: false }),
  Type.Object(
    {
      kind: Type.Literal('tiered'),
      direction: Type.Enum(['at_most', 'at_least'] as const),
      tiers: Type.Array(
        Type.Object(
          {
            bound: Type.Union([Type.Null(), Type.Number()]),
            score: Type.Number({ minimum: 0, maximum: 100 }),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 20 },
      ),
    },
    { additionalProperties: false },
  ),
]);

const ProfileBody = Type.Object(
  {
    name: Name({ minLength: 1, maxLength: 200 }),
    object: Type.Enum(EVALUATION_OBJECTS),
    items: Type.Array(
      Type.Object(
        {
          indicator: Type.String({ minLength: 1, maxLength: 100 }),
          weight: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
          scoring: ScoringBody,
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 30 },
    ),
    version: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: INT4_MAX,
        description: 'the stored version you edited (0: none yet)',
      }),
    ),
  },
  { additionalProperties: false },
);

const ProfileKey = Type.Object({ key: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }) });

export const evaluationRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db, cases }) => {
  app.get(
    '/evaluations',
    {
      config: { access: 'evaluations:read' },
      schema: {
        tags: ['evaluation'],
        summary:
          'Evaluation (综合评价) and ranking of departments, places or people over a period of local days',
        querystring: Type.Object(
          {
            object: Subject,
            from: Day,
            to: Day,
            profileKey: Type.Optional(Type.String({ maxLength: 64 })),
            classId: Type.Optional(SerialId()),
            compare: Type.Optional(Type.Enum(COMPARISONS)),
            format: Type.Optional(Format),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { object, from, to, profileKey, classId, compare, format } = request.query;
      authorizeEvaluation(ctx.actor, object);
      const result = await evaluate(db, {
        object,
        from,
        to,
        ...(profileKey !== undefined ? { profileKey } : {}),
        ...(classId !== undefined ? { classId } : {}),
        ...(compare !== undefined ? { compare } : {}),
      });
      const visible = await visibleSubjects(
        db,
        ctx.actor,
        object,
        result.rows.map((r) => r.subject),
      );
      const scoped = { ...result, rows: result.rows.filter((r) => visible.has(r.subject)) };
      if (format === 'csv' || format === 'xlsx') {
        const profile = (await loadProfiles(db)).get(result.profile.key)!.profile;
        const head = {
          organisation: await reportOrganisation(db),
          madeAt: new Date(),
          timeZone: cases.timeZone,
        };
        return sendDownload(
          reply,
          await tableFile(
            evaluationTable(scoped, profile, head),
            format,
            `evaluation-${object}-${from}-${to}`,
          ),
        );
      }
      return scoped;
    },
  );

  app.get(
    '/evaluations/cases',
    {
      config: { access: 'evaluations:read' },
      schema: {
        tags: ['evaluation'],
        summary: 'The cases behind one count of an evaluation (drill-down)',
        querystring: Type.Object(
          {
            object: Subject,
            subject: Type.String({ minLength: 1, maxLength: 40 }),
            fact: Type.Enum(FACT_KEYS),
            from: Day,
            to: Day,
            classId: Type.Optional(SerialId()),
            format: Type.Optional(Format),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { object, subject, fact, from, to, classId, format } = request.query;
      authorizeEvaluation(ctx.actor, object);
      if (!(await visibleSubjects(db, ctx.actor, object, [subject])).has(subject))
        throw new DomainError('NOT_FOUND', `No ${object} ${subject} in your jurisdiction`);
      const list = await drillDown(
        db,
        { object, subject, fact, from, to, ...(classId !== undefined ? { classId } : {}) },
        cases.timeZone,
      );
      if (format === 'csv' || format === 'xlsx') {
        const head = {
          organisation: await reportOrganisation(db),
          madeAt: new Date(),
          timeZone: cases.timeZone,
        };
        const name = (await subjectsOf(db, object)).find((s) => s.key === subject)?.name ?? subject;
        return sendDownload(
          reply,
          await tableFile(
            caseListTable(`${name}${FACT_LABELS[fact]}案件清单`, list, head, { from, to }),
            format,
            `cases-${object}-${subject}-${fact}`,
          ),
        );
      }
      return { cases: list, caseIds: list.map((c) => c.id) };
    },
  );

  app.get(
    '/evaluation-profiles',
    {
      config: { access: 'evaluations:read' },
      schema: {
        tags: ['evaluation'],
        summary:
          'Evaluation profiles in force: built-in (national, a city) and stored ones, and the indicators',
      },
    },
    async (request) => {
      authorizeEvaluation(contextOf(request).actor);
      const profiles = await loadProfiles(db);
      return {
        profiles: [...profiles.entries()].map(([key, p]) => ({
          key,
          origin: p.profile.origin,
          builtIn: p.builtIn,
          stored: p.stored,
          version: p.version,
          ...definitionOf(p.profile),
        })),
        indicators: [...INDICATORS_BY_KEY.values()].map((i) => ({ ...i })),
      };
    },
  );

  app.put(
    '/evaluation-profiles/:key',
    {
      config: { access: 'evaluation-profiles:write' },
      schema: {
        tags: ['evaluation'],
        summary: "Store a city's evaluation profile, or override a built-in one (admin)",
        params: ProfileKey,
        body: ProfileBody,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { version, ...definition } = request.body;
      const saved = await saveProfile(db, ctx, request.params.key, definition, version);
      return {
        key: request.params.key,
        version: saved.version,
        builtIn: saved.builtIn,
        ...definitionOf(saved.profile),
      };
    },
  );

  app.delete(
    '/evaluation-profiles/:key',
    {
      config: { access: 'evaluation-profiles:write' },
      schema: {
        tags: ['evaluation'],
        summary: 'Remove a stored profile; a built-in one it overrode is in force again (admin)',
        params: ProfileKey,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await deleteProfile(db, ctx, request.params.key);
      return reply.code(204).send();
    },
  );
};
