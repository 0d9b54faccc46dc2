/**
 * Serving the web app (web/dist, built by `tsx web/build.ts`) from the same origin as the API:
 * hashed assets under /assets/ are immutable for a year, HTML pages are `no-cache` so a new
 * deployment is picked up at once, and paths that are neither a file nor an API route fall back
 * to the page that owns them (`/m/...` → the phone app, anything else → the desktop app) so
 * client-side routes survive a reload. API and Open311 paths never fall back: their 404 stays a
 * problem+json. Also GET /api/v1/web-config: what the front end needs before login (base-map
 * tiles, business time zone, map centre).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';

export interface TileSettings {
  url: string;
  labelUrl: string | null;
  subdomains: string;
  attribution: string;
  maxZoom: number;
}

export interface WebOptions {
  /** The built app; `web/dist` beside the sources by default. */
  root?: string;
  tiles?: TileSettings | null;
  timeZone?: string;
  demo?: boolean;
  version?: string;
  /** Centre of the map before any layer loads (the district's). */
  center?: { lng: number; lat: number } | null;
}

export const DEFAULT_WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Paths that belong to the server, never to the web app's client-side routes. */
const SERVER_PREFIXES = ['/api/', '/open311/', '/docs', '/openapi.json', '/healthz'];

export function isServerPath(url: string): boolean {
  const pathname = url.split('?')[0] ?? url;
  return pathname === '/api' || SERVER_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

/** The HTML page that owns a client-side route. */
export function pageFor(url: string): 'm/index.html' | 'index.html' {
  const pathname = url.split('?')[0] ?? url;
  return pathname === '/m' || pathname.startsWith('/m/') ? 'm/index.html' : 'index.html';
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

function cacheControlFor(filePath: string): string {
  const name = path.basename(filePath);
  // Vite names every bundle with a content hash: name-HASH.ext.
  if (filePath.includes(`${path.sep}assets${path.sep}`) && /-[\w-]{8,}\.\w+$/.test(name)) return IMMUTABLE;
  if (name.endsWith('.html')) return REVALIDATE;
  return 'public, max-age=3600';
}

/** Registers the config endpoint always, and the static app when it is built. Returns whether it is. */
export async function registerWeb(app: FastifyInstance, options: WebOptions = {}): Promise<boolean> {
  app.get(
    '/api/v1/web-config',
    {
      schema: {
        tags: ['system'],
        summary: 'What the web app needs before login: base-map tiles, time zone, map centre',
        security: [],
        response: {
          200: Type.Object({
            tiles: Type.Union([
              Type.Null(),
              Type.Object({
                url: Type.String(),
                labelUrl: Type.Union([Type.Null(), Type.String()]),
                subdomains: Type.String(),
                attribution: Type.String(),
                maxZoom: Type.Integer(),
              }),
            ]),
            timeZone: Type.String(),
            center: Type.Union([Type.Null(), Type.Object({ lng: Type.Number(), lat: Type.Number() })]),
            demo: Type.Boolean(),
            version: Type.String(),
          }),
        },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-cache');
      return {
        tiles: options.tiles ?? null,
        timeZone: options.timeZone ?? 'Asia/Shanghai',
        center: options.center ?? null,
        demo: options.demo ?? false,
        version: options.version ?? '0.1.0',
      };
    },
  );

  const root = options.root ?? DEFAULT_WEB_ROOT;
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    app.log.warn({ root }, 'web app not built (run `npm run build:web`); serving the API only');
    return false;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // Files are listed once at start (the build happens before), so unknown paths reach the
    // not-found handler below instead of a catch-all route.
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    etag: true,
    lastModified: true,
    serveDotFiles: false,
    setHeaders: (res, filePath) => {
      res.setHeader('cache-control', cacheControlFor(filePath));
    },
  });
  return true;
}

/** The SPA fallback for the app's not-found handler: true when it answered with a page. */
export function sendAppPage(request: FastifyRequest, reply: FastifyReply, webServed: boolean): boolean {
  if (!webServed) return false;
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (isServerPath(request.url)) return false;
  // Only browsers navigating; a missing script or image stays a 404.
  const pathname = request.url.split('?')[0] ?? '';
  if (/\.\w{1,8}$/.test(pathname)) return false;
  reply.header('cache-control', REVALIDATE);
  void reply.sendFile(pageFor(request.url));
  return true;
}
