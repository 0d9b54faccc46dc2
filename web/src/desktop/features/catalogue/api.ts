/** The catalogue editor's calls (docs/api/services.md, "Editing the catalogue"). */
import { api, type Page } from '../../../shared/api.js';
import type {
  ApplicationForm,
  Guide,
  ItemKind,
  ItemLevel,
  ItemSituation,
  VersionState,
} from '../../../shared/catalogue.js';

export interface ItemRow {
  id: number;
  basicCode: string;
  implementationCode: string;
  kind: ItemKind;
  kindLabel: string;
  level: ItemLevel;
  parentId: number | null;
  isBundle: boolean;
  departmentId: number;
  latestVersionId: number;
  latestVersion: number;
  latestState: VersionState;
  latestStateLabel: string;
  name: string;
  hasDraft: boolean;
}

export interface VersionView {
  id: number;
  itemId: number;
  version: number;
  state: VersionState;
  stateLabel: string;
  validFrom: string | null;
  validTo: string | null;
  name: string;
  aliases: string[];
  basicCode: string;
  implementationCode: string;
  kind: ItemKind;
  level: ItemLevel;
  situation: ItemSituation | null;
  departmentId: number;
  implementingOrgCreditCode: string;
  competentDepartment: string;
  lifeEvents: string[];
  guide: Guide;
  form: ApplicationForm;
  bundleItemIds: number[];
  publishedAt: string | null;
  retiredAt: string | null;
  source: string | null;
  rowVersion: number;
}

export interface ItemDetail {
  id: number;
  basicCode: string;
  implementationCode: string;
  kind: ItemKind;
  kindLabel: string;
  level: ItemLevel;
  parentId: number | null;
  situation: ItemSituation | null;
  isBundle: boolean;
  departmentId: number;
  implementingOrgCreditCode: string;
  competentDepartment: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  versions: VersionView[];
}

export interface DraftPatch {
  version: number;
  name?: string;
  aliases?: string[];
  lifeEvents?: string[];
  validFrom?: string | null;
  validTo?: string | null;
  guide?: Guide;
  form?: ApplicationForm;
  bundleItemIds?: number[];
  source?: string | null;
}

export interface ImportResult {
  dryRun: boolean;
  created: number;
  versioned: number;
  unchanged: number;
  items: { basicCode: string; outcome: 'created' | 'versioned' | 'unchanged'; itemId: number | null }[];
}

export interface Department {
  id: number;
  name: string;
  shortName: string | null;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const catalogueApi = {
  /** Every item (the catalogue is a few thousand at most: the tree needs them all). */
  async allItems(q?: string): Promise<ItemRow[]> {
    const rows: ItemRow[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.get<Page<ItemRow>>('/catalogue/items', {
        q: q || undefined,
        limit: 500,
        cursor,
      });
      rows.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return rows;
  },
  item: (id: number, signal?: AbortSignal) =>
    api.get<ItemDetail>(`/catalogue/items/${id}`, undefined, signal),
  newDraft: (itemId: number) =>
    api.post<VersionView>(`/catalogue/items/${itemId}/drafts`, undefined, { idempotencyKey: true }),
  saveDraft: (versionId: number, patch: DraftPatch) =>
    api.patch<VersionView>(`/catalogue/versions/${versionId}`, patch),
  discard: (versionId: number, rowVersion: number) =>
    api.delete(`/catalogue/versions/${versionId}`, { query: { version: rowVersion } }),
  publish: (
    versionId: number,
    body: { version: number; validFrom?: string | null; validTo?: string | null },
  ) => api.post<VersionView>(`/catalogue/versions/${versionId}/publish`, body),
  retire: (versionId: number, rowVersion: number) =>
    api.post<VersionView>(`/catalogue/versions/${versionId}/retire`, { version: rowVersion }),
  importJson: (document: unknown, dryRun: boolean) =>
    api.post<ImportResult>('/catalogue/import', document, { query: { dryRun } }),
  importXlsx: (file: Blob, dryRun: boolean) =>
    api.post<ImportResult>('/catalogue/import.xlsx', new Blob([file], { type: XLSX }), {
      query: { dryRun },
      headers: { 'content-type': XLSX },
    }),
  exportUrl: (format: 'json' | 'xlsx') =>
    api.url('/catalogue/export', format === 'xlsx' ? { format } : undefined),
  async departments(): Promise<Department[]> {
    const page = await api.get<Page<Department>>('/departments', { limit: 500 });
    return page.items;
  },
};
