/**
 * The case loop's use cases, one transaction each: report (intake) and every workflow action.
 * Each writes the case, one append-only history event, the deadline clocks, an outbox message and
 * the inbox notifications together, or nothing. The decisions themselves are the pure workflow
 * table's (src/cases/workflow); this file only loads facts and applies the effects it returns.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CalendarProvider } from '../calendar/index.js';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { componentFacts } from '../components/index.js';
import { trackRollups } from '../evaluation/index.js';
import { filesNotAttachableBy } from '../files/index.js';
import { saveReporter, type KeyRing, type ReporterInput } from '../reporters/index.js';
import { codeInScope, scopeOf } from '../identity/index.js';
import type { GeographyIndex } from '../geography/index.js';
import type { RequestContext } from '../shared/context.js';
import { pointToWgs84, type InputCrs } from '../shared/crs.js';
import { DomainError, validationError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import {
  applyClockOp,
  handlingDueAt,
  loadLimitTables,
  stopAllClocks,
  type ClockEnv,
  type ClockSubject,
} from './clocks.js';
import { nextCaseNumber, provisionalCaseNumber } from './numbering.js';
import { recordTransitionNote } from './public-notes.js';
import { loadCaseRow, loadClass, type CaseRow } from './repo.js';
import { routeCase } from './routing/service.js';
import { signalCaseChange } from './signals.js';
import {
  CASE_SOURCES,
  DEFAULT_WORKFLOW_CONFIG,
  INITIAL_STATUS,
  allowedActions,
  decide,
  stageOf,
  type ActionInput,
  type CaseAction,
  type CaseEffect,
  type CaseSource,
  type CaseStatus,
  type WorkflowConfig,
  type WorkflowContext,
} from './workflow/index.js';
import './tables.js';

export { CASE_SOURCES, type CaseSource } from './workflow/index.js';
export type Urgency = 'normal' | 'urgent';

export interface CaseServiceDeps {
  geography: GeographyIndex;
  calendars: CalendarProvider;
  timeZone: string;
  workflow?: WorkflowConfig;
  /** Keys of reporters' personal data (operators register callers' contact details). */
  reporterKeys?: KeyRing;
  /** Probable-duplicate window; defaults to 50 m and 7 days. */
  duplicates?: { radiusM: number; days: number };
  /** The clock, injectable so tests and the demo simulation can run in simulated time. */
  now?: () => Date;
}

export interface PointInput {
  lng: number;
  lat: number;
  crs?: InputCrs;
}

export interface ReportInput {
  source: CaseSource;
  classificationId: number;
  filingCondition?: string;
  componentId?: string | null;
  location?: PointInput | null;
  address?: string | null;
  description: string;
  urgency?: Urgency;
  beforePhotoIds?: string[];
  /** The person who reported it (public, hotline): kept encrypted, apart from the case. */
  reporter?:
    | (Omit<ReporterInput, 'contactConsent' | 'anonymous'> & {
        contactConsent?: boolean;
        anonymous?: boolean;
      })
    | null;
  /** 自处理: the inspector fixed it on the spot; needs after-photos, reviewed by the shift lead. */
  selfHandled?: { note: string; afterPhotoIds: string[] } | null;
}

/** Roles that may register a case, and the sources each may claim. */
const REPORTERS: Partial<Record<RequestContext['actor']['role'], readonly CaseSource[]>> = {
  inspector: ['inspector'],
  supervisor: ['public', 'hotline', 'walk_in', 'sensor', 'video', 'inspector', 'other'],
  leader: ['leader'],
  admin: CASE_SOURCES,
};

function nowOf(deps: CaseServiceDeps): Date {
  return deps.now ? deps.now() : new Date();
}

async function locatePoint(tx: Transaction<DB>, deps: CaseServiceDeps, point: { lng: number; lat: number }) {
  const location = await deps.geography.locate(point.lng, point.lat, tx);
  if (!location) {
    throw new DomainError(
      'LOCATION_OUTSIDE_DISTRICT',
      `(${point.lng.toFixed(6)}, ${point.lat.toFixed(6)}) lies in no unit grid`,
      {
        errors: [{ field: 'body.location', reason: 'lies in no unit grid of this district' }],
      },
    );
  }
  return location;
}

/** Photos must be uploads this actor may attach (their own; any for administrators). */
async function checkPhotos(
  tx: Transaction<DB>,
  ctx: RequestContext,
  ids: readonly string[],
  field: string,
): Promise<void> {
  if (ids.length === 0) return;
  const refused = await filesNotAttachableBy(tx, ctx.actor, ids);
  if (refused.length > 0)
    throw validationError(refused.map((id) => ({ field, reason: `no uploaded file ${id} of yours` })));
}

/** 上报 — registers a case from an inspector, an operator (public, hotline …), a leader or a sensor. */
export async function reportCase(
  db: Kysely<DB>,
  deps: CaseServiceDeps,
  ctx: RequestContext,
  input: ReportInput,
): Promise<number> {
  const allowedSources = REPORTERS[ctx.actor.role];
  if (!allowedSources)
    throw new DomainError('FORBIDDEN', `The ${ctx.actor.role} role may not register cases`);
  if (!allowedSources.includes(input.source)) {
    throw validationError([
      {
        field: 'body.source',
        reason: `the ${ctx.actor.role} role may register ${allowedSources.join(', ')} reports only`,
      },
    ]);
  }
  const now = nowOf(deps);
  return inTransaction(db, async (tx) => {
    const cls = await loadClass(tx, input.classificationId);
    if (!cls)
      throw validationError([
        { field: 'body.classificationId', reason: `no classification ${input.classificationId}` },
      ]);
    if (!cls.active)
      throw validationError([{ field: 'body.classificationId', reason: 'this class is no longer in use' }]);
    let point: { lng: number; lat: number } | null = null;
    if (input.location) {
      const [lng, lat] = pointToWgs84(input.location.lng, input.location.lat, input.location.crs ?? 'wgs84');
      point = { lng, lat };
    }
    let componentId: string | null = null;
    if (input.componentId) {
      const component = await componentFacts(tx, input.componentId);
      if (!component)
        throw validationError([{ field: 'body.componentId', reason: `no component ${input.componentId}` }]);
      componentId = component.id;
      point ??= { lng: component.lng, lat: component.lat };
    }
    if (!point) throw validationError([{ field: 'body.location', reason: 'give a location or a component' }]);
    const location = await locatePoint(tx, deps, point);
    if (!codeInScope(scopeOf(ctx.actor), location.grid.code)) {
      throw new DomainError(
        'LOCATION_OUTSIDE_JURISDICTION',
        `${location.grid.code} is outside your jurisdiction`,
        {
          errors: [{ field: 'body.location', reason: 'is outside your jurisdiction' }],
        },
      );
    }
    const beforePhotos = input.beforePhotoIds ?? [];
    await checkPhotos(tx, ctx, beforePhotos, 'body.beforePhotoIds');
    const routing = await routeCase(tx, {
      kind: cls.kind,
      standard: cls.standard,
      classCode: cls.code,
      gridCode: location.grid.code,
      componentId,
    });
    const inserted = await tx
      .insertInto('cases')
      .values({
        number: provisionalCaseNumber(),
        source: input.source,
        kind: cls.kind,
        classification_id: cls.id,
        filing_condition: input.filingCondition ?? 'default',
        component_id: componentId,
        location:
          sql<string>`ST_SetSRID(ST_MakePoint(${point.lng}, ${point.lat}), 4326)` as unknown as string,
        grid_code: location.grid.code,
        community_code: location.community.code,
        street_code: location.street.code,
        district_code: location.district.code,
        address: input.address ?? null,
        description: input.description,
        urgency: input.urgency ?? 'normal',
        status: INITIAL_STATUS,
        stage: stageOf(INITIAL_STATUS),
        suggested_department_id: routing?.departmentId ?? null,
        routing_explanation: routing?.explanation ?? null,
        reported_by_user_id: ctx.actor.id === 0 ? null : ctx.actor.id,
        reported_at: now,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = inserted.id;
    if (input.reporter) {
      if (!deps.reporterKeys) throw new Error('reporterKeys are not configured for the case service');
      const { contactConsent = false, anonymous = false, ...contact } = input.reporter;
      await saveReporter(
        tx,
        deps.reporterKeys,
        id,
        { ...contact, contactConsent, anonymous },
        { timeZone: deps.timeZone, now },
      );
    }
    if (beforePhotos.length > 0) {
      await tx
        .insertInto('case_photos')
        .values(
          beforePhotos.map((file) => ({
            case_id: id,
            file_id: file,
            phase: 'before' as const,
            added_by: ctx.actor.id || null,
            added_at: now,
          })),
        )
        .execute();
    }
    const env: ClockEnv = {
      tx,
      calendar: await deps.calendars.get(tx),
      limits: await loadLimitTables(tx),
      now,
      newCase: true,
    };
    const subject: ClockSubject = {
      id,
      kind: cls.kind,
      standard: cls.standard,
      classCode: cls.code,
      filingCondition: input.filingCondition ?? 'default',
      urgency: input.urgency ?? 'normal',
    };
    await applyClockOp(env, subject, 'filing', 'start');
    await tx
      .insertInto('case_events')
      .values({
        case_id: id,
        at: now,
        actor_id: ctx.actor.id || null,
        actor_name: ctx.actor.username,
        actor_role: ctx.actor.role,
        action: 'report',
        from_status: null,
        to_status: INITIAL_STATUS,
        note: input.description,
        attachments: JSON.stringify(beforePhotos),
        changes: JSON.stringify({ source: { before: null, after: input.source } }),
        effects: JSON.stringify([{ kind: 'clock', clock: 'filing', op: 'start' }]),
      })
      .execute();
    const provisional = (await loadCaseRow(tx, id, false))!;
    await recordTransitionNote(tx, provisional, 'report', { authorId: null, at: now });
    // Evaluation rollups: the new case's counts (src/evaluation/rollups.ts), computed here and
    // written below with the other hot rows.
    const writeRollups = await (await trackRollups(tx, id, deps.timeZone, true)).prepare();
    // Hot rows last. The day's number counter and the daily rollup rows are shared by every intake
    // and stay locked from their upsert until commit, so concurrent intakes queue on them: only the
    // few writes below run while they are held (docs/benchmarks.md, intake). Until then the case
    // carries a provisional number, which a deferred constraint (migration 0012) never lets commit.
    await writeRollups();
    const number = await nextCaseNumber(tx, location.district.code, now, deps.timeZone);
    await tx.updateTable('cases').set({ number }).where('id', '=', id).execute();
    await recordAudit(tx, ctx, {
      action: 'case.report',
      targetType: 'case',
      targetId: id,
      detail: { number },
    });
    await signalCaseChange(tx, { ...provisional, number }, 'report', null, now);
    if (input.selfHandled) {
      await applyAction(
        tx,
        deps,
        ctx,
        id,
        'self-handle',
        { note: input.selfHandled.note, afterPhotoIds: input.selfHandled.afterPhotoIds },
        null,
      );
    }
    return id;
  });
}

export interface ActionRequest {
  version: number;
  reason?: string;
  note?: string;
  departmentId?: number;
  checkResult?: 'confirmed' | 'not_found';
  afterPhotoIds?: string[];
  requestedDueAt?: string;
  targetCaseId?: number;
  closureType?: 'erroneous' | 'special';
  /** Shown to the reporter of a public case with this transition (for a rejection: the public reason). */
  publicNote?: string;
  /** file: the shift lead may correct the class, filing condition, urgency and location. */
  corrections?: {
    classificationId?: number;
    filingCondition?: string;
    urgency?: Urgency;
    location?: PointInput;
    address?: string;
  };
}

function workflowContext(
  deps: CaseServiceDeps,
  ctx: RequestContext,
  row: CaseRow,
  now: Date,
): WorkflowContext {
  return {
    actor: ctx.actor,
    case: {
      id: row.id,
      status: row.status,
      gridCode: row.grid_code,
      departmentId: row.department_id,
      closedAt: row.closed_at,
      handlingDueAt: row.handling_due_at,
      handlingOverdue: row.handling_overdue,
    },
    now,
    config: deps.workflow ?? DEFAULT_WORKFLOW_CONFIG,
  };
}

/** What this actor may do to this case now. */
export function allowedActionsFor(deps: CaseServiceDeps, ctx: RequestContext, row: CaseRow): CaseAction[] {
  return allowedActions(workflowContext(deps, ctx, row, nowOf(deps)));
}

/** Performs a workflow action on a case: one transaction, or a problem naming the allowed actions. */
export async function performAction(
  db: Kysely<DB>,
  deps: CaseServiceDeps,
  ctx: RequestContext,
  caseId: number,
  action: CaseAction,
  request: ActionRequest,
): Promise<void> {
  await inTransaction(db, (tx) => applyAction(tx, deps, ctx, caseId, action, request, request.version));
}

async function applyAction(
  tx: Transaction<DB>,
  deps: CaseServiceDeps,
  ctx: RequestContext,
  caseId: number,
  action: CaseAction,
  request: Omit<ActionRequest, 'version'>,
  expectedVersion: number | null,
): Promise<void> {
  const now = nowOf(deps);
  const row = await loadCaseRow(tx, caseId, true);
  if (!row || !visibleTo(ctx, row))
    throw new DomainError('NOT_FOUND', `No case ${caseId} in your jurisdiction`);
  if (expectedVersion !== null && row.version !== expectedVersion) {
    throw new DomainError(
      'VERSION_CONFLICT',
      `Case ${row.number} is at version ${row.version}, not ${expectedVersion}`,
      { currentVersion: row.version },
    );
  }
  // Evaluation rollups: what the case counts for now; settled after its event (src/evaluation/rollups.ts).
  const rollups = await trackRollups(tx, row.id, deps.timeZone);
  const input: ActionInput = {
    ...(request.reason !== undefined ? { reason: request.reason } : {}),
    ...(request.note !== undefined ? { note: request.note } : {}),
    ...(request.checkResult !== undefined ? { checkResult: request.checkResult } : {}),
    ...(request.afterPhotoIds !== undefined ? { afterPhotoIds: request.afterPhotoIds } : {}),
    ...(request.requestedDueAt !== undefined ? { requestedDueAt: new Date(request.requestedDueAt) } : {}),
    ...(request.closureType !== undefined ? { closureType: request.closureType } : {}),
  };
  if (action === 'dispatch') {
    const departmentId = request.departmentId ?? row.suggested_department_id;
    if (departmentId === null || departmentId === undefined) {
      throw validationError([
        {
          field: 'body.departmentId',
          reason: 'no routing rule suggests a department for this case: choose one',
        },
      ]);
    }
    const department = await tx
      .selectFrom('departments')
      .select(['id', 'active'])
      .where('id', '=', departmentId)
      .executeTakeFirst();
    if (!department || !department.active)
      throw validationError([{ field: 'body.departmentId', reason: `no active department ${departmentId}` }]);
    input.departmentId = departmentId;
  }
  if (action === 'merge') {
    if (request.targetCaseId === undefined)
      throw validationError([
        { field: 'body.targetCaseId', reason: 'name the open case this report duplicates' },
      ]);
    if (request.targetCaseId === caseId)
      throw validationError([{ field: 'body.targetCaseId', reason: 'a case cannot be merged into itself' }]);
    const target = await loadCaseRow(tx, request.targetCaseId, true);
    if (!target || !visibleTo(ctx, target))
      throw validationError([
        { field: 'body.targetCaseId', reason: `no case ${request.targetCaseId} in your jurisdiction` },
      ]);
    input.mergeTarget = { id: target.id, status: target.status };
  }
  if (request.afterPhotoIds) await checkPhotos(tx, ctx, request.afterPhotoIds, 'body.afterPhotoIds');
  const context = workflowContext(deps, ctx, row, now);
  const decision = decide(context, action, input);
  if (!decision.ok) {
    throw new DomainError(
      decision.code,
      `${decision.detail.replace(/\.?$/, '.')} Allowed now: ${decision.allowed.join(', ') || 'none'}.`,
      {
        allowedActions: [...decision.allowed],
        ...(decision.failedGuards ? { failedGuards: [...decision.failedGuards] } : {}),
        ...(decision.invalidInputs
          ? { errors: decision.invalidInputs.map((p) => ({ field: `body.${p.field}`, reason: p.reason })) }
          : {}),
      },
    );
  }
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const set: Record<string, unknown> = {};
  const change = (field: string, before: unknown, after: unknown) => {
    if (before === after) return;
    changes[field] = { before, after };
    set[field] = after;
  };
  change('status', row.status, decision.to);
  change('stage', row.stage, stageOf(decision.to));

  let subject: ClockSubject = {
    id: row.id,
    kind: row.kind,
    standard: row.class_standard,
    classCode: row.class_code,
    filingCondition: row.filing_condition,
    urgency: row.urgency,
  };
  if (action === 'file' && request.corrections) {
    subject = await applyCorrections(tx, deps, ctx, row, request.corrections, change);
  }
  if (action === 'file' || (action === 'reopen' && row.suggested_department_id === null)) {
    const routing = await routeCase(tx, {
      kind: subject.kind,
      standard: subject.standard,
      classCode: subject.classCode,
      gridCode: (set.grid_code as string | undefined) ?? row.grid_code,
      componentId: row.component_id,
    });
    change('suggested_department_id', row.suggested_department_id, routing?.departmentId ?? null);
    change('routing_explanation', row.routing_explanation, routing?.explanation ?? null);
  }

  const env: ClockEnv = {
    tx,
    calendar: await deps.calendars.get(tx),
    limits: await loadLimitTables(tx),
    now,
  };
  let extendTo: Date | undefined;
  if (action === 'approve' && row.status === 'extension_requested')
    extendTo = (await pendingExtension(tx, row.id)) ?? undefined;
  const counters: Record<string, number> = {};
  for (const effect of decision.effects) {
    await applyEffect(effect);
  }
  async function applyEffect(effect: CaseEffect): Promise<void> {
    switch (effect.kind) {
      case 'clock':
        await applyClockOp(env, subject, effect.clock, effect.op, extendTo);
        return;
      case 'stopAllClocks':
        await stopAllClocks(tx, row!.id, now);
        return;
      case 'increment':
        counters[effect.counter] = (counters[effect.counter] ?? 0) + 1;
        return;
      case 'assignDepartment':
        change('department_id', row!.department_id, effect.departmentId);
        return;
      case 'clearDepartment':
        change('department_id', row!.department_id, null);
        return;
      case 'recordCheckResult':
        change('check_result', row!.check_result, effect.result);
        return;
      case 'linkDuplicate':
        change('duplicate_of', row!.duplicate_of, Number(effect.targetCaseId));
        return;
      case 'markHandlingOverdue':
        change('handling_overdue', row!.handling_overdue, true);
        return;
      case 'markEscalated':
        change('escalated', row!.escalated, true);
        return;
      case 'recordClosure':
        change('closure_type', row!.closure_type, effect.closureType);
        change('closed_at', row!.closed_at, now);
        return;
      case 'clearClosure':
        change('closure_type', row!.closure_type, null);
        change('closed_at', row!.closed_at, null);
        return;
    }
  }
  const due = await handlingDueAt(tx, row.id);
  if (due && due.getTime() !== row.handling_due_at?.getTime())
    change('handling_due_at', row.handling_due_at, due);
  if (['reopen', 'fail'].includes(action)) change('overdue_tier', row.overdue_tier, 'on_time');

  const update = tx
    .updateTable('cases')
    .set({
      ...(set as object),
      ...Object.fromEntries(
        Object.entries(counters).map(([counter, n]) => [counter, sql`${sql.ref(counter)} + ${n}`]),
      ),
      version: sql<number>`version + 1`,
      updated_at: now,
    })
    .where('id', '=', row.id);
  await update.execute();
  for (const [counter, n] of Object.entries(counters))
    changes[counter] = {
      before: row[counter as keyof CaseRow],
      after: Number(row[counter as keyof CaseRow]) + n,
    };

  const attachments = request.afterPhotoIds ?? [];
  if (attachments.length > 0) {
    await tx
      .insertInto('case_photos')
      .values(
        attachments.map((file) => ({
          case_id: row.id,
          file_id: file,
          phase: 'after' as const,
          added_by: ctx.actor.id || null,
          added_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['case_id', 'file_id']).doNothing())
      .execute();
  }
  await tx
    .insertInto('case_events')
    .values({
      case_id: row.id,
      at: now,
      actor_id: ctx.actor.id || null,
      actor_name: ctx.actor.username,
      actor_role: ctx.actor.role,
      action,
      from_status: row.status,
      to_status: decision.to,
      reason: request.reason ?? null,
      note: request.note ?? null,
      attachments: JSON.stringify(attachments),
      changes: JSON.stringify({
        ...changes,
        ...(input.requestedDueAt
          ? { requested_due_at: { before: row.handling_due_at, after: input.requestedDueAt } }
          : {}),
      }),
      effects: JSON.stringify(decision.effects),
    })
    .execute();
  await recordAudit(tx, ctx, {
    action: `case.${action}`,
    targetType: 'case',
    targetId: row.id,
    detail: { number: row.number, from: row.status, to: decision.to },
  });
  const after = (await loadCaseRow(tx, row.id, false))!;
  await signalCaseChange(tx, after, action, row.status, now);
  await recordTransitionNote(tx, after, action, {
    publicNote: request.publicNote ?? null,
    mergedInto: input.mergeTarget?.status ?? null,
    authorId: ctx.actor.id,
    at: now,
  });
  if (action === 'merge' && input.mergeTarget) {
    await tx
      .insertInto('case_events')
      .values({
        case_id: Number(input.mergeTarget.id),
        at: now,
        actor_id: ctx.actor.id || null,
        actor_name: ctx.actor.username,
        actor_role: ctx.actor.role,
        action: 'merged-in',
        from_status: input.mergeTarget.status,
        to_status: input.mergeTarget.status,
        note: `重复案卷 ${row.number} 已并入本案`,
        attachments: '[]',
        changes: JSON.stringify({
          merged_case_id: { before: null, after: row.id },
          merged_case_number: { before: null, after: row.number },
        }),
        effects: '[]',
      })
      .execute();
  }
  await rollups.settle();
}

async function applyCorrections(
  tx: Transaction<DB>,
  deps: CaseServiceDeps,
  ctx: RequestContext,
  row: CaseRow,
  corrections: NonNullable<ActionRequest['corrections']>,
  change: (field: string, before: unknown, after: unknown) => void,
): Promise<ClockSubject> {
  let cls = { id: row.classification_id, kind: row.kind, standard: row.class_standard, code: row.class_code };
  if (corrections.classificationId !== undefined && corrections.classificationId !== row.classification_id) {
    const found = await loadClass(tx, corrections.classificationId);
    if (!found || !found.active)
      throw validationError([
        {
          field: 'body.corrections.classificationId',
          reason: `no classification ${corrections.classificationId} in use`,
        },
      ]);
    cls = { id: found.id, kind: found.kind, standard: found.standard, code: found.code };
    change('classification_id', row.classification_id, found.id);
    change('kind', row.kind, found.kind);
  }
  if (corrections.filingCondition !== undefined)
    change('filing_condition', row.filing_condition, corrections.filingCondition);
  if (corrections.urgency !== undefined) change('urgency', row.urgency, corrections.urgency);
  if (corrections.address !== undefined) change('address', row.address, corrections.address);
  if (corrections.location) {
    const [lng, lat] = pointToWgs84(
      corrections.location.lng,
      corrections.location.lat,
      corrections.location.crs ?? 'wgs84',
    );
    const location = await locatePoint(tx, deps, { lng, lat });
    if (!codeInScope(scopeOf(ctx.actor), location.grid.code)) {
      throw new DomainError(
        'LOCATION_OUTSIDE_JURISDICTION',
        'The corrected location is outside your jurisdiction',
        {
          errors: [{ field: 'body.corrections.location', reason: 'is outside your jurisdiction' }],
        },
      );
    }
    await sql`update cases set location = ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326) where id = ${row.id}`.execute(
      tx,
    );
    change('location', [row.lng, row.lat], [lng, lat]);
    change('grid_code', row.grid_code, location.grid.code);
    change('community_code', row.community_code, location.community.code);
    change('street_code', row.street_code, location.street.code);
  }
  return {
    id: row.id,
    kind: cls.kind,
    standard: cls.standard,
    classCode: cls.code,
    filingCondition: corrections.filingCondition ?? row.filing_condition,
    urgency: corrections.urgency ?? row.urgency,
  };
}

/** The deadline asked for by the pending extension request (the latest request-extension event). */
async function pendingExtension(tx: Transaction<DB>, caseId: number): Promise<Date | null> {
  const event = await tx
    .selectFrom('case_events')
    .select('changes')
    .where('case_id', '=', caseId)
    .where('action', '=', 'request-extension')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const requested = (event?.changes as unknown as Record<string, { after: unknown }> | undefined)
    ?.requested_due_at?.after;
  return typeof requested === 'string' ? new Date(requested) : null;
}

export interface CitizenUpdateInput {
  /** What the citizen wrote (≤ 2000 characters); may be empty when photos are given. */
  note: string;
  /** Photos the citizen sent, already uploaded (kept as before-photos of the case). */
  photoIds?: string[];
  /** What the citizen says about the state (e.g. Open311 `closed`: "fixed"), kept in `changes`. */
  claimedStatus?: string | null;
}

/**
 * 市民补充 — a citizen adds a comment or photos to a public case (Open311 servicerequestupdates, a
 * citizen channel). The case itself does not change: the history gets a `citizen-update` event
 * with the note, the photos join the case, and the supervision centre of the grid is notified.
 * Any status is accepted, closed ones too (a citizen saying "not fixed" is how reopening starts).
 * Returns the event id.
 */
export async function addCitizenUpdate(
  db: Kysely<DB>,
  deps: CaseServiceDeps,
  ctx: RequestContext,
  caseId: number,
  input: CitizenUpdateInput,
): Promise<number> {
  const now = nowOf(deps);
  return inTransaction(db, async (tx) => {
    const row = await loadCaseRow(tx, caseId, true);
    if (!row || !visibleTo(ctx, row))
      throw new DomainError('NOT_FOUND', `No case ${caseId} in your jurisdiction`);
    const photos = input.photoIds ?? [];
    await checkPhotos(tx, ctx, photos, 'body.photoIds');
    if (photos.length > 0) {
      await tx
        .insertInto('case_photos')
        .values(
          photos.map((file) => ({
            case_id: caseId,
            file_id: file,
            phase: 'before' as const,
            added_by: ctx.actor.id || null,
            added_at: now,
          })),
        )
        .execute();
    }
    const event = await tx
      .insertInto('case_events')
      .values({
        case_id: caseId,
        at: now,
        actor_id: ctx.actor.id || null,
        actor_name: ctx.actor.username,
        actor_role: ctx.actor.role,
        action: 'citizen-update',
        from_status: row.status,
        to_status: row.status,
        note: input.note || null,
        attachments: JSON.stringify(photos),
        changes: JSON.stringify(
          input.claimedStatus ? { claimed_status: { before: null, after: input.claimedStatus } } : {},
        ),
        effects: JSON.stringify([]),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'case.citizen_update',
      targetType: 'case',
      targetId: caseId,
      detail: { number: row.number, eventId: event.id, photos: photos.length },
    });
    await signalCaseChange(tx, row, 'citizen-update', row.status, now);
    return event.id;
  });
}

/** Jurisdiction of one case: inside the actor's regions, or assigned to the actor's department. */
export function visibleTo(ctx: RequestContext, row: Pick<CaseRow, 'grid_code' | 'department_id'>): boolean {
  const scope = scopeOf(ctx.actor);
  if (scope.kind === 'all') return true;
  if (codeInScope(scope, row.grid_code)) return true;
  return scope.departmentId !== null && scope.departmentId === row.department_id;
}

export type { CaseStatus };
