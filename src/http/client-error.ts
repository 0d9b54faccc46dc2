/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers or URL beyond
 * MAX_HEADER_BYTES, malformed request lines, timeouts). Fastify's default answer is its own JSON;
 * here they leave as problem+json, and under /open311/v2 as the spec's error list in the format of
 * the path's suffix, as every other Open311 error does.
 */
import { STATUS_CODES, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { open311ErrorDocument } from '../open311/index.js';

/**
 * Request line and headers together. Node's default (16 KiB) refuses an Open311 client asking for
 * 1,000 requests by id (`service_request_id` of 19-digit numbers, about 20 KB of URL).
 */
export const MAX_HEADER_BYTES = 65_536;

/** The start of the latest request line seen on a socket: the parser's error does not carry it. */
const requestStart = new WeakMap<Socket, string>();
const REQUEST_LINE = /^[A-Z]{3,10} (\S{0,300})/;

/**
 * Remembers the start of each request line (the first bytes of a chunk that begins with a method),
 * so a request refused mid-way through its headers can still be answered in its API's format.
 */
export function rememberRequestLines(server: Server): void {
  server.on('connection', (socket: Socket) => {
    socket.on('data', (chunk: Buffer) => {
      const first = chunk[0];
      if (first !== undefined && first >= 0x41 && first <= 0x5a)
        requestStart.set(socket, chunk.subarray(0, 320).toString('latin1'));
    });
  });
}

/** Fastify's `clientErrorHandler`. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status =
    error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const detail =
    status === 431
      ? `The request line and headers exceed ${MAX_HEADER_BYTES} bytes`
      : status === 408
        ? 'The request was not received in time'
        : 'The request is not valid HTTP';
  const url = REQUEST_LINE.exec(requestStart.get(socket) ?? '')?.[1] ?? '';
  const { contentType, body } = url.startsWith('/open311/v2/')
    ? open311ErrorDocument(url, status, detail)
    : {
        contentType: 'application/problem+json; charset=utf-8',
        // RFC 9457 §4.2.1: about:blank, the status phrase as the title.
        body: JSON.stringify({ type: 'about:blank', title: STATUS_CODES[status], status, detail }),
      };
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${contentType}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}
