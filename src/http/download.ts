/** Downloads: files the client saves under their own (Chinese) names, written at the edge. */
import type { FastifyReply } from 'fastify';

/** `attachment; filename="…"; filename*=UTF-8''…` — an ASCII fallback plus the exact UTF-8 name. */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replaceAll('"', '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A file a service made for the client to save: routes send it with `sendDownload`. */
export interface DownloadFile {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

/** Writes a file to the reply as an attachment under its own name. */
export function sendDownload(reply: FastifyReply, file: DownloadFile): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', attachmentDisposition(file.filename))
    .send(file.body);
}
