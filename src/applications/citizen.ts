/**
 * The applicant's use cases online (一网通办), one transaction each: apply (a draft or at once),
 * save a draft, submit, correct once after 一次性告知, withdraw; read and list their own. A citizen
 * sees the applications they act in or apply by; any other id answers 404.
 */
import type { Kysely } from 'kysely';
import {
  applicantProfile,
  resolveApplicant,
  type CitizenContext,
  type Principal,
} from '../applicants/index.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import { validationError } from '../shared/errors.js';
import { toPage, type Page } from '../shared/pagination.js';
import { inTransaction } from '../shared/transaction.js';
import { applicableVersion, checkSubject, itemChain, checkedMaterials, writeApplication } from './create.js';
import { renderNotice, type NoticeKind } from './notices.js';
import { OPEN_STATES } from './rules/lifecycle.js';
import type { ApplicationState } from './model.js';
import {
  presentApplication,
  presentSummaries,
  type ApplicationSummary,
  type ApplicationView,
} from './present.js';
import { childrenOf, findApplication, listForCitizen, type ApplicationRow } from './repo.js';
import { formValueErrors, prefillValues } from './rules/form.js';
import { correctionAnswerErrors, type MaterialRef } from './rules/materials.js';
import { allowed } from './staff.js';
import {
  applicantActor,
  change,
  checkVersion,
  formOf,
  notFound,
  nowOf,
  sealForm,
  stateOf,
  todayOf,
  versionOf,
  type ApplicationDeps,
} from './support.js';

const citizenAudit = (cc: CitizenContext): AuditContext => ({
  actor: { id: 0, username: `citizen:${cc.citizenId}` },
  clientIp: cc.clientIp,
  requestId: cc.requestId,
});

export type OnBehalfOf = { legalPersonId: number } | { citizenId: number };

export interface OnlineApplication {
  itemId: number;
  onBehalfOf?: OnBehalfOf | null;
  form?: Record<string, unknown>;
  materials?: MaterialRef[];
  submit: boolean;
}

function principalOf(cc: CitizenContext, onBehalfOf: OnBehalfOf | null | undefined): Principal {
  if (!onBehalfOf) return { kind: 'person', citizenId: cc.citizenId };
  return 'legalPersonId' in onBehalfOf
    ? { kind: 'legal_person', legalPersonId: onBehalfOf.legalPersonId }
    : { kind: 'person', citizenId: onBehalfOf.citizenId };
}

async function mine(db: Kysely<DB>, cc: CitizenContext, id: number, lock = false): Promise<ApplicationRow> {
  const row = await findApplication(db, id, { citizenId: cc.citizenId, lock });
  if (!row) throw notFound(id);
  return row;
}

async function present(db: Kysely<DB>, deps: ApplicationDeps, row: ApplicationRow): Promise<ApplicationView> {
  const calendar = await deps.calendars.get(db);
  return presentApplication(
    db,
    deps,
    calendar,
    row,
    await versionOf(db, row),
    { kind: 'applicant', full: true },
    nowOf(deps),
  );
}

/** 网上申请: a draft, or submitted at once (the form then validated in full). */
export async function applyOnline(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  cc: CitizenContext,
  input: OnlineApplication,
): Promise<ApplicationView> {
  return inTransaction(db, async (tx) => {
    const calendar = await deps.calendars.get(tx);
    const version = await applicableVersion(tx, deps, input.itemId, 'online');
    const ref = await resolveApplicant(tx, deps.ring, {
      actingCitizenId: cc.citizenId,
      applicant: principalOf(cc, input.onBehalfOf),
      itemIds: await itemChain(tx, version.itemId),
      on: todayOf(deps),
    });
    checkSubject(version, ref, '/onBehalfOf');
    const profile = await applicantProfile(tx, deps.ring, ref);
    const { materials, errors } = await checkedMaterials(tx, version, [], input.materials ?? [], {
      citizenId: cc.citizenId,
    });
    const row = await writeApplication(
      tx,
      deps,
      calendar,
      {
        version,
        channel: 'online',
        ref,
        profile,
        agentRelation: null,
        form: input.form ?? {},
        materials,
        submit: input.submit,
        registeredByUserId: null,
        actor: applicantActor(cc.citizenId),
        action: 'create',
      },
      errors,
    );
    await recordAudit(tx, citizenAudit(cc), {
      action: 'application.create',
      targetType: 'application',
      targetId: row.id,
      detail: { number: row.number, itemId: version.itemId, submitted: input.submit },
    });
    return present(tx, deps, row);
  });
}

/** The form values the item's form pre-fills from the applicant's profile. */
export async function prefillForMe(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  cc: CitizenContext,
  itemId: number,
  onBehalfOf: OnBehalfOf | null,
): Promise<{ values: Record<string, unknown> }> {
  const version = await applicableVersion(db, deps, itemId, 'online');
  const ref = await resolveApplicant(db, deps.ring, {
    actingCitizenId: cc.citizenId,
    applicant: principalOf(cc, onBehalfOf),
    itemIds: await itemChain(db, version.itemId),
    on: todayOf(deps),
  });
  return { values: prefillValues(version.form, await applicantProfile(db, deps.ring, ref)) };
}

/** 保存草稿: form and materials of a draft (the form typed, not yet complete). */
export async function updateDraft(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  cc: CitizenContext,
  id: number,
  input: { form?: Record<string, unknown>; materials?: MaterialRef[]; version: number },
): Promise<ApplicationView> {
  return inTransaction(db, async (tx) => {
    const row = await mine(tx, cc, id, true);
    checkVersion(row, input.version);
    const to = allowed('save', 'applicant', row);
    const version = await versionOf(tx, row);
    const { materials, errors } = await checkedMaterials(tx, version, row.materials, input.materials ?? [], {
      citizenId: cc.citizenId,
    });
    const form = input.form ?? formOf(deps.ring, row);
    errors.push(...formValueErrors(version.form, form, 'draft'));
    if (errors.length > 0) throw validationError(errors);
    const calendar = await deps.calendars.get(tx);
    const after = await change(tx, deps, calendar, row, {
      action: 'save',
      to,
      set: { materials, form_enc: sealForm(deps.ring, row.number, form) },
      actor: applicantActor(cc.citizenId),
      note: null,
      tell: null,
    });
    return present(tx, deps, after);
  });
}

/** 提交: the form validated in full against the version it was made under. */
export async function submitDraft(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  cc: CitizenContext,
  id: number,
  input: { version: number },
): Promise<ApplicationView> {
  return inTransaction(db, async (tx) => {
    const row = await mine(tx, cc, id, true);
    checkVersion(row, input.version);
    const to = allowed('submit', 'applicant', row);
    const version = await versionOf(tx, row);
    const errors = formValueErrors(version.form, formOf(deps.ring, row), 'submit');
    if (errors.length > 0) throw validationError(errors);
    const calendar = await deps.calendars.get(tx);
    const after = await change(tx, deps, calendar, row, {
      action: 'submit',
      to,
      set: { submitted_at: nowOf(deps) },
      actor: applicantActor(cc.citizenId),
      note: null,
      tell: { title: '申请已提交' },
    });
    return present(tx, deps, after);
  });
}

/**
 * 补正: once, answering the 一次性告知 — every listed material with a new file; the form may be
 * corrected too. The acceptance clock starts again from the correction.
 */
export async function correctApplication(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  cc: CitizenContext,
  id: number,
  input: { materials: MaterialRef[]; form?: Record<string, unknown>; version: number },
): Promise<ApplicationView> {
  return inTransaction(db, async (tx) => {
    const row = await mine(tx, cc, id, true);
    checkVersion(row, input.version);
    const to = allowed('correct', 'applicant', row);
    const version = await versionOf(tx, row);
    const { materials, errors } = await checkedMaterials(tx, version, row.materials, input.materials, {
      citizenId: cc.citizenId,
    });
    const form = input.form ?? formOf(deps.ring, row);
    errors.push(...formValueErrors(version.form, form, 'submit'));
    errors.push(...correctionAnswerErrors(row.correction!, row.materials, materials));
    if (errors.length > 0) throw validationError(errors);
    const now = nowOf(deps);
    const calendar = await deps.calendars.get(tx);
    const after = await change(tx, deps, calendar, row, {
      action: 'correct',
      to,
      set: {
        materials,
        form_enc: sealForm(deps.ring, row.number, form),
        correction: { ...row.correction!, correctedAt: now.toISOString() },
        submitted_at: now,
      },
      actor: applicantActor(cc.citizenId),
      note: null,
      tell: { title: '补正材料已提交，等待受理' },
    });
    await recordAudit(tx, citizenAudit(cc), {
      action: 'application.correct',
      targetType: 'application',
      targetId: row.id,
      detail: { number: row.number },
    });
    return present(tx, deps, after);
  });
}

/** 撤回: before the decision; a bundle's open children are withdrawn with it. */
export async function withdrawApplication(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  cc: CitizenContext,
  id: number,
  input: { reason?: string | null; version: number },
): Promise<ApplicationView> {
  return inTransaction(db, async (tx) => {
    const row = await mine(tx, cc, id, true);
    checkVersion(row, input.version);
    const to = allowed('withdraw', 'applicant', row);
    const reason = (input.reason ?? '').trim() || null;
    const calendar = await deps.calendars.get(tx);
    const closePauses = (r: ApplicationRow) =>
      r.pauses.map((p) => (p.to === null ? { ...p, to: nowOf(deps).toISOString() } : p));
    for (const child of row.is_bundle ? await childrenOf(tx, row.id, true) : []) {
      if (!OPEN_STATES.includes(stateOf(child))) continue;
      await change(tx, deps, calendar, child, {
        action: 'withdraw',
        to: 'withdrawn',
        set: { closed_reason: reason, pauses: closePauses(child) },
        actor: applicantActor(cc.citizenId),
        note: `随一件事 ${row.number} 撤回`,
        tell: null,
      });
    }
    const after = await change(tx, deps, calendar, row, {
      action: 'withdraw',
      to,
      set: { closed_reason: reason, pauses: closePauses(row) },
      actor: applicantActor(cc.citizenId),
      note: reason,
      tell: { title: '申请已撤回' },
    });
    await recordAudit(tx, citizenAudit(cc), {
      action: 'application.withdraw',
      targetType: 'application',
      targetId: row.id,
      detail: { number: row.number },
    });
    return present(tx, deps, after);
  });
}

export async function readMine(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  cc: CitizenContext,
  id: number,
): Promise<ApplicationView> {
  return present(db, deps, await mine(db, cc, id));
}

/** The row of one's own application (for its printable notices). */
/** A printable notice of the citizen's own application. */
export async function myNotice(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  cc: CitizenContext,
  id: number,
  kind: NoticeKind,
): Promise<string> {
  return renderNotice(db, deps, await myRow(db, cc, id), kind);
}

export function myRow(db: Kysely<DB>, cc: CitizenContext, id: number): Promise<ApplicationRow> {
  return mine(db, cc, id);
}

export async function listMine(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  cc: CitizenContext,
  filter: { state?: ApplicationState; cursor?: string; limit: number },
): Promise<Page<ApplicationSummary>> {
  const rows = await listForCitizen(db, cc.citizenId, filter);
  const page = toPage(
    rows,
    filter.limit,
    (r) => r,
    (r) => [r.id],
  );
  const calendar = await deps.calendars.get(db);
  return {
    items: await presentSummaries(db, deps, calendar, page.items, nowOf(deps)),
    nextCursor: page.nextCursor,
  };
}
