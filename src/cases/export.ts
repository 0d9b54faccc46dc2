/**
 * 案卷查询 as a download: the filtered list (at most EXPORT_LIMIT rows) as CSV (UTF-8 with a BOM,
 * so Excel opens Chinese text) or XLSX (exceljs), both headed by the title rows a filed report
 * carries in a Chinese office: 表名, 制表单位, 时间范围, then the column headers. This builds the
 * file (name, type, bytes); the route sends it.
 */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { departmentNames } from '../departments/index.js';
import { districtName } from '../geography/index.js';
import type { RequestContext } from '../shared/context.js';
import { localMinute } from '../shared/local-time.js';
import { listExtras } from './list-view.js';
import { listCases, type CaseFilter, type CaseSort } from './queries.js';
import type { CaseServiceDeps } from './deps.js';
import { CASE_SOURCE_NAMES, CASE_STATUS_NAMES } from './workflow/index.js';
import './tables.js';

/** A spreadsheet is read by people; beyond this many rows a query should be narrowed. */
export const EXPORT_LIMIT = 5_000;

const TIER_NAMES: Record<string, string> = { on_time: '按期', overdue: '超期', severely_overdue: '严重超期' };

const COLUMNS: Array<{ key: string; header: string; width: number }> = [
  { key: 'number', header: '案卷编号', width: 20 },
  { key: 'reportedAt', header: '上报时间', width: 18 },
  { key: 'source', header: '来源', width: 10 },
  { key: 'className', header: '类别', width: 18 },
  { key: 'status', header: '状态', width: 10 },
  { key: 'street', header: '街道', width: 14 },
  { key: 'community', header: '社区', width: 14 },
  { key: 'grid', header: '单元网格', width: 16 },
  { key: 'address', header: '地址', width: 30 },
  { key: 'department', header: '责任部门', width: 16 },
  { key: 'dueAt', header: '处置时限', width: 18 },
  { key: 'tier', header: '超期情况', width: 10 },
  { key: 'description', header: '问题描述', width: 40 },
];

export interface ExportHeading {
  /** 制表单位: the user's organisation as the export names it. */
  unit: string;
  from?: Date;
  to?: Date;
  timeZone: string;
}

function localTime(date: Date | null, timeZone: string): string {
  return date ? localMinute(date, timeZone) : '';
}

/** The rows of the export as text cells, in column order. */
export async function caseExportRows(
  db: Kysely<DB>,
  deps: CaseServiceDeps,
  ctx: RequestContext,
  filter: CaseFilter & { sort?: CaseSort; order?: 'asc' | 'desc' },
): Promise<string[][]> {
  const page = await listCases(db, ctx, { ...filter, limit: EXPORT_LIMIT, offset: 0 });
  const [extras, departments] = await Promise.all([
    listExtras(db, deps.calendars, page.items, deps.now ? deps.now() : new Date()),
    departmentNames(
      db,
      page.items.flatMap((row) => (row.department_id === null ? [] : [row.department_id])),
    ),
  ]);
  const departmentName = (id: number | null) => {
    const d = id === null ? undefined : departments.get(id);
    return d ? (d.shortName ?? d.name) : '';
  };
  return page.items.map((row) => {
    const names = extras.get(row.id)?.names;
    const cells: Record<string, string> = {
      number: row.number,
      reportedAt: localTime(row.reported_at, deps.timeZone),
      source: CASE_SOURCE_NAMES[row.source] ?? row.source,
      className: row.class_name,
      status: CASE_STATUS_NAMES[row.status],
      street: names?.streetName ?? row.street_code,
      community: names?.communityName ?? row.community_code,
      grid: names?.gridName ?? row.grid_code,
      address: row.address ?? '',
      department: departmentName(row.department_id),
      dueAt: localTime(row.handling_due_at, deps.timeZone),
      tier: TIER_NAMES[row.overdue_tier] ?? '',
      description: row.description,
    };
    return COLUMNS.map((c) => cells[c.key] ?? '');
  });
}

/**
 * 制表单位: the user's department, else the supervision centre's district (the region named
 * at the district level), else the platform's name.
 */
export async function exportUnit(db: Kysely<DB>, departmentId: number | null): Promise<string> {
  if (departmentId !== null) {
    const department = (await departmentNames(db, [departmentId])).get(departmentId);
    if (department) return department.name;
  }
  const district = await districtName(db);
  return district !== null ? `${district}城市管理监督指挥中心` : '数治城市管理平台';
}

function titleRows(heading: ExportHeading): string[] {
  const range =
    heading.from || heading.to
      ? `${localTime(heading.from ?? null, heading.timeZone) || '不限'} 至 ${localTime(heading.to ?? null, heading.timeZone) || '不限'}`
      : '不限';
  return ['表名：案卷查询结果', `制表单位：${heading.unit}`, `时间范围：${range}`];
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function casesCsv(rows: string[][], heading: ExportHeading): string {
  const lines = [
    ...titleRows(heading).map(quote),
    COLUMNS.map((c) => c.header).join(','),
    ...rows.map((r) => r.map(quote).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function casesXlsx(rows: string[][], heading: ExportHeading): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shuzhi 数治';
  const titles = titleRows(heading);
  const sheet = workbook.addWorksheet('案卷查询', {
    views: [{ state: 'frozen', ySplit: titles.length + 1 }],
  });
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  titles.forEach((text, i) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(i + 1, 1, i + 1, COLUMNS.length);
    row.font = i === 0 ? { bold: true, size: 14 } : { size: 11 };
  });
  const header = sheet.addRow(COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A built export: the name it is saved under, its content type and its bytes. */
export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

/** The export file of the rows, named 案卷查询-<local date>. */
export async function caseExportFile(
  rows: string[][],
  heading: ExportHeading,
  format: 'csv' | 'xlsx',
): Promise<ExportFile> {
  const stem = `案卷查询-${localTime(new Date(), heading.timeZone).slice(0, 10)}`;
  if (format === 'csv')
    return { filename: `${stem}.csv`, contentType: 'text/csv; charset=utf-8', body: casesCsv(rows, heading) };
  return {
    filename: `${stem}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await casesXlsx(rows, heading),
  };
}
