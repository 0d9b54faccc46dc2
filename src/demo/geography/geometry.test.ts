import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { cleanRing, isValidPolygonal, planarArea, planarCentroid, rewindRfc7946 } from './geometry.js';

describe('cleanRing', () => {
  it('drops repeated vertices, straight-through vertices and zero-width spikes, and closes the ring', () => {
    const ring = [
      [0, 0],
      [1, 0],
      [2, 0], // straight through
      [2, 1],
      [2, 1], // repeated
      [3, 1], // spike out …
      [2, 1], // … and back
      [0, 1],
    ];
    expect(cleanRing(ring)).toEqual([
      [0, 0],
      [2, 0],
      [2, 1],
      [0, 1],
      [0, 0],
    ]);
  });

  it('does not share the closing position with the first (in-place transforms would move it twice)', () => {
    const ring = cleanRing([
      [0, 0],
      [1, 0],
      [1, 1],
    ]);
    expect(ring[0]).toEqual(ring[3]);
    expect(ring[0]).not.toBe(ring[3]);
  });

  it('refuses a ring that collapses to a line', () => {
    expect(() =>
      cleanRing([
        [0, 0],
        [1, 1],
        [2, 2],
        [0, 0],
      ]),
    ).toThrow(/fewer than 3/);
  });
});

describe('planar measures', () => {
  const square = turf.polygon([
    [
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ],
    [
      [0.5, 0.5],
      [0.5, 1],
      [1, 1],
      [1, 0.5],
      [0.5, 0.5],
    ],
  ]).geometry;

  it('subtracts holes from the area and the centroid', () => {
    expect(planarArea(square)).toBeCloseTo(4 - 0.25);
    const [x = 0, y = 0] = planarCentroid(square);
    expect(x).toBeCloseTo((4 * 1 - 0.25 * 0.75) / 3.75);
    expect(y).toBeCloseTo((4 * 1 - 0.25 * 0.75) / 3.75);
  });

  it('rewinds exteriors counter-clockwise and holes clockwise (RFC 7946)', () => {
    const clockwise = {
      type: 'Polygon' as const,
      coordinates: square.coordinates.map((r) => [...r].reverse()),
    };
    const rewound = rewindRfc7946(clockwise);
    expect(turf.booleanClockwise(rewound.coordinates[0] ?? [])).toBe(false);
    expect(turf.booleanClockwise(rewound.coordinates[1] ?? [])).toBe(true);
    expect(isValidPolygonal(rewound)).toBe(true);
  });

  it('calls a bow-tie invalid', () => {
    const bowTie = turf.polygon([
      [
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
        [0, 0],
      ],
    ]).geometry;
    expect(isValidPolygonal(bowTie)).toBe(false);
  });
});
