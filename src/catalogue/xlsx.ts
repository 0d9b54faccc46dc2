/**
 * The exchange format as an XLSX workbook, for the people who keep the 实施清单 in Excel: sheet
 * 事项 has one row per item (plain columns for the basic elements and time limits, JSON text for the
 * structured parts: steps, special steps, FAQ, legal bases, form), sheet 材料 one row per material.
 * Each header is `中文 key`; the key is what is read back, so the workbook round-trips through
 * import. Problems name the sheet, the row and the column key.
 */
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import ExcelJS, { type Cell as ExcelCell, type Worksheet } from 'exceljs';
import { DomainError, type FieldError } from '../shared/errors.js';
import type { EntryOrigin } from './exchange.js';
import type { CatalogueDocument, CatalogueEntry } from './model.js';
import { CatalogueDocumentSchema } from './schemas.js';

export const ITEM_SHEET = '事项';
export const MATERIAL_SHEET = '材料';

type Cell = string | number | boolean | null;
type ColumnKind = 'text' | 'int' | 'number' | 'list' | 'json' | 'bool' | 'nullable';

interface XlsxColumn {
  key: string;
  header: string;
  kind: ColumnKind;
  get: (e: CatalogueEntry) => unknown;
}

const ITEM_COLUMNS: XlsxColumn[] = [
  { key: 'basicCode', header: '基本编码', kind: 'text', get: (e) => e.basicCode },
  { key: 'implementationCode', header: '实施编码', kind: 'text', get: (e) => e.implementationCode },
  { key: 'name', header: '事项名称', kind: 'text', get: (e) => e.name },
  { key: 'aliases', header: '别名', kind: 'list', get: (e) => e.aliases ?? [] },
  { key: 'kind', header: '事项类型', kind: 'text', get: (e) => e.kind },
  { key: 'level', header: '层级', kind: 'text', get: (e) => e.level },
  { key: 'parentCode', header: '上级基本编码', kind: 'nullable', get: (e) => e.parentCode },
  { key: 'situation', header: '办理情形', kind: 'nullable', get: (e) => e.situation },
  { key: 'departmentName', header: '实施机关', kind: 'text', get: (e) => e.departmentName },
  {
    key: 'implementingOrgCreditCode',
    header: '实施机关统一社会信用代码',
    kind: 'text',
    get: (e) => e.implementingOrgCreditCode,
  },
  { key: 'competentDepartment', header: '主管部门', kind: 'text', get: (e) => e.competentDepartment },
  { key: 'lifeEvents', header: '人生事件', kind: 'list', get: (e) => e.lifeEvents },
  { key: 'validFrom', header: '有效期起', kind: 'nullable', get: (e) => e.validFrom },
  { key: 'validTo', header: '有效期止', kind: 'nullable', get: (e) => e.validTo },
  { key: 'bundleCodes', header: '一件事子项', kind: 'list', get: (e) => e.bundleCodes },
  { key: 'source', header: '来源', kind: 'nullable', get: (e) => e.source },
  { key: 'guide.subjects', header: '服务对象', kind: 'list', get: (e) => e.guide.subjects },
  { key: 'guide.conditions', header: '申请条件', kind: 'text', get: (e) => e.guide.conditions },
  { key: 'guide.legalDays', header: '法定时限', kind: 'int', get: (e) => e.guide.legalDays },
  { key: 'guide.promisedDays', header: '承诺时限', kind: 'int', get: (e) => e.guide.promisedDays },
  { key: 'guide.acceptanceDays', header: '受理时限', kind: 'int', get: (e) => e.guide.acceptanceDays },
  { key: 'guide.fee.amount', header: '收费金额', kind: 'number', get: (e) => e.guide.fee.amount },
  { key: 'guide.fee.basis', header: '收费依据', kind: 'nullable', get: (e) => e.guide.fee.basis },
  { key: 'guide.fee.description', header: '收费说明', kind: 'text', get: (e) => e.guide.fee.description },
  { key: 'guide.place', header: '办理地点', kind: 'text', get: (e) => e.guide.place },
  { key: 'guide.hours', header: '办理时间', kind: 'text', get: (e) => e.guide.hours },
  { key: 'guide.channels', header: '办理渠道', kind: 'list', get: (e) => e.guide.channels },
  { key: 'guide.visits', header: '到现场次数', kind: 'json', get: (e) => e.guide.visits },
  { key: 'guide.deliveryMethods', header: '送达方式', kind: 'list', get: (e) => e.guide.deliveryMethods },
  { key: 'guide.onlineDepth', header: '网办深度', kind: 'int', get: (e) => e.guide.onlineDepth },
  { key: 'guide.consultation', header: '咨询方式', kind: 'text', get: (e) => e.guide.consultation },
  { key: 'guide.complaint', header: '投诉方式', kind: 'text', get: (e) => e.guide.complaint },
  { key: 'guide.resultName', header: '办理结果', kind: 'text', get: (e) => e.guide.resultName },
  { key: 'guide.steps', header: '办理流程', kind: 'json', get: (e) => e.guide.steps },
  { key: 'guide.specialSteps', header: '特殊环节', kind: 'json', get: (e) => e.guide.specialSteps },
  { key: 'guide.faq', header: '常见问题', kind: 'json', get: (e) => e.guide.faq },
  { key: 'guide.legalBases', header: '设定和实施依据', kind: 'json', get: (e) => e.guide.legalBases },
  {
    key: 'guide.accountability',
    header: '追责情形与依据',
    kind: 'json',
    get: (e) => e.guide.accountability ?? null,
  },
  { key: 'form', header: '申请表单', kind: 'json', get: (e) => e.form },
];

type ExchangeMaterial = CatalogueEntry['guide']['materials'][number];
const MATERIAL_COLUMNS: { key: keyof ExchangeMaterial | 'basicCode'; header: string; kind: ColumnKind }[] = [
  { key: 'basicCode', header: '基本编码', kind: 'text' },
  { key: 'key', header: '材料标识', kind: 'text' },
  { key: 'name', header: '材料名称', kind: 'text' },
  { key: 'form', header: '材料形式', kind: 'text' },
  { key: 'copies', header: '份数', kind: 'int' },
  { key: 'required', header: '是否必需', kind: 'bool' },
  { key: 'condition', header: '适用情形', kind: 'nullable' },
  { key: 'source', header: '来源渠道', kind: 'text' },
  { key: 'sourceReference', header: '共享资源或证照类型代码', kind: 'nullable' },
  { key: 'notes', header: '填报须知', kind: 'text' },
];

function toCell(value: unknown, kind: ColumnKind): Cell {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'list':
      return (value as string[]).join(', ');
    case 'json':
      return JSON.stringify(value);
    case 'bool':
      return value ? '是' : '否';
    case 'int':
    case 'nullable':
    case 'number':
    case 'text':
      return value as Cell;
  }
}

/** The document as a workbook of two sheets. */
export async function documentToXlsx(document: CatalogueDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shuzhi 数治';
  const items = workbook.addWorksheet(ITEM_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] });
  items.addRow(ITEM_COLUMNS.map((c) => `${c.header} ${c.key}`));
  for (const entry of document.items) items.addRow(ITEM_COLUMNS.map((c) => toCell(c.get(entry), c.kind)));
  const materials = workbook.addWorksheet(MATERIAL_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  materials.addRow(MATERIAL_COLUMNS.map((c) => `${c.header} ${c.key}`));
  for (const entry of document.items) {
    for (const m of entry.guide.materials) {
      materials.addRow(
        MATERIAL_COLUMNS.map((c) => toCell(c.key === 'basicCode' ? entry.basicCode : m[c.key], c.kind)),
      );
    }
  }
  for (const sheet of [items, materials]) {
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((column) => (column.width = 18));
    // Every cell is text: codes like 0100001000 keep their leading zeros.
    sheet.eachRow((row, n) => {
      if (n > 1) row.eachCell((cell) => (cell.numFmt = typeof cell.value === 'number' ? '0.##' : '@'));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellValue(cell: ExcelCell): string | number | boolean | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return (v.result as string | number | null) ?? null;
  return JSON.stringify(v);
}

function parseCell(raw: Cell, kind: ColumnKind, at: string, errors: FieldError[]): unknown {
  const text = raw === null ? '' : String(raw).trim();
  switch (kind) {
    case 'text':
      return text;
    case 'nullable':
      return text === '' ? null : text;
    case 'int':
    case 'number': {
      const n = typeof raw === 'number' ? raw : Number(text);
      if (text === '' || !Number.isFinite(n)) {
        errors.push({ field: at, reason: 'must be a number' });
        return 0;
      }
      return n;
    }
    case 'bool':
      if (['是', 'true', 'TRUE', '1', 'yes'].includes(text)) return true;
      if (['否', 'false', 'FALSE', '0', 'no'].includes(text)) return false;
      errors.push({ field: at, reason: '须为“是”或“否” must be 是 or 否' });
      return false;
    case 'list':
      return text === '' ? [] : text.split(/[,，、;；\s]+/).filter((s) => s !== '');
    case 'json':
      if (text === '') return null;
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        errors.push({ field: at, reason: `不是有效的 JSON: ${(error as Error).message}` });
        return null;
      }
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  const last = parts.at(-1)!;
  // An absent optional part (accountability) stays absent rather than null.
  if (value === null && path === 'guide.accountability') return;
  node[last] = value;
}

function headerKeys(
  sheet: Worksheet,
  expected: readonly string[],
  errors: FieldError[],
): Map<string, number> {
  const keys = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = String(cellValue(cell) ?? '').trim();
    const key = text.split(/\s+/).at(-1) ?? '';
    keys.set(key, col);
  });
  for (const key of expected) {
    if (!keys.has(key)) errors.push({ field: `${sheet.name}.1`, reason: `missing column ${key}` });
  }
  return keys;
}

let documentCheck: ReturnType<Ajv['compile']> | undefined;

/**
 * Reads a workbook into a document and where each entry came from; a workbook that is not one, a
 * missing column, or a cell of the wrong shape is refused (422) naming `sheet.row.key`.
 */
export async function xlsxToDocument(
  body: Buffer,
): Promise<{ document: CatalogueDocument; origins: EntryOrigin[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch (error) {
    throw new DomainError('VALIDATION_FAILED', `not an XLSX workbook: ${(error as Error).message}`, {
      errors: [{ field: 'body', reason: 'is not an XLSX workbook' }],
    });
  }
  const errors: FieldError[] = [];
  const itemSheet = workbook.getWorksheet(ITEM_SHEET);
  const materialSheet = workbook.getWorksheet(MATERIAL_SHEET);
  if (!itemSheet || !materialSheet) {
    throw new DomainError(
      'IMPORT_REJECTED',
      `the workbook needs the sheets ${ITEM_SHEET} and ${MATERIAL_SHEET}`,
      {
        errors: [{ field: 'body', reason: `needs the sheets ${ITEM_SHEET} and ${MATERIAL_SHEET}` }],
      },
    );
  }
  const itemKeys = headerKeys(
    itemSheet,
    ITEM_COLUMNS.map((c) => c.key),
    errors,
  );
  const materialKeys = headerKeys(
    materialSheet,
    MATERIAL_COLUMNS.map((c) => c.key),
    errors,
  );
  if (errors.length > 0)
    throw new DomainError('IMPORT_REJECTED', 'the workbook is missing columns', { errors });

  const entries: Record<string, unknown>[] = [];
  const rows: number[] = [];
  const entryByCode = new Map<string, number>();
  itemSheet.eachRow((row, n) => {
    if (n === 1) return;
    const entry: Record<string, unknown> = { guide: { materials: [] } };
    for (const c of ITEM_COLUMNS) {
      const raw = cellValue(row.getCell(itemKeys.get(c.key)!));
      setPath(entry, c.key, parseCell(raw, c.kind, `${ITEM_SHEET}.${n}.${c.key}`, errors));
    }
    if (Object.values(entry).every((v) => v === '' || v === null)) return;
    entryByCode.set(String(entry.basicCode), entries.length);
    entries.push(entry);
    rows.push(n);
  });
  const materialRows: number[][] = entries.map(() => []);
  materialSheet.eachRow((row, n) => {
    if (n === 1) return;
    const material: Record<string, unknown> = {};
    for (const c of MATERIAL_COLUMNS) {
      const raw = cellValue(row.getCell(materialKeys.get(c.key)!));
      material[c.key] = parseCell(raw, c.kind, `${MATERIAL_SHEET}.${n}.${c.key}`, errors);
    }
    const { basicCode, ...rest } = material;
    if (basicCode === '') return;
    const index = entryByCode.get(String(basicCode));
    if (index === undefined) {
      errors.push({
        field: `${MATERIAL_SHEET}.${n}.basicCode`,
        reason: `no item ${String(basicCode)} in sheet ${ITEM_SHEET}`,
      });
      return;
    }
    (entries[index]!.guide as { materials: unknown[] }).materials.push(rest);
    materialRows[index]!.push(n);
  });
  const document = { format: 'shuzhi-catalogue', formatVersion: 1, items: entries };
  if (!documentCheck) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    documentCheck = ajv.compile(CatalogueDocumentSchema);
  }
  const origins: EntryOrigin[] = rows.map((n, i) => ({
    at: `${ITEM_SHEET}.${n}`,
    materialAt: (k: number) => `${MATERIAL_SHEET}.${materialRows[i]![k] ?? '?'}`,
  }));
  if (!documentCheck(document)) {
    for (const e of documentCheck.errors ?? []) {
      const path = e.instancePath.split('/').slice(1);
      if (path[0] !== 'items' || path.length < 2) {
        errors.push({ field: e.instancePath || 'body', reason: e.message ?? 'is not valid' });
        continue;
      }
      const i = Number(path[1]);
      const rest = path.slice(2);
      const field =
        rest[0] === 'guide' && rest[1] === 'materials' && rest[2] !== undefined
          ? `${origins[i]!.materialAt!(Number(rest[2]))}${rest.length > 3 ? `.${rest.slice(3).join('.')}` : ''}`
          : `${origins[i]!.at}${rest.length > 0 ? `.${rest.join('.')}` : ''}`;
      const extra = e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : '';
      errors.push({ field, reason: `${e.message ?? 'is not valid'}${extra}` });
    }
  }
  if (errors.length > 0)
    throw new DomainError(
      'IMPORT_REJECTED',
      `${errors.length} problem(s) in the workbook; nothing was imported`,
      { errors },
    );
  return { document: document as unknown as CatalogueDocument, origins };
}
