/**
 * Serving the web app (web/dist, built by `tsx web/build.ts`) from the same origin as the API:
 * hashed assets under /assets/ are immutable for a year, HTML pages are `no-cache` so a new
 * deployment is picked up at once, and paths that are neither a file nor an API route fall back
 * to the page that owns them (`/m/...` → the phone app, anything else → the desktop app) so
 * client-side routes survive a reload. API and Open311 paths never fall back: their 404 stays a
 * problem+json. Also GET /api/v1/web-config: what the front end needs before login (base-map
 * tiles, business time zone, map centre).
 */
import { createHash } from 'node:crypto';
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

/** Registers the config endpoint always, and the static app when it is built: then returns its pages. */
export async function registerWeb(app: FastifyInstance, options: WebOptions = {}): Promise<PageCache | null> {
  app.get(
    '/api/v1/web-config',
    {
      config: { access: 'public' },
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
    return null;
  }
  const pages = new PageCache(root);
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // A catch-all route that looks on disk at request time, so a rebuild while the server runs
    // (new hashed names) is served; a path that is no file reaches the not-found handler.
    wildcard: true,
    // The HTML pages are answered from memory by sendAppPage, never streamed from disk: a
    // rebuild empties web/dist for a moment, and a page that vanished between the route and
    // the read would end as a bare 404 inside the not-found handler.
    index: false,
    allowedPath: (pathname) => !pathname.endsWith('.html'),
    cacheControl: false,
    etag: true,
    lastModified: true,
    serveDotFiles: false,
    setHeaders: (res, filePath) => {
      res.setHeader('cache-control', cacheControlFor(filePath));
    },
  });
  // The pages' own addresses (more specific than the catch-all above).
  for (const url of ['/', '/m', '/m/']) {
    app.route({
      method: ['GET', 'HEAD'],
      url,
      schema: { hide: true },
      handler: (request, reply) => {
        if (!sendAppPage(request, reply, pages)) return reply.callNotFound();
        return reply;
      },
    });
  }
  return pages;
}

type PageName = ReturnType<typeof pageFor>;

interface CachedPage {
  body: Buffer;
  etag: string;
  mtimeMs: number;
  size: number;
}

/**
 * The two HTML pages, read when first asked for and again whenever the file on disk changes
 * (a rebuild). While the file is missing or half-written the last good copy is served.
 */
export class PageCache {
  private readonly pages = new Map<PageName, CachedPage>();

  constructor(private readonly root: string) {
    // Read both now: a rebuild that starts before the first request must not leave us without.
    this.get('index.html');
    this.get('m/index.html');
  }

  get(name: PageName): CachedPage | null {
    const file = path.join(this.root, name);
    const cached = this.pages.get(name) ?? null;
    try {
      const stat = fs.statSync(file);
      if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
      const body = fs.readFileSync(file);
      // Vite writes the page in one go; an empty read is a rebuild caught mid-write.
      if (body.length === 0) return cached;
      const page = {
        body,
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
        mtimeMs: stat.mtimeMs,
        size: stat.size,
      };
      this.pages.set(name, page);
      return page;
    } catch {
      return cached;
    }
  }
}

/** The SPA fallback for the app's not-found handler: true when it answered with a page. */
export function sendAppPage(request: FastifyRequest, reply: FastifyReply, pages: PageCache | null): boolean {
  if (!pages) return false;
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (isServerPath(request.url)) return false;
  const pathname = request.url.split('?')[0] ?? '';
  // Only browsers navigating (and the pages by name); a missing script or image stays a 404.
  if (/\.\w{1,8}$/.test(pathname) && pathname !== '/index.html' && pathname !== '/m/index.html') return false;
  const page = pages.get(pageFor(request.url));
  if (!page) return false;
  reply.header('cache-control', REVALIDATE);
  reply.header('etag', page.etag);
  if (request.headers['if-none-match'] === page.etag) {
    void reply.code(304).send();
    return true;
  }
  void reply.type('text/html; charset=utf-8').send(page.body);
  return true;
}
