/**
 * 申请材料 — application materials (and the catalogue's sample and blank forms) are PDFs or images.
 * What a file is comes from its bytes, never from the declared content type or the file name.
 * Before anything is stored, content that looks like malware is refused with the reason
 * (`FILE_CONTENT_REFUSED`):
 *  - the EICAR anti-virus test string anywhere in the bytes (every scanner flags it; a window
 *    operator uses it to check that refusal works end to end);
 *  - executables by their headers: `MZ` (Windows PE / DOS), `\x7fELF`, Mach-O (32/64-bit, both byte
 *    orders) and universal binaries;
 *  - PDFs with active content: the names /JavaScript, /JS, /Launch, /EmbeddedFile(s) or /RichMedia
 *    anywhere — in the file body and inside its object streams (PDF 1.5 hides dictionaries there;
 *    they are inflated, and one that is not plain Flate is refused), with `#xx` escapes in names
 *    decoded first (/J#61vaScript is /JavaScript).
 *    /OpenAction itself is harmless (open at page 2) and only refused through the JavaScript it
 *    runs, which the first rule catches;
 *  - encrypted PDFs (/Encrypt in the trailer): the window cannot read them.
 * PDFs are stored as given, with their SHA-256 and a page count read from the page objects (no
 * PDF library: counting `/Type /Page` objects is cheap and right for every PDF that is not
 * damaged). Images go through the image normalisation of images.ts as everywhere else.
 * No database, no HTTP: errors are domain errors whose `detail` is the reason for the field.
 */
import { constants, inflateSync } from 'node:zlib';
import { DomainError } from '../shared/errors.js';
import { MIB, formatBytes, sha256Hex } from './images.js';

export interface MaterialLimits {
  /** Largest accepted PDF in bytes (default 20 MiB). Images keep the image limits. */
  pdfMaxBytes: number;
  /** The most bytes inflated from one PDF's compressed streams while scanning (a zip-bomb guard). */
  pdfMaxInflatedBytes: number;
}

export const DEFAULT_MATERIAL_LIMITS: MaterialLimits = {
  pdfMaxBytes: 20 * MIB,
  pdfMaxInflatedBytes: 200 * MIB,
};

const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** Executable headers at offset 0, with what they are. */
const EXECUTABLE_MAGIC: ReadonlyArray<readonly [number[], string]> = [
  [[0x4d, 0x5a], 'a Windows/DOS executable (MZ)'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an ELF executable'],
  [[0xfe, 0xed, 0xfa, 0xce], 'a Mach-O executable'],
  [[0xfe, 0xed, 0xfa, 0xcf], 'a Mach-O executable'],
  [[0xce, 0xfa, 0xed, 0xfe], 'a Mach-O executable'],
  [[0xcf, 0xfa, 0xed, 0xfe], 'a Mach-O executable'],
  [[0xca, 0xfe, 0xba, 0xbe], 'a universal (fat) Mach-O binary or Java class'],
];

/** PDF names that run or carry something: refused wherever they appear. */
const ACTIVE_PDF_NAMES: ReadonlyMap<string, string> = new Map([
  ['JavaScript', 'JavaScript'],
  ['JS', 'JavaScript'],
  ['Launch', 'a Launch action (starts a program)'],
  ['EmbeddedFile', 'an embedded file'],
  ['EmbeddedFiles', 'embedded files'],
  ['RichMedia', 'rich media (Flash)'],
]);

export type MaterialKind = 'pdf' | 'image';

export function refused(reason: string): DomainError {
  return new DomainError('FILE_CONTENT_REFUSED', reason, { reason });
}

/** Whether the bytes start as a PDF must (`%PDF-` at offset 0; leading junk is a polyglot trick). */
export function isPdf(bytes: Uint8Array): boolean {
  return (
    bytes.byteLength >= 5 && Buffer.from(bytes.buffer, bytes.byteOffset, 5).toString('latin1') === '%PDF-'
  );
}

/** The malware-like content of any upload, before its type is decided; null when none. */
export function threatIn(bytes: Uint8Array): string | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.indexOf(EICAR, 0, 'latin1') !== -1) return 'contains the EICAR anti-virus test signature';
  for (const [magic, what] of EXECUTABLE_MAGIC) {
    if (magic.every((byte, i) => buffer[i] === byte)) return `is ${what}`;
  }
  return null;
}

/** `#xx` escapes of a PDF name decoded (ISO 32000-1 §7.3.5). */
function decodeName(name: string): string {
  return name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Every name token (`/Name`) of a chunk of PDF text, decoded. */
function namesIn(text: string): string[] {
  return [...text.matchAll(/\/([^\s/<>[\]()%{}]+)/g)].map((m) => decodeName(m[1]!));
}

/**
 * The object streams (`/Type /ObjStm`, PDF 1.5) of a PDF, inflated: dictionaries — actions,
 * JavaScript, page objects — may live there instead of in the file body. Content streams and images
 * hold drawing operators and pixels, which run nothing, and are not opened. An object stream
 * encoded with anything but Flate, or that does not inflate, cannot be checked and is refused.
 */
function objectStreams(pdf: Buffer, limits: MaterialLimits): string[] {
  const out: string[] = [];
  let budget = limits.pdfMaxInflatedBytes;
  const text = pdf.toString('latin1');
  const streamStart = /(?<!end)stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streamStart.exec(text)) !== null) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end === -1) break;
    streamStart.lastIndex = end;
    const dictionaryStart = text.lastIndexOf('obj', match.index);
    const names = namesIn(text.slice(dictionaryStart === -1 ? 0 : dictionaryStart, match.index));
    if (!names.includes('ObjStm')) continue;
    const filters = names.filter((n) => n.endsWith('Decode') || n === 'Fl');
    if (filters.length !== 1 || (filters[0] !== 'FlateDecode' && filters[0] !== 'Fl'))
      throw refused(
        `is a PDF whose object streams are encoded in a way that cannot be checked (${filters.join(', ') || 'none'})`,
      );
    try {
      const inflated = inflateSync(pdf.subarray(start, end), {
        maxOutputLength: Math.max(1, budget),
        finishFlush: constants.Z_SYNC_FLUSH,
      });
      budget -= inflated.byteLength;
      out.push(inflated.toString('latin1'));
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw refused('has more compressed content than can be checked');
      throw refused('is a damaged PDF (an object stream does not decompress)');
    }
    if (budget <= 0) throw refused('has more compressed content than can be checked');
  }
  return out;
}

export interface PdfFacts {
  pageCount: number | null;
}

/**
 * Checks a PDF (already known to start with `%PDF-`): complete (`%%EOF` near the end), not
 * encrypted, no active content. Returns its page count.
 */
export function inspectPdf(bytes: Uint8Array, limits: Partial<MaterialLimits> = {}): PdfFacts {
  const full = { ...DEFAULT_MATERIAL_LIMITS, ...limits };
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tail = pdf.subarray(Math.max(0, pdf.byteLength - 2048)).toString('latin1');
  if (!tail.includes('%%EOF')) throw refused('is a damaged or incomplete PDF (no %%EOF at its end)');
  const raw = pdf.toString('latin1');
  const rawNames = namesIn(raw);
  if (rawNames.includes('Encrypt'))
    throw refused('is an encrypted (password-protected) PDF; send it without a password');
  const streams = objectStreams(pdf, full);
  const names = [...rawNames, ...streams.flatMap(namesIn)];
  for (const name of names) {
    const what = ACTIVE_PDF_NAMES.get(name);
    if (what) throw refused(`is a PDF with active content (${what}); print it to a plain PDF and send that`);
  }
  const pages = [raw, ...streams].reduce(
    (count, chunk) => count + [...chunk.matchAll(/\/Type\s*\/Page(?![A-Za-z#])/g)].length,
    0,
  );
  return { pageCount: pages > 0 ? pages : null };
}

export interface InspectedPdf extends PdfFacts {
  contentType: 'application/pdf';
  data: Uint8Array;
  sha256: string;
}

/**
 * A material's bytes: `pdf` when they are one (checked), `image` otherwise (to be normalised by
 * the caller). Throws `PAYLOAD_TOO_LARGE` for a PDF over the limit, `FILE_CONTENT_REFUSED` for
 * malware-like content, `IMAGE_UNREADABLE` for an empty file.
 */
export function classifyMaterial(
  bytes: Uint8Array,
  limits: Partial<MaterialLimits> = {},
): { kind: 'pdf'; pdf: InspectedPdf } | { kind: 'image' } {
  const full = { ...DEFAULT_MATERIAL_LIMITS, ...limits };
  if (bytes.byteLength === 0) throw new DomainError('IMAGE_UNREADABLE', 'is empty');
  const threat = threatIn(bytes);
  if (threat) throw refused(threat);
  if (!isPdf(bytes)) return { kind: 'image' };
  if (bytes.byteLength > full.pdfMaxBytes)
    throw new DomainError('PAYLOAD_TOO_LARGE', `is a PDF larger than ${formatBytes(full.pdfMaxBytes)}`);
  const facts = inspectPdf(bytes, full);
  return {
    kind: 'pdf',
    pdf: {
      contentType: 'application/pdf',
      data: bytes,
      sha256: sha256Hex(bytes),
      pageCount: facts.pageCount,
    },
  };
}
