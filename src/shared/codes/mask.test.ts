import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { maskIdNumber, maskPhone } from './mask.js';
import { digits } from './test-support.js';

describe('maskIdNumber', () => {
  it('keeps the first 4 and last 4 characters of an 18-character number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('keeps only the sequence at the end of a legacy 15-digit number', () => {
    expect(maskIdNumber('110105491231002')).toBe('1101********002');
  });

  it('masks anything shorter than 15 characters completely', () => {
    expect(maskIdNumber('12345678')).toBe('********');
    expect(maskIdNumber('')).toBe('');
  });

  it('never shows the birth date of an 18-character number', () => {
    fc.assert(
      fc.property(digits(18), (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(4, 14)).toBe('*'.repeat(10));
      }),
    );
  });
});

describe('maskPhone', () => {
  it('masks the middle four digits of a mainland mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps a +86 prefix and drops separators', () => {
    expect(maskPhone('+86 138-1234-5678')).toBe('+86138****5678');
  });

  it('masks the four digits before the last four of a landline', () => {
    expect(maskPhone('010-65123456')).toBe('010****3456');
    expect(maskPhone('0755 12345678')).toBe('0755****5678');
    expect(maskPhone('65123456')).toBe('****3456');
  });

  it('shows at most the last 4 digits of short numbers', () => {
    expect(maskPhone('123456')).toBe('**3456');
    expect(maskPhone('1234')).toBe('****');
  });

  it('always hides at least one digit and shows at most the last four after the mask', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }).chain(digits), (phone) => {
        const masked = maskPhone(phone);
        expect(masked).toHaveLength(phone.length);
        expect(masked).toContain('*');
        expect(masked.slice(masked.lastIndexOf('*') + 1).length).toBeLessThanOrEqual(4);
      }),
    );
  });
});
