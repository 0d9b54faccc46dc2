import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { classifyMaterial, inspectPdf, isPdf, threatIn } from './materials.js';

const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** A small, valid PDF with `pages` pages and extra objects (as PDF text) before the trailer. */
function pdf(options: { pages?: number; extra?: string; trailer?: string; eof?: boolean } = {}): Buffer {
  const pages = options.pages ?? 1;
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i} 0 R`).join(' ');
  const pageObjects = Array.from(
    { length: pages },
    (_, i) => `${3 + i} 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n`,
  ).join('');
  const body =
    '%PDF-1.7\n' +
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
    `2 0 obj\n<< /Type /Pages /Kids [${kids}] /Count ${pages} >>\nendobj\n` +
    pageObjects +
    (options.extra ?? '') +
    `trailer\n<< /Root 1 0 R${options.trailer ?? ''} >>\n` +
    (options.eof === false ? '' : '%%EOF\n');
  return Buffer.from(body, 'latin1');
}

/** A PDF whose object stream (PDF 1.5) holds `objects` (Flate-compressed unless `filter` says otherwise). */
function pdfWithObjectStream(objects: string, filter = '/FlateDecode'): Buffer {
  const data =
    filter === '/FlateDecode' ? deflateSync(Buffer.from(objects, 'latin1')) : Buffer.from(objects, 'latin1');
  const head = Buffer.from(
    `9 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Length ${data.byteLength} /Filter ${filter} >>\nstream\n`,
    'latin1',
  );
  const tail = Buffer.from('\nendstream\nendobj\n', 'latin1');
  const base = pdf({ pages: 1 });
  const at = base.indexOf('trailer');
  return Buffer.concat([base.subarray(0, at), head, data, tail, base.subarray(at)]);
}

describe('threatIn', () => {
  it('finds the EICAR test string anywhere', () => {
    expect(threatIn(Buffer.from(EICAR))).toMatch(/EICAR/);
    expect(threatIn(Buffer.concat([pdf(), Buffer.from(EICAR)]))).toMatch(/EICAR/);
    expect(threatIn(Buffer.concat([Buffer.alloc(5000, 0x20), Buffer.from(EICAR), Buffer.alloc(10)]))).toMatch(
      /EICAR/,
    );
  });
  it.each([
    [[0x4d, 0x5a, 0x90, 0x00], /MZ/],
    [[0x7f, 0x45, 0x4c, 0x46, 0x02], /ELF/],
    [[0xfe, 0xed, 0xfa, 0xce, 0, 0], /Mach-O/],
    [[0xfe, 0xed, 0xfa, 0xcf, 0, 0], /Mach-O/],
    [[0xce, 0xfa, 0xed, 0xfe, 0, 0], /Mach-O/],
    [[0xcf, 0xfa, 0xed, 0xfe, 0, 0], /Mach-O/],
    [[0xca, 0xfe, 0xba, 0xbe, 0, 0], /universal/],
  ])('refuses an executable header %j', (bytes, reason) => {
    expect(threatIn(Buffer.from([...bytes, ...Array(60).fill(0)]))).toMatch(reason);
  });
  it('lets ordinary content through', () => {
    expect(threatIn(pdf())).toBeNull();
    expect(threatIn(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBeNull();
    // "MZ" later in a file is not an executable header.
    expect(threatIn(Buffer.from('%PDF-1.4 MZ'))).toBeNull();
  });
});

describe('isPdf', () => {
  it('needs %PDF- at the very start', () => {
    expect(isPdf(pdf())).toBe(true);
    expect(isPdf(Buffer.from(' %PDF-1.7'))).toBe(false);
    expect(isPdf(Buffer.from('%PDF'))).toBe(false);
    expect(isPdf(Buffer.from('GIF89a%PDF-1.7'))).toBe(false);
  });
});

describe('inspectPdf', () => {
  it('counts pages', () => {
    expect(inspectPdf(pdf({ pages: 1 })).pageCount).toBe(1);
    expect(inspectPdf(pdf({ pages: 3 })).pageCount).toBe(3);
  });

  it('counts pages kept in an object stream', () => {
    const facts = inspectPdf(pdfWithObjectStream('7 0 << /Type /Page /Parent 2 0 R >>'));
    expect(facts.pageCount).toBe(2);
  });

  it.each([
    [
      'JavaScript in an OpenAction',
      '5 0 obj\n<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj\n',
      /JavaScript/,
    ],
    ['a /JS key', '5 0 obj\n<< /S /JavaScript /JS 6 0 R >>\nendobj\n', /JavaScript/],
    ['a name written with #xx escapes', '5 0 obj\n<< /S /J#61vaScript /J#53 (x) >>\nendobj\n', /JavaScript/],
    ['a Launch action', '5 0 obj\n<< /S /Launch /F (cmd.exe) >>\nendobj\n', /Launch/],
    [
      'an embedded file',
      '5 0 obj\n<< /Type /EmbeddedFile /Length 0 >>\nstream\n\nendstream\nendobj\n',
      /embedded file/,
    ],
    ['an embedded file tree', '5 0 obj\n<< /EmbeddedFiles 6 0 R >>\nendobj\n', /embedded files/],
    ['rich media', '5 0 obj\n<< /Subtype /RichMedia >>\nendobj\n', /rich media/],
  ])('refuses %s', (_, extra, reason) => {
    expect(() => inspectPdf(pdf({ extra }))).toThrow(
      expect.objectContaining({ code: 'FILE_CONTENT_REFUSED', detail: expect.stringMatching(reason) }),
    );
  });

  it('refuses JavaScript hidden in a compressed object stream', () => {
    expect(() => inspectPdf(pdfWithObjectStream('8 0 << /S /JavaScript /JS (app.alert(1)) >>'))).toThrow(
      expect.objectContaining({ code: 'FILE_CONTENT_REFUSED', detail: expect.stringMatching(/JavaScript/) }),
    );
  });

  it('refuses an object stream it cannot open', () => {
    expect(() =>
      inspectPdf(pdfWithObjectStream('8 0 << /S /GoTo >>', '[/ASCIIHexDecode /FlateDecode]')),
    ).toThrow(
      expect.objectContaining({
        code: 'FILE_CONTENT_REFUSED',
        detail: expect.stringMatching(/cannot be checked/),
      }),
    );
    const broken = pdfWithObjectStream('8 0 << /S /GoTo >>');
    const at = broken.indexOf('stream\n', broken.indexOf('/ObjStm')) + 'stream\n'.length;
    broken.fill(0x41, at, at + 4); // not a zlib header any more
    expect(() => inspectPdf(broken)).toThrow(expect.objectContaining({ code: 'FILE_CONTENT_REFUSED' }));
  });

  it('allows an OpenAction that runs no JavaScript', () => {
    expect(inspectPdf(pdf({ extra: '5 0 obj\n<< /OpenAction [3 0 R /Fit] >>\nendobj\n' })).pageCount).toBe(1);
  });

  it('refuses an encrypted PDF', () => {
    expect(() => inspectPdf(pdf({ trailer: ' /Encrypt 9 0 R' }))).toThrow(
      expect.objectContaining({ code: 'FILE_CONTENT_REFUSED', detail: expect.stringMatching(/encrypted/) }),
    );
  });

  it('refuses a PDF cut short', () => {
    expect(() => inspectPdf(pdf({ eof: false }))).toThrow(
      expect.objectContaining({ code: 'FILE_CONTENT_REFUSED', detail: expect.stringMatching(/incomplete/) }),
    );
  });

  it('refuses more compressed content than it will inflate', () => {
    const bomb = pdfWithObjectStream(`8 0 << /S /GoTo >>${' '.repeat(200_000)}`);
    expect(() => inspectPdf(bomb, { pdfMaxInflatedBytes: 10_000 })).toThrow(
      expect.objectContaining({
        code: 'FILE_CONTENT_REFUSED',
        detail: expect.stringMatching(/more compressed/),
      }),
    );
  });
});

describe('classifyMaterial', () => {
  it('takes a PDF by its bytes, whatever it is called, with hash and pages', () => {
    const bytes = pdf({ pages: 2 });
    const result = classifyMaterial(bytes);
    expect(result.kind).toBe('pdf');
    if (result.kind !== 'pdf') return;
    expect(result.pdf).toMatchObject({ contentType: 'application/pdf', pageCount: 2 });
    expect(result.pdf.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(result.pdf.data).equals(bytes)).toBe(true);
  });

  it('leaves anything else to the image checks', () => {
    expect(classifyMaterial(Buffer.from([0xff, 0xd8, 0xff, 0xe0])).kind).toBe('image');
  });

  it('refuses an empty file, a PDF over the limit and malware-like content', () => {
    expect(() => classifyMaterial(Buffer.alloc(0))).toThrow(
      expect.objectContaining({ code: 'IMAGE_UNREADABLE' }),
    );
    expect(() => classifyMaterial(pdf({ pages: 5 }), { pdfMaxBytes: 100 })).toThrow(
      expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE' }),
    );
    expect(() => classifyMaterial(Buffer.from([0x4d, 0x5a, 0, 0]))).toThrow(
      expect.objectContaining({ code: 'FILE_CONTENT_REFUSED' }),
    );
  });
});
