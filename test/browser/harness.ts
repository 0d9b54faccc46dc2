/**
 * Browser tests' harness: a real Shuzhi server listening on a free local port (the whole app on a
 * cloned test database with the test district and the staff of every role), the built web app
 * (web/dist, rebuilt when stale), and Debian's Chromium driven by playwright-core — never a
 * downloaded browser. Every page gets a fresh context (its own cookies and storage), either a
 * desktop (1280×800) or a phone (390×844, touch, geolocation granted); only the local server is
 * reachable, so a test never depends on the internet (map tiles, fonts, analytics).
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
  type Request,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { castFor, type CaseCast } from '../helpers/cases.js';
import { testBackend } from '../helpers/database.js';
import { ensureWebBuild } from './web-build.js';

export const CHROMIUM = process.env.SHUZHI_CHROMIUM ?? '/usr/bin/chromium';
export const screenshotDir = path.resolve(import.meta.dirname, '../../artifacts/screenshots', testBackend);

/** Flags for a headless, quiet, reproducible Chromium (no GPU, no background traffic, no QUIC). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Every host but the local server fails to resolve at once: no test waits on the internet.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

/**
 * `SHUZHI_BROWSER_THROTTLE=4` slows every page's renderer fourfold (Chrome's CPU throttling): a
 * loaded machine on demand, to reproduce what only happened under CI load (docs/browser-tests.md).
 */
const CPU_THROTTLE = Number(process.env.SHUZHI_BROWSER_THROTTLE ?? 1);

export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} as const;

export interface OpenOptions {
  viewport: keyof typeof VIEWPORTS;
  /** The browser's language (the app's default language does not depend on it). */
  locale?: string;
  /** A phone's position (WGS 84), granted to the page. */
  position?: { lng: number; lat: number };
}

export interface BrowserRun {
  t: TestApp;
  cast: CaseCast;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context and page at `path` of the server. */
  open(pathname: string, options: OpenOptions): Promise<Page>;
  /** Uncaught exceptions thrown in a page so far. */
  errors(page: Page): string[];
  /** A full-page screenshot in artifacts/screenshots/<backend>/<name>.png. */
  shot(page: Page, name: string): Promise<void>;
}

/** One server and one browser per test file (beforeAll), closed again afterwards. */
export function useBrowser(): () => BrowserRun {
  let run: BrowserRun | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors = new WeakMap<Page, string[]>();
  let t: TestApp | undefined;
  let browser: Browser | undefined;
  let pagesOfTest: Page[] = [];
  const pageLogs = new WeakMap<Page, string[]>();

  beforeAll(async () => {
    // The server lists web/dist's files when it starts: build first.
    await ensureWebBuild();
    t = await startTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('the test server has no TCP address');
    const baseUrl = `http://127.0.0.1:${address.port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    fs.mkdirSync(screenshotDir, { recursive: true });
    const cast = await castFor(t);
    const launched = browser;
    run = {
      t,
      cast,
      baseUrl,
      browser: launched,
      async open(pathname, options) {
        const context = await launched.newContext({
          ...VIEWPORTS[options.viewport],
          baseURL: baseUrl,
          locale: options.locale ?? 'zh-CN',
          timezoneId: 'Asia/Shanghai',
          ...(options.position
            ? {
                geolocation: {
                  latitude: options.position.lat,
                  longitude: options.position.lng,
                  accuracy: 10,
                },
                permissions: ['geolocation'],
              }
            : {}),
        });
        contexts.push(context);
        context.setDefaultTimeout(15_000);
        const page = await context.newPage();
        pagesOfTest.push(page);
        const errors: string[] = [];
        pageErrors.set(page, errors);
        page.on('pageerror', (error) => errors.push(error.message));
        pageLogs.set(page, logOf(page));
        if (CPU_THROTTLE > 1) {
          const cdp = await context.newCDPSession(page);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
        }
        await page.goto(pathname);
        return page;
      },
      errors: (page) => pageErrors.get(page) ?? [],
      async shot(page, name) {
        await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
      },
    };
  }, 300_000);

  // A failed test leaves a picture of every page it had open: failed-<test>-<n>.png.
  afterEach(async (context) => {
    const pages = pagesOfTest;
    pagesOfTest = [];
    if (context.task.result?.state !== 'fail') return;
    const name = context.task.name.replace(/[^\w一-龥-]+/g, '-').slice(0, 80);
    for (const [i, page] of pages.entries()) {
      if (page.isClosed()) continue;
      await page
        .screenshot({ path: path.join(screenshotDir, `failed-${name}-${i + 1}.png`) })
        .catch(() => {});
      fs.writeFileSync(
        path.join(screenshotDir, `failed-${name}-${i + 1}.log`),
        (pageLogs.get(page) ?? []).join('\n') + '\n',
      );
    }
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await t?.app.close();
    await t?.database.close();
  });

  return () => {
    if (!run) throw new Error('the browser run is not started');
    return run;
  };
}

/**
 * What a page did, for the log a failed test leaves beside its picture: its console, its uncaught
 * errors and every API request with its status and duration, in milliseconds since the page opened.
 * A dialog that "never closed" is then told apart from a save that failed or never answered.
 */
function logOf(page: Page): string[] {
  const lines: string[] = [];
  const opened = Date.now();
  const at = () => String(Date.now() - opened).padStart(6);
  const sent = new WeakMap<object, number>();
  page.on('console', (message) => lines.push(`${at()} console.${message.type()} ${message.text()}`));
  page.on('pageerror', (error) => lines.push(`${at()} pageerror ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().includes('/api/')) return;
    sent.set(request, Date.now());
    lines.push(`${at()} → ${request.method()} ${request.url()}`);
  });
  const ended = (request: Request, outcome: string) => {
    const since = sent.get(request);
    if (since === undefined) return;
    lines.push(`${at()} ← ${request.method()} ${request.url()} ${outcome} in ${Date.now() - since} ms`);
  };
  page.on('requestfinished', (request) => {
    void request.response().then((response) => ended(request, String(response?.status() ?? '?')));
  });
  page.on('requestfailed', (request) => ended(request, `failed: ${request.failure()?.errorText ?? '?'}`));
  return lines;
}

/** The input or text area labelled `label` (antd-mobile labels its wrapper too). */
export function field(page: Page, label: string) {
  return page.locator(
    `input[aria-label="${label}"], textarea[aria-label="${label}"], [aria-label="${label}"] textarea`,
  );
}

/**
 * A button by its label. Ant Design puts a space between the two characters of a two-character
 * Chinese label ("立 案"), so the label's characters may be separated by one space.
 */
export function button(scope: Page | Locator, label: string) {
  const chars = [...label].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return scope.getByRole('button', { name: new RegExp(`^\\s*${chars.join('\\s?')}\\s*$`) });
}

/** Logs a staff user in on the desktop login page; resolves on their home view. */
export async function desktopLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await button(page, '登录').click();
  await page.waitForURL((url) => url.pathname !== '/login');
}
