/**
 * Builds the web app (web/dist) once per test run when it is missing or stale, with the project's
 * own builder (web/build.ts, which compares a hash of the sources with the one stored beside the
 * output). Vitest's workers share one build through a lock directory, so two browser test files
 * never build at the same time.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(import.meta.dirname, '../..');
const lockDir = path.join(root, '.test-cache', 'web-build.lock');
const BUILD_TIMEOUT_MS = 300_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Makes sure web/dist matches the sources; returns how long it waited or built, in ms. */
export async function ensureWebBuild(): Promise<number> {
  const started = Date.now();
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch {
      // Another worker is building: wait for it (a lock older than the build timeout is abandoned).
      const since = fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > BUILD_TIMEOUT_MS) fs.rmSync(lockDir, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(root, 'web/build.ts')], {
      cwd: root,
      timeout: BUILD_TIMEOUT_MS,
    });
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
  return Date.now() - started;
}
