/**
 * 公众分类 — the classes a citizen may report, with public names and help text in Chinese and
 * English (src/classification/data/public-categories.csv, a curated subset of GB/T 47678.5-2026:
 * the everyday events and components people notice in the street). A category code is the class
 * code with its kind, `M06010` (matter 06010) or `C01001` (component 01001), as Open311 service
 * codes are. `sensitive` categories (reports about a neighbour, a person, or critical utilities)
 * get a rounded location in the public view.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { listClassKeys } from '../classification/index.js';
import type { DB } from '../db/schema.js';
import { inTransaction } from '../shared/transaction.js';
import './tables.js';

export const CATEGORY_STANDARD = 'GB/T 47678.5-2026';
const DATA_FILE = fileURLToPath(new URL('../classification/data/public-categories.csv', import.meta.url));
const CODE = /^([MC])(\d{5})$/;
const COLUMNS = ['code', 'name', 'name_en', 'help', 'help_en', 'group', 'group_en', 'sensitive'] as const;

export interface PublicCategoryEntry {
  code: string;
  kind: 'matter' | 'component';
  classCode: string;
  name: string;
  nameEn: string;
  help: string;
  helpEn: string;
  group: string;
  groupEn: string;
  sensitive: boolean;
}

/** Parses the data file; throws naming the line of the first problem (a bad file must stop the start). */
export function parsePublicCategories(text: string): PublicCategoryEntry[] {
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  const seen = new Set<string>();
  return rows.map((row, i) => {
    const line = i + 2;
    for (const column of COLUMNS) {
      if (!row[column]) throw new Error(`public-categories.csv line ${line}: ${column} is empty`);
    }
    const match = CODE.exec(row.code!);
    if (!match) throw new Error(`public-categories.csv line ${line}: code ${row.code} is not M/C + 5 digits`);
    if (seen.has(row.code!)) throw new Error(`public-categories.csv line ${line}: code ${row.code} repeats`);
    seen.add(row.code!);
    if (row.sensitive !== 'true' && row.sensitive !== 'false')
      throw new Error(`public-categories.csv line ${line}: sensitive must be true or false`);
    return {
      code: row.code!,
      kind: match[1] === 'M' ? 'matter' : 'component',
      classCode: match[2]!,
      name: row.name!,
      nameEn: row.name_en!,
      help: row.help!,
      helpEn: row.help_en!,
      group: row.group!,
      groupEn: row.group_en!,
      sensitive: row.sensitive === 'true',
    };
  });
}

export function readPublicCategories(file = DATA_FILE): PublicCategoryEntry[] {
  return parsePublicCategories(fs.readFileSync(file, 'utf8'));
}

/**
 * Loads the categories (idempotent, at every start after the classification directory): upserts
 * every entry and deactivates categories no longer in the file (reports keep their category).
 */
export async function loadPublicCategories(db: Kysely<DB>): Promise<number> {
  const entries = readPublicCategories();
  return inTransaction(db, async (tx) => {
    const classes = await listClassKeys(tx, CATEGORY_STANDARD);
    const idOf = new Map(classes.map((c) => [`${c.kind}:${c.code}`, c.id]));
    const values = entries.map((e, position) => {
      const classificationId = idOf.get(`${e.kind}:${e.classCode}`);
      if (classificationId === undefined)
        throw new Error(`public category ${e.code}: no ${e.kind} ${e.classCode} in ${CATEGORY_STANDARD}`);
      return {
        code: e.code,
        classification_id: classificationId,
        name: e.name,
        name_en: e.nameEn,
        help: e.help,
        help_en: e.helpEn,
        group_name: e.group,
        group_en: e.groupEn,
        sensitive: e.sensitive,
        position: position + 1,
        active: true,
      };
    });
    await tx
      .insertInto('public_categories')
      .values(values)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          classification_id: eb.ref('excluded.classification_id'),
          name: eb.ref('excluded.name'),
          name_en: eb.ref('excluded.name_en'),
          help: eb.ref('excluded.help'),
          help_en: eb.ref('excluded.help_en'),
          group_name: eb.ref('excluded.group_name'),
          group_en: eb.ref('excluded.group_en'),
          sensitive: eb.ref('excluded.sensitive'),
          position: eb.ref('excluded.position'),
          active: true,
        })),
      )
      .execute();
    await tx
      .updateTable('public_categories')
      .set({ active: false })
      .where(
        'code',
        'not in',
        entries.map((e) => e.code),
      )
      .execute();
    return entries.length;
  });
}

export interface PublicCategory {
  code: string;
  classificationId: number;
  name: string;
  nameEn: string;
  help: string;
  helpEn: string;
  group: string;
  groupEn: string;
  sensitive: boolean;
}

type CategoryRow = Selectable<DB['public_categories']>;

function toCategory(row: CategoryRow): PublicCategory {
  return {
    code: row.code,
    classificationId: row.classification_id,
    name: row.name,
    nameEn: row.name_en,
    help: row.help,
    helpEn: row.help_en,
    group: row.group_name,
    groupEn: row.group_en,
    sensitive: row.sensitive,
  };
}

/** The categories a citizen may choose from, in the data file's order. */
export async function listPublicCategories(db: Kysely<DB>): Promise<PublicCategory[]> {
  const rows = await db
    .selectFrom('public_categories')
    .selectAll()
    .where('active', '=', true)
    .orderBy('position')
    .execute();
  return rows.map(toCategory);
}

/** One category by code, active or not (`activeOnly` for new reports). */
export async function findPublicCategory(
  db: Kysely<DB> | Transaction<DB>,
  code: string,
  activeOnly: boolean,
): Promise<PublicCategory | null> {
  let query = db.selectFrom('public_categories').selectAll().where('code', '=', code);
  if (activeOnly) query = query.where('active', '=', true);
  const row = await query.executeTakeFirst();
  return row ? toCategory(row) : null;
}
