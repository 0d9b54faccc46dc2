/**
 * Pure checks of one region feature before PostGIS sees it: code and level, parent, geometry
 * type, closed rings, coordinate ranges. Geometric validity (self-intersection) and containment
 * in the parent are judged by PostGIS in the import service.
 */
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { RegionLevel } from './levels.js';

export interface RegionFeatureInput {
  code: string;
  name: string;
  shortName: string | null;
  level: RegionLevel;
  parentCode: string | null;
  codeScheme: string;
  synthetic: boolean;
  source: string | null;
  landUseCode: string | null;
  managementLevel: string | null;
  geometry: Polygon | MultiPolygon;
}

export type FeatureCheck =
  { ok: true; region: RegionFeatureInput } | { ok: false; code: string | null; reason: string };

const LEVEL_BY_LENGTH: Record<number, RegionLevel> = {
  6: 'district',
  9: 'street',
  12: 'community',
  14: 'grid',
  15: 'grid',
};
const LEVEL_ORDER: Record<RegionLevel, number> = { district: 0, street: 1, community: 2, grid: 3 };

export function levelRank(level: RegionLevel): number {
  return LEVEL_ORDER[level];
}

/** The code scheme a region code follows (docs/domain/unit-grids.md, docs/domain/codes.md). */
export function codeSchemeOf(code: string): string {
  switch (code.length) {
    case 6:
      return 'GB/T 2260';
    case 9:
      return 'GB/T 10114';
    case 12:
      return 'NBS statistical division code';
    case 14:
      return 'CJ/T 213-2005';
    default:
      return 'GB/T 47678.3-2026';
  }
}

/** The parent code implied by a code's structure: 6 → none, 9 → 6, 12 → 9, 14/15 → 12. */
export function impliedParent(code: string): string | null {
  switch (code.length) {
    case 9:
      return code.slice(0, 6);
    case 12:
      return code.slice(0, 9);
    case 14:
    case 15:
      return code.slice(0, 12);
    default:
      return null;
  }
}

function checkCode(code: string): string | null {
  if (code.length === 15) {
    if (!/^\d{12}[0-9A-Z]{3}$/.test(code))
      return 'a 15-character grid code is a 12-digit community code and a 3-character sequence';
    if (code.endsWith('000')) return 'a grid sequence starts at 001';
    return null;
  }
  if (!/^\d+$/.test(code)) return 'must contain digits only';
  if (!(code.length in LEVEL_BY_LENGTH))
    return 'must have 6 (district), 9 (street), 12 (community), 14 or 15 (grid) characters';
  if (code.length === 6 && (code.endsWith('00') || code.slice(0, 2) === '00'))
    return 'is not a county-level code (GB/T 2260)';
  if (code.length === 9 && code.endsWith('000')) return 'the township part (digits 7–9) must not be 000';
  if (code.length === 12 && code.endsWith('000')) return 'the community part (digits 10–12) must not be 000';
  if (code.length === 14 && code.endsWith('00'))
    return 'a 14-digit grid code ending in 00 is a community-level grid';
  return null;
}

function checkRing(ring: Position[], where: string): string | null {
  if (!Array.isArray(ring) || ring.length < 4) return `${where} has fewer than 4 positions`;
  for (const position of ring) {
    if (!Array.isArray(position) || position.length < 2) return `${where} has a malformed position`;
    const [lng, lat] = position as [unknown, unknown];
    if (
      typeof lng !== 'number' ||
      typeof lat !== 'number' ||
      !Number.isFinite(lng) ||
      !Number.isFinite(lat)
    ) {
      return `${where} has a non-numeric coordinate`;
    }
    if (lng < -180 || lng > 180 || lat < -90 || lat > 90)
      return `${where} has a coordinate out of range (${lng}, ${lat})`;
  }
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1])
    return `unclosed ring: ${where} does not end where it starts`;
  return null;
}

export function checkGeometry(geometry: Geometry | null | undefined): string | null {
  if (!geometry || typeof geometry !== 'object') return 'missing geometry';
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    return `wrong geometry type: ${String(geometry.type)} (a region is a Polygon or MultiPolygon)`;
  }
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) return 'empty geometry';
  for (const [p, rings] of polygons.entries()) {
    if (!Array.isArray(rings) || rings.length === 0) return `polygon ${p} has no rings`;
    for (const [r, ring] of rings.entries()) {
      const problem = checkRing(ring, geometry.type === 'Polygon' ? `ring ${r}` : `polygon ${p} ring ${r}`);
      if (problem) return problem;
    }
  }
  return null;
}

function text(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

/** Reads a GeoJSON feature into a region, or says why not. */
export function checkFeature(feature: unknown): FeatureCheck {
  if (!feature || typeof feature !== 'object' || (feature as { type?: unknown }).type !== 'Feature') {
    return { ok: false, code: null, reason: 'not a GeoJSON Feature' };
  }
  const { properties, geometry } = feature as {
    properties?: Record<string, unknown> | null;
    geometry?: Geometry | null;
  };
  const props = properties ?? {};
  const code = text(props.code);
  if (!code) return { ok: false, code: null, reason: 'missing code (properties.code)' };
  const codeProblem = checkCode(code);
  if (codeProblem) return { ok: false, code, reason: `malformed code: ${codeProblem}` };
  const level = LEVEL_BY_LENGTH[code.length]!;
  const givenLevel = text(props.level);
  if (givenLevel && givenLevel !== level) {
    return {
      ok: false,
      code,
      reason: `level "${givenLevel}" does not match the code, which is a ${level} code`,
    };
  }
  const name = text(props.name);
  if (!name) return { ok: false, code, reason: 'missing name (properties.name)' };
  if (name.length > 100) return { ok: false, code, reason: 'name is longer than 100 characters' };
  const parentCode = impliedParent(code);
  const givenParent = text(props.parentCode ?? props.parent_code);
  if (givenParent && givenParent !== parentCode) {
    return {
      ok: false,
      code,
      reason: `parentCode ${givenParent} contradicts the code, whose parent is ${String(parentCode)}`,
    };
  }
  const geometryProblem = checkGeometry(geometry);
  if (geometryProblem) return { ok: false, code, reason: geometryProblem };
  return {
    ok: true,
    region: {
      code,
      name,
      shortName: text(props.shortName ?? props.short_name),
      level,
      parentCode,
      codeScheme: codeSchemeOf(code),
      synthetic: props.synthetic === true,
      source: text(props.source),
      landUseCode: text(props.landUseCode ?? props.land_use_code),
      managementLevel: text(props.managementLevel ?? props.management_level),
      geometry: geometry as Polygon | MultiPolygon,
    },
  };
}
