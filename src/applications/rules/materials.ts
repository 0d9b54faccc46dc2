/**
 * 申请材料 of an application: one slot per requirement of the item version (by its stable key),
 * the file the applicant or the window attached, and the window's mark. And 一次性告知: what a
 * correction request must say, and what the applicant's correction must answer. Pure.
 */
import type { MaterialRequirement } from '../../catalogue/index.js';
import type { FieldError } from '../../shared/errors.js';
import type { ApplicationMaterial, CorrectionRecord, MaterialMark } from '../model.js';

export interface MaterialRef {
  key: string;
  fileId: string;
}

/**
 * The slots after attaching `given` to `current` (a missing slot is added, so every requirement
 * has one): a key the version does not list, or a key given twice, is an error naming
 * `/materials/<i>/key`. A slot whose file changes loses its mark (the window checks the new file).
 */
export function attachMaterials(
  requirements: readonly Pick<MaterialRequirement, 'key'>[],
  current: readonly ApplicationMaterial[],
  given: readonly MaterialRef[],
): { materials: ApplicationMaterial[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const keys = requirements.map((r) => r.key);
  const seen = new Set<string>();
  given.forEach((ref, i) => {
    if (!keys.includes(ref.key))
      errors.push({
        field: `/materials/${i}/key`,
        reason: `该事项没有材料 ${ref.key} (not a material of the item)`,
      });
    else if (seen.has(ref.key)) errors.push({ field: `/materials/${i}/key`, reason: `材料 ${ref.key} 重复` });
    seen.add(ref.key);
  });
  const materials = keys.map((key): ApplicationMaterial => {
    const slot = current.find((m) => m.key === key) ?? { key, fileId: null, mark: null, note: null };
    const ref = given.find((g) => g.key === key);
    if (!ref || ref.fileId === slot.fileId) return { ...slot };
    return { key, fileId: ref.fileId, mark: null, note: null };
  });
  return { materials, errors };
}

/**
 * Required materials the applicant has not attached and the government does not obtain itself
 * (由共享获取 / 由电子证照获取 are fetched, not asked: 国务院令第716号 Art. 7).
 */
export function missingRequired(
  requirements: readonly MaterialRequirement[],
  materials: readonly ApplicationMaterial[],
): MaterialRequirement[] {
  return requirements.filter(
    (r) =>
      r.required &&
      (r.source === 'applicant' || r.source === 'issued_by_government') &&
      !materials.some((m) => m.key === r.key && m.fileId !== null),
  );
}

export interface MarkInput {
  key: string;
  mark: MaterialMark;
  note?: string | null;
}

/** The window's marks applied to the slots; an unknown or repeated key names `/marks/<i>/key`. */
export function applyMarks(
  materials: readonly ApplicationMaterial[],
  marks: readonly MarkInput[],
): { materials: ApplicationMaterial[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  marks.forEach((m, i) => {
    if (!materials.some((s) => s.key === m.key))
      errors.push({ field: `/marks/${i}/key`, reason: `该事项没有材料 ${m.key}` });
    else if (seen.has(m.key)) errors.push({ field: `/marks/${i}/key`, reason: `材料 ${m.key} 重复` });
    else if (m.mark === 'ok' && materials.find((s) => s.key === m.key)?.fileId === null)
      errors.push({ field: `/marks/${i}/mark`, reason: `材料 ${m.key} 未提交，不能标为合格` });
    seen.add(m.key);
  });
  const result = materials.map((slot) => {
    const mark = marks.find((m) => m.key === slot.key);
    return mark ? { ...slot, mark: mark.mark, note: mark.note ?? null } : { ...slot };
  });
  return { materials: result, errors };
}

export interface CorrectionItemInput {
  key?: string | null;
  name?: string | null;
  reason: string;
}

/**
 * 一次性告知 lists everything at once: at least one item; each names a material of the version by
 * key (its name is taken from the version) or, for something else (a form field, a condition), by
 * name; a key at most once.
 */
export function correctionItems(
  requirements: readonly Pick<MaterialRequirement, 'key' | 'name'>[],
  items: readonly CorrectionItemInput[],
): { items: CorrectionRecord['items']; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (items.length === 0)
    errors.push({ field: '/items', reason: '一次性告知须列出全部补正内容 (at least one item)' });
  const seen = new Set<string>();
  const result: CorrectionRecord['items'] = [];
  items.forEach((item, i) => {
    const reason = item.reason.trim();
    if (reason.length === 0) errors.push({ field: `/items/${i}/reason`, reason: '须说明补正理由' });
    if (item.key) {
      const requirement = requirements.find((r) => r.key === item.key);
      if (!requirement) {
        errors.push({ field: `/items/${i}/key`, reason: `该事项没有材料 ${item.key}` });
        return;
      }
      if (seen.has(item.key)) {
        errors.push({ field: `/items/${i}/key`, reason: `材料 ${item.key} 重复` });
        return;
      }
      seen.add(item.key);
      result.push({ key: item.key, name: requirement.name, reason });
      return;
    }
    const name = (item.name ?? '').trim();
    if (name.length === 0)
      errors.push({ field: `/items/${i}/name`, reason: '须写明材料或内容的名称 (key or name)' });
    else result.push({ key: null, name, reason });
  });
  return { items: result, errors };
}

/**
 * What a correction must answer: every listed material gets a new file. Errors name
 * `/materials` with the material's name.
 */
export function correctionAnswerErrors(
  correction: CorrectionRecord,
  before: readonly ApplicationMaterial[],
  after: readonly ApplicationMaterial[],
): FieldError[] {
  const errors: FieldError[] = [];
  for (const item of correction.items) {
    if (item.key === null) continue;
    const old = before.find((m) => m.key === item.key)?.fileId ?? null;
    const now = after.find((m) => m.key === item.key)?.fileId ?? null;
    if (now === null || now === old)
      errors.push({ field: '/materials', reason: `须补正材料「${item.name}」(${item.key})` });
  }
  return errors;
}
