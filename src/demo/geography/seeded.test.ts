import { describe, expect, it } from 'vitest';
import { hashSeed, mulberry32, radicalInverse, seededHalton } from './seeded.js';

describe('seeded sequences', () => {
  it('computes the van der Corput radical inverse', () => {
    expect([1, 2, 3, 4].map((i) => radicalInverse(i, 2))).toEqual([0.5, 0.25, 0.75, 0.125]);
    expect(radicalInverse(1, 3)).toBeCloseTo(1 / 3);
    expect(radicalInverse(4, 3)).toBeCloseTo(1 / 3 + 1 / 9);
  });

  it('repeats exactly for the same seed and differs for another', () => {
    const take = (seed: number): number[] => {
      const random = mulberry32(seed);
      return Array.from({ length: 5 }, () => random());
    };
    expect(take(hashSeed('110101001'))).toEqual(take(hashSeed('110101001')));
    expect(take(hashSeed('110101001'))).not.toEqual(take(hashSeed('110101002')));
  });

  it('yields Halton points in the unit square', () => {
    const sequence = seededHalton(42);
    for (let i = 0; i < 1000; i++) {
      const [x, y] = sequence.next().value;
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThan(1);
    }
  });
});
