/**
 * The documentation holds together: every relative link and every docs/ path named in the code
 * resolves, docs/README.md indexes every document, and docs/api/errors.md lists every error code
 * of the catalogue (src/shared/errors.ts) with its status.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '../src/shared/errors.js';

const root = path.resolve(import.meta.dirname, '..');

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      out.push(...filesUnder(rel, keep));
    } else if (keep(rel)) out.push(rel);
  }
  return out;
}

const markdown = ['README.md', ...filesUnder('docs', (f) => f.endsWith('.md'))];

describe('documentation', () => {
  it('has no relative link to a missing file', () => {
    const broken: string[] = [];
    for (const file of markdown) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = match[1]!;
        if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
        const resolved = path.resolve(path.dirname(path.join(root, file)), decodeURI(target.split('#')[0]!));
        if (!fs.existsSync(resolved)) broken.push(`${file} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('has every docs/ path that the code and tests cite', () => {
    const sources = [
      ...filesUnder('src', (f) => /\.tsx?$/.test(f)),
      ...filesUnder('web/src', (f) => /\.tsx?$/.test(f)),
      ...filesUnder('test', (f) => /\.tsx?$/.test(f)),
      ...filesUnder('bench', (f) => /\.tsx?$/.test(f)),
    ];
    const missing = new Set<string>();
    for (const file of sources) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      for (const match of text.matchAll(/\bdocs\/[\w./-]*\w\.md\b/g)) {
        if (!fs.existsSync(path.join(root, match[0]))) missing.add(`${file} → ${match[0]}`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('indexes every document in docs/README.md', () => {
    const index = fs.readFileSync(path.join(root, 'docs/README.md'), 'utf8');
    const linked = new Set(
      [...index.matchAll(/\]\(([^)#\s]+)/g)].map((m) => path.normalize(path.join('docs', m[1]!))),
    );
    const unindexed = markdown.filter(
      (f) => f.startsWith('docs/') && f !== 'docs/README.md' && !linked.has(f),
    );
    expect(unindexed).toEqual([]);
  });

  it('lists every error code with its status in docs/api/errors.md', () => {
    const text = fs.readFileSync(path.join(root, 'docs/api/errors.md'), 'utf8');
    const rows = new Map(
      [...text.matchAll(/^\|\s*`([A-Z0-9_]+)`\s*\|\s*(\d{3})\s*\|/gm)].map((m) => [m[1]!, Number(m[2])]),
    );
    const wrong = Object.entries(ERROR_CATALOGUE)
      .filter(([code, { status }]) => rows.get(code) !== status)
      .map(([code, { status }]) => `${code} ${status} (docs: ${rows.get(code) ?? 'missing'})`);
    const stale = [...rows.keys()].filter((code) => !(code in ERROR_CATALOGUE));
    expect({ wrong, stale }).toEqual({ wrong: [], stale: [] });
  });
});
