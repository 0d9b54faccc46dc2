/**
 * The `shuzhi` command as an operator runs it: a real child process on a real data folder.
 * Embedded-database commands (backup/restore) are the point here, so the data folder is PGlite
 * on both test passes.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from '../src/db/index.js';
import { testDistrict } from './helpers/geography.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shuzhi-cli-'));

function shuzhi(dataDir: string, ...args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: {
        ...process.env,
        SHUZHI_DATA_DIR: dataDir,
        SHUZHI_DEMO: '0',
        SHUZHI_ADMIN_PASSWORD: 'admin-password-123',
        DATABASE_URL: '',
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

describe('shuzhi CLI on the embedded database', () => {
  const data = path.join(root, 'data');
  const backup = path.join(root, 'backup.tar.gz');

  it('migrates, imports regions with per-feature reasons, backs up and restores', async () => {
    expect((await shuzhi(data, 'migrate')).output).toMatch(/The database is up to date/);

    const district = testDistrict();
    const file = path.join(root, 'regions.geojson');
    const broken = structuredClone(district);
    broken.features.push({
      type: 'Feature',
      properties: { code: '110101001009', name: '坏社区' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [1, 0],
            [0, 1],
            [0, 0],
          ],
        ],
      },
    });
    fs.writeFileSync(file, JSON.stringify(broken));
    const refused = await shuzhi(data, 'import', 'regions', file);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(
      /rejected feature 15 \(110101001009\): invalid geometry: self-intersection/,
    );
    expect(refused.output).toMatch(/IMPORT_REJECTED/);
    fs.writeFileSync(file, JSON.stringify(district));
    const imported = await shuzhi(data, 'import', 'regions', file);
    expect(imported.output).toMatch(/15 created, 0 updated, 0 repaired, 0 rejected of 15/);

    const saved = await shuzhi(data, 'backup', backup);
    expect(saved.code).toBe(0);
    expect(fs.statSync(backup).size).toBeGreaterThan(100_000);

    const other = path.join(root, 'restored');
    const restored = await shuzhi(other, 'restore', backup);
    expect(restored.output).toMatch(/Restored/);
    const again = await shuzhi(other, 'import', 'regions', file);
    expect(again.output).toMatch(/0 created, 15 updated/);
  }, 240_000);

  it('refuses a file that is not a backup and keeps the database it had', async () => {
    const bad = path.join(root, 'bad.tar.gz');
    fs.writeFileSync(bad, 'not a backup');
    const result = await shuzhi(data, 'restore', bad);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/is not a Shuzhi backup/);
    expect((await shuzhi(data, 'migrate')).code).toBe(0);
  });

  it('stops at once with a clear message when another process holds the data folder', async () => {
    const lock = lockDataDir(data);
    try {
      const result = await shuzhi(data, 'migrate');
      expect(result.code).toBe(1);
      expect(result.output).toMatch(/is in use by another Shuzhi process/);
    } finally {
      lock.release();
    }
  });

  it('names a bad setting and stops', async () => {
    const child = await new Promise<{ code: number; output: string }>((resolve) => {
      const p = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'migrate'], {
        env: { ...process.env, PORT: 'eighty' },
      });
      let output = '';
      p.stderr.on('data', (c: Buffer) => (output += c.toString()));
      p.on('close', (code) => resolve({ code: code ?? -1, output }));
    });
    expect(child.code).toBe(1);
    expect(child.output).toMatch(/Configuration error: PORT: must be an integer/);
  });
});
