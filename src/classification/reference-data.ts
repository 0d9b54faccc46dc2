/**
 * Loads the national classification directory (GB/T 47678.5-2026 and CJ/T 214-2007) and the
 * crosswalk between them into the database. Idempotent: rows are upserted by (standard, kind,
 * code), so a corrected data file updates names and provenance in place.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { inTransaction } from '../shared/transaction.js';
import { buildCrosswalk, parseClassificationCsv, type ClassEntry } from './rules/index.js';

const DATA_FILE = fileURLToPath(new URL('./data/classification.csv', import.meta.url));

export function readDirectory(file = DATA_FILE): ClassEntry[] {
  const outcome = parseClassificationCsv(fs.readFileSync(file, 'utf8'));
  if (!outcome.ok) {
    const first = outcome.issues
      .slice(0, 5)
      .map((i) => `line ${i.line}: ${i.reason}`)
      .join('; ');
    throw new Error(`${file}: ${outcome.reason} (${first})`);
  }
  return outcome.value;
}

export async function loadReferenceData(db: Kysely<DB>): Promise<{ classes: number; crosswalk: number }> {
  const entries = readDirectory();
  const crosswalk = buildCrosswalk(entries).filter((row) => row.match !== 'none');
  return inTransaction(db, async (tx) => {
    for (let i = 0; i < entries.length; i += 500) {
      const batch = entries.slice(i, i + 500);
      await tx
        .insertInto('classifications')
        .values(
          batch.map((e) => ({
            standard: e.standard,
            kind: e.kind,
            major_code: e.majorCode,
            major_name: e.majorName,
            code: e.code,
            name: e.name,
            confidence: e.confidence,
            source_note: e.sourceNote,
            is_extension: e.standard === 'LOCAL',
          })),
        )
        .onConflict((oc) =>
          oc.columns(['standard', 'kind', 'code']).doUpdateSet({
            major_name: (eb) => eb.ref('excluded.major_name'),
            name: (eb) => eb.ref('excluded.name'),
            confidence: (eb) => eb.ref('excluded.confidence'),
            source_note: (eb) => eb.ref('excluded.source_note'),
          }),
        )
        .execute();
    }
    if (crosswalk.length > 0) {
      await sql`
        insert into classification_crosswalk (from_id, to_id, match, note)
        select f.id, t.id, x.match, nullif(x.note, '')
        from json_to_recordset(${JSON.stringify(crosswalk)}::json)
             as x(kind text, "oldStandard" text, "oldCode" text, "newStandard" text, "newCode" text, match text, note text)
        join classifications f on f.standard = x."oldStandard" and f.kind = x.kind and f.code = x."oldCode"
        join classifications t on t.standard = x."newStandard" and t.kind = x.kind and t.code = x."newCode"
        on conflict (from_id, to_id) do update set match = excluded.match, note = excluded.note`.execute(tx);
    }
    return { classes: entries.length, crosswalk: crosswalk.length };
  });
}
