/**
 * The demo district's service catalogue, built from the item files: the source of truth for
 * catalogue.json. Regenerate after editing an item:
 *   npx tsx src/demo/catalogue/build.ts && npx prettier --write src/demo/catalogue/catalogue.json
 * catalogue.test.ts fails when the committed JSON differs from what this builds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_ITEMS } from './items/bundles.js';
import { BUSINESS_ITEMS } from './items/business.js';
import { CITY_ITEMS } from './items/city.js';
import { RESIDENCE_ITEMS } from './items/residence.js';
import { WELFARE_ITEMS } from './items/welfare.js';
import type { Document } from './types.js';

export const CATALOGUE_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'catalogue.json');

export function buildCatalogue(): Document {
  return {
    format: 'shuzhi-catalogue',
    formatVersion: 1,
    items: [...RESIDENCE_ITEMS, ...WELFARE_ITEMS, ...BUSINESS_ITEMS, ...CITY_ITEMS, ...BUNDLE_ITEMS],
  };
}

export function catalogueJson(): string {
  return `${JSON.stringify(buildCatalogue(), null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(CATALOGUE_PATH, catalogueJson());
  console.log(`wrote ${CATALOGUE_PATH} (${buildCatalogue().items.length} items)`);
}
