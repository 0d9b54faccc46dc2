/**
 * The strict Content-Security-Policy in a real browser (docs/security.md §Content-Security-Policy):
 * the desktop and the phone app load, log in and draw their screens without one violation — no
 * inline script, no style element without the page's nonce, no style attribute in markup.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/app.js';
import { desktopLogin, useBrowser } from './harness.js';

const run = useBrowser();

/** Collects the page's CSP violations (the DOM event and the console's report of it). */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
  // Runs in the page (the test's TypeScript has no DOM types): report every violation event.
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolation(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') +
        ' (' + event.sourceFile + ':' + event.lineNumber + ')');
    });`,
  });
  return violations;
}

describe('Content-Security-Policy in the browser', () => {
  it('runs the desktop app, logged in, without a violation', async () => {
    const page = await run().open('/login', { viewport: 'desktop' });
    const violations = await watchViolations(page);
    await page.reload();
    const admin = await run().t.user({ role: 'admin' });
    await desktopLogin(page, admin.username, TEST_PASSWORD);
    for (const path of ['/admin/users', '/dashboard', '/cases']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
    }
    // Ant Design did insert its style elements, each with the page's nonce.
    const styles = await page.evaluate<string[]>(
      "[...document.querySelectorAll('style')].map((style) => style.nonce)",
    );
    expect(styles.length).toBeGreaterThan(0);
    expect(styles.every((nonce) => nonce.length > 0)).toBe(true);
    expect(violations).toEqual([]);
    expect(run().errors(page)).toEqual([]);
  });

  it('runs the phone app without a violation', async () => {
    const page = await run().open('/m/', { viewport: 'phone' });
    const violations = await watchViolations(page);
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('#root').innerHTML()).not.toBe('');
    expect(violations).toEqual([]);
    expect(run().errors(page)).toEqual([]);
  });
});
