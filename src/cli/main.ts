/**
 * The `shuzhi` command: serve, migrate, backup/restore of the embedded database, region import
 * and unit-grid generation. Configuration comes from the environment (docs/configuration.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { PGlite } from '@electric-sql/pglite';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { DataDirLockedError, MigrationChangedError, PGLITE_EXTENSIONS, lockDataDir } from '../db/index.js';
import { generateGrids, importRegions } from '../geography/index.js';
import { rebuildRollups, recomputeAll, storedRollups } from '../evaluation/index.js';
import { openConfiguredDatabase, prepareDatabase, startServer } from '../server.js';
import { systemContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { INPUT_CRS, type InputCrs } from '../shared/crs.js';
import { reencryptCitizens } from '../citizens/index.js';
import { generateKeyEntry, loadKeyRing, reencryptAll } from '../reporters/index.js';
import { progressBar } from './progress.js';

const say = (message: string) => process.stderr.write(`${message}\n`);

function config(): Config {
  return loadConfig();
}

async function withDatabase<T>(
  work: (database: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<T>,
): Promise<T> {
  const database = await openConfiguredDatabase(config(), say);
  try {
    await prepareDatabase(database, say);
    return await work(database);
  } finally {
    await database.close();
  }
}

function crsOption(): Option {
  return new Option('--crs <crs>', 'coordinate system of the input').choices(INPUT_CRS).default('wgs84');
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive whole number');
  return n;
}

const program = new Command('shuzhi')
  .description('Shuzhi (数治) digital-government platform')
  .showHelpAfterError();

program
  .command('serve')
  .description('serve the API and web app (the demo district unless SHUZHI_DEMO=0)')
  .action(async () => {
    const running = await startServer(config(), say);
    let signals = 0;
    const shutdown = (signal: string) => {
      signals += 1;
      if (signals > 1) process.exit(1);
      say(`${signal} received: finishing requests, checkpointing and closing the database…`);
      running.stop().then(
        () => {
          say('Stopped cleanly.');
          process.exit(0);
        },
        (error: unknown) => {
          say(`Stopping failed: ${(error as Error).message}`);
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
  });

program
  .command('migrate')
  .description('apply pending migrations and reference data, then exit')
  .action(async () => {
    await withDatabase(async () => say('The database is up to date.'));
  });

program
  .command('backup')
  .argument('<file>', 'where to write the gzipped backup (.tar.gz)')
  .description('back up the embedded database (for PostgreSQL use pg_dump)')
  .action(async (file: string) => {
    const cfg = config();
    if (cfg.databaseUrl)
      throw new DomainError(
        'VALIDATION_FAILED',
        'backup is for the embedded database; for PostgreSQL use pg_dump',
      );
    await withDatabase(async (database) => {
      await database.checkpoint();
      const dump = await database.pglite!.dumpDataDir('gzip');
      const temporary = `${file}.partial`;
      fs.writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(temporary, file);
      say(`Backed up ${cfg.dataDir} to ${file} (${(fs.statSync(file).size / 1_048_576).toFixed(1)} MB).`);
    });
  });

program
  .command('restore')
  .argument('<file>', 'a backup written by `shuzhi backup`')
  .description('replace the embedded database with a backup (the old one is kept beside it)')
  .action(async (file: string) => {
    const cfg = config();
    if (cfg.databaseUrl)
      throw new DomainError(
        'VALIDATION_FAILED',
        'restore is for the embedded database; for PostgreSQL use pg_restore',
      );
    if (!fs.existsSync(file)) throw new DomainError('VALIDATION_FAILED', `No backup file ${file}`);
    const lock = lockDataDir(cfg.dataDir);
    try {
      const pgdata = path.join(cfg.dataDir, 'pgdata');
      let kept: string | null = null;
      if (fs.existsSync(pgdata)) {
        kept = `${pgdata}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        fs.renameSync(pgdata, kept);
      }
      try {
        const pglite = await PGlite.create({
          dataDir: pgdata,
          loadDataDir: new Blob([fs.readFileSync(file)]),
          extensions: PGLITE_EXTENSIONS,
        });
        await pglite.query('select 1 from schema_migrations limit 1');
        await pglite.exec('checkpoint');
        await pglite.close();
      } catch (error) {
        fs.rmSync(pgdata, { recursive: true, force: true });
        if (kept) fs.renameSync(kept, pgdata);
        throw new DomainError(
          'VALIDATION_FAILED',
          `${file} is not a Shuzhi backup: ${(error as Error).message}`,
        );
      }
      say(`Restored ${file} into ${cfg.dataDir}.${kept ? ` The previous database is kept in ${kept}.` : ''}`);
    } finally {
      lock.release();
    }
  });

const importCommand = program.command('import').description('import data');
importCommand
  .command('regions')
  .argument('<file>', 'GeoJSON FeatureCollection of districts, streets, communities and/or unit grids')
  .addOption(crsOption())
  .option('--skip-invalid', 'import the valid features and report the rest (default: all or nothing)')
  .description('import region boundaries; each rejected feature is reported with its reason')
  .action(async (file: string, options: { crs: InputCrs; skipInvalid?: boolean }) => {
    const collection: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    await withDatabase(async (database) => {
      const bar = progressBar('Importing regions');
      try {
        const report = await importRegions(database.db, systemContext(), collection, {
          crs: options.crs,
          skipInvalid: options.skipInvalid ?? false,
          onProgress: (done, total) => bar.update(done, total),
        });
        bar.stop();
        for (const r of report.rejected)
          say(`  rejected feature ${r.index}${r.code ? ` (${r.code})` : ''}: ${r.reason}`);
        for (const r of report.repaired)
          say(
            `  repaired feature ${r.index} (${r.code}): area changed by ${(r.areaChange * 100).toFixed(3)} %`,
          );
        say(
          `${report.created} created, ${report.updated} updated, ${report.repaired.length} repaired, ${report.rejected.length} rejected of ${report.total}.`,
        );
      } catch (error) {
        bar.stop();
        if (error instanceof DomainError && Array.isArray(error.extra.rejected)) {
          for (const r of error.extra.rejected as Array<{
            index: number;
            code: string | null;
            reason: string;
          }>) {
            say(`  rejected feature ${r.index}${r.code ? ` (${r.code})` : ''}: ${r.reason}`);
          }
        }
        throw error;
      }
    });
  });

const gridsCommand = program.command('grids').description('unit grids (单元网格)');
gridsCommand
  .command('generate')
  .option('--street <code>', '9-digit street code: tile every community of the street')
  .option('--community <code>', '12-digit community code')
  .option('--cell-area <m2>', 'target cell area in m²', positiveInt, 10_000)
  .option('--replace', 'replace existing grids of those communities')
  .description('tile communities with unit grids of the target area, numbered west→east, north→south')
  .action(async (options: { street?: string; community?: string; cellArea: number; replace?: boolean }) => {
    await withDatabase(async (database) => {
      const bar = progressBar('Generating grids');
      const report = await generateGrids(database.db, systemContext(), {
        ...(options.street ? { streetCode: options.street } : {}),
        ...(options.community ? { communityCode: options.community } : {}),
        cellArea: options.cellArea,
        replace: options.replace ?? false,
        onProgress: (done, total) => bar.update(done, total),
      }).finally(() => bar.stop());
      say(
        `${report.grids} unit grids in ${report.communities} communities (${report.replaced} replaced, ${report.componentsRelocated} components re-placed).`,
      );
    });
  });

const rollupsCommand = program
  .command('rollups')
  .description('evaluation rollups (统计汇总, docs/domain/evaluation.md)');
rollupsCommand
  .command('rebuild')
  .option('--batch <cases>', 'cases per batch', positiveInt, 5000)
  .description(
    'recompute every evaluation rollup from the case history (after a bulk load or a change of definitions)',
  )
  .action(async (options: { batch: number }) => {
    const cfg = config();
    await withDatabase(async (database) => {
      const bar = progressBar('Rebuilding rollups');
      const started = Date.now();
      const report = await rebuildRollups(database.db, cfg.timeZone, {
        batchSize: options.batch,
        onProgress: (done, total) => bar.update(done, total),
      }).finally(() => bar.stop());
      say(
        `Rollups rebuilt from ${report.cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
          `${report.rows.cases} place rows, ${report.rows.actors} people rows, ${report.rows.hours} hour rows.`,
      );
    });
  });
rollupsCommand
  .command('check')
  .description(
    'compare the rollups with a recomputation from the history (exit 1 on a difference); holds all in memory',
  )
  .action(async () => {
    const cfg = config();
    await withDatabase(async (database) => {
      const [stored, recomputed] = [
        await storedRollups(database.db),
        await recomputeAll(database.db, cfg.timeZone),
      ];
      const keys = new Set([...stored.keys(), ...recomputed.keys()]);
      const differing = [...keys].filter((k) => (stored.get(k) ?? 0) !== (recomputed.get(k) ?? 0));
      for (const key of differing.slice(0, 20))
        say(`${key}: stored ${stored.get(key) ?? 0}, recomputed ${recomputed.get(key) ?? 0}`);
      say(
        differing.length === 0
          ? `Rollups match the history (${keys.size} counts).`
          : `${differing.length} counts differ; run \`shuzhi rollups rebuild\`.`,
      );
      if (differing.length > 0) process.exitCode = 1;
    });
  });

const keysCommand = program.command('keys').description('keys of personal data at rest (docs/privacy.md)');
keysCommand
  .command('new')
  .argument('[id]', 'key id', `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`)
  .description('print a new key entry to put first in SHUZHI_DATA_KEYS')
  .action((id: string) => {
    process.stdout.write(`${generateKeyEntry(id)}\n`);
  });

program
  .command('reporters')
  .command('reencrypt')
  .description(
    "re-encrypt reporters' and citizen accounts' personal data with the active key (after adding a new key)",
  )
  .action(async () => {
    const cfg = config();
    await withDatabase(async (database) => {
      const ring = loadKeyRing(cfg);
      const result = await reencryptAll(database.db, ring);
      say(`${result.rewritten} of ${result.scanned} reporter records re-encrypted with the active key.`);
      const citizens = await reencryptCitizens(database.db, ring);
      say(`${citizens.rewritten} of ${citizens.scanned} citizen accounts re-encrypted with the active key.`);
    });
  });

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof ConfigError) say(`Configuration error: ${error.message}`);
  else if (error instanceof DataDirLockedError || error instanceof MigrationChangedError) say(error.message);
  else if (error instanceof DomainError) say(`${error.code}: ${error.message}`);
  else throw error;
  process.exitCode = 1;
}
