/**
 * Creating applications, for both channels: checking the item version, the applicant, the form and
 * the materials, then writing the row, its first history event, and the applicant's notice. And a
 * bundle's children, created when the bundle is accepted (一窗受理: one acceptance, then the
 * children run in parallel in their departments).
 */
import type { Kysely, Transaction } from 'kysely';
import type { ApplicantProfile, ApplicantRef } from '../applicants/index.js';
import type { WorkingCalendar } from '../calendar/index.js';
import { currentPublishedVersion, getItem, type ItemVersion } from '../catalogue/index.js';
import type { DB } from '../db/schema.js';
import { materialsNotAttachableBy } from '../files/index.js';
import { maskPhone } from '../shared/codes/index.js';
import { DomainError, validationError, type FieldError } from '../shared/errors.js';
import { APPLICATION_STATE_NAMES, type ApplicationChannel, type ApplicationMaterial } from './model.js';
import {
  findApplication,
  insertApplication,
  insertEvent,
  nextNumber,
  type ApplicationRow,
  type EventInput,
} from './repo.js';
import { childForm, childMaterials } from './rules/bundle.js';
import { formValueErrors, prefillValues } from './rules/form.js';
import { attachMaterials, type MaterialRef } from './rules/materials.js';
import {
  clockColumns,
  dayOf,
  nowOf,
  opened,
  sealForm,
  sealed,
  serialise,
  tellApplicant,
  todayOf,
  type ApplicationDeps,
} from './support.js';

/** The published version of an item in force today that this channel and applicant may apply for. */
export async function applicableVersion(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  itemId: number,
  channel: ApplicationChannel,
): Promise<ItemVersion> {
  const version = await currentPublishedVersion(db, itemId, todayOf(deps));
  if (!version)
    throw new DomainError(
      'APPLICATION_ITEM_NOT_AVAILABLE',
      `事项 ${itemId} 今日没有生效的已发布版本 (no published version in force)`,
    );
  const offered = channel === 'online' ? 'online' : 'hall';
  if (!version.guide.channels.includes(offered))
    throw new DomainError(
      'APPLICATION_ITEM_NOT_AVAILABLE',
      channel === 'online'
        ? '该事项不提供网上办理 (not offered online)'
        : '该事项不在大厅窗口办理 (not offered at the hall)',
    );
  return version;
}

/**
 * The item and its parent items (主项 → 子项 → 办理项): an authorisation of any of them covers the
 * application (docs/domain/applicants.md).
 */
export async function itemChain(db: Kysely<DB>, itemId: number): Promise<number[]> {
  const chain = [itemId];
  let parentId = (await getItem(db, itemId)).parentId;
  while (parentId !== null && !chain.includes(parentId) && chain.length < 5) {
    chain.push(parentId);
    parentId = (await getItem(db, parentId)).parentId;
  }
  return chain;
}

export function checkSubject(version: ItemVersion, ref: ApplicantRef, field: string): void {
  if (!version.guide.subjects.includes(ref.kind))
    throw validationError([
      {
        field,
        reason: ref.kind === 'person' ? '该事项的服务对象不含自然人' : '该事项的服务对象不含法人',
      },
    ]);
}

/** Materials checked against the version and the uploader's own files; errors name `/materials/<i>/…`. */
export async function checkedMaterials(
  tx: Kysely<DB>,
  version: ItemVersion,
  current: readonly ApplicationMaterial[],
  given: readonly MaterialRef[],
  uploader: { userId: number } | { citizenId: number },
): Promise<{ materials: ApplicationMaterial[]; errors: FieldError[] }> {
  const { materials, errors } = attachMaterials(version.guide.materials, current, given);
  const refused = new Set(
    await materialsNotAttachableBy(
      tx,
      uploader,
      given.map((g) => g.fileId),
    ),
  );
  given.forEach((g, i) => {
    if (refused.has(g.fileId))
      errors.push({
        field: `/materials/${i}/fileId`,
        reason: '不是您上传的申请材料文件 (not an application material you uploaded)',
      });
  });
  return { materials, errors };
}

export interface NewApplicationInput {
  version: ItemVersion;
  channel: ApplicationChannel;
  ref: ApplicantRef;
  profile: ApplicantProfile;
  agentRelation: '委托' | '代办' | null;
  form: Record<string, unknown>;
  materials: ApplicationMaterial[];
  submit: boolean;
  registeredByUserId: number | null;
  actor: EventInput['actor'];
  action: 'create' | 'register';
}

/** Validates the form (fully when submitting) and writes the application; returns its row. */
export async function writeApplication(
  tx: Transaction<DB>,
  deps: ApplicationDeps,
  calendar: WorkingCalendar,
  input: NewApplicationInput,
  errors: FieldError[] = [],
): Promise<ApplicationRow> {
  const { version, ref } = input;
  const form = prefillValues(version.form, input.profile, input.form);
  errors.push(...formValueErrors(version.form, form, input.submit ? 'submit' : 'draft'));
  if (errors.length > 0) throw validationError(errors);
  const now = nowOf(deps);
  const number = await nextNumber(tx, 'SQ', dayOf(calendar, now));
  const phone = input.profile['person.phone'];
  const state = input.submit ? 'submitted' : 'draft';
  const draft = {
    number,
    parent_id: null,
    item_id: version.itemId,
    item_version_id: version.id,
    item_name: version.name,
    is_bundle: version.bundleItemIds.length > 0,
    department_id: version.departmentId,
    channel: input.channel,
    state,
    applicant_kind: ref.kind,
    applicant_citizen_id: ref.citizenId,
    applicant_legal_person_id: ref.legalPersonId,
    acting_citizen_id: ref.acting.citizenId,
    acting_capacity: ref.acting.capacity,
    authorisation_id: ref.authorisationId,
    applicant_name_enc: sealed(deps.ring, 'applicant_name_enc', number, ref.displayName),
    applicant_id_masked: ref.maskedId,
    contact_phone_enc: phone ? sealed(deps.ring, 'contact_phone_enc', number, phone) : null,
    agent_name_enc:
      ref.acting.capacity === 'agent' ? sealed(deps.ring, 'agent_name_enc', number, ref.acting.name) : null,
    agent_relation: ref.acting.capacity === 'agent' ? (input.agentRelation ?? '委托') : null,
    form_enc: sealForm(deps.ring, number, form),
    materials: input.materials,
    correction: null,
    correction_used: false,
    acceptance_number: null,
    submitted_at: input.submit ? now : null,
    accepted_at: null,
    acceptance_days: version.guide.acceptanceDays,
    promised_days: version.guide.promisedDays,
    legal_days: version.guide.legalDays,
    extension_days: 0,
    pauses: [],
    pending_hold: null,
    pending_extension: null,
    decision: null,
    delivered_at: null,
    closed_reason: null,
    closed_basis: null,
    registered_by_user_id: input.registeredByUserId,
    accept_due_at: null,
    due_at: null,
    light: 'none',
  };
  const clock = clockColumns(
    calendar,
    { ...draft, id: 0, version: 1, created_at: now, updated_at: now },
    now,
  );
  const id = await insertApplication(tx, {
    ...(serialise(draft) as typeof draft & { materials: string; pauses: string }),
    ...clock,
    created_at: now,
    updated_at: now,
  });
  await insertEvent(tx, {
    applicationId: id,
    at: now,
    action: input.action,
    fromState: null,
    toState: state,
    actor: input.actor,
    note: null,
  });
  const row = (await findApplication(tx, id))!;
  if (input.submit)
    await tellApplicant(tx, deps, row, {
      title: '申请已提交',
      body: `状态：${APPLICATION_STATE_NAMES.submitted}${phone ? `，联系电话 ${maskPhone(phone)}` : ''}`,
    });
  return row;
}

/**
 * The children of an accepted bundle: one per child item (its current published version), in the
 * child item's department, accepted with the bundle, its form and materials cut from the bundle's.
 */
export async function createChildren(
  tx: Transaction<DB>,
  deps: ApplicationDeps,
  calendar: WorkingCalendar,
  parent: ApplicationRow,
  bundle: ItemVersion,
  form: Record<string, unknown>,
  actor: EventInput['actor'],
): Promise<ApplicationRow[]> {
  const now = nowOf(deps);
  const children: ApplicationRow[] = [];
  for (const itemId of bundle.bundleItemIds) {
    const version = await currentPublishedVersion(tx, itemId, todayOf(deps));
    if (!version)
      throw new DomainError(
        'APPLICATION_ITEM_NOT_AVAILABLE',
        `一件事的子项 ${itemId} 今日没有生效的版本 (a child item has no version in force)`,
      );
    const number = await nextNumber(tx, 'SQ', dayOf(calendar, now));
    const reseal = (column: string, envelope: string | null, source: string) =>
      envelope === null ? null : sealed(deps.ring, column, number, source);
    const values = {
      number,
      parent_id: parent.id,
      item_id: version.itemId,
      item_version_id: version.id,
      item_name: version.name,
      is_bundle: false,
      department_id: version.departmentId,
      channel: parent.channel,
      state: 'accepted',
      applicant_kind: parent.applicant_kind,
      applicant_citizen_id: parent.applicant_citizen_id,
      applicant_legal_person_id: parent.applicant_legal_person_id,
      acting_citizen_id: parent.acting_citizen_id,
      acting_capacity: parent.acting_capacity,
      authorisation_id: parent.authorisation_id,
      applicant_id_masked: parent.applicant_id_masked,
      agent_relation: parent.agent_relation,
      form_enc: sealForm(deps.ring, number, childForm(form, version.form.schema)),
      materials: childMaterials(
        parent.materials,
        version.guide.materials.map((m) => m.key),
      ),
      correction: null,
      correction_used: parent.correction_used,
      acceptance_number: parent.acceptance_number,
      submitted_at: parent.submitted_at,
      accepted_at: parent.accepted_at,
      acceptance_days: version.guide.acceptanceDays,
      promised_days: version.guide.promisedDays,
      legal_days: version.guide.legalDays,
      extension_days: 0,
      pauses: [],
      pending_hold: null,
      pending_extension: null,
      decision: null,
      delivered_at: null,
      closed_reason: null,
      closed_basis: null,
      registered_by_user_id: parent.registered_by_user_id,
      accept_due_at: null,
      due_at: null,
      light: 'none',
    };
    const secrets = parentSecrets(deps, parent);
    const sealedValues = {
      ...values,
      applicant_name_enc: reseal('applicant_name_enc', parent.applicant_name_enc, secrets.name)!,
      contact_phone_enc: reseal('contact_phone_enc', parent.contact_phone_enc, secrets.phone ?? ''),
      agent_name_enc: reseal('agent_name_enc', parent.agent_name_enc, secrets.agent ?? ''),
    };
    const clock = clockColumns(
      calendar,
      { ...sealedValues, id: 0, version: 1, created_at: now, updated_at: now },
      now,
    );
    const id = await insertApplication(tx, {
      ...(serialise(sealedValues) as object),
      ...clock,
      created_at: now,
      updated_at: now,
    } as never);
    await insertEvent(tx, {
      applicationId: id,
      at: now,
      action: 'accept',
      fromState: null,
      toState: 'accepted',
      actor,
      note: `随一件事「${parent.item_name}」(${parent.number}) 一并受理`,
    });
    children.push((await findApplication(tx, id))!);
  }
  return children;
}

function parentSecrets(deps: ApplicationDeps, parent: ApplicationRow) {
  return {
    name: opened(deps.ring, 'applicant_name_enc', parent.number, parent.applicant_name_enc),
    phone: parent.contact_phone_enc
      ? opened(deps.ring, 'contact_phone_enc', parent.number, parent.contact_phone_enc)
      : null,
    agent: parent.agent_name_enc
      ? opened(deps.ring, 'agent_name_enc', parent.number, parent.agent_name_enc)
      : null,
  };
}
