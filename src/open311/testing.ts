/**
 * Test support: the Open311 routes are part of the application (src/http/app.ts), so their tests
 * use the standard test app. Kept as named helpers so the tests read as Open311 tests.
 */
import { startTestApp, useTestApp, type TestApp } from '../../test/helpers/app.js';

export function startOpen311TestApp(options: { publicRateLimit?: number } = {}): Promise<TestApp> {
  return startTestApp(options);
}

export function useOpen311TestApp(options: Parameters<typeof startOpen311TestApp>[0] = {}): () => TestApp {
  return useTestApp(options);
}
