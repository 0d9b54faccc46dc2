/**
 * Case-loop configuration: routing rules (ordered, explainable), time limits (stage and handling)
 * and working-calendar overrides. Read by any staff member (dispatchers see why a department is
 * suggested); changed by administrators only, with an audit entry.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { recordAudit } from '../audit/index.js';
import {
  TIME_LIMIT_UNITS,
  classifyDay,
  createWorkingCalendar,
  holidayScheduleSource,
} from '../calendar/index.js';
import type { RouteDeps } from '../http/module.js';
import { contextOf, requireActor } from '../http/auth.js';
import { IdParam, Name, problems, SerialId, Version } from '../http/schemas.js';
import { DomainError, validationError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { routeCase } from './routing/service.js';
import { calendarYearRoutes } from './calendar-year.js';
import './tables.js';

const Kind = Type.Enum(['component', 'matter']);
const RuleBody = Type.Object(
  {
    position: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    name: Name({ minLength: 1, maxLength: 200 }),
    kind: Type.Optional(Type.Union([Type.Null(), Kind])),
    standard: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 50 })])),
    classCodePrefix: Type.Optional(Type.Union([Type.Null(), Type.String({ pattern: '^[0-9]{1,5}$' })])),
    regionCode: Type.Optional(Type.Union([Type.Null(), Type.String({ pattern: '^[0-9]{6,15}$' })])),
    useComponentOwner: Type.Optional(Type.Boolean()),
    departmentId: Type.Optional(Type.Union([Type.Null(), SerialId()])),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
// One object, not an intersection: allOf with additionalProperties: false would refuse `version`.
const RuleUpdateBody = Type.Object(
  { ...RuleBody.properties, version: Version },
  { additionalProperties: false },
);
const Unit = Type.Enum(TIME_LIMIT_UNITS);

function requireAdmin(role: string): void {
  if (role !== 'admin')
    throw new DomainError('FORBIDDEN', 'Only administrators change the case-loop configuration');
}

function presentRule(r: {
  id: number;
  position: number;
  name: string;
  kind: string | null;
  standard: string | null;
  class_code_prefix: string | null;
  region_code: string | null;
  use_component_owner: boolean;
  department_id: number | null;
  active: boolean;
  version: number;
}) {
  return {
    id: r.id,
    position: r.position,
    name: r.name,
    kind: r.kind,
    standard: r.standard,
    classCodePrefix: r.class_code_prefix,
    regionCode: r.region_code,
    useComponentOwner: r.use_component_owner,
    departmentId: r.department_id,
    active: r.active,
    version: r.version,
  };
}

export const caseAdminRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db } = deps;

  async function checkRuleRefs(body: {
    departmentId?: number | null;
    regionCode?: string | null;
    useComponentOwner?: boolean;
  }) {
    if (!body.useComponentOwner && !body.departmentId) {
      throw validationError([
        {
          field: 'body.departmentId',
          reason: 'a rule needs a department unless it routes to the component owner',
        },
      ]);
    }
    if (body.departmentId) {
      const d = await db
        .selectFrom('departments')
        .select('id')
        .where('id', '=', body.departmentId)
        .executeTakeFirst();
      if (!d)
        throw validationError([{ field: 'body.departmentId', reason: `no department ${body.departmentId}` }]);
    }
    if (body.regionCode) {
      const r = await db
        .selectFrom('regions')
        .select('code')
        .where('code', '=', body.regionCode)
        .executeTakeFirst();
      if (!r) throw validationError([{ field: 'body.regionCode', reason: `no region ${body.regionCode}` }]);
    }
  }

  app.get(
    '/routing-rules',
    {
      config: { access: 'case-config:read' },
      schema: {
        tags: ['case configuration'],
        summary: 'Routing rules in order',
        response: { ...problems(401) },
      },
    },
    async (request) => {
      requireActor(request);
      const rows = await db
        .selectFrom('routing_rules')
        .selectAll()
        .orderBy('position')
        .orderBy('id')
        .execute();
      return rows.map(presentRule);
    },
  );

  app.post(
    '/routing-rules',
    {
      config: { access: 'case-config:write' },
      schema: {
        tags: ['case configuration'],
        summary: 'Add a routing rule (admin)',
        body: RuleBody,
        response: { ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      requireAdmin(ctx.actor.role);
      await checkRuleRefs(request.body);
      const b = request.body;
      const row = await inTransaction(db, async (tx) => {
        const inserted = await tx
          .insertInto('routing_rules')
          .values({
            position: b.position,
            name: b.name,
            kind: b.kind ?? null,
            standard: b.standard ?? null,
            class_code_prefix: b.classCodePrefix ?? null,
            region_code: b.regionCode ?? null,
            use_component_owner: b.useComponentOwner ?? false,
            department_id: b.departmentId ?? null,
            active: b.active ?? true,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(tx, ctx, {
          action: 'routing_rule.create',
          targetType: 'routing_rule',
          targetId: inserted.id,
          detail: { ...b },
        });
        return inserted;
      });
      return reply.code(201).send(presentRule(row));
    },
  );

  app.put(
    '/routing-rules/:id',
    {
      config: { access: 'case-config:write' },
      schema: {
        tags: ['case configuration'],
        summary: 'Replace a routing rule (admin; optimistic version)',
        params: IdParam,
        body: RuleUpdateBody,
        response: { ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      requireAdmin(ctx.actor.role);
      await checkRuleRefs(request.body);
      const b = request.body;
      return inTransaction(db, async (tx) => {
        const updated = await tx
          .updateTable('routing_rules')
          .set({
            position: b.position,
            name: b.name,
            kind: b.kind ?? null,
            standard: b.standard ?? null,
            class_code_prefix: b.classCodePrefix ?? null,
            region_code: b.regionCode ?? null,
            use_component_owner: b.useComponentOwner ?? false,
            department_id: b.departmentId ?? null,
            active: b.active ?? true,
            version: sql<number>`version + 1`,
          })
          .where('id', '=', request.params.id)
          .where('version', '=', b.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) {
          const exists = await tx
            .selectFrom('routing_rules')
            .select('version')
            .where('id', '=', request.params.id)
            .executeTakeFirst();
          if (!exists) throw new DomainError('NOT_FOUND', `No routing rule ${request.params.id}`);
          throw new DomainError(
            'VERSION_CONFLICT',
            `Routing rule ${request.params.id} is at version ${exists.version}`,
            { currentVersion: exists.version },
          );
        }
        await recordAudit(tx, ctx, {
          action: 'routing_rule.update',
          targetType: 'routing_rule',
          targetId: updated.id,
          detail: { ...b },
        });
        return presentRule(updated);
      });
    },
  );

  app.delete(
    '/routing-rules/:id',
    {
      config: { access: 'case-config:write' },
      schema: {
        tags: ['case configuration'],
        summary: 'Delete a routing rule (admin)',
        params: IdParam,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      requireAdmin(ctx.actor.role);
      await inTransaction(db, async (tx) => {
        const deleted = await tx
          .deleteFrom('routing_rules')
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (deleted.numDeletedRows === 0n)
          throw new DomainError('NOT_FOUND', `No routing rule ${request.params.id}`);
        await recordAudit(tx, ctx, {
          action: 'routing_rule.delete',
          targetType: 'routing_rule',
          targetId: request.params.id,
        });
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/routing-rules/explain',
    {
      config: { access: 'case-config:read' },
      schema: {
        tags: ['case configuration'],
        summary: 'Which department the rules suggest for a class at a grid, and why',
        querystring: Type.Object({
          classificationId: SerialId(),
          gridCode: Type.String({ pattern: '^[0-9A-Z]{14,15}$' }),
          componentId: Type.Optional(Type.String({ format: 'uuid' })),
        }),
        response: { ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      requireActor(request);
      const cls = await db
        .selectFrom('classifications')
        .select(['kind', 'standard', 'code'])
        .where('id', '=', request.query.classificationId)
        .executeTakeFirst();
      if (!cls)
        throw new DomainError(
          'CLASSIFICATION_NOT_FOUND',
          `No classification ${request.query.classificationId}`,
        );
      const routed = await db.transaction().execute((tx) =>
        routeCase(tx, {
          kind: cls.kind,
          standard: cls.standard,
          classCode: cls.code,
          gridCode: request.query.gridCode,
          componentId: request.query.componentId ?? null,
        }),
      );
      return {
        departmentId: routed?.departmentId ?? null,
        explanation: routed?.explanation ?? '没有规则或职责匹配：请派遣员选择部门',
      };
    },
  );

  app.get(
    '/time-limits',
    {
      config: { access: 'case-config:read' },
      schema: {
        tags: ['case configuration'],
        summary: 'Stage and handling time limits with their sources',
        response: { ...problems(401) },
      },
    },
    async (request) => {
      requireActor(request);
      const [stage, handling] = await Promise.all([
        db.selectFrom('stage_limits').selectAll().orderBy('clock').orderBy('urgency').execute(),
        db
          .selectFrom('handling_limits')
          .selectAll()
          .orderBy('kind')
          .orderBy('standard')
          .orderBy('class_code_prefix')
          .orderBy('condition')
          .orderBy('urgency')
          .execute(),
      ]);
      return {
        stage,
        handling: handling.map((h) => ({
          id: h.id,
          kind: h.kind,
          standard: h.standard,
          classCodePrefix: h.class_code_prefix,
          condition: h.condition,
          conditionText: h.condition_text,
          urgency: h.urgency,
          amount: h.amount,
          unit: h.unit,
          closingCondition: h.closing_condition,
          source: h.source,
        })),
      };
    },
  );

  app.put(
    '/time-limits/stage/:clock/:urgency',
    {
      config: { access: 'case-config:write' },
      schema: {
        tags: ['case configuration'],
        summary: 'Set a stage time limit (admin)',
        params: Type.Object({
          clock: Type.Enum(['filing', 'check', 'dispatch', 'verify', 'closing']),
          urgency: Type.Enum(['normal', 'urgent']),
        }),
        body: Type.Object(
          {
            amount: Type.Integer({ minimum: 1, maximum: 100_000 }),
            unit: Unit,
            source: Type.String({ minLength: 1, maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
        response: { ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      requireAdmin(ctx.actor.role);
      const { clock, urgency } = request.params;
      await inTransaction(db, async (tx) => {
        await tx
          .insertInto('stage_limits')
          .values({ clock, urgency, ...request.body })
          .onConflict((oc) => oc.columns(['clock', 'urgency']).doUpdateSet({ ...request.body }))
          .execute();
        await recordAudit(tx, ctx, {
          action: 'time_limit.stage',
          targetType: 'stage_limit',
          targetId: `${clock}:${urgency}`,
          detail: request.body,
        });
      });
      return { clock, urgency, ...request.body };
    },
  );

  app.put(
    '/time-limits/handling',
    {
      config: { access: 'case-config:write' },
      schema: {
        tags: ['case configuration'],
        summary: 'Set a handling time limit for a class prefix × filing condition × urgency (admin)',
        body: Type.Object(
          {
            kind: Kind,
            standard: Type.String({ minLength: 1, maxLength: 50 }),
            classCodePrefix: Type.String({ pattern: '^[0-9]{0,5}$' }),
            condition: Type.String({ minLength: 1, maxLength: 50 }),
            conditionText: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 200 })])),
            urgency: Type.Enum(['normal', 'urgent']),
            amount: Type.Integer({ minimum: 1, maximum: 100_000 }),
            unit: Unit,
            closingCondition: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 200 })])),
            source: Type.String({ minLength: 1, maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
        response: { ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      requireAdmin(ctx.actor.role);
      const b = request.body;
      const values = {
        kind: b.kind,
        standard: b.standard,
        class_code_prefix: b.classCodePrefix,
        condition: b.condition,
        condition_text: b.conditionText ?? null,
        urgency: b.urgency,
        amount: b.amount,
        unit: b.unit,
        closing_condition: b.closingCondition ?? null,
        source: b.source,
      };
      await inTransaction(db, async (tx) => {
        await tx
          .insertInto('handling_limits')
          .values(values)
          .onConflict((oc) =>
            oc.columns(['kind', 'standard', 'class_code_prefix', 'condition', 'urgency']).doUpdateSet({
              condition_text: values.condition_text,
              amount: values.amount,
              unit: values.unit,
              closing_condition: values.closing_condition,
              source: values.source,
            }),
          )
          .execute();
        await recordAudit(tx, ctx, {
          action: 'time_limit.handling',
          targetType: 'handling_limit',
          detail: { ...b },
        });
      });
      return b;
    },
  );

  app.get(
    '/calendar',
    {
      config: { access: 'case-config:read' },
      schema: {
        tags: ['case configuration'],
        summary: 'The working calendar between two dates: each day working or not, and why',
        querystring: Type.Object({
          from: Type.String({ format: 'date' }),
          to: Type.String({ format: 'date' }),
        }),
        response: { ...problems(400, 401) },
      },
    },
    async (request) => {
      requireActor(request);
      const { from, to } = request.query;
      const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
      if (!(days >= 0 && days <= 366))
        throw validationError([
          { field: 'querystring.to', reason: 'must be on or after from, at most 366 days later' },
        ]);
      const calendar = await deps.cases.calendars.get(db);
      const out = [];
      for (let i = 0; i <= days; i++) {
        const date = new Date(Date.parse(from) + i * 86_400_000).toISOString().slice(0, 10);
        out.push(classifyDay(calendar, date));
      }
      const overrides = await db.selectFrom('calendar_overrides').selectAll().orderBy('date').execute();
      // Whether each year shown has its holiday schedule (2027 may not yet: the page asks for it).
      const years = [];
      for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++)
        years.push({ year, holidaySchedule: holidayScheduleSource(calendar, year) });
      return { days: out, overrides, years };
    },
  );

  await app.register(calendarYearRoutes, deps);

  app.put(
    '/calendar/overrides/:date',
    {
      config: { access: 'case-config:write' },
      schema: {
        tags: ['case configuration'],
        summary:
          "Declare one day a workday or a holiday (admin); a whole year's schedule goes to PUT /calendar/years/{year}",
        params: Type.Object({ date: Type.String({ format: 'date' }) }),
        body: Type.Object(
          { kind: Type.Enum(['workday', 'holiday']), name: Type.Optional(Name({ maxLength: 100 })) },
          { additionalProperties: false },
        ),
        response: { ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      requireAdmin(ctx.actor.role);
      const value = { date: request.params.date, kind: request.body.kind, name: request.body.name ?? null };
      // Build a calendar with it first, so an invalid override never reaches the table.
      createWorkingCalendar({ overrides: [{ date: value.date, kind: value.kind }] });
      await inTransaction(db, async (tx) => {
        await tx
          .insertInto('calendar_overrides')
          .values(value)
          .onConflict((oc) => oc.column('date').doUpdateSet({ kind: value.kind, name: value.name }))
          .execute();
        await recordAudit(tx, ctx, {
          action: 'calendar.override',
          targetType: 'calendar_override',
          targetId: value.date,
          detail: value,
        });
      });
      deps.cases.calendars.invalidate();
      return value;
    },
  );

  app.delete(
    '/calendar/overrides/:date',
    {
      config: { access: 'case-config:write' },
      schema: {
        tags: ['case configuration'],
        summary: 'Remove a calendar override (admin)',
        params: Type.Object({ date: Type.String({ format: 'date' }) }),
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      requireAdmin(ctx.actor.role);
      await inTransaction(db, async (tx) => {
        const deleted = await tx
          .deleteFrom('calendar_overrides')
          .where('date', '=', request.params.date)
          .executeTakeFirst();
        if (deleted.numDeletedRows === 0n)
          throw new DomainError('NOT_FOUND', `No override on ${request.params.date}`);
        await recordAudit(tx, ctx, {
          action: 'calendar.override_delete',
          targetType: 'calendar_override',
          targetId: request.params.date,
        });
      });
      deps.cases.calendars.invalidate();
      return reply.code(204).send(null);
    },
  );
};
