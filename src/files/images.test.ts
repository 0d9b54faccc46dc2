import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { DEFAULT_IMAGE_LIMITS, makeThumbnail, normalizeImage, sha256Hex } from './images.js';
import {
  animatedGif,
  averageColour,
  halves,
  hevcHeic,
  PDF_BYTES,
  phonePhoto,
} from '../../test/helpers/images.js';

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('normalizeImage', () => {
  it('drops EXIF (GPS included), XMP and the ICC profile of a phone photo', async () => {
    const input = await phonePhoto();
    const before = await sharp(input).metadata();
    expect(before.exif?.toString('latin1')).toContain('Shuzhi Phone');
    expect(before.xmp).toBeDefined();
    expect(before.icc).toBeDefined();

    const output = await normalizeImage(input);
    const after = await sharp(output.data).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(after.space).toBe('srgb');
    expect(output.data.includes('Shuzhi Phone')).toBe(false);
    expect(output.data.includes('Inspector Wang')).toBe(false);
  });

  it('turns the pixels upright by the EXIF orientation, so no viewer needs the tag', async () => {
    // Stored 400 × 200, left half red; orientation 6 displays it rotated 90° clockwise.
    const output = await normalizeImage(await phonePhoto(400, 200, 6));
    expect([output.width, output.height]).toEqual([200, 400]);
    const top = await averageColour(output.data, { left: 50, top: 20, width: 100, height: 150 });
    const bottom = await averageColour(output.data, { left: 50, top: 230, width: 100, height: 150 });
    expect(top[0]).toBeGreaterThan(150); // red on top
    expect(bottom[2]).toBeGreaterThan(150); // blue below
  });

  it('re-encodes PNG as JPEG, flattening transparency onto white', async () => {
    const png = await halves(64, 64, 4).png().toBuffer();
    const output = await normalizeImage(png);
    expect(output.contentType).toBe('image/jpeg');
    const meta = await sharp(output.data).metadata();
    expect([meta.format, meta.hasAlpha, meta.width, meta.height]).toEqual(['jpeg', false, 64, 64]);
    const transparentPart = await averageColour(output.data, { left: 0, top: 40, width: 64, height: 24 });
    expect(Math.min(...transparentPart)).toBeGreaterThan(240);
  });

  it('accepts WebP and AVIF (HEIF with AV1)', async () => {
    for (const input of [await halves(80, 60).webp().toBuffer(), await halves(80, 60).avif().toBuffer()]) {
      const output = await normalizeImage(input);
      expect([output.width, output.height]).toEqual([80, 60]);
      expect((await sharp(output.data).metadata()).format).toBe('jpeg');
    }
  });

  it('refuses a HEIC photo coded in HEVC, which prebuilt libvips cannot decode, with a hint', async () => {
    const heic = await hevcHeic();
    expect((await sharp(heic).metadata()).compression).toBe('hevc');
    const error = await refusal(normalizeImage(heic));
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error.detail).toMatch(/HEIC \(HEVC\).*Most Compatible/);
  });

  it('keeps the first frame of an animated GIF', async () => {
    const output = await normalizeImage(await animatedGif(40, 30));
    expect([output.width, output.height]).toEqual([40, 30]);
    const [r, g, b] = await averageColour(output.data, { left: 0, top: 0, width: 40, height: 30 });
    expect(g).toBeGreaterThan(150);
    expect(Math.max(r, b)).toBeLessThan(40);
  });

  it('scales a large photo down to the longest side, keeping its aspect ratio', async () => {
    const output = await normalizeImage(await halves(1200, 900).jpeg().toBuffer(), { maxDimension: 400 });
    expect([output.width, output.height]).toEqual([400, 300]);
  });

  it('never enlarges a small image', async () => {
    const output = await normalizeImage(await halves(30, 20).png().toBuffer());
    expect([output.width, output.height]).toEqual([30, 20]);
  });

  it('returns the SHA-256 of the bytes it returns, the same for the same input', async () => {
    const input = await phonePhoto();
    const [a, b] = [await normalizeImage(input), await normalizeImage(input)];
    expect(a.sha256).toBe(sha256Hex(a.data));
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(b.sha256).toBe(a.sha256);
  });

  it('refuses a decompression bomb from its header, before decoding it', async () => {
    // 10 000 × 8 000 white pixels: 80 megapixels in a few hundred kilobytes of PNG.
    const bomb = await sharp({ create: { width: 10_000, height: 8_000, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    expect(bomb.byteLength).toBeLessThan(DEFAULT_IMAGE_LIMITS.maxBytes);
    const error = await refusal(normalizeImage(bomb));
    expect(error.code).toBe('IMAGE_TOO_MANY_PIXELS');
    expect(error.detail).toContain('10000 × 8000');
  });

  it('refuses more bytes than the limit', async () => {
    const input = await halves(200, 200).jpeg().toBuffer();
    expect((await refusal(normalizeImage(input, { maxBytes: 1000 }))).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it.each([
    ['a PDF', () => PDF_BYTES, /application\/pdf/],
    [
      'plain text',
      () => Buffer.from('Not a photo, just a note about a pothole.\n'),
      /not a recognised image/,
    ],
    [
      'an SVG drawing',
      () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>'),
      /svg|not a/,
    ],
    ['a TIFF', () => halves(20, 20).tiff().toBuffer(), /image\/tiff/],
  ])('refuses %s as an unsupported media type', async (_what, bytes, reason) => {
    const error = await refusal(normalizeImage(await bytes()));
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error.detail).toMatch(reason);
  });

  it('refuses a file that only starts like a JPEG', async () => {
    const input = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('not really a JPEG')]);
    expect((await refusal(normalizeImage(input))).code).toMatch(/IMAGE_UNREADABLE|UNSUPPORTED_MEDIA_TYPE/);
  });

  it('refuses a truncated JPEG as unreadable instead of storing a grey half', async () => {
    const input = await halves(400, 300).jpeg().toBuffer();
    const error = await refusal(normalizeImage(input.subarray(0, Math.floor(input.byteLength * 0.7))));
    expect(error.code).toBe('IMAGE_UNREADABLE');
    expect(error.detail).toMatch(/damaged or incomplete/);
  });

  it('refuses a truncated PNG and an empty file', async () => {
    const png = await halves(300, 300).png().toBuffer();
    expect((await refusal(normalizeImage(png.subarray(0, png.byteLength - 200)))).code).toBe(
      'IMAGE_UNREADABLE',
    );
    expect((await refusal(normalizeImage(Buffer.alloc(0)))).code).toBe('IMAGE_UNREADABLE');
  });
});

describe('makeThumbnail', () => {
  it('fits the image in 320 × 320 and keeps no metadata', async () => {
    const image = await normalizeImage(await phonePhoto(1000, 500, 6));
    const thumbnail = await makeThumbnail(image);
    expect([thumbnail.width, thumbnail.height]).toEqual([160, 320]);
    const meta = await sharp(thumbnail.data).metadata();
    expect([meta.format, meta.exif, meta.xmp, meta.icc]).toEqual(['jpeg', undefined, undefined, undefined]);
    expect(thumbnail.data.byteLength).toBeLessThan(image.data.byteLength);
  });
});
