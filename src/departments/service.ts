/**
 * 专业部门 — the departments and units of the platform (主管部门, 权属单位, 养护单位 of components;
 * the 处置单位 cases are dispatched to), identified by the 统一社会信用代码 (GB 32100), and what
 * each is responsible for. One use case per function, one transaction each, audited.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import {
  CODE_LENGTH,
  listClassSummaries,
  type ClassKind,
  type ClassStandard,
} from '../classification/index.js';
import { existingRegionCodes } from '../geography/index.js';
import type { RequestContext } from '../shared/context.js';
import { parseCreditCode } from '../shared/codes/index.js';
import { DomainError, validationError, type FieldError } from '../shared/errors.js';
import type { Page } from '../shared/pagination.js';
import { inTransaction } from '../shared/transaction.js';
import type { DepartmentKind } from './kinds.js';
import {
  bumpDepartmentVersion,
  findDepartment,
  insertDepartment,
  listDepartmentRecords,
  replaceResponsibilities,
  responsibilitiesOf,
  takenFields,
  updateDepartmentRow,
  type DepartmentFields,
  type DepartmentFilter,
  type DepartmentRecord,
  type ResponsibilityRecord,
} from './repo.js';

export interface DepartmentDetail extends DepartmentRecord {
  responsibilities: ResponsibilityRecord[];
}

export interface DepartmentInput {
  creditCode?: string | null;
  name: string;
  shortName?: string | null;
  kind: DepartmentKind;
  regionCode?: string | null;
  phone?: string | null;
  active?: boolean;
}

export type DepartmentPatch = Partial<DepartmentInput> & { version: number };

export interface ResponsibilitiesInput {
  version: number;
  responsibilities: ResponsibilityRecord[];
}

export const CLASS_STANDARDS = Object.keys(CODE_LENGTH) as ClassStandard[];

export async function getDepartment(db: Kysely<DB>, id: number): Promise<DepartmentDetail> {
  const department = await findDepartment(db, id);
  if (!department) throw new DomainError('DEPARTMENT_NOT_FOUND', `No department ${id}`);
  return { ...department, responsibilities: await responsibilitiesOf(db, id) };
}

export function listDepartments(db: Kysely<DB>, filter: DepartmentFilter): Promise<Page<DepartmentRecord>> {
  return listDepartmentRecords(db, filter);
}

/** Normalises and checks the fields; throws 400 naming every bad field, 409 for a taken name or code. */
async function checkedFields(
  db: Kysely<DB>,
  fields: DepartmentFields,
  exceptId: number | null,
): Promise<DepartmentFields> {
  const errors: FieldError[] = [];
  let creditCode = fields.creditCode;
  if (creditCode !== null) {
    const parsed = parseCreditCode(creditCode.trim());
    if (parsed.ok) creditCode = parsed.value.code;
    else errors.push({ field: 'body.creditCode', reason: parsed.reason });
  }
  if (
    fields.regionCode !== null &&
    !(await existingRegionCodes(db, [fields.regionCode])).has(fields.regionCode)
  ) {
    errors.push({ field: 'body.regionCode', reason: `no region ${fields.regionCode}` });
  }
  if (errors.length > 0) throw validationError(errors);
  const normalised = { ...fields, name: fields.name.trim(), creditCode };
  const taken = await takenFields(db, normalised, exceptId);
  const conflicts: FieldError[] = [];
  if (taken.name) conflicts.push({ field: 'body.name', reason: 'another department has this name' });
  if (taken.creditCode)
    conflicts.push({ field: 'body.creditCode', reason: 'another department has this code' });
  if (conflicts.length > 0) {
    throw new DomainError('ALREADY_EXISTS', conflicts.map((c) => `${c.field}: ${c.reason}`).join('; '), {
      errors: conflicts,
    });
  }
  return normalised;
}

export async function createDepartment(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: DepartmentInput,
): Promise<DepartmentDetail> {
  return inTransaction(db, async (tx) => {
    const fields = await checkedFields(
      tx,
      {
        creditCode: input.creditCode ?? null,
        name: input.name,
        shortName: input.shortName ?? null,
        kind: input.kind,
        regionCode: input.regionCode ?? null,
        phone: input.phone ?? null,
        active: input.active ?? true,
      },
      null,
    );
    const id = await insertDepartment(tx, fields);
    if (id === undefined)
      throw new DomainError('ALREADY_EXISTS', 'A department with this name or code was just created');
    await recordAudit(tx, ctx, {
      action: 'department.create',
      targetType: 'department',
      targetId: id,
      detail: { ...fields },
    });
    return getDepartment(tx, id);
  });
}

export async function updateDepartment(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: number,
  patch: DepartmentPatch,
): Promise<DepartmentDetail> {
  return inTransaction(db, async (tx) => {
    const current = await getDepartment(tx, id);
    const fields = await checkedFields(
      tx,
      {
        creditCode: patch.creditCode !== undefined ? patch.creditCode : current.creditCode,
        name: patch.name ?? current.name,
        shortName: patch.shortName !== undefined ? patch.shortName : current.shortName,
        kind: patch.kind ?? current.kind,
        regionCode: patch.regionCode !== undefined ? patch.regionCode : current.regionCode,
        phone: patch.phone !== undefined ? patch.phone : current.phone,
        active: patch.active ?? current.active,
      },
      id,
    );
    if (!(await updateDepartmentRow(tx, id, patch.version, fields))) {
      throw new DomainError(
        'VERSION_CONFLICT',
        `Department ${id} is at version ${current.version}, not ${patch.version}`,
        {
          currentVersion: current.version,
        },
      );
    }
    const { version: _version, ...changes } = patch;
    await recordAudit(tx, ctx, {
      action: 'department.update',
      targetType: 'department',
      targetId: id,
      detail: changes,
    });
    return getDepartment(tx, id);
  });
}

export async function listResponsibilities(db: Kysely<DB>, id: number): Promise<ResponsibilityRecord[]> {
  return (await getDepartment(db, id)).responsibilities;
}

/**
 * Checks each responsibility: the prefix is a major class or a full code of its standard and
 * exists in the directory (LOCAL classes extend GB/T 47678.5 majors), the region exists, and no
 * responsibility is listed twice.
 */
async function responsibilityErrors(
  db: Kysely<DB>,
  items: readonly ResponsibilityRecord[],
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const directory = await directoryCodes(db);
  const regions = await existingRegionCodes(db, [...new Set(items.map((r) => r.regionCode))]);
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const at = `body.responsibilities.${i}`;
    const standard = item.standard;
    const fullLength = CODE_LENGTH[standard];
    const prefix = item.classCodePrefix;
    if (prefix.length !== 2 && prefix.length !== fullLength) {
      errors.push({
        field: `${at}.classCodePrefix`,
        reason: `must be a 2-digit major class or a ${fullLength}-digit ${item.standard} code`,
      });
    } else if (!classExists(directory, standard, item.kind, prefix)) {
      const what = prefix.length === 2 ? 'major class' : 'class';
      errors.push({
        field: `${at}.classCodePrefix`,
        reason: `no ${item.standard} ${item.kind} ${what} ${prefix}`,
      });
    }
    if (!regions.has(item.regionCode))
      errors.push({ field: `${at}.regionCode`, reason: `no region ${item.regionCode}` });
    const key = `${item.kind}|${item.standard}|${prefix}|${item.regionCode}`;
    const first = seen.get(key);
    if (first !== undefined) errors.push({ field: at, reason: `repeats responsibilities.${first}` });
    else seen.set(key, i);
  });
  return errors;
}

/** The (standard, kind, major) triples and full codes of the directory, to check responsibilities. */
async function directoryCodes(db: Kysely<DB>): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const c of await listClassSummaries(db)) {
    keys.add(`${c.standard}|${c.kind}|${c.majorCode}`);
    keys.add(`${c.standard}|${c.kind}|${c.code}`);
  }
  return keys;
}

function classExists(
  directory: Set<string>,
  standard: ClassStandard,
  kind: ClassKind,
  prefix: string,
): boolean {
  if (directory.has(`${standard}|${kind}|${prefix}`)) return true;
  // A local responsibility may name a GB/T 47678.5 major before any local class exists in it.
  return standard === 'LOCAL' && prefix.length === 2 && directory.has(`GB/T 47678.5-2026|${kind}|${prefix}`);
}

/** Replaces a department's responsibilities as a whole (PUT semantics), at the department's version. */
export async function setResponsibilities(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: number,
  input: ResponsibilitiesInput,
): Promise<DepartmentDetail> {
  return inTransaction(db, async (tx) => {
    const current = await getDepartment(tx, id);
    const errors = await responsibilityErrors(tx, input.responsibilities);
    if (errors.length > 0) throw validationError(errors);
    if (!(await bumpDepartmentVersion(tx, id, input.version))) {
      throw new DomainError(
        'VERSION_CONFLICT',
        `Department ${id} is at version ${current.version}, not ${input.version}`,
        {
          currentVersion: current.version,
        },
      );
    }
    await replaceResponsibilities(tx, id, input.responsibilities);
    await recordAudit(tx, ctx, {
      action: 'department.responsibilities_set',
      targetType: 'department',
      targetId: id,
      detail: { before: current.responsibilities, after: input.responsibilities },
    });
    return getDepartment(tx, id);
  });
}
