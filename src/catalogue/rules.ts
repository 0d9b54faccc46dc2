/**
 * The catalogue's pure rules: item codes (GB/T 39046-2020, GB 32100), the 主项 → 子项 → 办理项
 * tree, the version lifecycle (a table, as the case workflow is), validity periods, and 一件事
 * bundles (their form and materials are the union of the children's). No I/O.
 */
import { parseCreditCode } from '../shared/codes/index.js';
import type { FieldError } from '../shared/errors.js';
import type {
  ApplicationForm,
  FormFieldHint,
  ItemLevel,
  ItemSituation,
  MaterialRequirement,
  VersionState,
} from './model.js';

// ---------------------------------------------------------------------------------------------
// Codes

/**
 * 基本编码 (at most 10 characters) and 实施编码 (at most 24), GB/T 39046-2020 §5; upper-case
 * letters, digits and hyphens. The province layouts (Guizhou DB52/T 1264, Sichuan's segments) are
 * kept as given: only the length and alphabet are checked.
 */
export const BASIC_CODE_PATTERN = /^[0-9A-Z][0-9A-Z-]{0,9}$/;
export const IMPLEMENTATION_CODE_PATTERN = /^[0-9A-Z][0-9A-Z-]{0,23}$/;

export function basicCodeProblem(code: string): string | null {
  if (code.length === 0 || code.length > 10) return '基本编码 has 1–10 characters (GB/T 39046-2020)';
  if (!BASIC_CODE_PATTERN.test(code)) return 'upper-case letters, digits and hyphens only';
  return null;
}

export function implementationCodeProblem(code: string): string | null {
  if (code.length === 0 || code.length > 24) return '实施编码 has 1–24 characters (GB/T 39046-2020)';
  if (!IMPLEMENTATION_CODE_PATTERN.test(code)) return 'upper-case letters, digits and hyphens only';
  return null;
}

/** The 实施主体's 统一社会信用代码 (GB 32100-2015), normalised; or the reason it is not one. */
export function implementingOrgProblem(code: string): { code: string } | { reason: string } {
  const parsed = parseCreditCode(code.trim());
  return parsed.ok ? { code: parsed.value.code } : { reason: parsed.reason };
}

// ---------------------------------------------------------------------------------------------
// The tree

export interface TreeParent {
  level: ItemLevel;
  isBundle: boolean;
}

/**
 * Where an item may sit: a 主项 has no parent; a 子项 sits under a 主项; a 办理项 under a 主项 or a
 * 子项. Only a 办理项 names a 办理情形 (新设 / 变更 / 延续 / 注销). A 一件事 bundle is a 主项 of its
 * own and no item sits under it.
 */
export function treeErrors(
  item: { level: ItemLevel; situation: ItemSituation | null; isBundle: boolean },
  parent: TreeParent | null,
  at: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (item.level === 'main' && parent !== null)
    errors.push({ field: `${at}.parent`, reason: '主项没有上级 a main item has no parent' });
  if (item.level !== 'main' && parent === null)
    errors.push({ field: `${at}.parent`, reason: `a ${item.level} item needs its parent` });
  if (parent !== null) {
    if (parent.isBundle)
      errors.push({ field: `${at}.parent`, reason: '一件事不能有下级事项 a bundle has no sub-items' });
    else if (item.level === 'sub' && parent.level !== 'main')
      errors.push({ field: `${at}.parent`, reason: '子项的上级须为主项 a sub-item sits under a main item' });
    else if (item.level === 'handling' && parent.level === 'handling')
      errors.push({
        field: `${at}.parent`,
        reason: '办理项的上级须为主项或子项 a handling item sits under a main or sub item',
      });
  }
  if (item.situation !== null && item.level !== 'handling')
    errors.push({
      field: `${at}.situation`,
      reason: '只有办理项有办理情形 only a handling item has a situation',
    });
  if (item.isBundle && item.level !== 'main')
    errors.push({ field: `${at}.level`, reason: '一件事为主项 a bundle is a main item' });
  return errors;
}

/** Only leaves are applied for: a 主项 or 子项 with 办理项 under it is a heading, not a service. */
export function isApplicable(hasChildren: boolean): boolean {
  return !hasChildren;
}

// ---------------------------------------------------------------------------------------------
// Version lifecycle

/** What may be done to a version. */
export const VERSION_ACTIONS = ['edit', 'publish', 'retire', 'discard'] as const;
export type VersionAction = (typeof VERSION_ACTIONS)[number];

/**
 * The lifecycle table (Open Zaak's concept → published, the shared digest services.md §1): a draft is
 * edited, published or discarded; a published version is frozen (a change is a new draft copied
 * from the latest version) and may only be retired; a retired version is history.
 */
export const VERSION_TRANSITIONS: Readonly<
  Record<VersionState, Partial<Record<VersionAction, VersionState | 'deleted'>>>
> = {
  draft: { edit: 'draft', publish: 'published', discard: 'deleted' },
  published: { retire: 'retired' },
  retired: {},
};

export function nextVersionState(
  state: VersionState,
  action: VersionAction,
): VersionState | 'deleted' | null {
  return VERSION_TRANSITIONS[state][action] ?? null;
}

/** Why an action is refused in a state, in the words the editor shows. */
export function refusedActionReason(state: VersionState, action: VersionAction): string {
  if (state === 'published' && action === 'edit')
    return '已发布的版本不可修改，请新建草稿 a published version is frozen: create a new draft to change it';
  if (state === 'retired') return '已废止的版本不可再操作 a retired version cannot be changed';
  const done: Record<VersionAction, string> = {
    edit: 'edited',
    publish: 'published',
    retire: 'retired',
    discard: 'discarded',
  };
  return `a ${state} version cannot be ${done[action]}`;
}

// ---------------------------------------------------------------------------------------------
// Validity

export interface ValidityPeriod {
  id: number;
  validFrom: string;
  validTo: string | null;
}

/** Inclusive civil-date ranges overlap (null validTo = open ended). YYYY-MM-DD compares as text. */
export function periodsOverlap(a: Omit<ValidityPeriod, 'id'>, b: Omit<ValidityPeriod, 'id'>): boolean {
  const aEndsBeforeB = a.validTo !== null && a.validTo < b.validFrom;
  const bEndsBeforeA = b.validTo !== null && b.validTo < a.validFrom;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** The day before a civil date. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export interface PublicationPlan {
  /** Published versions whose open or later end is cut to the day before the new one starts. */
  close: { id: number; validTo: string }[];
}

/**
 * Publishing a version valid from `validFrom` (to `validTo`): the validity periods of one item's
 * published versions never overlap. An earlier version still running on `validFrom` is closed the
 * day before (as a new 实施清单 version replaces the old); a version that starts on or after
 * `validFrom` is not moved: that overlap is refused, naming it.
 */
export function planPublication(
  candidate: { validFrom: string; validTo: string | null },
  published: readonly ValidityPeriod[],
): PublicationPlan | { conflict: number } {
  const close: { id: number; validTo: string }[] = [];
  for (const p of published) {
    if (!periodsOverlap(candidate, p)) continue;
    if (p.validFrom < candidate.validFrom) {
      close.push({ id: p.id, validTo: dayBefore(candidate.validFrom) });
      // Cutting p's end leaves nothing of it after validFrom, so only a p that ends after the
      // candidate would need splitting: refuse that as an overlap too.
      if (candidate.validTo !== null && (p.validTo === null || p.validTo > candidate.validTo))
        return { conflict: p.id };
    } else {
      return { conflict: p.id };
    }
  }
  return { close };
}

/** The version in force on a day among an item's published versions. */
export function versionOn<T extends ValidityPeriod>(versions: readonly T[], day: string): T | null {
  return versions.find((v) => v.validFrom <= day && (v.validTo === null || v.validTo >= day)) ?? null;
}

// ---------------------------------------------------------------------------------------------
// 一件事 bundles

export interface BundleChild {
  itemId: number;
  name: string;
  isBundle: boolean;
  /** Its current published version's form and materials; null when none is published today. */
  published: { form: ApplicationForm; materials: MaterialRequirement[] } | null;
}

/** The children of a bundle exist, are distinct, are published today and are not bundles; at least two. */
export function bundleChildErrors(
  ids: readonly number[],
  children: ReadonlyMap<number, BundleChild>,
  at: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (ids.length < 2)
    errors.push({ field: at, reason: '一件事至少包含两个事项 a bundle joins at least two items' });
  const seen = new Set<number>();
  ids.forEach((id, i) => {
    const child = children.get(id);
    if (seen.has(id)) errors.push({ field: `${at}.${i}`, reason: `repeats item ${id}` });
    else if (!child) errors.push({ field: `${at}.${i}`, reason: `no item ${id}` });
    else if (child.isBundle) errors.push({ field: `${at}.${i}`, reason: `${child.name} is itself a bundle` });
    else if (child.published === null)
      errors.push({ field: `${at}.${i}`, reason: `${child.name} has no version published today` });
    seen.add(id);
  });
  return errors;
}

/** JSON with object keys sorted: equal for equal values whatever the key order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * 一表申请: the bundle's form is the union of the children's fields, each asked once. A field of
 * the same name must have the same schema in every child (else the bundle would ask one question
 * for two meanings): refused naming the field and both items. Sections follow the children in
 * order, each holding the fields not asked before; a field is required if any child requires it.
 */
export function unionForm(
  children: readonly { name: string; form: ApplicationForm }[],
  at: string,
): { form: ApplicationForm } | { errors: FieldError[] } {
  const properties: Record<string, unknown> = {};
  const owner = new Map<string, string>();
  const required = new Set<string>();
  const hints: Record<string, FormFieldHint> = {};
  const sections: { title: string; fields: string[] }[] = [];
  const errors: FieldError[] = [];
  for (const child of children) {
    const schema = child.form.schema;
    const props = (schema.properties ?? {}) as Record<string, unknown>;
    const fresh: string[] = [];
    for (const section of child.form.layout.sections) {
      for (const name of section.fields) {
        const fieldSchema = props[name];
        const first = owner.get(name);
        if (first !== undefined) {
          if (canonical(properties[name]) !== canonical(fieldSchema)) {
            errors.push({
              field: `${at}.${name}`,
              reason: `字段 ${name} 在「${first}」与「${child.name}」中定义不同 the field has different schemas in the two items`,
            });
          }
          continue;
        }
        owner.set(name, child.name);
        properties[name] = fieldSchema;
        const hint = child.form.layout.fields[name];
        if (hint) hints[name] = hint;
        fresh.push(name);
      }
    }
    for (const r of (schema.required ?? []) as string[]) required.add(r);
    if (fresh.length > 0) sections.push({ title: child.name, fields: fresh });
  }
  if (errors.length > 0) return { errors };
  const names = Object.keys(properties);
  return {
    form: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties,
        required: names.filter((n) => required.has(n)),
      },
      layout: { sections, fields: hints },
    },
  };
}

/**
 * 一套材料: the bundle's materials are the union by key; a material several children ask for is
 * asked once, required if any child requires it (then without a condition), the most copies.
 */
export function unionMaterials(
  children: readonly { materials: readonly MaterialRequirement[] }[],
): MaterialRequirement[] {
  const byKey = new Map<string, MaterialRequirement>();
  for (const child of children) {
    for (const m of child.materials) {
      const known = byKey.get(m.key);
      if (!known) {
        byKey.set(m.key, { ...m });
        continue;
      }
      const required = known.required || m.required;
      byKey.set(m.key, {
        ...known,
        required,
        condition: required ? null : known.condition,
        copies: Math.max(known.copies, m.copies),
      });
    }
  }
  return [...byKey.values()];
}
