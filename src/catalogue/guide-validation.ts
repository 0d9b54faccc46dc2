/**
 * 办事指南 and 申请表单 validation — pure: every problem of a version's guide and form, each naming
 * its field, so an editor or an import row learns all of them at once. Sources (docs/domain/
 * service-catalogue.md): 承诺 ≤ 法定 and 即办件 = 0 (the shared digest services.md §1), the acceptance
 * limit of 行政许可法 Art. 32 (5 days, configurable), 最多跑一次 as visits per channel, 设定依据 for
 * every power (the six basic elements).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parseCreditCode, parseResidentId } from '../shared/codes/index.js';
import type { FieldError } from '../shared/errors.js';
import {
  CHANNELS,
  DELIVERY_METHODS,
  MATERIAL_FORMS,
  MATERIAL_SOURCES,
  SPECIAL_STEP_KINDS,
  SUBJECT_KINDS,
  type ApplicationForm,
  type ItemKind,
  type ServiceGuide,
} from './model.js';

/** lower_snake_case keys of materials, steps and form fields. */
export const KEY_PATTERN = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
/** Life-event slugs (an open list: LIFE_EVENTS are the known ones). */
export const SLUG_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export interface GuideRuleOptions {
  /**
   * The longest acceptance limit (受理时限) in working days: 行政许可法 Art. 32 gives 5 for
   * licensing (当场或者在五日内一次告知); the district applies it to every item by default.
   */
  maxAcceptanceDays: number;
}

export const DEFAULT_GUIDE_RULES: GuideRuleOptions = { maxAcceptanceDays: 5 };

export const FORM_WIDGETS = [
  'text',
  'textarea',
  'select',
  'radio',
  'date',
  'number',
  'phone',
  'id_number',
  'address',
] as const;

export const PREFILL_SOURCES = [
  'person.name',
  'person.id_number',
  'person.phone',
  'legal_person.name',
  'legal_person.credit_code',
  'legal_person.representative',
] as const;

const isPowerKind = (kind: ItemKind) => kind !== 'public_service';

function text(errors: FieldError[], field: string, value: unknown, max: number, required = true): void {
  if (typeof value !== 'string') {
    errors.push({ field, reason: 'must be text' });
  } else if (required && value.trim() === '') {
    errors.push({ field, reason: '不能为空 must not be empty' });
  } else if (value.length > max) {
    errors.push({ field, reason: `at most ${max} characters` });
  }
}

function days(errors: FieldError[], field: string, value: unknown, max = 3650): value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    errors.push({ field, reason: `must be a whole number of working days, 0–${max}` });
    return false;
  }
  return true;
}

function uniqueList<T extends string>(
  errors: FieldError[],
  field: string,
  values: unknown,
  allowed: readonly T[],
  minItems: number,
): values is T[] {
  if (!Array.isArray(values)) {
    errors.push({ field, reason: 'must be a list' });
    return false;
  }
  if (values.length < minItems) errors.push({ field, reason: `needs at least ${minItems}` });
  const seen = new Set<unknown>();
  values.forEach((v, i) => {
    if (!allowed.includes(v as T))
      errors.push({ field: `${field}.${i}`, reason: `must be one of ${allowed.join(', ')}` });
    else if (seen.has(v)) errors.push({ field: `${field}.${i}`, reason: `repeats ${String(v)}` });
    seen.add(v);
  });
  return true;
}

/** Every problem of a guide, fields named under `at` (e.g. `body.guide`). */
export function guideErrors(
  guide: ServiceGuide,
  kind: ItemKind,
  at: string,
  options: GuideRuleOptions = DEFAULT_GUIDE_RULES,
): FieldError[] {
  const errors: FieldError[] = [];
  uniqueList(errors, `${at}.subjects`, guide.subjects, SUBJECT_KINDS, 1);
  text(errors, `${at}.conditions`, guide.conditions, 5000);
  text(errors, `${at}.place`, guide.place, 500, false);
  text(errors, `${at}.hours`, guide.hours, 500, false);
  text(errors, `${at}.consultation`, guide.consultation, 500);
  text(errors, `${at}.complaint`, guide.complaint, 500);
  text(errors, `${at}.resultName`, guide.resultName, 200);

  // 承诺办结时限 ≤ 法定办结时限; 即办件 promise 0 and accept on the spot.
  const legalOk = days(errors, `${at}.legalDays`, guide.legalDays);
  const promisedOk = days(errors, `${at}.promisedDays`, guide.promisedDays);
  const acceptanceOk = days(errors, `${at}.acceptanceDays`, guide.acceptanceDays);
  if (legalOk && promisedOk && guide.promisedDays > guide.legalDays) {
    errors.push({
      field: `${at}.promisedDays`,
      reason: `承诺时限不得超过法定时限 the promised limit (${guide.promisedDays}) exceeds the legal limit (${guide.legalDays})`,
    });
  }
  if (acceptanceOk) {
    if (guide.acceptanceDays > options.maxAcceptanceDays) {
      errors.push({
        field: `${at}.acceptanceDays`,
        reason: `受理时限不得超过 ${options.maxAcceptanceDays} 个工作日 (行政许可法第三十二条)`,
      });
    } else if (promisedOk && guide.promisedDays === 0 && guide.acceptanceDays !== 0) {
      errors.push({
        field: `${at}.acceptanceDays`,
        reason: '即办件当场受理 an immediate item (promisedDays 0) accepts on the spot: 0',
      });
    }
  }

  materialErrors(errors, guide, at);
  stepErrors(errors, guide, at, promisedOk);
  specialStepErrors(errors, guide, at);
  feeErrors(errors, guide, at);
  channelErrors(errors, guide, at);
  uniqueList(errors, `${at}.deliveryMethods`, guide.deliveryMethods, DELIVERY_METHODS, 1);
  if (![1, 2, 3, 4].includes(guide.onlineDepth))
    errors.push({ field: `${at}.onlineDepth`, reason: '网办深度 must be 1–4' });

  if (!Array.isArray(guide.faq)) errors.push({ field: `${at}.faq`, reason: 'must be a list' });
  else
    guide.faq.forEach((entry, i) => {
      text(errors, `${at}.faq.${i}.question`, entry.question, 500);
      text(errors, `${at}.faq.${i}.answer`, entry.answer, 5000);
    });

  if (!Array.isArray(guide.legalBases)) errors.push({ field: `${at}.legalBases`, reason: 'must be a list' });
  else {
    // The six basic elements: a power (权力事项) exists only by a legal basis (设定和实施依据).
    if (isPowerKind(kind) && guide.legalBases.length === 0) {
      errors.push({
        field: `${at}.legalBases`,
        reason: '行政权力事项须列明设定依据 a power needs at least one legal basis',
      });
    }
    guide.legalBases.forEach((basis, i) => {
      text(errors, `${at}.legalBases.${i}.law`, basis.law, 200);
      text(errors, `${at}.legalBases.${i}.article`, basis.article, 50);
      text(errors, `${at}.legalBases.${i}.text`, basis.text, 5000);
      if (basis.kind !== 'setting' && basis.kind !== 'implementing')
        errors.push({ field: `${at}.legalBases.${i}.kind`, reason: 'must be setting or implementing' });
    });
  }
  if (guide.accountability !== undefined) {
    const a = guide.accountability;
    if (!Array.isArray(a.situations) || a.situations.length === 0)
      errors.push({ field: `${at}.accountability.situations`, reason: 'needs at least one 追责情形' });
    else a.situations.forEach((s, i) => text(errors, `${at}.accountability.situations.${i}`, s, 1000));
    text(errors, `${at}.accountability.basis`, a.basis, 1000);
  }
  return errors;
}

function materialErrors(errors: FieldError[], guide: ServiceGuide, at: string): void {
  if (!Array.isArray(guide.materials)) {
    errors.push({ field: `${at}.materials`, reason: 'must be a list' });
    return;
  }
  const keys = new Map<string, number>();
  guide.materials.forEach((m, i) => {
    const f = `${at}.materials.${i}`;
    if (typeof m.key !== 'string' || !KEY_PATTERN.test(m.key) || m.key.length > 60) {
      errors.push({ field: `${f}.key`, reason: 'must be lower_snake_case, at most 60 characters' });
    } else if (keys.has(m.key)) {
      errors.push({ field: `${f}.key`, reason: `repeats materials.${keys.get(m.key)} (${m.key})` });
    } else keys.set(m.key, i);
    text(errors, `${f}.name`, m.name, 200);
    text(errors, `${f}.notes`, m.notes, 2000, false);
    if (!MATERIAL_FORMS.includes(m.form))
      errors.push({ field: `${f}.form`, reason: `must be one of ${MATERIAL_FORMS.join(', ')}` });
    if (!MATERIAL_SOURCES.includes(m.source))
      errors.push({ field: `${f}.source`, reason: `must be one of ${MATERIAL_SOURCES.join(', ')}` });
    if (typeof m.copies !== 'number' || !Number.isInteger(m.copies) || m.copies < 0 || m.copies > 99)
      errors.push({ field: `${f}.copies`, reason: 'must be a whole number, 0–99' });
    // A conditional material (容缺 / 情形材料) states when it is needed; a required one has no condition.
    if (m.required && m.condition !== null)
      errors.push({ field: `${f}.condition`, reason: 'a required material has no condition (null)' });
    if (!m.required && (typeof m.condition !== 'string' || m.condition.trim() === ''))
      errors.push({
        field: `${f}.condition`,
        reason: '情形材料须写明情形 a conditional material needs its condition',
      });
    if (typeof m.condition === 'string' && m.condition.length > 500)
      errors.push({ field: `${f}.condition`, reason: 'at most 500 characters' });
    // 由共享获取 / 由电子证照获取 name the shared resource or certificate type the government reads.
    if ((m.source === 'sharing' || m.source === 'certificate') && !m.sourceReference?.trim())
      errors.push({
        field: `${f}.sourceReference`,
        reason: `a material from ${m.source} names its resource or certificate type`,
      });
  });
}

function stepErrors(errors: FieldError[], guide: ServiceGuide, at: string, promisedOk: boolean): void {
  if (!Array.isArray(guide.steps)) {
    errors.push({ field: `${at}.steps`, reason: 'must be a list' });
    return;
  }
  if (guide.steps.length === 0)
    errors.push({ field: `${at}.steps`, reason: '办理流程至少一个环节 needs at least one step' });
  const keys = new Map<string, number>();
  let total = 0;
  let allDays = true;
  guide.steps.forEach((s, i) => {
    const f = `${at}.steps.${i}`;
    if (typeof s.key !== 'string' || !KEY_PATTERN.test(s.key) || s.key.length > 60) {
      errors.push({ field: `${f}.key`, reason: 'must be lower_snake_case, at most 60 characters' });
    } else if (keys.has(s.key)) {
      errors.push({ field: `${f}.key`, reason: `repeats steps.${keys.get(s.key)} (${s.key})` });
    } else keys.set(s.key, i);
    text(errors, `${f}.name`, s.name, 100);
    text(errors, `${f}.description`, s.description, 2000, false);
    if (days(errors, `${f}.days`, s.days)) total += s.days;
    else allDays = false;
  });
  // The steps run within the promise (special steps are outside it, 行政许可法 Art. 45).
  if (allDays && promisedOk && total > guide.promisedDays) {
    errors.push({
      field: `${at}.steps`,
      reason: `环节时限合计 ${total} 超过承诺时限 ${guide.promisedDays} the steps take longer than the promised limit`,
    });
  }
}

function specialStepErrors(errors: FieldError[], guide: ServiceGuide, at: string): void {
  if (!Array.isArray(guide.specialSteps)) {
    errors.push({ field: `${at}.specialSteps`, reason: 'must be a list' });
    return;
  }
  const kinds = new Map<string, number>();
  guide.specialSteps.forEach((s, i) => {
    const f = `${at}.specialSteps.${i}`;
    if (!SPECIAL_STEP_KINDS.includes(s.kind)) {
      errors.push({ field: `${f}.kind`, reason: `must be one of ${SPECIAL_STEP_KINDS.join(', ')}` });
    } else if (kinds.has(s.kind)) {
      errors.push({ field: `${f}.kind`, reason: `repeats specialSteps.${kinds.get(s.kind)} (${s.kind})` });
    } else kinds.set(s.kind, i);
    text(errors, `${f}.name`, s.name, 100);
    text(errors, `${f}.description`, s.description, 2000, false);
    if (days(errors, `${f}.days`, s.days) && s.days === 0)
      errors.push({
        field: `${f}.days`,
        reason: '特殊环节须有时限 a special step has its own limit of at least 1 day',
      });
  });
}

function feeErrors(errors: FieldError[], guide: ServiceGuide, at: string): void {
  const fee = guide.fee;
  if (typeof fee !== 'object' || fee === null) {
    errors.push({ field: `${at}.fee`, reason: 'must be an object' });
    return;
  }
  if (
    typeof fee.amount !== 'number' ||
    !Number.isFinite(fee.amount) ||
    fee.amount < 0 ||
    fee.amount > 10_000_000 ||
    Math.round(fee.amount * 100) !== Number((fee.amount * 100).toFixed(6))
  ) {
    errors.push({ field: `${at}.fee.amount`, reason: 'must be yuan ≥ 0 with at most two decimals' });
  } else if (fee.amount > 0 && !fee.basis?.trim()) {
    // 收费须有依据: a fee is charged only on a published basis (收费标准与依据).
    errors.push({ field: `${at}.fee.basis`, reason: '收费须写明依据 a fee needs its basis' });
  }
  // A free item may cite the rule that makes it free (《居住证暂行条例》: 首次申领免收工本费).
  if (fee.basis !== null) text(errors, `${at}.fee.basis`, fee.basis, 1000, false);
  text(errors, `${at}.fee.description`, fee.description, 1000, false);
}

function channelErrors(errors: FieldError[], guide: ServiceGuide, at: string): void {
  if (!uniqueList(errors, `${at}.channels`, guide.channels, CHANNELS, 1)) return;
  const visits = guide.visits;
  if (typeof visits !== 'object' || visits === null || Array.isArray(visits)) {
    errors.push({ field: `${at}.visits`, reason: 'must be an object of channel → visits' });
    return;
  }
  // 到现场次数 per offered channel: 0 = 全程网办, 1 = 最多跑一次.
  for (const channel of guide.channels) {
    if (!CHANNELS.includes(channel)) continue;
    const n = visits[channel];
    if (n === undefined)
      errors.push({
        field: `${at}.visits.${channel}`,
        reason: 'each offered channel states its number of visits',
      });
    else if (!Number.isInteger(n) || n < 0 || n > 20)
      errors.push({ field: `${at}.visits.${channel}`, reason: 'must be a whole number of visits, 0–20' });
  }
  for (const channel of Object.keys(visits)) {
    if (!(guide.channels as string[]).includes(channel))
      errors.push({ field: `${at}.visits.${channel}`, reason: 'not an offered channel' });
  }
}

/** The most on-site visits of any offered channel; ≤ 1 is 最多跑一次. */
export function maxVisits(guide: Pick<ServiceGuide, 'visits' | 'channels'>): number {
  return Math.max(0, ...guide.channels.map((c) => guide.visits[c] ?? 0));
}

/** The fewest visits of any offered channel: what the applicant needs at best. */
export function fewestVisits(guide: Pick<ServiceGuide, 'visits' | 'channels'>): number {
  const counts = guide.channels.map((c) => guide.visits[c] ?? 0);
  return counts.length === 0 ? 0 : Math.min(...counts);
}

let ajv: Ajv2020 | undefined;

/** The one Ajv the catalogue compiles forms with (applications validate with the same settings). */
export function formAjv(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: true });
    addFormats.default(ajv);
    addIdentifierFormats(ajv);
  }
  return ajv;
}

/**
 * The identifiers government forms ask for, as JSON Schema formats that both the catalogue (when
 * it compiles a form) and the applications module (when it validates the values) know:
 * `id_number` (公民身份号码, GB 11643 with its check digit), `credit_code` (统一社会信用代码,
 * GB 32100 with both check characters) and `mobile` (a mainland mobile number, 11 digits from 13–19).
 */
function addIdentifierFormats(instance: Ajv2020): void {
  // The day in Beijing: no one applying today was born after it.
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  instance.addFormat('id_number', {
    type: 'string',
    validate: (value: string) =>
      /^[0-9]{17}[0-9X]$/.test(value) && parseResidentId(value, { today: today(), acceptLegacy: false }).ok,
  });
  instance.addFormat('credit_code', {
    type: 'string',
    validate: (value: string) => /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value) && parseCreditCode(value).ok,
  });
  instance.addFormat('mobile', { type: 'string', validate: /^1[3-9][0-9]{9}$/ });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every problem of an application form: the schema compiles with Ajv (draft 2020-12, strict), is
 * an object with lower_snake_case properties and no others, its `required` names properties, and
 * the layout lists every property exactly once with known widgets and pre-fill sources.
 */
export function formErrors(form: ApplicationForm, at: string): FieldError[] {
  const errors: FieldError[] = [];
  const schema = form.schema;
  if (!isRecord(schema)) return [{ field: `${at}.schema`, reason: 'must be a JSON Schema object' }];
  if (schema.type !== 'object') errors.push({ field: `${at}.schema.type`, reason: "must be 'object'" });
  if (schema.additionalProperties !== false)
    errors.push({
      field: `${at}.schema.additionalProperties`,
      reason: 'must be false: the form names every field',
    });
  const properties = isRecord(schema.properties) ? schema.properties : null;
  if (properties === null)
    errors.push({ field: `${at}.schema.properties`, reason: 'must be an object of fields' });
  const names = properties ? Object.keys(properties) : [];
  for (const name of names) {
    if (!KEY_PATTERN.test(name) || name.length > 60)
      errors.push({
        field: `${at}.schema.properties.${name}`,
        reason: 'field names are lower_snake_case, at most 60 characters',
      });
  }
  if (schema.required !== undefined) {
    if (!Array.isArray(schema.required))
      errors.push({ field: `${at}.schema.required`, reason: 'must be a list' });
    else
      schema.required.forEach((r, i) => {
        if (typeof r !== 'string' || !names.includes(r))
          errors.push({
            field: `${at}.schema.required.${i}`,
            reason: `${String(r)} is not a field of the form`,
          });
      });
  }
  try {
    formAjv().compile(schema);
  } catch (error) {
    errors.push({ field: `${at}.schema`, reason: `不是有效的 JSON Schema: ${(error as Error).message}` });
  }

  const layout = form.layout;
  if (!isRecord(layout) || !Array.isArray(layout.sections) || !isRecord(layout.fields)) {
    errors.push({ field: `${at}.layout`, reason: 'must have sections (a list) and fields (an object)' });
    return errors;
  }
  const placed = new Map<string, string>();
  layout.sections.forEach((section, i) => {
    text(errors, `${at}.layout.sections.${i}.title`, section.title, 100);
    if (!Array.isArray(section.fields)) {
      errors.push({ field: `${at}.layout.sections.${i}.fields`, reason: 'must be a list' });
      return;
    }
    section.fields.forEach((name, j) => {
      const f = `${at}.layout.sections.${i}.fields.${j}`;
      if (!names.includes(name)) errors.push({ field: f, reason: `${name} is not a field of the schema` });
      else if (placed.has(name))
        errors.push({ field: f, reason: `${name} is already placed at ${placed.get(name)}` });
      else placed.set(name, `sections.${i}`);
    });
  });
  for (const name of names) {
    if (!placed.has(name))
      errors.push({ field: `${at}.layout.sections`, reason: `field ${name} is in no section` });
  }
  for (const [name, hint] of Object.entries(layout.fields)) {
    const f = `${at}.layout.fields.${name}`;
    if (!names.includes(name)) {
      errors.push({ field: f, reason: `${name} is not a field of the schema` });
      continue;
    }
    if (!isRecord(hint)) {
      errors.push({ field: f, reason: 'must be an object' });
      continue;
    }
    const { widget, prefill } = hint as { widget?: unknown; prefill?: unknown };
    if (widget !== undefined && !(FORM_WIDGETS as readonly unknown[]).includes(widget))
      errors.push({ field: `${f}.widget`, reason: `must be one of ${FORM_WIDGETS.join(', ')}` });
    if (prefill !== undefined && !(PREFILL_SOURCES as readonly unknown[]).includes(prefill))
      errors.push({ field: `${f}.prefill`, reason: `must be one of ${PREFILL_SOURCES.join(', ')}` });
  }
  return errors;
}

/** Life events are known or well-formed slugs, each once. */
export function lifeEventErrors(lifeEvents: readonly string[], at: string): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  lifeEvents.forEach((e, i) => {
    if (typeof e !== 'string' || !SLUG_PATTERN.test(e))
      errors.push({ field: `${at}.${i}`, reason: 'must be a lower_snake_case slug' });
    else if (seen.has(e)) errors.push({ field: `${at}.${i}`, reason: `repeats ${e}` });
    seen.add(e);
  });
  return errors;
}
