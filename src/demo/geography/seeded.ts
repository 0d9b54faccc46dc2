/**
 * Deterministic pseudo-randomness for the synthetic polygons: the same codes always give the
 * same geometry, on every machine (no Math.random).
 */

/** 32-bit FNV-1a hash of a string, used to derive a seed from a region code. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast 32-bit generator returning numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Van der Corput radical inverse of `index` in `base`, in [0, 1). */
export function radicalInverse(index: number, base: number): number {
  let result = 0;
  let fraction = 1 / base;
  let i = index;
  while (i > 0) {
    result += (i % base) * fraction;
    i = Math.floor(i / base);
    fraction /= base;
  }
  return result;
}

/**
 * A 2-D Halton sequence (bases 2 and 3) shifted by a seeded random offset modulo 1
 * (Cranley–Patterson rotation): low-discrepancy like Halton, but different per seed.
 */
export function* seededHalton(seed: number): Generator<[number, number], never> {
  const random = mulberry32(seed);
  const dx = random();
  const dy = random();
  for (let i = 1; ; i++) {
    yield [(radicalInverse(i, 2) + dx) % 1, (radicalInverse(i, 3) + dy) % 1];
  }
}
