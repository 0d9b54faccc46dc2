/**
 * Regenerates crosswalk.csv from classification.csv and the hand table in
 * src/classification/rules/crosswalk-table.ts:
 *
 *   npx tsx src/classification/data/generate-crosswalk.ts
 *
 * crosswalk.test.ts fails until the checked-in file matches the generator's output.
 */
import { readFileSync, writeFileSync } from 'node:fs';

import { buildCrosswalk, crosswalkCoverage, crosswalkToCsv, parseClassificationCsv } from '../rules/index.js';

const parsed = parseClassificationCsv(readFileSync(new URL('classification.csv', import.meta.url), 'utf8'));
if (!parsed.ok) {
  console.error(parsed.reason);
  process.exit(1);
}
const rows = buildCrosswalk(parsed.value);
writeFileSync(new URL('crosswalk.csv', import.meta.url), crosswalkToCsv(rows));
for (const c of crosswalkCoverage(rows, parsed.value)) {
  console.log(
    `${c.kind}: ${c.total} old items — ${c.exact} exact, ${c.renamed} renamed, ${c.none} none; ` +
      `${c.newWithoutPredecessor} GB/T 47678.5 items without a predecessor`,
  );
}
