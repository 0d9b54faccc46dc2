/**
 * Loads the demo district's service catalogue (catalogue.json) through the catalogue's own import,
 * once: on the first start, and on the first start of a demo folder made before the catalogue
 * existed. A refusal (an older demo folder lacks the service departments the catalogue names) is
 * reported and does not stop the server: the grid side works without the catalogue.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { catalogueClock, importCatalogue, type CatalogueDocument } from '../../catalogue/index.js';
import { systemContext } from '../../shared/context.js';
import { DomainError } from '../../shared/errors.js';

const CATALOGUE_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'catalogue.json');

export async function ensureDemoCatalogue(
  db: Kysely<DB>,
  timeZone: string,
  say: (message: string) => void,
): Promise<void> {
  const any = await db.selectFrom('catalogue_items').select('id').limit(1).executeTakeFirst();
  if (any) return;
  const document = JSON.parse(fs.readFileSync(CATALOGUE_FILE, 'utf8')) as CatalogueDocument;
  try {
    const result = await importCatalogue(
      db,
      systemContext('demo-catalogue'),
      document,
      { dryRun: false },
      catalogueClock(new Date(), timeZone),
    );
    say(`  service catalogue: ${result.created} items published (政务服务事项)`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const first = error.extra.errors?.[0];
    say(
      `  service catalogue not loaded (${error.code}${first ? `: ${first.field} ${first.reason}` : ''}); ` +
        'start a new demo folder to get it',
    );
  }
}
