/**
 * Test support: images made with sharp on the spot (no binary fixtures in the repository), the
 * metadata a phone writes into them, and multipart forms of them. Imports no test framework.
 */
import sharp, { type Sharp } from 'sharp';

/** Where a phone would have put the photo: Tian'anmen, as EXIF GPS rationals. */
export const GPS_EXIF = {
  GPSLatitudeRef: 'N',
  GPSLatitude: '39/1 54/1 2730/100',
  GPSLongitudeRef: 'E',
  GPSLongitude: '116/1 23/1 1750/100',
};

export const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Inspector Wang</dc:creator>
</rdf:Description></rdf:RDF></x:xmpmeta>`;

/**
 * A picture whose left half is red and right half blue, with some noise so that it compresses
 * like a photo (and a truncation cuts into image data, not headers).
 */
export function halves(width: number, height: number, channels: 3 | 4 = 3): Sharp {
  const pixels = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      const noise = (x * 7 + y * 13) % 23;
      pixels[i] = x < width / 2 ? 230 - noise : noise;
      pixels[i + 1] = noise;
      pixels[i + 2] = x < width / 2 ? noise : 230 - noise;
      if (channels === 4) pixels[i + 3] = y < height / 2 ? 255 : 0;
    }
  }
  return sharp(pixels, { raw: { width, height, channels } });
}

/**
 * A phone photo: JPEG with camera make and model, GPS position, an XMP packet, a Display P3 ICC
 * profile and the given EXIF orientation (6 = the camera was turned 90°, display rotated clockwise).
 */
export function phonePhoto(width = 400, height = 200, orientation = 1): Promise<Buffer> {
  return halves(width, height)
    .jpeg({ quality: 90 })
    .withMetadata({ orientation })
    .withExifMerge({ IFD0: { Make: 'Shuzhi Phone', Model: 'Test 1' }, IFD3: GPS_EXIF })
    .withXmp(XMP)
    .withIccProfile('p3')
    .toBuffer();
}

/** An animated GIF of two frames: the first all green, the second all blue. */
export function animatedGif(width = 40, height = 30): Promise<Buffer> {
  const frame = Buffer.alloc(width * height * 3);
  const frames = Buffer.concat([
    frame.map((_, i) => (i % 3 === 1 ? 200 : 0)),
    frame.map((_, i) => (i % 3 === 2 ? 200 : 0)),
  ]);
  return sharp(frames, { raw: { width, height: height * 2, channels: 3, pageHeight: height } })
    .gif()
    .toBuffer();
}

/**
 * What an iPhone sends: a HEIC container announcing HEVC-coded pixels. Built from sharp's AVIF by
 * swapping the brand, the item type and the codec configuration box (av1C → a minimal hvcC): the
 * header reads like a real HEIC, and the pixels cannot be decoded without an HEVC decoder.
 */
export async function hevcHeic(): Promise<Buffer> {
  const avif = await halves(64, 48).avif().toBuffer();
  const av1C = avif.indexOf('av1C') - 4;
  const oldSize = avif.readUInt32BE(av1C);
  // HEVCDecoderConfigurationRecord (ISO/IEC 14496-15 §8.3.3.1): Main profile, level 3, 4:2:0, no arrays.
  const record = [
    1, 0x01, 0x60, 0, 0, 0, 0x90, 0, 0, 0, 0, 0, 0x5a, 0xf0, 0, 0xfc, 0xfd, 0xf8, 0xf8, 0, 0, 0x0f, 0,
  ];
  const hvcC = Buffer.concat([Buffer.alloc(4), Buffer.from('hvcC'), Buffer.from(record)]);
  hvcC.writeUInt32BE(hvcC.byteLength);
  const delta = hvcC.byteLength - oldSize;
  const out = Buffer.concat([avif.subarray(0, av1C), hvcC, avif.subarray(av1C + oldSize)]);
  for (const box of ['meta', 'iprp', 'ipco']) {
    const at = out.indexOf(box) - 4;
    out.writeUInt32BE(out.readUInt32BE(at) + delta, at);
  }
  // The item location (iloc) points into mdat, which moved by `delta`.
  const mdatData = avif.indexOf('mdat') + 4;
  const iloc = out.indexOf('iloc') - 4;
  for (let at = iloc + 8; at + 4 <= iloc + out.readUInt32BE(iloc); at++) {
    if (out.readUInt32BE(at) === mdatData) out.writeUInt32BE(mdatData + delta, at);
  }
  for (let at = out.indexOf('avif'); at >= 0; at = out.indexOf('avif')) out.write('heic', at, 'latin1');
  out.write('hvc1', out.indexOf('av01'), 'latin1');
  return out;
}

/** The average colour of a region of an image, as [r, g, b]. */
export async function averageColour(
  image: Buffer,
  region: { left: number; top: number; width: number; height: number },
): Promise<[number, number, number]> {
  const pixels = await sharp(image).extract(region).removeAlpha().toColourspace('srgb').raw().toBuffer();
  const sums = [0, 0, 0];
  for (let i = 0; i < pixels.length; i++) sums[i % 3]! += pixels[i]!;
  const count = pixels.length / 3;
  return sums.map((sum) => Math.round(sum / count)) as [number, number, number];
}

/** A PDF, the commonest "photo" that is not one. */
export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

export interface FormFile {
  data: Uint8Array;
  name?: string;
  /** What the client claims; the server ignores it. */
  type?: string;
  field?: string;
}

/** A multipart form (light-my-request and fetch send FormData as multipart/form-data). */
export function formOf(...files: FormFile[]): FormData {
  const form = new FormData();
  for (const file of files) {
    form.append(
      file.field ?? 'file',
      new Blob([file.data], { type: file.type ?? 'image/jpeg' }),
      file.name ?? 'photo.jpg',
    );
  }
  return form;
}
