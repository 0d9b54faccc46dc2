import { describe, expect, it } from 'vitest';
import { etagOf, ifNoneMatchHits } from './delivery.js';
import { createLimiter } from './limiter.js';
import { inlineDisposition, MAX_NAME_LENGTH, sanitizeFileName, withExtension } from './names.js';

describe('sanitizeFileName', () => {
  it.each([
    ['井盖破损.jpg', '井盖破损.jpg'],
    ['C:\\Users\\wang\\Desktop\\photo.jpg', 'photo.jpg'],
    ['../../etc/passwd', 'passwd'],
    ['inv\u202Egpj.exe', 'invgpj.exe'],
    ['line\r\nbreak\u0000.png', 'line break.png'],
    ['  many   spaces\t.jpg ', 'many spaces .jpg'],
    ['.hidden.jpg', 'hidden.jpg'],
    ['e\u0301te\u0301.jpg', 'été.jpg'],
    ['', null],
    ['   ', null],
    ['/', null],
    [undefined, null],
  ])('cleans %j to %j', (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it(`keeps at most ${MAX_NAME_LENGTH} characters, never splitting one`, () => {
    const name = sanitizeFileName('路'.repeat(150) + '😀'.repeat(100));
    expect(Array.from(name!)).toHaveLength(MAX_NAME_LENGTH);
    expect(name!.endsWith('😀')).toBe(true);
  });
});

describe('Content-Disposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(inlineDisposition('井盖 "1".jpg')).toBe(
      `inline; filename="__ _1_.jpg"; filename*=UTF-8''%E4%BA%95%E7%9B%96%20%221%22.jpg`,
    );
  });

  it('replaces the extension, since stored images are JPEG', () => {
    expect(withExtension('IMG_0001.HEIC', '.jpg')).toBe('IMG_0001.jpg');
    expect(withExtension('no-extension', '.jpg')).toBe('no-extension.jpg');
  });
});

describe('If-None-Match', () => {
  const etag = etagOf({
    sha256: 'ab'.repeat(32),
    contentType: 'image/jpeg',
    byteSize: 1,
    width: 1,
    height: 1,
  });

  it.each([
    [etag, true],
    [`W/${etag}`, true],
    [`"other", ${etag}`, true],
    ['*', true],
    ['"other"', false],
    [undefined, false],
  ])('%j matches: %s', (header, hits) => {
    expect(ifNoneMatchHits(header, etag)).toBe(hits);
  });
});

describe('createLimiter', () => {
  it('runs at most the given number of tasks at once, in arrival order', async () => {
    const run = createLimiter(2);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        run(async () => {
          active += 1;
          peak = Math.max(peak, active);
          order.push(i);
          await new Promise((resolve) => setTimeout(resolve, 5));
          active -= 1;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('frees the slot of a task that fails', async () => {
    const run = createLimiter(1);
    await expect(run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(run(async () => 'next')).resolves.toBe('next');
  });
});
