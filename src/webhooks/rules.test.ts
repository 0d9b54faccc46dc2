import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../identity/actor.js';
import { authorize, can } from '../identity/index.js';
import {
  FIRST_RETRY_MS,
  MAX_ATTEMPTS,
  MAX_RETRY_MS,
  RETRY_JITTER,
  generateSecret,
  isTopicPattern,
  outcomeOf,
  retryDelayMs,
  signature,
  subscribesTo,
  topicMatches,
  urlProblem,
  verifySignature,
} from './rules.js';

describe('topic patterns', () => {
  it.each([
    ['case.filed', 'case.filed', true],
    ['case.filed', 'case.closed', false],
    ['case.*', 'case.filed', true],
    ['case.*', 'case.escalated', true],
    ['case.*', 'cases.filed', false],
    ['case.*', 'component.changed', false],
    ['*.overdue', 'case.overdue', true],
    ['*.overdue', 'case.overdue_warning', false],
    ['*', 'webhook.ping', true],
    ['case.*.late', 'case.handled.late', true],
    ['case.filed', 'case_filed', false],
  ])('%s matches %s: %s', (pattern, topic, expected) => {
    expect(topicMatches(pattern, topic)).toBe(expected);
  });

  it('a subscription wants a topic when any of its patterns matches', () => {
    expect(subscribesTo(['case.filed', 'case.closed'], 'case.closed')).toBe(true);
    expect(subscribesTo(['case.filed', 'case.closed'], 'case.dispatched')).toBe(false);
  });

  it.each(['case.filed', 'case.*', '*', '*.overdue', 'case_v2.filed'])(
    'accepts the pattern %j',
    (pattern) => {
      expect(isTopicPattern(pattern)).toBe(true);
    },
  );

  it.each([
    '',
    'Case.Filed',
    'case..filed',
    'case.',
    '.case',
    'case filed',
    'case.fil*',
    'case.#',
    'a'.repeat(101),
  ])('refuses the pattern %j', (pattern) => {
    expect(isTopicPattern(pattern)).toBe(false);
  });
});

describe('webhook URLs', () => {
  it.each([
    'https://dept.example.gov.cn/hooks/shuzhi',
    'http://10.1.2.3:8080/hook?key=abc',
    'http://127.0.0.1:9/x',
  ])('accepts %s', (url) => {
    expect(urlProblem(url)).toBeNull();
  });

  it.each([
    ['not a url', 'is not an absolute URL'],
    ['/relative/path', 'is not an absolute URL'],
    ['ftp://files.example/x', 'must use http or https'],
    ['javascript:alert(1)', 'must use http or https'],
    ['https://user:pass@example.com/hook', 'must not contain a user name or password'],
    ['https://token@example.com/hook', 'must not contain a user name or password'],
    ['https://example.com/hook#frag', 'must not contain a #fragment'],
    [`https://example.com/${'x'.repeat(2000)}`, 'must be at most 2000 characters'],
  ])('refuses %s: %s', (url, reason) => {
    expect(urlProblem(url)).toBe(reason);
  });
});

describe('retry schedule', () => {
  const middle = () => 0.5;

  it('doubles from 30 s: 30 s, 1 min, 2 min, 4 min …', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, middle))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000,
    ]);
  });

  it('is capped at 6 hours', () => {
    expect(retryDelayMs(20, middle)).toBe(MAX_RETRY_MS);
    expect(retryDelayMs(1_000, () => 0.999)).toBeLessThanOrEqual(MAX_RETRY_MS * (1 + RETRY_JITTER));
  });

  it('jitters within ±20 % and still grows from one attempt to the next', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_ATTEMPTS - 1 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (n, r1, r2) => {
          const delay = retryDelayMs(n, () => r1);
          const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (n - 1));
          expect(delay).toBeGreaterThanOrEqual(Math.floor(base * (1 - RETRY_JITTER)));
          expect(delay).toBeLessThanOrEqual(Math.ceil(base * (1 + RETRY_JITTER)));
          expect(retryDelayMs(n + 1, () => r2)).toBeGreaterThan(delay);
        },
      ),
    );
  });

  it('succeeds on 2xx, retries anything else, and gives up after the last attempt', () => {
    expect(outcomeOf(200, 1)).toEqual({ kind: 'succeeded' });
    expect(outcomeOf(204, MAX_ATTEMPTS)).toEqual({ kind: 'succeeded' });
    expect(outcomeOf(302, 1, middle)).toEqual({ kind: 'retry', delayMs: 30_000 });
    expect(outcomeOf(500, 2, middle)).toEqual({ kind: 'retry', delayMs: 60_000 });
    expect(outcomeOf(null, MAX_ATTEMPTS - 1, middle).kind).toBe('retry');
    expect(outcomeOf(null, MAX_ATTEMPTS)).toEqual({ kind: 'dead' });
    expect(outcomeOf(410, MAX_ATTEMPTS)).toEqual({ kind: 'dead' });
  });
});

describe('signature', () => {
  const secret = 'whsec_test';
  const body = '{"id":"1","topic":"case.filed"}';

  it('is hex HMAC-SHA256 of "<timestamp>.<body>"', () => {
    // Computed independently: printf '1700000000.{"id":"1","topic":"case.filed"}' | openssl dgst -sha256 -hmac whsec_test
    expect(signature(secret, 1_700_000_000, body)).toBe(
      '9de63892145d39040ed83832f2e10e90615198e0cfadb6db3ee952d447b975ce',
    );
    expect(signature(secret, 1_700_000_000, body)).not.toBe(signature(secret, 1_700_000_001, body));
  });

  it('verifies, and refuses a changed body, another secret or an old timestamp', () => {
    const header = { timestamp: '1700000000', signature: `sha256=${signature(secret, 1_700_000_000, body)}` };
    expect(verifySignature(secret, header, body, 1_700_000_100)).toBe(true);
    expect(verifySignature(secret, header, `${body} `, 1_700_000_100)).toBe(false);
    expect(verifySignature('whsec_other', header, body, 1_700_000_100)).toBe(false);
    expect(verifySignature(secret, header, body, 1_700_000_000 + 301)).toBe(false);
    expect(verifySignature(secret, { ...header, timestamp: 'soon' }, body, 1_700_000_000)).toBe(false);
    expect(verifySignature(secret, { ...header, signature: 'sha256=00' }, body, 1_700_000_000)).toBe(false);
  });

  it('generates 32-byte secrets, different every time', () => {
    const a = generateSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.slice(6), 'base64url')).toHaveLength(32);
    expect(generateSecret()).not.toBe(a);
  });
});

describe('webhook policy (identity/policy.ts)', () => {
  it.each(STAFF_ROLES)('lets only administrators read and manage webhooks: %s', (role) => {
    for (const permission of ['webhooks:read', 'webhooks:write'] as const) {
      expect(can({ role }, permission)).toBe(role === 'admin');
      if (role === 'admin') expect(() => authorize({ role }, permission)).not.toThrow();
      else
        expect(() => authorize({ role }, permission)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    }
  });
});
