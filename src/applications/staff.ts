/**
 * Staff use cases, one transaction each: the 综合窗口 registers walk-in applications (即办 too),
 * marks materials, accepts, refuses or asks for the one correction, and delivers; the implementing
 * department reviews, runs special steps, holds and extends (its lead approves), and decides.
 * Department staff reach only their department's applications (in the query); every read of
 * personal data and every change is audited in the same transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  applicantProfile,
  registerWalkInApplicant,
  resolveApplicant,
  type Principal,
} from '../applicants/index.js';
import { recordAudit } from '../audit/index.js';
import type { WorkingCalendar } from '../calendar/index.js';
import type { DeliveryMethod, SpecialStepKind } from '../catalogue/index.js';
import type { DB } from '../db/schema.js';
import { authorize, type Permission } from '../identity/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError, validationError, type FieldError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { renderNotice, type NoticeKind } from './notices.js';
import {
  applicableVersion,
  checkSubject,
  checkedMaterials,
  createChildren,
  itemChain,
  writeApplication,
} from './create.js';
import {
  DELIVERY_NAMES,
  MATERIAL_MARK_NAMES,
  OUTCOME_NAMES,
  SPECIAL_STEP_NAMES,
  type ActorKind,
  type ApplicationAction,
  type ApplicationMaterial,
  type ApplicationState,
  type DecisionRecord,
  type MaterialMark,
  type Outcome,
} from './model.js';
import {
  presentApplication,
  presentSummaries,
  type ApplicationSummary,
  type ApplicationView,
} from './present.js';
import {
  childrenOf,
  findApplication,
  listApplications,
  nextNumber,
  reachOf,
  type ApplicationRow,
  type StaffListFilter,
} from './repo.js';
import { bundleProgress } from './rules/bundle.js';
import { endPause, startPause } from './rules/clock.js';
import {
  actorKindOf,
  decideAction,
  extensionProblem,
  DEFAULT_MAX_EXTENSION_DAYS,
} from './rules/lifecycle.js';
import {
  applyMarks,
  correctionItems,
  type CorrectionItemInput,
  type MaterialRef,
} from './rules/materials.js';
import {
  change,
  checkVersion,
  dayOf,
  factsOf,
  formOf,
  notFound,
  nowOf,
  stateOf,
  staffActor,
  SYSTEM_ACTOR,
  todayOf,
  versionOf,
  type ApplicationDeps,
} from './support.js';
import { toPage, type Page } from '../shared/pagination.js';

function kindOf(ctx: RequestContext): ActorKind {
  const kind = actorKindOf(ctx.actor.role);
  if (kind === null)
    throw new DomainError(
      'APPLICATION_FORBIDDEN_ROLE',
      `The ${ctx.actor.role} role has no part in applications`,
    );
  return kind;
}

/** Refuses an action the lifecycle does not allow, with its code. */
export function allowed(action: ApplicationAction, kind: ActorKind, row: ApplicationRow): ApplicationState {
  const decision = decideAction(action, kind, factsOf(row));
  if (!decision.ok) throw new DomainError(decision.code, decision.reason);
  return decision.to;
}

async function view(
  tx: Kysely<DB>,
  deps: ApplicationDeps,
  ctx: RequestContext,
  calendar: WorkingCalendar,
  row: ApplicationRow,
): Promise<ApplicationView> {
  const scope = authorize(ctx.actor, 'applications:read');
  return presentApplication(
    tx,
    deps,
    calendar,
    row,
    await versionOf(tx, row),
    { kind: actorKindOf(ctx.actor.role) ?? 'window', full: scope !== 'masked' },
    nowOf(deps),
  );
}

interface Step {
  tx: Transaction<DB>;
  row: ApplicationRow;
  calendar: WorkingCalendar;
  kind: ActorKind;
}

/**
 * One staff action: the application locked inside the actor's reach (404 outside it), the version
 * checked (409), the work done, an audit entry, and the view as it now stands.
 */
async function staffStep(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  ctx: RequestContext,
  id: number,
  permission: Permission,
  version: number,
  action: string,
  work: (step: Step) => Promise<ApplicationRow>,
): Promise<ApplicationView> {
  const scope = authorize(ctx.actor, permission);
  const kind = kindOf(ctx);
  return inTransaction(db, async (tx) => {
    const row = await findApplication(tx, id, { lock: true, reach: reachOf(ctx.actor, scope) });
    if (!row) throw notFound(id);
    checkVersion(row, version);
    const calendar = await deps.calendars.get(tx);
    const after = await work({ tx, row, calendar, kind });
    await recordAudit(tx, ctx, {
      action: `application.${action}`,
      targetType: 'application',
      targetId: row.id,
      detail: { number: row.number, from: row.state, to: after.state },
    });
    return view(tx, deps, ctx, calendar, (await findApplication(tx, id))!);
  });
}

const text = (value: string | null | undefined) => {
  const trimmed = (value ?? '').trim();
  return trimmed.length === 0 ? null : trimmed;
};

// --- 一窗受理 -------------------------------------------------------------------------------

export type WindowApplicant =
  | { citizenId: number }
  | { legalPersonId: number }
  | { walkIn: { realName: string; idNumber: string; phone?: string | null } };

export type WindowAgent =
  { citizenId: number } | { walkIn: { realName: string; idNumber: string; phone?: string | null } };

export interface WindowRegistration {
  itemId: number;
  applicant: WindowApplicant;
  /** The person at the counter when not the applicant (always, for a legal person). */
  agent?: WindowAgent | null;
  agentRelation?: '委托' | '代办' | null;
  form: Record<string, unknown>;
  materials: MaterialRef[];
  /** 即办: accept and decide (准予) at once; only for items promising 0 days. */
  instant?: boolean;
  note?: string | null;
}

async function personAtCounter(
  tx: Transaction<DB>,
  deps: ApplicationDeps,
  ctx: RequestContext,
  who: { citizenId: number } | { walkIn: { realName: string; idNumber: string; phone?: string | null } },
): Promise<number> {
  if ('citizenId' in who) return who.citizenId;
  const { person } = await registerWalkInApplicant(tx, deps.ring, ctx, who.walkIn, todayOf(deps));
  return person.citizenId;
}

/** 窗口登记: a walk-in application, submitted (or decided at once when 即办). */
export async function registerAtWindow(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  ctx: RequestContext,
  input: WindowRegistration,
): Promise<ApplicationView> {
  authorize(ctx.actor, 'applications:window');
  const kind = kindOf(ctx);
  return inTransaction(db, async (tx) => {
    const calendar = await deps.calendars.get(tx);
    const version = await applicableVersion(tx, deps, input.itemId, 'window');
    let principal: Principal;
    let applicantCitizen: number | null = null;
    if ('legalPersonId' in input.applicant) {
      principal = { kind: 'legal_person', legalPersonId: input.applicant.legalPersonId };
      if (!input.agent)
        throw validationError([
          { field: '/agent', reason: '法人申请须登记到场办理人（法定代表人或经办人）' },
        ]);
    } else {
      applicantCitizen = await personAtCounter(tx, deps, ctx, input.applicant);
      principal = { kind: 'person', citizenId: applicantCitizen };
    }
    const acting = input.agent ? await personAtCounter(tx, deps, ctx, input.agent) : applicantCitizen!;
    const ref = await resolveApplicant(tx, deps.ring, {
      actingCitizenId: acting,
      applicant: principal,
      itemIds: await itemChain(tx, version.itemId),
      on: todayOf(deps),
    });
    checkSubject(version, ref, '/applicant');
    const profile = await applicantProfile(tx, deps.ring, ref);
    const { materials, errors } = await checkedMaterials(tx, version, [], input.materials, {
      userId: ctx.actor.id,
    });
    let row = await writeApplication(
      tx,
      deps,
      calendar,
      {
        version,
        channel: 'window',
        ref,
        profile,
        agentRelation: input.agentRelation ?? null,
        form: input.form,
        materials,
        submit: true,
        registeredByUserId: ctx.actor.id,
        actor: staffActor(ctx),
        action: 'register',
      },
      errors,
    );
    if (input.instant) {
      allowed('instant', kind, row);
      row = await acceptRow(tx, deps, calendar, ctx, row, text(input.note));
      const decision: DecisionRecord = {
        outcome: 'approved',
        reason: null,
        legalBasis: null,
        decidedAt: nowOf(deps).toISOString(),
        resultDescription: version.guide.resultName,
        delivery: 'pickup',
      };
      row = await change(tx, deps, calendar, row, {
        action: 'instant',
        to: 'decided',
        set: { decision },
        actor: staffActor(ctx),
        note: '即办件当场办结',
        tell: {
          title: '已当场办结（即办）',
          body: `结果：${version.guide.resultName}，${DELIVERY_NAMES.pickup}`,
        },
      });
    }
    await recordAudit(tx, ctx, {
      action: 'application.register',
      targetType: 'application',
      targetId: row.id,
      detail: { number: row.number, itemId: version.itemId, instant: input.instant === true },
    });
    return view(tx, deps, ctx, calendar, (await findApplication(tx, row.id))!);
  });
}

// --- 受理 -------------------------------------------------------------------------------------

/** 受理: the acceptance number, the decision clock starts; a bundle's children are created. */
async function acceptRow(
  tx: Transaction<DB>,
  deps: ApplicationDeps,
  calendar: WorkingCalendar,
  ctx: RequestContext,
  row: ApplicationRow,
  note: string | null,
): Promise<ApplicationRow> {
  const now = nowOf(deps);
  const acceptanceNumber = await nextNumber(tx, 'SL', dayOf(calendar, now));
  const to: ApplicationState = row.is_bundle ? 'in_review' : 'accepted';
  let accepted = await change(tx, deps, calendar, row, {
    action: 'accept',
    to: 'accepted',
    set: { acceptance_number: acceptanceNumber, accepted_at: now },
    actor: staffActor(ctx),
    note,
    tell: { title: '已受理', body: `受理编号 ${acceptanceNumber}` },
  });
  if (to === 'in_review') {
    const version = await versionOf(tx, row);
    await createChildren(tx, deps, calendar, accepted, version, formOf(deps.ring, accepted), staffActor(ctx));
    accepted = await change(tx, deps, calendar, accepted, {
      action: 'start_review',
      to: 'in_review',
      set: {},
      actor: SYSTEM_ACTOR,
      note: `分送 ${version.bundleItemIds.length} 个子项并联办理`,
      tell: null,
    });
  }
  return accepted;
}

export async function acceptApplication(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  ctx: RequestContext,
  id: number,
  input: { version: number; note?: string | null },
) {
  return staffStep(db, deps, ctx, id, 'applications:window', input.version, 'accept', async (s) => {
    allowed('accept', s.kind, s.row);
    return acceptRow(s.tx, deps, s.calendar, ctx, s.row, text(input.note));
  });
}

/** 不予受理, with the reason and the legal basis (行政许可法 第三十二条). */
export async function rejectApplication(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  ctx: RequestContext,
  id: number,
  input: { version: number; reason: string; legalBasis: string },
) {
  return staffStep(db, deps, ctx, id, 'applications:window', input.version, 'reject', async (s) => {
    const to = allowed('reject', s.kind, s.row);
    const errors: FieldError[] = [];
    if (!text(input.reason)) errors.push({ field: '/reason', reason: '须说明不予受理的理由' });
    if (!text(input.legalBasis)) errors.push({ field: '/legalBasis', reason: '须写明法律依据' });
    if (errors.length > 0) throw validationError(errors);
    return change(s.tx, deps, s.calendar, s.row, {
      action: 'reject',
      to,
      set: { closed_reason: text(input.reason), closed_basis: text(input.legalBasis) },
      actor: staffActor(ctx),
      note: text(input.reason),
      tell: { title: '不予受理', body: `理由：${text(input.reason)}；依据：${text(input.legalBasis)}` },
    });
  });
}

/** 一次性告知: every item at once; a second request is refused (APPLICATION_CORRECTION_ALREADY_USED). */
export async function requestCorrection(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  ctx: RequestContext,
  id: number,
  input: { version: number; items: CorrectionItemInput[]; note?: string | null },
) {
  return staffStep(
    db,
    deps,
    ctx,
    id,
    'applications:window',
    input.version,
    'request_correction',
    async (s) => {
      const to = allowed('request_correction', s.kind, s.row);
      const version = await versionOf(s.tx, s.row);
      const { items, errors } = correctionItems(version.guide.materials, input.items);
      if (errors.length > 0) throw validationError(errors);
      const correction = {
        requestedAt: nowOf(deps).toISOString(),
        items,
        note: text(input.note),
        correctedAt: null,
      };
      // Marks follow what is asked: a listed material is missing or wrong.
      const materials = s.row.materials.map((m): ApplicationMaterial =>
        items.some((i) => i.key === m.key)
          ? {
              ...m,
              mark: m.fileId === null ? 'missing' : 'wrong',
              note: items.find((i) => i.key === m.key)!.reason,
            }
          : m,
      );
      return change(s.tx, deps, s.calendar, s.row, {
        action: 'request_correction',
        to,
        set: { correction, correction_used: true, materials },
        actor: staffActor(ctx),
        note: items.map((i) => `${i.name}：${i.reason}`).join('；'),
        tell: {
          title: '请补正材料（一次性告知）',
          body: items.map((i, n) => `${n + 1}. ${i.name}：${i.reason}`).join('\n'),
        },
      });
    },
  );
}

export async function markMaterials(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  ctx: RequestContext,
  id: number,
  input: { version: number; marks: { key: string; mark: MaterialMark; note?: string | null }[] },
) {
  return staffStep(db, deps, ctx, id, 'applications:window', input.version, 'mark_materials', async (s) => {
    const to = allowed('mark_materials', s.kind, s.row);
    const { materials, errors } = applyMarks(s.row.materials, input.marks);
    if (errors.length > 0) throw validationError(errors);
    // The history names each material and its mark as the window wrote them: 居民身份证：合格.
    const names = new Map((await versionOf(s.tx, s.row)).guide.materials.map((m) => [m.key, m.name]));
    return change(s.tx, deps, s.calendar, s.row, {
      action: 'mark_materials',
      to,
      set: { materials },
      actor: staffActor(ctx),
      note: input.marks
        .map(
          (m) =>
            `${names.get(m.key) ?? m.key}：${MATERIAL_MARK_NAMES[m.mark]}${m.note ? `（${m.note}）` : ''}`,
        )
        .join('；'),
      tell: null,
    });
  });
}

// --- 审查 -------------------------------------------------------------------------------------

export async function startReview(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  ctx: RequestContext,
  id: number,
  input: { version: number },
) {
  return staffStep(db, deps, ctx, id, 'applications:review', input.version, 'start_review', async (s) =>
    change(s.tx, deps, s.calendar, s.row, {
      action: 'start_review',
      to: allowed('start_review', s.kind, s.row),
      set: {},
      actor: staffActor(ctx),
      note: null,
      tell: { title: '审查中' },
    }),
  );
}

/** 特殊环节 (行政许可法 第四十五条): one the item's guide lists; the clock stops until it ends. */
export async function startSpecialStep(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  ctx: RequestContext,
  id: number,
  input: { version: number; kind: SpecialStepKind; note?: string | null },
) {
  return staffStep(
    db,
    deps,
    ctx,
    id,
    'applications:review',
    input.version,
    'start_special_step',
    async (s) => {
      const to = allowed('start_special_step', s.kind, s.row);
      const version = await versionOf(s.tx, s.row);
      const step = version.guide.specialSteps.find((x) => x.kind === input.kind);
      if (!step)
        throw validationError([
          { field: '/kind', reason: `该事项的办事指南未列出特殊环节「${SPECIAL_STEP_NAMES[input.kind]}」` },
        ]);
      return change(s.tx, deps, s.calendar, s.row, {
        action: 'start_special_step',
        to,
        set: { pauses: startPause(s.row.pauses, input.kind, nowOf(deps), text(input.note)) },
        actor: staffActor(ctx),
        note: `${step.name}（${step.days} 个工作日，不计入办理时限）${text(input.note) ? `：${text(input.note)}` : ''}`,
        tell: {
          title: `进入特殊环节：${step.name}`,
          body: `特殊环节时间不计入办理时限，预计 ${step.days} 个工作日`,
        },
      });
    },
  );
}

export async function endSpecialStep(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  ctx: RequestContext,
  id: number,
  input: { version: number; note?: string | null },
) {
  return staffStep(db, deps, ctx, id, 'applications:review', input.version, 'end_special_step', async (s) =>
    change(s.tx, deps, s.calendar, s.row, {
      action: 'end_special_step',
      to: allowed('end_special_step', s.kind, s.row),
      set: { pauses: endPause(s.row.pauses, nowOf(deps)) },
      actor: staffActor(ctx),
      note: text(input.note),
      tell: { title: '特殊环节结束，继续审查' },
    }),
  );
}

function pending(ctx: RequestContext, now: Date, reason: string, days?: number) {
  return {
    byUserId: ctx.actor.id,
    byName: staffActor(ctx).name,
    at: now.toISOString(),
    reason,
    ...(days ? { days } : {}),
  };
}

/**
 * 挂起: a handler asks, the department lead approves (the clock stops at approval); a lead's own
 * request is approved as it is made.
 */
export async function holdApplication(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  ctx: RequestContext,
  id: number,
  input: { version: number; reason: string },
) {
  return staffStep(db, deps, ctx, id, 'applications:review', input.version, 'hold', async (s) => {
    const reason = text(input.reason);
    if (!reason) throw validationError([{ field: '/reason', reason: '须说明挂起理由' }]);
    allowed('request_hold', s.kind, s.row);
    if (s.row.pending_hold !== null)
      throw new DomainError('APPLICATION_ILLEGAL_ACTION', '已有待批准的挂起申请');
    const now = nowOf(deps);
    const requested = await change(s.tx, deps, s.calendar, s.row, {
      action: 'request_hold',
      to: stateOf(s.row),
      set: { pending_hold: pending(ctx, now, reason) },
      actor: staffActor(ctx),
      note: reason,
      tell: null,
    });
    return s.kind === 'handler' ? requested : approveHoldRow(s, deps, ctx, requested);
  });
}

async function approveHoldRow(s: Step, deps: ApplicationDeps, ctx: RequestContext, row: ApplicationRow) {
  const to = allowed('approve_hold', s.kind, row);
  const reason = row.pending_hold!.reason;
  return change(s.tx, deps, s.calendar, row, {
    action: 'approve_hold',
    to,
    set: { pending_hold: null, pauses: startPause(row.pauses, 'hold', nowOf(deps), reason) },
    actor: staffActor(ctx),
    note: reason,
    tell: { title: '办件挂起', body: `理由：${reason}。挂起期间不计入办理时限` },
  });
}

export async function approveHold(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  ctx: RequestContext,
  id: number,
  input: { version: number },
) {
  return staffStep(db, deps, ctx, id, 'applications:review', input.version, 'approve_hold', (s) =>
    approveHoldRow(s, deps, ctx, s.row),
  );
}

export async function resumeApplication(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  ctx: RequestContext,
  id: number,
  input: { version: number; reason?: string | null },
) {
  return staffStep(db, deps, ctx, id, 'applications:review', input.version, 'resume', async (s) =>
    change(s.tx, deps, s.calendar, s.row, {
      action: 'resume',
      to: allowed('resume', s.kind, s.row),
      set: { pauses: endPause(s.row.pauses, nowOf(deps)) },
      actor: staffActor(ctx),
      note: text(input.reason),
      tell: { title: '恢复办理' },
    }),
  );
}

/** 延期 (行政许可法 第四十二条): once, at most 10 working days, approved by the department lead. */
export async function requestExtension(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  ctx: RequestContext,
  id: number,
  input: { version: number; days: number; reason: string },
) {
  return staffStep(db, deps, ctx, id, 'applications:review', input.version, 'extension', async (s) => {
    allowed('request_extension', s.kind, s.row);
    const errors: FieldError[] = [];
    const problem = extensionProblem(input.days, DEFAULT_MAX_EXTENSION_DAYS);
    if (problem) errors.push({ field: '/days', reason: problem });
    const reason = text(input.reason);
    if (!reason) errors.push({ field: '/reason', reason: '须说明延期理由' });
    if (errors.length > 0) throw validationError(errors);
    const requested = await change(s.tx, deps, s.calendar, s.row, {
      action: 'request_extension',
      to: stateOf(s.row),
      set: { pending_extension: pending(ctx, nowOf(deps), reason!, input.days) },
      actor: staffActor(ctx),
      note: `${input.days} 个工作日：${reason}`,
      tell: null,
    });
    return s.kind === 'handler' ? requested : approveExtensionRow(s, deps, ctx, requested);
  });
}

async function approveExtensionRow(s: Step, deps: ApplicationDeps, ctx: RequestContext, row: ApplicationRow) {
  const to = allowed('approve_extension', s.kind, row);
  const request = row.pending_extension!;
  return change(s.tx, deps, s.calendar, row, {
    action: 'approve_extension',
    to,
    set: { pending_extension: null, extension_days: row.extension_days + (request.days ?? 0) },
    actor: staffActor(ctx),
    note: `延长 ${request.days} 个工作日：${request.reason}`,
    tell: { title: `办理时限延长 ${request.days} 个工作日`, body: `理由：${request.reason}` },
  });
}

export async function approveExtension(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  ctx: RequestContext,
  id: number,
  input: { version: number },
) {
  return staffStep(db, deps, ctx, id, 'applications:review', input.version, 'approve_extension', (s) =>
    approveExtensionRow(s, deps, ctx, s.row),
  );
}

export interface DecideInput {
  version: number;
  outcome: Outcome;
  reason?: string | null;
  legalBasis?: string | null;
  resultDescription?: string | null;
  delivery: DeliveryMethod;
}

/** 作出决定: 准予 or 不予 (with reason and basis); a bundle completes when its last child is decided. */
export async function decideApplication(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  ctx: RequestContext,
  id: number,
  input: DecideInput,
) {
  return staffStep(db, deps, ctx, id, 'applications:review', input.version, 'decide', async (s) => {
    const to = allowed('decide', s.kind, s.row);
    const version = await versionOf(s.tx, s.row);
    const errors: FieldError[] = [];
    if (input.outcome === 'refused') {
      if (!text(input.reason)) errors.push({ field: '/reason', reason: '不予许可须说明理由' });
      if (!text(input.legalBasis)) errors.push({ field: '/legalBasis', reason: '不予许可须写明法律依据' });
    }
    if (!version.guide.deliveryMethods.includes(input.delivery))
      errors.push({ field: '/delivery', reason: '该事项不提供这种送达方式' });
    if (errors.length > 0) throw validationError(errors);
    const decision: DecisionRecord = {
      outcome: input.outcome,
      reason: text(input.reason),
      legalBasis: text(input.legalBasis),
      decidedAt: nowOf(deps).toISOString(),
      resultDescription:
        text(input.resultDescription) ??
        (input.outcome === 'approved' ? version.guide.resultName : '不予许可决定书'),
      delivery: input.delivery,
    };
    const decided = await change(s.tx, deps, s.calendar, s.row, {
      action: 'decide',
      to,
      set: { decision },
      actor: staffActor(ctx),
      note: `${OUTCOME_NAMES[input.outcome]}${decision.reason ? `：${decision.reason}` : ''}`,
      tell: {
        title: `已办结：${OUTCOME_NAMES[input.outcome]}`,
        body: `${decision.resultDescription}，${DELIVERY_NAMES[input.delivery]}${decision.reason ? `；理由：${decision.reason}` : ''}`,
      },
    });
    await completeBundle(s.tx, deps, s.calendar, decided);
    return decided;
  });
}

/** The bundle of a just-decided child is decided when all its children are. */
async function completeBundle(
  tx: Transaction<DB>,
  deps: ApplicationDeps,
  calendar: WorkingCalendar,
  child: ApplicationRow,
): Promise<void> {
  if (child.parent_id === null) return;
  const parent = await findApplication(tx, child.parent_id, { lock: true });
  if (!parent || stateOf(parent) !== 'in_review') return;
  const children = await childrenOf(tx, parent.id);
  const progress = bundleProgress(
    children.map((c) => ({ state: stateOf(c), outcome: c.decision?.outcome ?? null })),
  );
  if (!progress.complete) return;
  decideAction('complete_bundle', 'system', factsOf(parent));
  const results = children.map(
    (c) => `${c.item_name}：${c.decision ? OUTCOME_NAMES[c.decision.outcome] : ''}`,
  );
  await change(tx, deps, calendar, parent, {
    action: 'complete_bundle',
    to: 'decided',
    set: {
      decision: {
        outcome: progress.outcome!,
        reason: progress.refused > 0 ? `${progress.refused} 个子项不予办理` : null,
        legalBasis: null,
        decidedAt: nowOf(deps).toISOString(),
        resultDescription: results.join('；'),
        delivery: children[0]?.decision?.delivery ?? 'pickup',
      },
    },
    actor: SYSTEM_ACTOR,
    note: results.join('；'),
    tell: { title: '一件事已全部办结', body: results.join('\n') },
  });
}

export async function deliverApplication(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  ctx: RequestContext,
  id: number,
  input: { version: number; note?: string | null },
) {
  return staffStep(db, deps, ctx, id, 'applications:window', input.version, 'deliver', async (s) =>
    change(s.tx, deps, s.calendar, s.row, {
      action: 'deliver',
      to: allowed('deliver', s.kind, s.row),
      set: { delivered_at: nowOf(deps) },
      actor: staffActor(ctx),
      note: text(input.note),
      tell: {
        title: '办理结果已送达',
        body: s.row.decision
          ? `${s.row.decision.resultDescription}（${DELIVERY_NAMES[s.row.decision.delivery]}）`
          : undefined,
      },
    }),
  );
}

// --- 查询 -------------------------------------------------------------------------------------

/** An application for staff, inside their reach; a full read of personal data is audited. */
export async function readForStaff(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  ctx: RequestContext,
  id: number,
): Promise<ApplicationView> {
  const scope = authorize(ctx.actor, 'applications:read');
  return inTransaction(db, async (tx) => {
    const row = await findApplication(tx, id, { reach: reachOf(ctx.actor, scope) });
    if (!row) throw notFound(id);
    const calendar = await deps.calendars.get(tx);
    if (scope !== 'masked')
      await recordAudit(tx, ctx, {
        action: 'application.read',
        targetType: 'application',
        targetId: row.id,
        detail: { number: row.number },
      });
    return view(tx, deps, ctx, calendar, row);
  });
}

/** The application row for a notice, inside the reader's reach (the notice read is audited by the caller). */
export async function rowForStaff(db: Kysely<DB>, ctx: RequestContext, id: number): Promise<ApplicationRow> {
  const scope = authorize(ctx.actor, 'applications:read');
  if (scope === 'masked')
    throw new DomainError('FORBIDDEN', 'Notices carry personal data your role sees masked only');
  const row = await findApplication(db, id, { reach: reachOf(ctx.actor, scope) });
  if (!row) throw notFound(id);
  return row;
}

/** A printable notice of an application in the caller's reach; reading its personal data is audited. */
export async function noticeForStaff(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  ctx: RequestContext,
  id: number,
  kind: NoticeKind,
): Promise<string> {
  return inTransaction(db, async (tx) => {
    const row = await rowForStaff(tx, ctx, id);
    const rendered = await renderNotice(tx, deps, row, kind);
    await recordAudit(tx, ctx, {
      action: 'application.notice',
      targetType: 'application',
      targetId: row.id,
      detail: { number: row.number, kind },
    });
    return rendered;
  });
}

export async function listForStaff(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  ctx: RequestContext,
  filter: StaffListFilter,
): Promise<Page<ApplicationSummary> & { total: number }> {
  const scope = authorize(ctx.actor, 'applications:read');
  const { rows, total } = await listApplications(db, reachOf(ctx.actor, scope), filter);
  const calendar = await deps.calendars.get(db);
  const page = toPage(
    rows,
    filter.limit,
    (r) => r,
    (r) => [r.id],
  );
  const items = await presentSummaries(db, deps, calendar, page.items, nowOf(deps));
  return { items, nextCursor: page.nextCursor, total };
}
