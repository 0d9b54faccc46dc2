/**
 * 分类目录 — the classification directory as the API serves it: read by any staff, and edited by
 * admins in two ways only: the public-facing name and help text (what citizens see when they
 * report), activation, and new LOCAL extension classes (扩展分类) coded by the convention in
 * rules/extension.ts. The national rows themselves come from the data file (reference-data.ts).
 *
 * The SQL lives here because this module's tables are few and the queries short.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ClassificationsTable } from './tables.js';
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError, validationError } from '../shared/errors.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { inTransaction } from '../shared/transaction.js';
import {
  LOCAL_NAME_SUFFIX,
  allocateLocalCode,
  localItemName,
  normalizeName,
  validateLocalCode,
  type ClassEntry,
  type ClassKind,
  type ClassStandard,
  type Confidence,
} from './rules/index.js';

const NATIONAL: ClassStandard = 'GB/T 47678.5-2026';

export interface ClassificationRecord {
  id: number;
  standard: ClassStandard;
  kind: ClassKind;
  majorCode: string;
  majorName: string;
  code: string;
  name: string;
  /** 公众名称 — a plain-language name shown to citizens instead of the standard's term. */
  publicName: string | null;
  helpText: string | null;
  confidence: Confidence;
  sourceNote: string | null;
  isExtension: boolean;
  active: boolean;
  version: number;
}

export interface ClassificationRef {
  id: number;
  standard: ClassStandard;
  kind: ClassKind;
  code: string;
  name: string;
}

export interface CrosswalkLink {
  classification: ClassificationRef;
  match: 'exact' | 'renamed';
  note: string | null;
}

/** 新旧代码对照 both ways: `replaces` are the older codes mapped to this one, `replacedBy` the newer. */
export interface ClassificationDetail extends ClassificationRecord {
  replaces: CrosswalkLink[];
  replacedBy: CrosswalkLink[];
}

export interface CrosswalkEntry {
  from: ClassificationRef;
  to: ClassificationRef;
  match: 'exact' | 'renamed';
  note: string | null;
}

export interface ClassificationFilter {
  standard?: ClassStandard;
  kind?: ClassKind;
  majorCode?: string;
  q?: string;
  active?: boolean;
  cursor?: string;
  limit: number;
}

export interface LocalClassInput {
  kind: ClassKind;
  majorCode: string;
  /** A free code of the major class (080–999); allocated from 999 down when absent. */
  code?: string;
  name: string;
  publicName?: string | null;
  helpText?: string | null;
}

export interface ClassificationPatch {
  version: number;
  publicName?: string | null;
  helpText?: string | null;
  active?: boolean;
}

type Row = Selectable<ClassificationsTable>;

function present(row: Row): ClassificationRecord {
  return {
    id: row.id,
    // The loader and createLocalClass write only the standards and confidences of rules/entry.ts.
    standard: row.standard as ClassStandard,
    kind: row.kind,
    majorCode: row.major_code,
    majorName: row.major_name,
    code: row.code,
    name: row.name,
    publicName: row.public_name,
    helpText: row.help_text,
    confidence: row.confidence as Confidence,
    sourceNote: row.source_note,
    isExtension: row.is_extension,
    active: row.active,
    version: row.version,
  };
}

/** Ordered by (standard, kind, code); `q` matches names and the start of the code. */
export async function listClassifications(
  db: Kysely<DB>,
  filter: ClassificationFilter,
): Promise<Page<ClassificationRecord>> {
  let query = db.selectFrom('classifications').selectAll();
  if (filter.standard) query = query.where('standard', '=', filter.standard);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.majorCode) query = query.where('major_code', '=', filter.majorCode);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  if (filter.q) {
    const q = filter.q.replace(/[\\%_]/g, '\\$&');
    query = query.where((eb) =>
      eb.or([
        eb('name', 'like', `%${q}%`),
        eb('public_name', 'like', `%${q}%`),
        eb('major_name', 'like', `%${q}%`),
        eb('code', 'like', `${q}%`),
      ]),
    );
  }
  if (filter.cursor) {
    const [standard, kind, code] = decodeCursor(filter.cursor, ['text', 'text', 'text']);
    query = query.where(sql<boolean>`(standard, kind, code) > (${standard}, ${kind}, ${code})`);
  }
  const rows = await query
    .orderBy('standard')
    .orderBy('kind')
    .orderBy('code')
    .limit(filter.limit + 1)
    .execute();
  return toPage(rows, filter.limit, present, (row) => [row.standard, row.kind, row.code]);
}

/** One class as other modules check references against it (components, responsibilities). */
export interface ClassSummary {
  id: number;
  standard: ClassStandard;
  kind: ClassKind;
  majorCode: string;
  code: string;
  name: string;
  active: boolean;
}

/** Every class of every standard, active or not, unordered. */
export async function listClassSummaries(db: Kysely<DB>): Promise<ClassSummary[]> {
  const rows = await db
    .selectFrom('classifications')
    .select(['id', 'standard', 'kind', 'major_code', 'code', 'name', 'active'])
    .execute();
  return rows.map((row) => ({
    id: row.id,
    standard: row.standard as ClassStandard,
    kind: row.kind,
    majorCode: row.major_code,
    code: row.code,
    name: row.name,
    active: row.active,
  }));
}

const refColumns = ['id', 'standard', 'kind', 'code', 'name'] as const;

function toRef(row: {
  id: number;
  standard: string;
  kind: ClassKind;
  code: string;
  name: string;
}): ClassificationRef {
  return {
    id: row.id,
    standard: row.standard as ClassStandard,
    kind: row.kind,
    code: row.code,
    name: row.name,
  };
}

export async function getClassification(db: Kysely<DB>, id: number): Promise<ClassificationDetail> {
  const row = await db.selectFrom('classifications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('CLASSIFICATION_NOT_FOUND', `No classification ${id}`);
  const links = await db
    .selectFrom('classification_crosswalk as x')
    .innerJoin('classifications as c', (join) =>
      join.on((eb) =>
        eb.or([
          eb.and([eb('x.from_id', '=', id), eb('c.id', '=', eb.ref('x.to_id'))]),
          eb.and([eb('x.to_id', '=', id), eb('c.id', '=', eb.ref('x.from_id'))]),
        ]),
      ),
    )
    .select(['x.from_id', 'x.match', 'x.note', ...refColumns.map((c) => `c.${c}` as const)])
    .orderBy('c.standard')
    .orderBy('c.code')
    .execute();
  const link = (l: (typeof links)[number]): CrosswalkLink => ({
    classification: toRef(l),
    match: l.match,
    note: l.note,
  });
  return {
    ...present(row),
    replacedBy: links.filter((l) => l.from_id === id).map(link),
    replaces: links.filter((l) => l.from_id !== id).map(link),
  };
}

/** The whole crosswalk (CJ/T 214-2007 → GB/T 47678.5-2026), about 140 rows, in old-code order. */
export async function listCrosswalk(
  db: Kysely<DB>,
  filter: { kind?: ClassKind; match?: 'exact' | 'renamed' },
): Promise<CrosswalkEntry[]> {
  let query = db
    .selectFrom('classification_crosswalk as x')
    .innerJoin('classifications as f', 'f.id', 'x.from_id')
    .innerJoin('classifications as t', 't.id', 'x.to_id')
    .select([
      'x.match',
      'x.note',
      'f.id as from_id',
      'f.standard as from_standard',
      'f.kind as from_kind',
      'f.code as from_code',
      'f.name as from_name',
      't.id as to_id',
      't.standard as to_standard',
      't.kind as to_kind',
      't.code as to_code',
      't.name as to_name',
    ]);
  if (filter.kind) query = query.where('f.kind', '=', filter.kind);
  if (filter.match) query = query.where('x.match', '=', filter.match);
  const rows = await query.orderBy('f.kind').orderBy('f.code').orderBy('t.code').execute();
  return rows.map((r) => ({
    from: toRef({
      id: r.from_id,
      standard: r.from_standard,
      kind: r.from_kind,
      code: r.from_code,
      name: r.from_name,
    }),
    to: toRef({ id: r.to_id, standard: r.to_standard, kind: r.to_kind, code: r.to_code, name: r.to_name }),
    match: r.match,
    note: r.note,
  }));
}

async function extensionEntries(db: Kysely<DB>, kind: ClassKind): Promise<ClassEntry[]> {
  const rows = await db
    .selectFrom('classifications')
    .selectAll()
    .where('kind', '=', kind)
    .where('standard', 'in', [NATIONAL, 'LOCAL'])
    .execute();
  return rows.map((r) => ({
    standard: r.standard as ClassStandard,
    kind: r.kind,
    majorCode: r.major_code,
    majorName: r.major_name,
    minorCode: r.code.slice(2),
    code: r.code,
    name: r.name,
    confidence: r.confidence as Confidence,
    sourceNote: r.source_note ?? '',
  }));
}

/** Creates a LOCAL extension class in a GB/T 47678.5 major class (admin). */
export async function createLocalClass(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: LocalClassInput,
): Promise<ClassificationDetail> {
  return inTransaction(db, async (tx) => {
    // One allocation at a time, so two admins never pick the same free code.
    await sql`select pg_advisory_xact_lock(hashtext('shuzhi.classification.local'))`.execute(tx);
    const entries = await extensionEntries(tx, input.kind);
    const code = input.code
      ? validateLocalCode(entries, input.kind, input.code)
      : allocateLocalCode(entries, input.kind, input.majorCode);
    if (!code.ok)
      throw validationError([{ field: input.code ? 'body.code' : 'body.majorCode', reason: code.reason }]);
    if (code.value.majorCode !== input.majorCode) {
      throw validationError([
        { field: 'body.code', reason: `does not start with the major class ${input.majorCode}` },
      ]);
    }
    const bareName = input.name.trim().replace(new RegExp(`${LOCAL_NAME_SUFFIX}$`), '');
    const twin = entries.find(
      (e) => normalizeName(e.name.replace(LOCAL_NAME_SUFFIX, '')) === normalizeName(bareName),
    );
    if (twin) {
      throw validationError([
        { field: 'body.name', reason: `the ${twin.standard} ${input.kind} ${twin.code} has this name` },
      ]);
    }
    const major = entries.find((e) => e.standard === NATIONAL && e.majorCode === input.majorCode)!;
    const row = await tx
      .insertInto('classifications')
      .values({
        standard: 'LOCAL',
        kind: input.kind,
        major_code: major.majorCode,
        major_name: major.majorName,
        code: code.value.code,
        name: localItemName(bareName),
        confidence: 'local',
        source_note: `LOCAL; created through the API by ${ctx.actor.username}`,
        is_extension: true,
        public_name: input.publicName ?? null,
        help_text: input.helpText ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'classification.create',
      targetType: 'classification',
      targetId: row.id,
      detail: { kind: input.kind, code: code.value.code, name: localItemName(bareName) },
    });
    return getClassification(tx, row.id);
  });
}

/** Changes the public name, help text or activation (admin), at `version`. */
export async function updateClassification(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: number,
  patch: ClassificationPatch,
): Promise<ClassificationDetail> {
  return inTransaction(db, async (tx) => {
    const current = await getClassification(tx, id);
    const result = await tx
      .updateTable('classifications')
      .set({
        public_name: patch.publicName !== undefined ? patch.publicName : current.publicName,
        help_text: patch.helpText !== undefined ? patch.helpText : current.helpText,
        active: patch.active ?? current.active,
        version: sql<number>`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', patch.version)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) {
      throw new DomainError(
        'VERSION_CONFLICT',
        `Classification ${id} is at version ${current.version}, not ${patch.version}`,
        {
          currentVersion: current.version,
        },
      );
    }
    const { version: _version, ...changes } = patch;
    await recordAudit(tx, ctx, {
      action: 'classification.update',
      targetType: 'classification',
      targetId: id,
      detail: changes,
    });
    return getClassification(tx, id);
  });
}
