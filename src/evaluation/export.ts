/**
 * Tables as downloads: CSV (UTF-8 with a byte-order mark, so Excel opens Chinese text correctly;
 * RFC 4180 quoting) and formatted XLSX (exceljs: bold frozen header, widths, percent format for
 * rates). Every table endpoint answers JSON by default and one of these with `?format=`.
 */
import { localMinute } from '../shared/local-time.js';
import ExcelJS from 'exceljs';
import type { DownloadFile } from '../http/download.js';

export type ColumnKind = 'text' | 'int' | 'number' | 'rate' | 'date';

export interface Column {
  key: string;
  /** Chinese header, as the users of the export read it. */
  header: string;
  kind: ColumnKind;
}

export interface Table {
  /** Sheet title and file name stem. */
  title: string;
  columns: Column[];
  rows: Array<Record<string, unknown>>;
  /** Title rows above the header, as a printed Chinese report has them (表名, 制表单位, 时间范围, 制表时间). */
  report?: ReportHead;
}

export interface ReportHead {
  /** 制表单位; null when unknown (the line then says so rather than naming nobody). */
  organisation: string | null;
  /** 时间范围: local days, both inclusive (an API period's exclusive `to` minus one day). */
  period: { first: string; last: string } | null;
  /** 制表时间, shown in `timeZone`. */
  madeAt: Date;
  timeZone: string;
}

/** The inclusive last day of a period of local days whose `to` is exclusive (2026-12-01 → 2026-11-30). */
export function lastDayOf(toExclusive: string): string {
  const date = new Date(`${toExclusive}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

export { localMinute };

/** The lines under the title: 制表单位, 时间范围 (when the table has a period), 制表时间. */
export function reportLines(head: ReportHead): string[] {
  return [
    `制表单位：${head.organisation ?? '（未配置）'}`,
    ...(head.period ? [`时间范围：${head.period.first} 至 ${head.period.last}`] : []),
    `制表时间：${localMinute(head.madeAt, head.timeZone)}`,
  ];
}

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

function cellText(value: unknown, kind: ColumnKind): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return kind === 'rate' ? String(Math.round(value * 10_000) / 10_000) : String(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * CSV text with a BOM; rates as fractions (0.8125), times in ISO 8601. A report's title and its
 * lines come first, one per row, padded to the column count so every row has the same width.
 */
export function toCsv(table: Table): string {
  const pad = (text: string) =>
    [quote(text), ...Array<string>(Math.max(0, table.columns.length - 1)).fill('')].join(',');
  const lines = table.report ? [table.title, ...reportLines(table.report)].map(pad) : [];
  lines.push(table.columns.map((c) => quote(c.header)).join(','));
  for (const row of table.rows)
    lines.push(table.columns.map((c) => quote(cellText(row[c.key], c.kind))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Excel number formats: counts as integers, rates as percentages with one decimal. */
const NUMBER_FORMATS: Partial<Record<ColumnKind, string>> = {
  int: '0',
  rate: '0.0%',
  number: '0.00',
  date: 'yyyy-mm-dd hh:mm',
};

/**
 * An XLSX workbook of one sheet. With a report head: the title merged across the table in row 1,
 * 制表单位 / 时间范围 / 制表时间 in row 2, the header in row 3 (frozen, with the filter).
 */
export async function toXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shuzhi 数治';
  const headRows = table.report ? 2 : 0;
  const sheet = workbook.addWorksheet(table.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), {
    views: [{ state: 'frozen', ySplit: headRows + 1 }],
  });
  const width = table.columns.length;
  if (table.report) {
    const title = sheet.getRow(1);
    title.getCell(1).value = table.title;
    title.font = { bold: true, size: 16 };
    title.alignment = { vertical: 'middle', horizontal: 'center' };
    title.height = 28;
    if (width > 1) sheet.mergeCells(1, 1, 1, width);
    // The lines side by side in equal spans (left, centre, right) when there is room, else one cell.
    const lines = reportLines(table.report);
    const line = sheet.getRow(2);
    if (width >= lines.length) {
      const span = Math.floor(width / lines.length);
      lines.forEach((text, i) => {
        const first = i * span + 1;
        const last = i === lines.length - 1 ? width : first + span - 1;
        line.getCell(first).value = text;
        line.getCell(first).alignment = {
          horizontal: i === 0 ? 'left' : i === lines.length - 1 ? 'right' : 'center',
        };
        if (last > first) sheet.mergeCells(2, first, 2, last);
      });
    } else {
      line.getCell(1).value = lines.join('　');
    }
  }
  const headerRow = headRows + 1;
  sheet.getRow(headerRow).values = table.columns.map((c) => c.header);
  table.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.key = c.key;
    column.width = Math.max(10, Math.min(40, c.header.length * 2 + 4));
    if (c.kind === 'text' && c.header.includes('代码')) column.width = 22;
  });
  for (const row of table.rows) {
    const added = sheet.addRow(
      table.columns.map((c) => {
        const v = row[c.key];
        return v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? null : v;
      }),
    );
    table.columns.forEach((c, i) => {
      const format = NUMBER_FORMATS[c.kind];
      if (format) added.getCell(i + 1).numFmt = format;
    });
  }
  const header = sheet.getRow(headerRow);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: width } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A table as a CSV or XLSX file named `stem` (the route sends it: http/download.ts). */
export async function tableFile(table: Table, format: 'csv' | 'xlsx', stem: string): Promise<DownloadFile> {
  if (format === 'csv')
    return { filename: `${stem}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(table) };
  return {
    filename: `${stem}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await toXlsx(table),
  };
}
