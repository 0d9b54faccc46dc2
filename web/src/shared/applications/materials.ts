/**
 * Materials before they are sent: the files API's rules (docs/api/files.md — PDF or images, type
 * read from the bytes, images ≤ 10 MiB, PDF ≤ 20 MiB) checked on the file the applicant picked,
 * so a wrong file is named at once; the server sniffs the bytes again and stays the judge.
 * And which requirements the applicant must upload. Pure.
 */
import type { MaterialRequirement } from './types.js';

export const IMAGE_MAX_BYTES = 10 * 1_048_576;
export const PDF_MAX_BYTES = 20 * 1_048_576;
export const ACCEPT =
  'application/pdf,image/jpeg,image/png,image/webp,image/gif,.pdf,.jpg,.jpeg,.png,.webp,.gif';

export type FileProblem = { kind: 'type' } | { kind: 'size'; size: string };

function kindOf(name: string, type: string): 'pdf' | 'image' | null {
  const lower = name.toLowerCase();
  if (type === 'application/pdf' || lower.endsWith('.pdf')) return 'pdf';
  if (
    /^image\/(jpeg|png|webp|gif|avif|heif|heic)$/.test(type) ||
    /\.(jpe?g|png|webp|gif|avif|heic|heif)$/.test(lower)
  )
    return 'image';
  return null;
}

/** A size as people read it: 12.3 MB, 450 KB. */
export function sizeText(bytes: number): string {
  if (bytes >= 1_048_576) return `${(bytes / 1_048_576).toFixed(1)}MB`;
  return `${Math.max(1, Math.round(bytes / 1024))}KB`;
}

/** What is wrong with a picked file, or null to send it. */
export function fileProblem(file: { name: string; type: string; size: number }): FileProblem | null {
  const kind = kindOf(file.name, file.type);
  if (kind === null) return { kind: 'type' };
  const max = kind === 'pdf' ? PDF_MAX_BYTES : IMAGE_MAX_BYTES;
  if (file.size > max) return { kind: 'size', size: sizeText(file.size) };
  return null;
}

/** Requirements the applicant uploads: not those the government obtains itself (国务院令第716号 Art. 7). */
export function uploadable(requirements: readonly MaterialRequirement[]): MaterialRequirement[] {
  return requirements.filter((r) => r.source !== 'sharing' && r.source !== 'certificate');
}

/** Required materials without a file: what still keeps the application from being sent. */
export function missingMaterials(
  requirements: readonly MaterialRequirement[],
  files: Readonly<Record<string, { fileId: string } | undefined>>,
): MaterialRequirement[] {
  return uploadable(requirements).filter((r) => r.required && !files[r.key]?.fileId);
}
