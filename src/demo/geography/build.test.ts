import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDemoGeographyWithReport, type DemoGeography, type DemoRegionFeature } from './build.js';
import { gcj02PointToWgs84 } from './district-outline.js';

/**
 * Landmarks as a Chinese web map gives them (GCJ-02), converted to WGS 84 like the geography.
 */
const LANDMARKS: { name: string; gcj02: Position; streets: string[] }[] = [
  { name: '王府井 Wangfujing', gcj02: [116.411, 39.914], streets: ['110101001'] },
  { name: '天坛 Temple of Heaven', gcj02: [116.41, 39.882], streets: ['110101016'] },
  { name: '雍和宫 Lama Temple', gcj02: [116.417, 39.947], streets: ['110101005', '110101004'] },
];

describe('buildDemoGeography', () => {
  let geography: DemoGeography;
  beforeAll(async () => {
    geography = (await buildDemoGeographyWithReport()).geography;
  });

  const byLevel = (level: string): DemoRegionFeature[] =>
    geography.features.filter((f) => f.properties.level === level);

  it('has the district, its 17 streets and 169 communities, parents first', () => {
    expect(byLevel('district')).toHaveLength(1);
    expect(byLevel('street')).toHaveLength(17);
    expect(byLevel('community')).toHaveLength(169);
    const seen = new Set<string>();
    for (const { properties } of geography.features) {
      if (properties.parentCode !== null) expect(seen.has(properties.parentCode)).toBe(true);
      expect(seen.has(properties.code)).toBe(false);
      seen.add(properties.code);
    }
  });

  it('marks the outline real and every street and community polygon synthetic', () => {
    expect(byLevel('district')[0]?.properties).toEqual({
      code: '110101',
      name: '东城区',
      level: 'district',
      parentCode: null,
      synthetic: false,
      source: 'echarts 4.9 Beijing map (Apache-2.0)',
    });
    for (const f of [...byLevel('street'), ...byLevel('community')]) {
      expect(f.properties.synthetic).toBe(true);
      expect(f.properties.source).toMatch(/^synthetic: .*国家统计局 2023/);
    }
  });

  it('carries codes whose length gives the level and whose prefix gives the parent', () => {
    const lengths = { district: 6, street: 9, community: 12 } as const;
    for (const { id, properties } of geography.features) {
      expect(id).toBe(properties.code);
      expect(properties.code).toHaveLength(lengths[properties.level]);
      if (properties.parentCode !== null)
        expect(properties.code.startsWith(properties.parentCode)).toBe(true);
    }
  });

  it('keeps official names and adds the short display name of communities', () => {
    const street = byLevel('street').find((f) => f.properties.code === '110101001');
    expect(street?.properties.name).toBe('东华门街道');
    expect(street?.properties.shortName).toBeUndefined();
    const community = byLevel('community').find((f) => f.properties.code === '110101001001');
    expect(community?.properties).toMatchObject({
      name: '多福巷社区居委会',
      shortName: '多福巷社区',
      parentCode: '110101001',
    });
  });

  for (const landmark of LANDMARKS) {
    it(`puts ${landmark.name} in street ${landmark.streets.join(' or ')}`, () => {
      const point = gcj02PointToWgs84(landmark.gcj02);
      const containing = byLevel('street').filter((f) => turf.booleanPointInPolygon(point, f));
      expect(containing).toHaveLength(1);
      expect(landmark.streets).toContain(containing[0]?.properties.code);
      const communities = byLevel('community').filter((f) => turf.booleanPointInPolygon(point, f));
      expect(communities).toHaveLength(1);
      expect(communities[0]?.properties.parentCode).toBe(containing[0]?.properties.code);
    });
  }

  it('survives a JSON round trip unchanged (what an import file holds)', () => {
    expect(JSON.parse(JSON.stringify(geography))).toEqual(geography);
  });
});
