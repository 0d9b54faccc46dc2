import { describe, expect, it } from 'vitest';
import {
  attributesProblem,
  changedDateAfter,
  civilToday,
  dateProblems,
  geometryProblem,
  identifierProblem,
  parseCivilDate,
  parseDataSource,
  parseStatus,
} from './rules.js';

describe('statuses and data sources', () => {
  it.each([
    ['intact', 'intact'],
    ['完好', 'intact'],
    ['破损', 'damaged'],
    ['丢失', 'lost'],
    ['废弃', 'abandoned'],
    [' 移除 ', 'removed'],
    ['occupied', null],
    ['占用', null],
  ])('reads the status %j as %s', (input, expected) => {
    expect(parseStatus(input)).toBe(expected);
  });

  it.each([
    ['surveyed', 'surveyed'],
    ['实测', 'surveyed'],
    ['地形图', 'topographic_map'],
    ['基础地理数据', 'basic_geodata'],
    ['其他', 'other'],
    ['调绘', null],
  ])('reads the data source %j as %s', (input, expected) => {
    expect(parseDataSource(input)).toBe(expected);
  });
});

describe('dates', () => {
  it.each([
    ['2024-05-01', '2024-05-01'],
    ['20240501', '2024-05-01'],
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', null],
    ['20231301', null],
    ['2024/05/01', null],
    ['', null],
  ])('reads %j as %s', (input, expected) => {
    expect(parseCivilDate(input)).toBe(expected);
  });

  it('takes today in the business time zone, not UTC', () => {
    const lateUtc = new Date('2024-05-01T17:30:00Z');
    expect(civilToday('Asia/Shanghai', lateUtc)).toBe('2024-05-02');
    expect(civilToday('UTC', lateUtc)).toBe('2024-05-01');
  });

  it('refuses future dates and a change before the initial date', () => {
    const today = '2024-05-10';
    expect(dateProblems({ initialDate: '2024-05-10', changedDate: null }, today)).toEqual([]);
    expect(dateProblems({ initialDate: '2024-05-11', changedDate: null }, today).map((p) => p.field)).toEqual(
      ['initialDate'],
    );
    expect(
      dateProblems({ initialDate: '2024-05-01', changedDate: '2024-04-30' }, today).map((p) => p.field),
    ).toEqual(['changedDate']);
    expect(
      dateProblems({ initialDate: '2024-05-01', changedDate: '2024-05-11' }, today).map((p) => p.field),
    ).toEqual(['changedDate']);
  });

  it('dates a status change today unless a date is given', () => {
    const current = { status: 'intact' as const, changedDate: '2024-01-01' };
    expect(changedDateAfter(current, { status: 'damaged' }, '2024-05-10')).toBe('2024-05-10');
    expect(changedDateAfter(current, { status: 'intact' }, '2024-05-10')).toBe('2024-01-01');
    expect(changedDateAfter(current, {}, '2024-05-10')).toBe('2024-01-01');
    expect(changedDateAfter(current, { status: 'lost', changedDate: '2024-05-03' }, '2024-05-10')).toBe(
      '2024-05-03',
    );
    expect(changedDateAfter(current, { changedDate: null }, '2024-05-10')).toBeNull();
  });
});

describe('geometryProblem', () => {
  const square = [
    [
      [116, 39],
      [116.1, 39],
      [116.1, 39.1],
      [116, 39],
    ],
  ];

  it.each([
    ['a point', { type: 'Point', coordinates: [116.4, 39.9] }],
    ['a point with elevation', { type: 'Point', coordinates: [116.4, 39.9, 43.5] }],
    [
      'a line',
      {
        type: 'LineString',
        coordinates: [
          [116, 39],
          [116.1, 39],
        ],
      },
    ],
    ['a polygon', { type: 'Polygon', coordinates: square }],
    ['a multi-point', { type: 'MultiPoint', coordinates: [[116, 39]] }],
    [
      'a multi-line',
      {
        type: 'MultiLineString',
        coordinates: [
          [
            [116, 39],
            [116.1, 39],
          ],
        ],
      },
    ],
    ['a multi-polygon', { type: 'MultiPolygon', coordinates: [square] }],
  ])('accepts %s', (_, geometry) => {
    expect(geometryProblem(geometry)).toBeNull();
  });

  it.each([
    ['nothing', null, 'missing geometry'],
    ['a collection', { type: 'GeometryCollection', geometries: [] }, 'geometry type must be one of'],
    ['a point without latitude', { type: 'Point', coordinates: [116] }, 'a position is [lng, lat]'],
    ['a text coordinate', { type: 'Point', coordinates: ['116', 39] }, 'not a number'],
    ['an out-of-range latitude', { type: 'Point', coordinates: [116, 91] }, 'out of range'],
    ['a one-point line', { type: 'LineString', coordinates: [[116, 39]] }, 'at least 2 positions'],
    [
      'an open ring',
      {
        type: 'Polygon',
        coordinates: [
          [
            [116, 39],
            [116.1, 39],
            [116.1, 39.1],
            [116, 39.1],
          ],
        ],
      },
      'end where it starts',
    ],
    [
      'a short ring',
      {
        type: 'Polygon',
        coordinates: [
          [
            [116, 39],
            [116.1, 39],
            [116, 39],
          ],
        ],
      },
      'at least 4 positions',
    ],
    ['an empty multi-point', { type: 'MultiPoint', coordinates: [] }, 'at least one part'],
  ])('refuses %s', (_, geometry, reason) => {
    expect(geometryProblem(geometry)).toContain(reason);
  });

  it('refuses more than 10,000 vertices', () => {
    const line = Array.from({ length: 10_001 }, (_, i) => [116 + i * 1e-6, 39]);
    expect(geometryProblem({ type: 'LineString', coordinates: line })).toContain('at most 10000 vertices');
  });
});

describe('attributesProblem', () => {
  it('accepts short strings, numbers, booleans and null', () => {
    expect(attributesProblem({ 材质: '铸铁', 直径: 0.7, 有锁: true, 备注: null })).toBeNull();
    expect(attributesProblem({})).toBeNull();
  });

  it.each([
    ['an array', [], null],
    ['a nested object', { a: { b: 1 } }, 'a'],
    ['a long value', { a: 'x'.repeat(501) }, 'a'],
    ['an empty name', { '': 1 }, ''],
    ['infinity', { a: Infinity }, 'a'],
  ])('refuses %s', (_, attributes, key) => {
    expect(attributesProblem(attributes)?.key).toBe(key);
  });

  it('refuses more than 50 attributes', () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));
    expect(attributesProblem(many)?.reason).toContain('at most 50');
  });
});

describe('identifierProblem', () => {
  it('accepts a 17-digit identifier with the class code (GB/T 47678.5 §3.4)', () => {
    expect(identifierProblem('11010101001000001', '01001')).toBeNull();
  });

  it('accepts a 16-digit identifier for a CJ/T 214 class (§3.2), e.g. 苏州姑苏区 上水井盖 #1', () => {
    expect(identifierProblem('3205080101000001', '0101')).toBeNull();
  });

  it('accepts another county than the located one (merged districts keep their codes)', () => {
    expect(identifierProblem('11010301001000001', '01001')).toBeNull();
  });

  it.each([
    ['11010101002000001', '01001', 'type code 01002 is not the class code 01001'],
    ['3205080101000001', '01001', 'has a 17-digit identifier'],
    ['11010101001000001', '0101', 'has a 16-digit identifier'],
    ['11010101001000000', '01001', 'sequence'],
    ['00010101001000001', '01001', 'county'],
    ['1101010100100001', '01001', 'has a 17-digit identifier'],
    ['110101010010000011', '01001', '17 digits'],
  ])('refuses %s for class %s', (identifier, classCode, reason) => {
    expect(identifierProblem(identifier, classCode)).toContain(reason);
  });
});
