/**
 * Catalogue import and export in the exchange format (model.ts CatalogueDocument): an entry per
 * item with the content of its version in force. Import checks every entry and answers every
 * problem naming the entry (or XLSX sheet row) and field; nothing is written when any entry fails,
 * and `dryRun` writes nothing at all. An entry whose item exists with the same content is left
 * unchanged; a changed one becomes a new published version (a published version is frozen).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { listDepartmentSummaries } from '../departments/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError, type FieldError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import type { CatalogueDocument, CatalogueEntry, ItemLevel } from './model.js';
import { itemIdsByBasicCode } from './item-repo.js';
import { currentPublishedRecord, currentPublishedRecords, type VersionRecord } from './repo.js';
import { canonical } from './rules.js';
import { createDraft, updateDraft } from './drafts.js';
import { createItem, publishVersion, type CatalogueClock } from './service.js';

export interface ImportOutcome {
  basicCode: string;
  outcome: 'created' | 'versioned' | 'unchanged';
  itemId: number | null;
  versionId: number | null;
}

export interface ImportResult {
  dryRun: boolean;
  created: number;
  versioned: number;
  unchanged: number;
  items: ImportOutcome[];
}

/** Where an entry came from, to name it in errors: `items.3` (JSON) or an XLSX row. */
export interface EntryOrigin {
  /** Prefix of the entry's fields, e.g. `items.3` or `事项.5`. */
  at: string;
  /** For XLSX: the 材料 sheet row of each material, by index in the entry. */
  materialAt?: (index: number) => string;
}

class DryRunDone extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

const LEVEL_ORDER: Readonly<Record<ItemLevel, number>> = { main: 0, sub: 1, handling: 2 };

/** Parents before children, plain items before bundles (a bundle's children are published first). */
function importOrder(entries: readonly CatalogueEntry[]): number[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        Number(a.e.bundleCodes.length > 0) - Number(b.e.bundleCodes.length > 0) ||
        LEVEL_ORDER[a.e.level] - LEVEL_ORDER[b.e.level] ||
        a.i - b.i,
    )
    .map((x) => x.i);
}

/** The exchange entry of a published version (departments named, file ids left out). */
export function entryOf(
  version: VersionRecord,
  names: { department: string; parentCode: string | null; bundleCodes: string[] },
): CatalogueEntry {
  return {
    basicCode: version.basicCode,
    implementationCode: version.implementationCode,
    name: version.name,
    kind: version.kind,
    level: version.level,
    parentCode: names.parentCode,
    situation: version.situation,
    departmentName: names.department,
    implementingOrgCreditCode: version.implementingOrgCreditCode,
    competentDepartment: version.competentDepartment,
    lifeEvents: version.lifeEvents,
    validFrom: version.validFrom,
    validTo: version.validTo,
    guide: {
      ...version.guide,
      materials: version.guide.materials.map(({ sampleFileId: _s, blankFileId: _b, ...m }) => m),
    },
    form: version.form,
    bundleCodes: names.bundleCodes,
    source: version.source,
    aliases: version.aliases,
  };
}

/** Rewrites a service's field path (`body.draft.guide.x`) to the entry's (`items.3.guide.x`). */
function entryField(field: string, origin: EntryOrigin): string {
  const rest = field.replace(/^body\.draft\./, '').replace(/^body\./, '');
  const renamed = rest
    .replace(/^departmentId$/, 'departmentName')
    .replace(/^parentId$/, 'parentCode')
    .replace(/^bundleItemIds/, 'bundleCodes');
  const material = /^guide\.materials\.(\d+)(\.(.*))?$/.exec(renamed);
  if (material && origin.materialAt) return `${origin.materialAt(Number(material[1]))}${material[2] ?? ''}`;
  return `${origin.at}.${renamed}`;
}

function withoutFiles(entry: CatalogueEntry): unknown {
  return { ...entry, aliases: entry.aliases ?? [], validFrom: null, validTo: null };
}

/**
 * Imports a document in one transaction: every entry is checked (all problems collected, each
 * naming its entry and field); any problem → 422 IMPORT_REJECTED and nothing written.
 */
export async function importCatalogue(
  db: Kysely<DB>,
  ctx: RequestContext,
  document: CatalogueDocument,
  options: { dryRun: boolean; origins?: EntryOrigin[] },
  clock: CatalogueClock,
): Promise<ImportResult> {
  const origins = options.origins ?? document.items.map((_e, i) => ({ at: `items.${i}` }));
  try {
    return await inTransaction(db, async (tx) => {
      const errors: FieldError[] = [];
      const departments = await listDepartmentSummaries(tx);
      const byName = new Map<string, number>();
      for (const d of departments) {
        byName.set(d.name, d.id);
        if (d.shortName) byName.set(d.shortName, d.id);
      }
      const seen = new Map<string, number>();
      document.items.forEach((e, i) => {
        const first = seen.get(e.basicCode);
        if (first !== undefined)
          errors.push({
            field: `${origins[i]!.at}.basicCode`,
            reason: `repeats ${origins[first]!.at} (${e.basicCode})`,
          });
        else seen.set(e.basicCode, i);
      });
      const existing = await itemIdsByBasicCode(tx, [
        ...document.items.map((e) => e.basicCode),
        ...document.items.flatMap((e) => (e.parentCode ? [e.parentCode] : [])),
        ...document.items.flatMap((e) => e.bundleCodes),
      ]);
      const idOf = new Map<string, number>([...existing].map(([code, item]) => [code, item.id]));
      const outcomes: ImportOutcome[] = [];
      for (const i of importOrder(document.items)) {
        const entry = document.items[i]!;
        const origin = origins[i]!;
        if (seen.get(entry.basicCode) !== i) continue;
        const entryErrors: FieldError[] = [];
        const departmentId = byName.get(entry.departmentName.trim());
        if (departmentId === undefined)
          entryErrors.push({
            field: `${origin.at}.departmentName`,
            reason: `no department named ${entry.departmentName}`,
          });
        const parentId = entry.parentCode === null ? null : idOf.get(entry.parentCode);
        if (parentId === undefined)
          entryErrors.push({
            field: `${origin.at}.parentCode`,
            reason: `no item ${entry.parentCode} here or before it`,
          });
        const bundleItemIds: number[] = [];
        entry.bundleCodes.forEach((code, j) => {
          const id = idOf.get(code);
          if (id === undefined)
            entryErrors.push({ field: `${origin.at}.bundleCodes.${j}`, reason: `no item ${code}` });
          else bundleItemIds.push(id);
        });
        if (entryErrors.length > 0 || departmentId === undefined || parentId === undefined) {
          errors.push(...entryErrors);
          continue;
        }
        const content = {
          name: entry.name,
          aliases: entry.aliases ?? [],
          lifeEvents: entry.lifeEvents,
          validFrom: entry.validFrom,
          validTo: entry.validTo,
          guide: {
            ...entry.guide,
            materials: entry.guide.materials.map((m) => ({ ...m, sampleFileId: null, blankFileId: null })),
          },
          form: entry.form,
          bundleItemIds,
          source: entry.source,
        };
        try {
          const known = existing.get(entry.basicCode);
          if (!known) {
            const item = await createItem(
              tx,
              ctx,
              {
                basicCode: entry.basicCode,
                implementationCode: entry.implementationCode,
                kind: entry.kind,
                level: entry.level,
                parentId,
                situation: entry.situation,
                departmentId,
                implementingOrgCreditCode: entry.implementingOrgCreditCode,
                competentDepartment: entry.competentDepartment,
                draft: content,
              },
              clock,
            );
            idOf.set(entry.basicCode, item.id);
            const draft = item.versions[0]!;
            const published = await publishVersion(tx, ctx, draft.id, { version: draft.rowVersion }, clock);
            outcomes.push({
              basicCode: entry.basicCode,
              outcome: 'created',
              itemId: item.id,
              versionId: published.id,
            });
            continue;
          }
          const fixed: [keyof CatalogueEntry, unknown, unknown][] = [
            ['implementationCode', entry.implementationCode, known.implementationCode],
            ['kind', entry.kind, known.kind],
            ['level', entry.level, known.level],
            ['situation', entry.situation, known.situation],
            [
              'implementingOrgCreditCode',
              entry.implementingOrgCreditCode.toUpperCase(),
              known.implementingOrgCreditCode,
            ],
            ['competentDepartment', entry.competentDepartment, known.competentDepartment],
          ];
          const moved = fixed.filter(([, a, b]) => a !== b);
          if (departmentId !== known.departmentId)
            moved.push(['departmentName', departmentId, known.departmentId]);
          if (parentId !== known.parentId) moved.push(['parentCode', parentId, known.parentId]);
          if (moved.length > 0) {
            errors.push(
              ...moved.map(([field]) => ({
                field: `${origin.at}.${field}`,
                reason: `item ${entry.basicCode} exists with another value; its codes and place are fixed`,
              })),
            );
            continue;
          }
          const current = await currentPublishedRecord(tx, known.id, clock.today);
          if (current) {
            const children = await currentPublishedRecords(tx, current.bundleItemIds, clock.today);
            const same = entryOf(current, {
              department: entry.departmentName,
              parentCode: entry.parentCode,
              bundleCodes: current.bundleItemIds.map((id) => children.get(id)?.basicCode ?? String(id)),
            });
            if (canonical(withoutFiles(same)) === canonical(withoutFiles(entry))) {
              outcomes.push({
                basicCode: entry.basicCode,
                outcome: 'unchanged',
                itemId: known.id,
                versionId: current.id,
              });
              continue;
            }
          }
          // A changed entry starts a new version: on its own validFrom when that is later than the
          // current version's start, else today (an exported validFrom is the current version's).
          const startsLater =
            entry.validFrom !== null && (!current || entry.validFrom > (current.validFrom ?? ''));
          const validFrom = startsLater ? entry.validFrom : clock.today;
          const draft = await createDraft(tx, ctx, known.id);
          const edited = await updateDraft(
            tx,
            ctx,
            draft.id,
            { version: draft.rowVersion, ...content, validFrom },
            clock,
          );
          const published = await publishVersion(tx, ctx, draft.id, { version: edited.rowVersion }, clock);
          outcomes.push({
            basicCode: entry.basicCode,
            outcome: 'versioned',
            itemId: known.id,
            versionId: published.id,
          });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          const fields = error.extra.errors;
          if (fields && fields.length > 0)
            errors.push(...fields.map((f) => ({ field: entryField(f.field, origin), reason: f.reason })));
          else errors.push({ field: origin.at, reason: error.detail ?? error.message });
        }
      }
      if (errors.length > 0) {
        throw new DomainError(
          'IMPORT_REJECTED',
          `${errors.length} problem(s); nothing was imported. First: ${errors[0]!.field}: ${errors[0]!.reason}`,
          { errors },
        );
      }
      const result: ImportResult = {
        dryRun: options.dryRun,
        created: outcomes.filter((o) => o.outcome === 'created').length,
        versioned: outcomes.filter((o) => o.outcome === 'versioned').length,
        unchanged: outcomes.filter((o) => o.outcome === 'unchanged').length,
        items: outcomes,
      };
      // A dry run does everything a real one does, then rolls it back.
      if (options.dryRun) throw new DryRunDone(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunDone) return error.result;
    throw error;
  }
}

/** Every item's version in force today, as an exchange document (parents before children). */
export async function exportCatalogue(db: Kysely<DB>, today: string): Promise<CatalogueDocument> {
  const itemRows = await db
    .selectFrom('catalogue_items')
    .select(['id', 'basic_code'])
    .orderBy('id')
    .execute();
  const codeOf = new Map(itemRows.map((r) => [r.id, r.basic_code]));
  const versions = await currentPublishedRecords(
    db,
    itemRows.map((r) => r.id),
    today,
  );
  const departments = new Map((await listDepartmentSummaries(db)).map((d) => [d.id, d.name]));
  const entries = [...versions.values()].map((v) =>
    entryOf(v, {
      department: departments.get(v.departmentId) ?? String(v.departmentId),
      parentCode: v.parentId === null ? null : (codeOf.get(v.parentId) ?? null),
      bundleCodes: v.bundleItemIds.map((id) => codeOf.get(id) ?? String(id)),
    }),
  );
  const order = importOrder(entries);
  return { format: 'shuzhi-catalogue', formatVersion: 1, items: order.map((i) => entries[i]!) };
}
