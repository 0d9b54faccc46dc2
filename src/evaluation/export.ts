/**
 * Tables as downloads: CSV (UTF-8 with a byte-order mark, so Excel opens Chinese text correctly;
 * RFC 4180 quoting) and formatted XLSX (exceljs: bold frozen header, widths, percent format for
 * rates). Every table endpoint answers JSON by default and one of these with `?format=`.
 */
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

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

/** CSV text with a BOM; rates as fractions (0.8125), times in ISO 8601. */
export function toCsv(table: Table): string {
  const lines = [table.columns.map((c) => quote(c.header)).join(',')];
  for (const row of table.rows)
    lines.push(table.columns.map((c) => quote(cellText(row[c.key], c.kind))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** An XLSX workbook of one sheet. */
export async function toXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shuzhi 数治';
  const sheet = workbook.addWorksheet(table.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(10, Math.min(40, c.header.length * 2 + 4)),
    style:
      c.kind === 'rate'
        ? { numFmt: '0.00%' }
        : c.kind === 'number'
          ? { numFmt: '0.00' }
          : c.kind === 'date'
            ? { numFmt: 'yyyy-mm-dd hh:mm' }
            : {},
  }));
  for (const row of table.rows) {
    sheet.addRow(
      Object.fromEntries(
        table.columns.map((c) => {
          const v = row[c.key];
          return [c.key, v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? null : v];
        }),
      ),
    );
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function disposition(stem: string, extension: string): string {
  const name = `${stem}.${extension}`;
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replaceAll('"', '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Sends a table as CSV or XLSX. */
export async function sendTable(reply: FastifyReply, table: Table, format: 'csv' | 'xlsx', stem: string) {
  if (format === 'csv') {
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', disposition(stem, 'csv'))
      .send(toCsv(table));
  }
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', disposition(stem, 'xlsx'))
    .send(await toXlsx(table));
}
