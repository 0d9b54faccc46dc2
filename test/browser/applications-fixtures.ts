/**
 * What the applicant portal's and the window's browser tests share: the demo's real 居住证 and
 * 食品经营许可 items imported through the catalogue's own import (with their departments), and
 * small material files — a PDF and a PNG made on the spot, and a text file the portal must refuse.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import demo from '../../src/demo/catalogue/catalogue.json' with { type: 'json' };
import {
  catalogueClock,
  importCatalogue,
  type CatalogueDocument,
  type CatalogueEntry,
} from '../../src/catalogue/index.js';
import { createDepartment } from '../../src/departments/index.js';
import { systemContext } from '../../src/shared/context.js';
import type { TestApp } from '../helpers/app.js';

const CODES = ['1000010000', '1000010001', '0100061000', '0100061002'];
let imported: Promise<Record<string, number>> | null = null;

/** Imports the items once per test file; answers item ids by name. */
export function importDemoItems(t: TestApp): Promise<Record<string, number>> {
  imported ??= (async () => {
    const entries = (demo as unknown as CatalogueDocument).items.filter((e: CatalogueEntry) =>
      CODES.includes(e.basicCode),
    );
    const names = [...new Set(entries.map((e) => e.departmentName))];
    for (const name of names) {
      const exists = await t.database.db
        .selectFrom('departments')
        .select('id')
        .where('name', '=', name)
        .executeTakeFirst();
      if (!exists) await createDepartment(t.database.db, systemContext(), { name, kind: 'other' });
    }
    await importCatalogue(
      t.database.db,
      systemContext(),
      { format: 'shuzhi-catalogue', formatVersion: 1, items: entries },
      { dryRun: false },
      catalogueClock(new Date(), 'Asia/Shanghai'),
    );
    const rows = await t.database.db
      .selectFrom('catalogue_items')
      .select(['id', 'basic_code'])
      .where('basic_code', 'in', CODES)
      .execute();
    const byCode = Object.fromEntries(rows.map((r) => [r.basic_code, Number(r.id)]));
    return {
      居住证申领: byCode['1000010001']!,
      食品经营许可变更: byCode['0100061002']!,
    };
  })();
  return imported;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shuzhi-materials-'));

/** A one-page PDF that passes the material checks (header, objects, %%EOF). */
export function pdfFile(name: string): string {
  const body = [
    '%PDF-1.4',
    // The name in a comment makes each file's bytes its own (uploads are deduplicated by content).
    `% ${Buffer.from(name).toString('hex')}`,
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n');
  const file = path.join(dir, name);
  fs.writeFileSync(file, body);
  return file;
}

/** A small PNG photo. */
export async function pngFile(name: string): Promise<string> {
  const file = path.join(dir, name);
  await sharp({ create: { width: 120, height: 160, channels: 3, background: { r: 200, g: 210, b: 230 } } })
    .png()
    .toFile(file);
  return file;
}

/** A text file posing as a material: the portal names it refused before sending. */
export function textFile(name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, '这不是扫描件');
  return file;
}
