/**
 * What every use case of the module shares: its dependencies, the record of an application with
 * its envelopes opened on demand, history and applicant notices, and the clock columns.
 */
import type { Kysely, Transaction } from 'kysely';
import { localDateOf, type CalendarProvider, type WorkingCalendar } from '../calendar/index.js';
import { getItemVersion, type ItemVersion } from '../catalogue/index.js';
import type { DB } from '../db/schema.js';
import { notifyCitizen, type OutboundChannel } from '../notifications/index.js';
import { decrypt, encrypt, type KeyRing } from '../reporters/index.js';
import { DomainError } from '../shared/errors.js';
import type { RequestContext } from '../shared/context.js';
import {
  APPLICATION_STATE_NAMES,
  type ApplicationMaterial,
  type ApplicationState,
  type ClockPause,
  type CorrectionRecord,
  type DecisionRecord,
  type PendingRequest,
} from './model.js';
import { insertEvent, updateApplication, type ApplicationRow, type EventInput } from './repo.js';
import { applicationClock, type ClockView } from './rules/clock.js';
import type { LifecycleFacts } from './rules/lifecycle.js';

export interface ApplicationDeps {
  ring: KeyRing;
  calendars: CalendarProvider;
  timeZone: string;
  /** SMS to the applicant's contact number; null sends none (in-app only). */
  outbound: OutboundChannel | null;
  now?: () => Date;
}

export const nowOf = (deps: Pick<ApplicationDeps, 'now'>): Date => (deps.now ? deps.now() : new Date());

export function todayOf(deps: Pick<ApplicationDeps, 'now' | 'timeZone'>): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: deps.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(nowOf(deps));
}

/** The envelope context binds each ciphertext to its application number and column. */
const context = (column: string, number: string) => `applications.${column}:${number}`;

export function sealed(ring: KeyRing, column: string, number: string, value: string): string {
  return encrypt(ring, value, context(column, number));
}

export function opened(ring: KeyRing, column: string, number: string, envelope: string): string {
  return decrypt(ring, envelope, context(column, number));
}

export function formOf(ring: KeyRing, row: ApplicationRow): Record<string, unknown> {
  return JSON.parse(opened(ring, 'form_enc', row.number, row.form_enc)) as Record<string, unknown>;
}

export function sealForm(ring: KeyRing, number: string, form: Record<string, unknown>): string {
  return sealed(ring, 'form_enc', number, JSON.stringify(form));
}

export const materialsOf = (row: ApplicationRow): ApplicationMaterial[] => row.materials;
export const pausesOfRow = (row: ApplicationRow): ClockPause[] => row.pauses;
export const correctionOf = (row: ApplicationRow): CorrectionRecord | null => row.correction;
export const decisionOf = (row: ApplicationRow): DecisionRecord | null => row.decision;
export const pendingOf = (value: PendingRequest | null): PendingRequest | null => value;
export const stateOf = (row: ApplicationRow): ApplicationState => row.state as ApplicationState;

export function factsOf(row: ApplicationRow): LifecycleFacts {
  return {
    state: stateOf(row),
    correctionUsed: row.correction_used,
    isBundle: row.is_bundle,
    isChild: row.parent_id !== null,
    promisedDays: row.promised_days,
    legalDays: row.legal_days,
    extensionDays: row.extension_days,
    pendingHold: row.pending_hold !== null,
    pendingExtension: row.pending_extension !== null,
  };
}

export function clockOf(calendar: WorkingCalendar, row: ApplicationRow, now: Date): ClockView {
  return applicationClock(
    calendar,
    {
      state: stateOf(row),
      submittedAt: row.submitted_at,
      acceptedAt: row.accepted_at,
      decidedAt: row.decision ? new Date(row.decision.decidedAt) : null,
      acceptanceDays: row.acceptance_days,
      promisedDays: row.promised_days,
      extensionDays: row.extension_days,
      pauses: row.pauses,
    },
    now,
  );
}

/** The clock columns (for lists and the sweep) of a row after its change. */
export function clockColumns(calendar: WorkingCalendar, row: ApplicationRow, now: Date) {
  const clock = clockOf(calendar, row, now);
  return { accept_due_at: clock.acceptDueAt, due_at: clock.dueAt, light: clock.light };
}

export async function versionOf(
  db: Kysely<DB>,
  row: Pick<ApplicationRow, 'item_version_id'>,
): Promise<ItemVersion> {
  const version = await getItemVersion(db, row.item_version_id);
  if (!version) throw new Error(`application item version ${row.item_version_id} is missing`);
  return version;
}

export function notFound(id: number | string): DomainError {
  return new DomainError('APPLICATION_NOT_FOUND', `No application ${id}`);
}

export function checkVersion(row: ApplicationRow, version: number): void {
  if (row.version !== version)
    throw new DomainError(
      'VERSION_CONFLICT',
      `Application ${row.number} is at version ${row.version}, not ${version}`,
      {
        currentVersion: row.version,
      },
    );
}

const ROLE_NAMES: Record<string, string> = {
  admin: '管理员',
  window_clerk: '综合窗口',
  handler: '承办人',
  department_lead: '审批人',
};

/** 姓名（岗位） of a staff member, as the history shows it. */
export function staffActor(ctx: RequestContext): EventInput['actor'] {
  const role = ROLE_NAMES[ctx.actor.role] ?? ctx.actor.role;
  return {
    kind: 'staff',
    userId: ctx.actor.id === 0 ? null : ctx.actor.id,
    name: `${ctx.actor.displayName}（${role}）`,
  };
}

export const applicantActor = (citizenId: number): EventInput['actor'] => ({
  kind: 'applicant',
  citizenId,
  name: '申请人',
});

export const SYSTEM_ACTOR: EventInput['actor'] = { kind: 'system', name: '系统' };

/**
 * Writes a change: the new columns with the clock recomputed, the history event, and a notice to
 * the applicant (in-app, and SMS to the contact number when the channel is configured). Returns
 * the row as written.
 */
export async function change(
  tx: Transaction<DB>,
  deps: ApplicationDeps,
  calendar: WorkingCalendar,
  row: ApplicationRow,
  input: {
    action: string;
    to: ApplicationState;
    set: Partial<ApplicationRow>;
    actor: EventInput['actor'];
    note: string | null;
    /** What the applicant is told; none for internal steps (material marks, requests to the lead). */
    tell?: { title: string; body?: string } | null;
  },
): Promise<ApplicationRow> {
  const now = nowOf(deps);
  const next: ApplicationRow = { ...row, ...input.set, state: input.to };
  const columns = { ...serialise(input.set), state: input.to, ...clockColumns(calendar, next, now) };
  await updateApplication(tx, row.id, columns, now);
  await insertEvent(tx, {
    applicationId: row.id,
    at: now,
    action: input.action,
    fromState: stateOf(row),
    toState: input.to,
    actor: input.actor,
    note: input.note,
  });
  if (input.tell) await tellApplicant(tx, deps, next, input.tell);
  return { ...next, ...clockColumns(calendar, next, now), version: row.version + 1, updated_at: now };
}

/** JSON columns go to the driver as text. */
export function serialise(set: Partial<ApplicationRow>): Record<string, unknown> {
  const json = new Set([
    'materials',
    'correction',
    'pauses',
    'pending_hold',
    'pending_extension',
    'decision',
  ]);
  return Object.fromEntries(
    Object.entries(set).map(([k, v]) => [
      k,
      json.has(k) && v !== null && v !== undefined ? JSON.stringify(v) : v,
    ]),
  );
}

/** Tells the acting citizen (who has the account, or the walk-in record's inbox) of a change. */
export async function tellApplicant(
  tx: Transaction<DB>,
  deps: ApplicationDeps,
  row: ApplicationRow,
  message: { title: string; body?: string },
): Promise<void> {
  const phone = row.contact_phone_enc
    ? opened(deps.ring, 'contact_phone_enc', row.number, row.contact_phone_enc)
    : null;
  const title = `【${row.item_name}】${message.title}`;
  await notifyCitizen(
    tx,
    row.acting_citizen_id,
    {
      kind: 'application',
      title,
      body: `${message.body ?? ''}${message.body ? '\n' : ''}申请编号 ${row.number}，当前状态：${APPLICATION_STATE_NAMES[stateOf(row)]}`,
      subject: { type: 'application', id: row.number },
      link: `/m/applications/${row.id}`,
    },
    deps.outbound
      ? { channel: deps.outbound, to: phone, text: `${title}（申请编号 ${row.number}）` }
      : undefined,
  );
}

export function dayOf(calendar: WorkingCalendar, at: Date): string {
  return localDateOf(calendar, at);
}
