/** Downloads: the Content-Disposition of a file the client saves under its own (Chinese) name. */

/** `attachment; filename="…"; filename*=UTF-8''…` — an ASCII fallback plus the exact UTF-8 name. */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replaceAll('"', '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
