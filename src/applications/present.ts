/**
 * Presenters: the application as the API shows it (docs/api/services.md "Applications"), built
 * explicitly so no column leaks. Who looks decides what is shown: the applicant and staff with a
 * full grant see names and form values; a masked grant sees names masked and no form values.
 */
import type { Kysely } from 'kysely';
import type { WorkingCalendar } from '../calendar/index.js';
import type { ItemVersion } from '../catalogue/index.js';
import type { DB } from '../db/schema.js';
import { departmentNames } from '../departments/index.js';
import { databaseFileStore } from '../files/index.js';
import { maskName } from '../reporters/index.js';
import { maskPhone } from '../shared/codes/index.js';
import {
  APPLICATION_ACTION_NAMES,
  APPLICATION_STATE_NAMES,
  type ActorKind,
  type ApplicationAction,
  type ApplicationState,
  type CorrectionRecord,
  type DecisionRecord,
  type Light,
  type MaterialMark,
} from './model.js';
import { childrenOf, eventsOf, type ApplicationRow } from './repo.js';
import { bundleProgress, type BundleProgress } from './rules/bundle.js';
import { allowedActions } from './rules/lifecycle.js';
import {
  clockOf,
  correctionOf,
  decisionOf,
  factsOf,
  formOf,
  opened,
  stateOf,
  type ApplicationDeps,
} from './support.js';

export type Viewer = { kind: ActorKind; full: boolean };

export interface ClockDto {
  acceptDueAt: string | null;
  dueAt: string | null;
  expectedCompletionDate: string | null;
  light: Light;
  pausedDays: number;
  extensionDays: number;
}

export interface ApplicationSummary {
  id: number;
  number: string;
  state: ApplicationState;
  stateName: string;
  itemId: number;
  itemName: string;
  departmentId: number;
  departmentName: string;
  channel: string;
  applicantKind: string;
  applicantName: string;
  isBundle: boolean;
  parentId: number | null;
  acceptanceNumber: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
  createdAt: string;
  clock: ClockDto;
  version: number;
}

export interface ApplicationView {
  id: number;
  number: string;
  state: ApplicationState;
  stateName: string;
  item: {
    id: number;
    versionId: number;
    versionNumber: number;
    name: string;
    implementationCode: string;
    departmentId: number;
    departmentName: string;
    promisedDays: number;
    legalDays: number;
    isBundle: boolean;
  };
  channel: string;
  applicant: {
    kind: string;
    name: string;
    idNumberMasked: string | null;
    creditCode: string | null;
    phoneMasked: string | null;
  };
  agent: { name: string; relation: string } | null;
  form: Record<string, unknown>;
  materials: {
    key: string;
    name: string;
    required: boolean;
    fileId: string | null;
    fileName: string | null;
    mediaType: string | null;
    mark: MaterialMark | null;
    note: string | null;
  }[];
  correction: (CorrectionRecord & { used: boolean }) | null;
  acceptanceNumber: string | null;
  acceptedAt: string | null;
  submittedAt: string | null;
  clock: ClockDto;
  pending: {
    hold: { byName: string; at: string; reason: string } | null;
    extension: { byName: string; at: string; reason: string; days: number } | null;
  };
  specialStep: { kind: string; from: string; note: string | null } | null;
  decision: DecisionRecord | null;
  deliveredAt: string | null;
  closed: { reason: string | null; legalBasis: string | null } | null;
  children: {
    id: number;
    number: string;
    state: ApplicationState;
    stateName: string;
    item: { name: string; departmentName: string };
  }[];
  progress: BundleProgress | null;
  parentId: number | null;
  history: {
    at: string;
    action: string;
    actionName: string;
    actorName: string;
    note: string | null;
    state: ApplicationState;
  }[];
  allowedActions: ApplicationAction[];
  createdAt: string;
  version: number;
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

function clockDto(calendar: WorkingCalendar, row: ApplicationRow, now: Date): ClockDto {
  const c = clockOf(calendar, row, now);
  return {
    acceptDueAt: iso(c.acceptDueAt),
    dueAt: iso(c.dueAt),
    expectedCompletionDate: c.expectedCompletionDate,
    light: c.light,
    pausedDays: c.pausedDays,
    extensionDays: c.extensionDays,
  };
}

function applicantName(deps: ApplicationDeps, row: ApplicationRow, full: boolean): string {
  const name = opened(deps.ring, 'applicant_name_enc', row.number, row.applicant_name_enc);
  // A legal person's name is a public register entry; a person's is personal data.
  return full || row.applicant_kind === 'legal_person' ? name : maskName(name);
}

export async function presentSummaries(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  calendar: WorkingCalendar,
  rows: readonly ApplicationRow[],
  now: Date,
): Promise<ApplicationSummary[]> {
  const names = await departmentNames(
    db,
    rows.map((r) => r.department_id),
  );
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    state: stateOf(row),
    stateName: APPLICATION_STATE_NAMES[stateOf(row)],
    itemId: row.item_id,
    itemName: row.item_name,
    departmentId: row.department_id,
    departmentName: names.get(row.department_id)?.name ?? '',
    channel: row.channel,
    applicantKind: row.applicant_kind,
    applicantName: applicantName(deps, row, false),
    isBundle: row.is_bundle,
    parentId: row.parent_id,
    acceptanceNumber: row.acceptance_number,
    submittedAt: iso(row.submitted_at),
    acceptedAt: iso(row.accepted_at),
    createdAt: row.created_at.toISOString(),
    clock: clockDto(calendar, row, now),
    version: row.version,
  }));
}

export async function presentApplication(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  calendar: WorkingCalendar,
  row: ApplicationRow,
  version: ItemVersion,
  viewer: Viewer,
  now: Date,
): Promise<ApplicationView> {
  const children = row.is_bundle ? await childrenOf(db, row.id) : [];
  const names = await departmentNames(db, [row.department_id, ...children.map((c) => c.department_id)]);
  const metas = new Map(
    await Promise.all(
      row.materials
        .filter((m) => m.fileId !== null)
        .map(async (m) => [m.fileId!, await databaseFileStore.findMeta(db, m.fileId!)] as const),
    ),
  );
  const events = await eventsOf(db, row.id);
  const phone =
    row.contact_phone_enc === null
      ? null
      : opened(deps.ring, 'contact_phone_enc', row.number, row.contact_phone_enc);
  const agentName =
    row.agent_name_enc === null ? null : opened(deps.ring, 'agent_name_enc', row.number, row.agent_name_enc);
  const pauses = row.pauses;
  const running = pauses.find((p) => p.to === null && p.kind !== 'hold') ?? null;
  const correction = correctionOf(row);
  const decision = decisionOf(row);
  const state = stateOf(row);
  return {
    id: row.id,
    number: row.number,
    state,
    stateName: APPLICATION_STATE_NAMES[state],
    item: {
      id: row.item_id,
      versionId: row.item_version_id,
      versionNumber: version.version,
      name: row.item_name,
      implementationCode: version.implementationCode,
      departmentId: row.department_id,
      departmentName: names.get(row.department_id)?.name ?? '',
      promisedDays: row.promised_days,
      legalDays: row.legal_days,
      isBundle: row.is_bundle,
    },
    channel: row.channel,
    applicant: {
      kind: row.applicant_kind,
      name: applicantName(deps, row, viewer.full),
      idNumberMasked: row.applicant_kind === 'person' ? row.applicant_id_masked : null,
      creditCode: row.applicant_kind === 'legal_person' ? row.applicant_id_masked : null,
      phoneMasked: phone === null ? null : maskPhone(phone),
    },
    agent:
      agentName === null
        ? null
        : { name: viewer.full ? agentName : maskName(agentName), relation: row.agent_relation ?? '委托' },
    form: viewer.full ? formOf(deps.ring, row) : {},
    materials: version.guide.materials.map((requirement) => {
      const slot = row.materials.find((m) => m.key === requirement.key);
      const meta = slot?.fileId ? metas.get(slot.fileId) : undefined;
      return {
        key: requirement.key,
        name: requirement.name,
        required: requirement.required,
        fileId: slot?.fileId ?? null,
        fileName: meta?.originalName ?? null,
        mediaType: meta?.contentType ?? null,
        mark: slot?.mark ?? null,
        note: slot?.note ?? null,
      };
    }),
    correction: correction ? { ...correction, used: row.correction_used } : null,
    acceptanceNumber: row.acceptance_number,
    acceptedAt: iso(row.accepted_at),
    submittedAt: iso(row.submitted_at),
    clock: clockDto(calendar, row, now),
    pending: {
      hold: row.pending_hold
        ? { byName: row.pending_hold.byName, at: row.pending_hold.at, reason: row.pending_hold.reason }
        : null,
      extension: row.pending_extension
        ? {
            byName: row.pending_extension.byName,
            at: row.pending_extension.at,
            reason: row.pending_extension.reason,
            days: row.pending_extension.days ?? 0,
          }
        : null,
    },
    specialStep: running ? { kind: running.kind, from: running.from, note: running.note } : null,
    decision,
    deliveredAt: iso(row.delivered_at),
    closed:
      state === 'rejected' || state === 'withdrawn'
        ? { reason: row.closed_reason, legalBasis: row.closed_basis }
        : null,
    children: children.map((c) => ({
      id: c.id,
      number: c.number,
      state: stateOf(c),
      stateName: APPLICATION_STATE_NAMES[stateOf(c)],
      item: { name: c.item_name, departmentName: names.get(c.department_id)?.name ?? '' },
    })),
    progress: row.is_bundle
      ? bundleProgress(children.map((c) => ({ state: stateOf(c), outcome: c.decision?.outcome ?? null })))
      : null,
    parentId: row.parent_id,
    history: events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      actionName: APPLICATION_ACTION_NAMES[e.action as ApplicationAction] ?? e.action,
      actorName: e.actor_name,
      note: e.note,
      state: e.to_state as ApplicationState,
    })),
    allowedActions: allowedActions(viewer.kind, factsOf(row)),
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}
