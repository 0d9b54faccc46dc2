import { describe, expect, it } from 'vitest';
import { readDirectory } from '../classification/reference-data.js';
import { parsePublicCategories, readPublicCategories } from './categories.js';

const HEADER = 'code,name,name_en,help,help_en,group,group_en,sensitive';

describe('public categories data', () => {
  const entries = readPublicCategories();

  it('covers the everyday events and components, each with zh and en names and help', () => {
    expect(entries.length).toBeGreaterThanOrEqual(40);
    for (const e of entries) {
      for (const text of [e.name, e.nameEn, e.help, e.helpEn, e.group, e.groupEn])
        expect(text.trim()).not.toBe('');
      expect(e.nameEn).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(entries.some((e) => e.kind === 'component')).toBe(true);
    expect(entries.some((e) => e.kind === 'matter')).toBe(true);
  });

  it('names only classes of GB/T 47678.5-2026 in the classification directory', () => {
    const directory = readDirectory().filter((c) => c.standard === 'GB/T 47678.5-2026');
    for (const e of entries)
      expect(
        directory.some((c) => c.kind === e.kind && c.code === e.classCode),
        e.code,
      ).toBe(true);
  });

  it('marks reports about neighbours, people and dangerous utilities sensitive', () => {
    const sensitive = entries.filter((e) => e.sensitive).map((e) => e.code);
    expect(sensitive).toEqual(expect.arrayContaining(['C01011', 'M09003', 'M06028', 'M06001']));
    expect(entries.find((e) => e.code === 'M06010')!.sensitive).toBe(false);
  });

  it.each([
    ['a bad code', 'X1,a,b,c,d,e,f,false', /code X1/],
    ['an empty name', 'M06010,,b,c,d,e,f,false', /name is empty/],
    ['a bad flag', 'M06010,a,b,c,d,e,f,yes', /sensitive must be true or false/],
    ['a repeated code', 'M06010,a,b,c,d,e,f,false\nM06010,a,b,c,d,e,f,false', /repeats/],
  ])('refuses %s with the line', (_what, rows, message) => {
    expect(() => parsePublicCategories(`${HEADER}\n${rows}\n`)).toThrow(message);
  });
});
