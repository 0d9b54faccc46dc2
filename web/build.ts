/**
 * Builds web/dist when it is missing or stale. "Stale" is decided by a content hash of every web
 * source (web/ except dist), the server modules it shares, and the lock file, stored in web/dist/.source-hash, so `npm start`
 * on a fresh clone builds once (~30 s on 2 cores) and later starts skip the build (~50 ms).
 *
 *   tsx web/build.ts            build if stale
 *   tsx web/build.ts --force    always build
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Vite from 'vite';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const rootDir = path.dirname(webDir);
const distDir = path.join(webDir, 'dist');
const hashFile = path.join(distDir, '.source-hash');

function* sources(dir: string): Generator<string> {
  for (const entry of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (full === distDir || entry.name === 'node_modules') continue;
      yield* sources(full);
    } else yield full;
  }
}

/** Server modules the web app imports (pure vocabulary; ESLint allows no others). */
export const SHARED_SERVER_SOURCES = [
  'src/cases/workflow/model.ts',
  'src/identity/actor.ts',
  'src/shared/errors.ts',
  'src/evaluation/vocabulary.ts',
].map((file) => path.join(rootDir, file));

export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of [
    ...sources(webDir),
    ...SHARED_SERVER_SOURCES,
    path.join(rootDir, 'package-lock.json'),
  ]) {
    if (!fs.existsSync(file)) continue;
    hash.update(path.relative(rootDir, file));
    hash.update('\0');
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  const started = Date.now();
  const hash = sourceHash();
  const built = fs.existsSync(hashFile) ? fs.readFileSync(hashFile, 'utf8').trim() : null;
  if (!force && built === hash && fs.existsSync(path.join(distDir, 'index.html'))) {
    process.stderr.write(`Web app is up to date (${Date.now() - started} ms).\n`);
    return;
  }
  let vite: typeof Vite;
  try {
    vite = await import('vite');
  } catch {
    // A production install without devDependencies: serve the dist that was built before.
    if (fs.existsSync(path.join(distDir, 'index.html'))) {
      process.stderr.write('Web sources changed but Vite is not installed; serving the existing web/dist.\n');
      return;
    }
    process.stderr.write(
      'The web app is not built and Vite is not installed: run `npm ci` (with dev dependencies).\n',
    );
    process.exitCode = 1;
    return;
  }
  process.stderr.write(built ? 'Web sources changed: building the web app…\n' : 'Building the web app…\n');
  await vite.build({ configFile: path.join(webDir, 'vite.config.ts'), logLevel: 'warn' });
  fs.writeFileSync(hashFile, `${hash}\n`);
  process.stderr.write(`Built the web app in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}

await main();
