/**
 * Pure rules of 城市部件 (city components): the standard attributes of GB/T 47678.5-2026 table 2
 * (standards.md §3.4, [P] as transcribed), their codes and Chinese labels, and the checks of one
 * input row before the database is asked where it lies. No I/O.
 */
import type { Geometry, Position } from 'geojson';
import { compactToIsoDate, isCalendarDate } from '../shared/codes/calendar-date.js';
import { parseComponentId } from '../shared/codes/index.js';

/** 管理部件状态 GLBJZT: 完好、破损、丢失、废弃、移除 (table 2). */
export const COMPONENT_STATUSES = ['intact', 'damaged', 'lost', 'abandoned', 'removed'] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];
export const STATUS_LABELS: Readonly<Record<ComponentStatus, string>> = {
  intact: '完好',
  damaged: '破损',
  lost: '丢失',
  abandoned: '废弃',
  removed: '移除',
};

/** 数据来源 SJLY: 实测、地形图、基础地理数据、其他 (table 2). */
export const DATA_SOURCES = ['surveyed', 'topographic_map', 'basic_geodata', 'other'] as const;
export type ComponentDataSource = (typeof DATA_SOURCES)[number];
export const DATA_SOURCE_LABELS: Readonly<Record<ComponentDataSource, string>> = {
  surveyed: '实测',
  topographic_map: '地形图',
  basic_geodata: '基础地理数据',
  other: '其他',
};

export const GEOMETRY_TYPES = [
  'Point',
  'LineString',
  'Polygon',
  'MultiPoint',
  'MultiLineString',
  'MultiPolygon',
] as const;
export type ComponentGeometryType = (typeof GEOMETRY_TYPES)[number];

/** A geometry as it arrives (GeoJSON), before {@link geometryProblem} has checked it. */
export interface GeometryInput {
  type: string;
  coordinates: unknown;
}

/** A component's geometry as the API returns it (never a GeometryCollection). */
export interface ComponentGeometry {
  type: ComponentGeometryType;
  coordinates: unknown[];
}

/**
 * 管理部件名称 GLBJMC is 30 characters in table 2 [P]; we accept up to 100 so that legacy census
 * data imports unchanged. 备注 BZ is 1000.
 */
export const NAME_MAX = 100;
export const REMARKS_MAX = 1000;
export const ATTRIBUTES_MAX = 50;
export const ATTRIBUTE_KEY_MAX = 50;
export const ATTRIBUTE_VALUE_MAX = 500;
export const VERTICES_MAX = 10_000;

function byCodeOrLabel<T extends string>(
  codes: readonly T[],
  labels: Readonly<Record<T, string>>,
  value: string,
): T | null {
  const trimmed = value.trim();
  return codes.find((code) => code === trimmed || labels[code] === trimmed) ?? null;
}

/** A status given as its code (`damaged`) or its Chinese label (`破损`). */
export function parseStatus(value: string): ComponentStatus | null {
  return byCodeOrLabel(COMPONENT_STATUSES, STATUS_LABELS, value);
}

/** A data source given as its code (`surveyed`) or its Chinese label (`实测`). */
export function parseDataSource(value: string): ComponentDataSource | null {
  return byCodeOrLabel(DATA_SOURCES, DATA_SOURCE_LABELS, value);
}

/** `YYYY-MM-DD`, or the standard's `YYYYMMDD` (日期 8), to `YYYY-MM-DD`; null when not a calendar date. */
export function parseCivilDate(value: string): string | null {
  const trimmed = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (iso) return isCalendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) ? trimmed : null;
  return compactToIsoDate(trimmed);
}

/** Today's calendar date in the business time zone (a date has no time zone; the caller picks it). */
export function civilToday(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export interface DateFields {
  initialDate: string;
  changedDate: string | null;
}

/** 初始日期 not in the future; 变更日期 neither, and not before the initial date. */
export function dateProblems(
  dates: DateFields,
  today: string,
): Array<{ field: 'initialDate' | 'changedDate'; reason: string }> {
  const problems: Array<{ field: 'initialDate' | 'changedDate'; reason: string }> = [];
  if (dates.initialDate > today) problems.push({ field: 'initialDate', reason: `is after today (${today})` });
  if (dates.changedDate !== null) {
    if (dates.changedDate > today)
      problems.push({ field: 'changedDate', reason: `is after today (${today})` });
    if (dates.changedDate < dates.initialDate) {
      problems.push({ field: 'changedDate', reason: `is before the initial date ${dates.initialDate}` });
    }
  }
  return problems;
}

function positionProblem(position: unknown): string | null {
  if (!Array.isArray(position) || position.length < 2 || position.length > 3)
    return 'a position is [lng, lat]';
  const [lng, lat] = position as unknown[];
  if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat)) {
    return 'a coordinate is not a number';
  }
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90) return `coordinate (${lng}, ${lat}) is out of range`;
  return null;
}

function positionsProblem(positions: unknown, min: number, what: string): string | null {
  if (!Array.isArray(positions) || positions.length < min) return `${what} needs at least ${min} positions`;
  for (const position of positions) {
    const problem = positionProblem(position);
    if (problem) return problem;
  }
  return null;
}

function ringsProblem(rings: unknown): string | null {
  if (!Array.isArray(rings) || rings.length === 0) return 'a polygon needs at least one ring';
  for (const ring of rings) {
    const problem = positionsProblem(ring, 4, 'a polygon ring');
    if (problem) return problem;
    const positions = ring as Position[];
    const [first, last] = [positions[0]!, positions[positions.length - 1]!];
    if (first[0] !== last[0] || first[1] !== last[1]) return 'a polygon ring must end where it starts';
  }
  return null;
}

function listProblem(items: unknown, check: (item: unknown) => string | null): string | null {
  if (!Array.isArray(items) || items.length === 0) return 'a multi-geometry needs at least one part';
  for (const item of items) {
    const problem = check(item);
    if (problem) return problem;
  }
  return null;
}

function vertexCount(coordinates: unknown): number {
  if (!Array.isArray(coordinates)) return 0;
  if (typeof coordinates[0] === 'number') return 1;
  return coordinates.reduce<number>((sum, c) => sum + vertexCount(c), 0);
}

/**
 * Checks the shape of a GeoJSON geometry: a Point, LineString or Polygon (or Multi-) with finite
 * coordinates in range and closed rings. Self-intersection is judged by PostGIS afterwards.
 */
export function geometryProblem(geometry: unknown): string | null {
  if (!geometry || typeof geometry !== 'object') return 'missing geometry';
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (typeof type !== 'string' || !(GEOMETRY_TYPES as readonly string[]).includes(type)) {
    return `geometry type must be one of ${GEOMETRY_TYPES.join(', ')}, got ${JSON.stringify(type ?? null)}`;
  }
  if (vertexCount(coordinates) > VERTICES_MAX)
    return `a component geometry has at most ${VERTICES_MAX} vertices`;
  switch (type as ComponentGeometryType) {
    case 'Point':
      return positionProblem(coordinates);
    case 'MultiPoint':
      return listProblem(coordinates, positionProblem);
    case 'LineString':
      return positionsProblem(coordinates, 2, 'a line');
    case 'MultiLineString':
      return listProblem(coordinates, (line) => positionsProblem(line, 2, 'a line'));
    case 'Polygon':
      return ringsProblem(coordinates);
    case 'MultiPolygon':
      return listProblem(coordinates, ringsProblem);
  }
}

export function isComponentGeometry(geometry: unknown): geometry is Geometry {
  return geometryProblem(geometry) === null;
}

/** 扩展属性 — local attributes (clause 4.4.2): a flat object of short strings, numbers, booleans. */
export function attributesProblem(attributes: unknown): { key: string | null; reason: string } | null {
  if (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes)) {
    return { key: null, reason: 'must be an object of name → value' };
  }
  const entries = Object.entries(attributes);
  if (entries.length > ATTRIBUTES_MAX) return { key: null, reason: `at most ${ATTRIBUTES_MAX} attributes` };
  for (const [key, value] of entries) {
    if (key.trim() === '' || key.length > ATTRIBUTE_KEY_MAX) {
      return { key, reason: `an attribute name has 1–${ATTRIBUTE_KEY_MAX} characters` };
    }
    if (value === null || typeof value === 'boolean') continue;
    if (typeof value === 'number' && Number.isFinite(value)) continue;
    if (typeof value === 'string' && value.length <= ATTRIBUTE_VALUE_MAX) continue;
    return {
      key,
      reason: `must be a string of at most ${ATTRIBUTE_VALUE_MAX} characters, a number, a boolean or null`,
    };
  }
  return null;
}

/**
 * A given 管理部件标识码 must be well formed and carry the class's type code: 17 digits for a
 * GB/T 47678.5 or LOCAL class (5-digit code), 16 for a CJ/T 214 class (4-digit code) — standards.md
 * §3.2, §3.4. The county part is not required to be the located district: census data of merged
 * districts keeps its old county codes (东城 110101 absorbed 崇文 110103 in 2010).
 */
export function identifierProblem(identifier: string, classCode: string): string | null {
  const expected = classCode.length + 12;
  if (
    /^\d+$/.test(identifier) &&
    (identifier.length === 16 || identifier.length === 17) &&
    identifier.length !== expected
  ) {
    return `a component of class ${classCode} has a ${expected}-digit identifier`;
  }
  const parsed = parseComponentId(identifier);
  if (!parsed.ok) return parsed.reason;
  if (parsed.value.typeCode !== classCode) {
    return `its type code ${parsed.value.typeCode} is not the class code ${classCode}`;
  }
  return null;
}

/**
 * 变更日期 after an edit: a status change dates itself today unless a date is given; otherwise the
 * given date, else the old one.
 */
export function changedDateAfter(
  current: { status: ComponentStatus; changedDate: string | null },
  patch: { status?: ComponentStatus; changedDate?: string | null },
  today: string,
): string | null {
  if (patch.changedDate !== undefined) return patch.changedDate;
  if (patch.status !== undefined && patch.status !== current.status) return today;
  return current.changedDate;
}
