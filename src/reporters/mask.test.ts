import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskEmail } from './service.js';

describe('maskEmail (docs/privacy.md §Masking)', () => {
  it.each([
    ['wang.xiaoming@example.org', 'w***@e***.org'],
    ['zs@mail.bjdch.gov.cn', 'z***@m***.cn'],
    ['12345@qq.com', '1***@q***.com'],
    ['a@example.org', '***@e***.org'],
    ['张三@例子.中国', '张***@例***.中国'],
    ['user@localhost', 'u***@l***'],
    ['no-at-sign', '***'],
    ['@example.org', '***'],
    ['user@', '***'],
  ])('masks %s as %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });

  it('hides the domain name and the length of the local part', () => {
    expect(maskEmail('x@bigcompany.com')).not.toContain('bigcompany');
    expect(maskEmail('li@example.org')).toBe(maskEmail('lixiaoming@example.org'));
  });

  it('shows at most two characters and the top-level label of any address', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const masked = maskEmail(email);
        const topLevel = email.slice(email.lastIndexOf('.'));
        expect(masked.endsWith(topLevel)).toBe(true);
        const visible = masked.slice(0, masked.length - topLevel.length).replace(/\*\*\*|@/g, '');
        expect([...visible].length).toBeLessThanOrEqual(2);
      }),
    );
  });
});
