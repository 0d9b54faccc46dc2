/**
 * Where test helpers live (docs/testing.md): shared ones in test/helpers/, named by what they
 * build; a module's own pure fixtures beside it as `test-support.ts`, for that module's tests
 * only and left out of the build. Production code imports neither.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const isSupport = (file: string) => path.basename(file) === 'test-support.ts';
const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'";]*?from\s+'(\.[^']+)'/g)].map((m) =>
    path.resolve(path.dirname(file), m[1]!.replace(/\.js$/, '.ts')),
  );
}

describe('test helpers', () => {
  it('are never imported by production code', () => {
    const found: string[] = [];
    for (const file of filesUnder(src).filter((f) => !isTest(f) && !isSupport(f))) {
      for (const target of importsOf(file)) {
        if (target.startsWith(path.join(root, 'test') + path.sep) || isSupport(target))
          found.push(`${rel(file)} → ${rel(target)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('in src/ are named test-support.ts and serve their own module’s tests', () => {
    const misnamed = filesUnder(src)
      .filter(
        (f) =>
          !isTest(f) &&
          !isSupport(f) &&
          /(^|[-.])(test|tests|testing|fixtures?)([-.]|$)/.test(path.basename(f)),
      )
      .map(rel);
    expect(misnamed).toEqual([]);
    const strangers: string[] = [];
    for (const file of [...filesUnder(src), ...filesUnder(path.join(root, 'test'))]) {
      for (const target of importsOf(file)) {
        if (isSupport(target) && !file.startsWith(path.dirname(target) + path.sep))
          strangers.push(`${rel(file)} → ${rel(target)}`);
      }
    }
    expect(strangers).toEqual([]);
  });
});
