/** Test-only helpers: the shipped data file, parsed once, and a builder for entries. */
import { readFileSync } from 'node:fs';

import type { ClassEntry } from './entry.js';
import { parseClassificationCsv } from './parse.js';

export const DATA_DIR = new URL('../data/', import.meta.url);

export function readDataFile(name: string): string {
  return readFileSync(new URL(name, DATA_DIR), 'utf8');
}

let cached: ClassEntry[] | undefined;

/** The entries of src/classification/data/classification.csv. Throws if the file does not parse. */
export function shippedEntries(): ClassEntry[] {
  if (cached === undefined) {
    const parsed = parseClassificationCsv(readDataFile('classification.csv'));
    if (!parsed.ok) throw new Error(parsed.reason);
    cached = parsed.value;
  }
  return cached;
}

export function anEntry(overrides: Partial<ClassEntry> = {}): ClassEntry {
  const code = overrides.code ?? '01001';
  return {
    standard: 'GB/T 47678.5-2026',
    kind: 'component',
    majorCode: code.slice(0, 2),
    majorName: '市政公用设施',
    minorCode: code.slice(2),
    code,
    name: '供水井盖',
    confidence: 'transcribed',
    sourceNote: 'GB/T 47678.5-2026 test row',
    ...overrides,
  };
}
