import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.js';
import { GeographyIndex } from '../geography/index.js';
import { createTestDatabase } from '../../test/helpers/database.js';
import { testKeyRing } from '../../test/helpers/app.js';
import { buildApp } from './app.js';
import { isServerPath, pageFor } from './web.js';

/** A built app as Vite lays it out: two pages and hashed assets. */
function fakeDist(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shuzhi-web-'));
  fs.mkdirSync(path.join(root, 'assets'));
  fs.mkdirSync(path.join(root, 'm'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>desk</title>');
  fs.writeFileSync(path.join(root, 'm', 'index.html'), '<!doctype html><title>phone</title>');
  fs.writeFileSync(path.join(root, 'assets', 'desktop-BoeGBVbD.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return root;
}

describe('serving the web app', () => {
  let app: FastifyInstance;
  let database: Database;
  let root: string;

  beforeAll(async () => {
    root = fakeDist();
    database = await createTestDatabase();
    app = await buildApp({
      database,
      geography: new GeographyIndex(database.db, 0),
      reporterKeys: testKeyRing,
      sessionHours: 12,
      web: {
        root,
        tiles: {
          url: 'http://tiles.intranet.gov.cn/{z}/{x}/{y}.png',
          labelUrl: null,
          subdomains: 'abc',
          attribution: '区政务云',
          maxZoom: 18,
        },
        demo: true,
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('serves the desktop app at / and the phone app at /m/, revalidated on every load', async () => {
    const desk = await app.inject({ url: '/' });
    expect(desk.statusCode).toBe(200);
    expect(desk.headers['content-type']).toMatch(/text\/html/);
    expect(desk.body).toContain('<title>desk</title>');
    expect(desk.headers['cache-control']).toBe('no-cache');
    const phone = await app.inject({ url: '/m/' });
    expect(phone.statusCode).toBe(200);
    expect(phone.body).toContain('<title>phone</title>');
    expect(phone.headers['cache-control']).toBe('no-cache');
  });

  it('falls back to the owning page for client-side routes', async () => {
    const desk = await app.inject({ url: '/cases/42?tab=timeline' });
    expect(desk.statusCode).toBe(200);
    expect(desk.body).toContain('<title>desk</title>');
    expect(desk.headers['cache-control']).toBe('no-cache');
    const phone = await app.inject({ url: '/m/report' });
    expect(phone.statusCode).toBe(200);
    expect(phone.body).toContain('<title>phone</title>');
  });

  it('answers a deep link with the page while web/dist is being rebuilt, and picks up the new page', async () => {
    // A rebuild (Vite empties web/dist first) while the server runs: the pages are gone for a moment.
    fs.renameSync(path.join(root, 'index.html'), path.join(root, 'index.old'));
    fs.renameSync(path.join(root, 'm', 'index.html'), path.join(root, 'm', 'index.old'));
    try {
      for (const url of ['/supervision', '/', '/cases/7', '/index.html']) {
        const desk = await app.inject({ url });
        expect(desk.statusCode, url).toBe(200);
        expect(desk.body, url).toContain('<title>desk</title>');
      }
      const phone = await app.inject({ url: '/m/report' });
      expect(phone.statusCode).toBe(200);
      expect(phone.body).toContain('<title>phone</title>');
    } finally {
      fs.renameSync(path.join(root, 'index.old'), path.join(root, 'index.html'));
      fs.renameSync(path.join(root, 'm', 'index.old'), path.join(root, 'm', 'index.html'));
    }
    // The rebuild is done: new page, new hashed asset, both served without a restart.
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>desk v2</title>');
    fs.writeFileSync(path.join(root, 'assets', 'desktop-Xy12Ab34.js'), 'console.log(2)');
    const page = await app.inject({ url: '/supervision' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>desk v2</title>');
    const asset = await app.inject({ url: '/assets/desktop-Xy12Ab34.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log(2)');
    // Revalidation: the same page answers 304 to its ETag.
    const again = await app.inject({ url: '/', headers: { 'if-none-match': String(page.headers.etag) } });
    expect(again.statusCode).toBe(304);
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>desk</title>');
  });

  it('caches hashed assets for a year and keeps a missing asset a 404', async () => {
    const asset = await app.inject({ url: '/assets/desktop-BoeGBVbD.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await app.inject({ url: '/assets/desktop-deadbeef1.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('refuses an over-long path parameter with 414 behind the catch-all too, echoing none of it', async () => {
    // With the web app served, its catch-all route matches what the router would refuse as too long.
    const api = await app.inject({ url: `/api/v1/departments/${'x'.repeat(1000)}` });
    expect(api.statusCode).toBe(414);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(api.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'params' }] });
    expect(api.body).not.toContain('x'.repeat(300));
    const open311 = await app.inject({ url: `/open311/v2/requests/${'1'.repeat(1000)}.xml` });
    expect(open311.statusCode).toBe(414);
    expect(open311.headers['content-type']).toMatch(/^text\/xml/);
    expect(open311.body).toContain('<errors>');
    const unknown = await app.inject({
      url: `/api/v1/${'y'.repeat(90)}/${'z'.repeat(90)}/${'w'.repeat(90)}`,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).not.toContain('w'.repeat(90));
  });

  it('keeps API and Open311 404s as problem+json, never the app page', async () => {
    for (const url of ['/api/v1/no-such-thing', '/api/nothing', '/open311/nothing']) {
      const response = await app.inject({ url, headers: { accept: 'text/html' } });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toMatch(/application\/problem\+json/);
    }
    // Open311 answers in its own (GeoReport) error format, still JSON.
    const open311 = await app.inject({ url: '/open311/v2/nothing.json', headers: { accept: 'text/html' } });
    expect(open311.statusCode).toBe(404);
    expect(open311.headers['content-type']).toMatch(/json/);
    expect(open311.json()).toEqual([
      { code: 404, description: expect.stringContaining('/open311/v2/nothing.json') },
    ]);
    const xml = await app.inject({ url: '/open311/v2/nothing.xml' });
    expect(xml.statusCode).toBe(404);
    expect(xml.body).toContain('<errors>');
    const post = await app.inject({ method: 'POST', url: '/cases/42' });
    expect(post.statusCode).toBe(404);
    expect(post.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('allows the configured plain-http tile server in the CSP and forbids inline scripts', async () => {
    const response = await app.inject({ url: '/' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toMatch(/img-src[^;]*http:\/\/tiles\.intranet\.gov\.cn/);
  });

  it('tells the front end its tiles and time zone before login', async () => {
    const response = await app.inject({ url: '/api/v1/web-config' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      tiles: {
        url: 'http://tiles.intranet.gov.cn/{z}/{x}/{y}.png',
        labelUrl: null,
        subdomains: 'abc',
        attribution: '区政务云',
        maxZoom: 18,
      },
      timeZone: 'Asia/Shanghai',
      center: null,
      demo: true,
      version: '0.1.0',
    });
  });
});

describe('which paths are the server’s', () => {
  it('routes server paths and pages apart', () => {
    expect(isServerPath('/api/v1/cases')).toBe(true);
    expect(isServerPath('/api')).toBe(true);
    expect(isServerPath('/open311/v2/services.json')).toBe(true);
    expect(isServerPath('/healthz')).toBe(true);
    expect(isServerPath('/apiary')).toBe(false);
    expect(isServerPath('/cases/1')).toBe(false);
    expect(pageFor('/m')).toBe('m/index.html');
    expect(pageFor('/m/report?x=1')).toBe('m/index.html');
    expect(pageFor('/media')).toBe('index.html');
  });
});
