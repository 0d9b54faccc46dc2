import { describe, expect, it } from 'vitest';
import { demoPersonName } from './names.js';

describe('demoPersonName', () => {
  it('gives a Chinese name of two or three characters, the same for the same index', () => {
    for (let i = 0; i < 1000; i++) {
      expect(demoPersonName(i)).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(demoPersonName(i)).toBe(demoPersonName(i));
    }
  });

  it('gives a thousand distinct names', () => {
    const names = new Set(Array.from({ length: 1000 }, (_, i) => demoPersonName(i)));
    expect(names.size).toBe(1000);
  });
});
