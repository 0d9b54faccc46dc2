/**
 * Starting and stopping Shuzhi: open the database (embedded or PostgreSQL), migrate, load the
 * national reference data, prepare the demo district or the first admin, serve HTTP, and on
 * SIGINT/SIGTERM stop accepting requests, CHECKPOINT, close and exit cleanly.
 */
import type { FastifyInstance } from 'fastify';
import { loadReferenceData } from './reference-data.js';
import type { Config } from './config.js';
import { migrate, openEmbedded, openPostgres, type Database } from './db/index.js';
import { seedDemoCitizen } from './demo/citizen.js';
import { ensureDemo, simulateDemoIfEmpty } from './demo/seed.js';
import { DemoProgress, yieldToRequests } from './demo/progress.js';
import { GeographyIndex } from './geography/index.js';
import { buildApp } from './http/app.js';
import { ensureFirstAdmin } from './identity/index.js';
import { startJobs } from './jobs/index.js';
import { MODULES } from './modules.js';
import { loadKeyRing } from './reporters/index.js';

export interface Say {
  (message: string): void;
}

export async function openConfiguredDatabase(config: Config, say: Say): Promise<Database> {
  if (config.databaseUrl) {
    say(`Connecting to PostgreSQL (${new URL(config.databaseUrl).host})…`);
    return openPostgres({ connectionString: config.databaseUrl });
  }
  say(`Opening the embedded database in ${config.dataDir}…`);
  return openEmbedded({ dataDir: config.dataDir });
}

/** Migrations and reference data: the same steps for `serve` and `migrate`. */
export async function prepareDatabase(database: Database, say: Say): Promise<void> {
  const applied = await migrate(database.db, (m, i, total) =>
    say(`Applying migration ${i + 1}/${total}: ${m.name}…`),
  );
  if (applied.length > 0) say(`Applied ${applied.length} migration(s).`);
  await loadReferenceData(database.db);
}

export interface Running {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(config: Config, say: Say): Promise<Running> {
  const started = Date.now();
  const database = await openConfiguredDatabase(config, say);
  try {
    await prepareDatabase(database, say);
    if (config.demo) await ensureDemo(database, say, config.timeZone);
    else await ensureFirstAdmin(database.db, config.adminPassword, say);
    const geography = new GeographyIndex(database.db);
    await geography.fresh();
    const reporterKeys = loadKeyRing(config);
    const demoProgress = config.demo ? new DemoProgress() : null;
    const app = await buildApp({
      demoProgress,
      database,
      geography,
      sessionHours: config.sessionHours,
      trustProxy: config.trustProxy,
      logger: { level: config.logLevel },
      timeZone: config.timeZone,
      reporterKeys,
      citizens: {
        reportsPerHour: config.publicReportsPerHour,
        uploadsPerHour: config.publicUploadsPerHour,
        signupsPerHour: config.citizenSignupsPerHour,
        duplicateMinutes: config.publicDuplicateMinutes,
      },
      open311: config.open311,
      pdfMaxBytes: config.pdfMaxBytes,
      outboundDriver: config.outboundDriver,
      cases: {
        workflow: { reopenWindowDays: config.reopenWindowDays },
        duplicates: { radiusM: config.duplicateRadiusM, days: config.duplicateDays },
      },
      web: { tiles: config.tiles, demo: config.demo },
    });
    // Background work of every module: outbox fan-out and webhook delivery, the minute's deadline
    // sweep, the login-throttle purge.
    const jobs = startJobs(
      database.db,
      MODULES.flatMap((module) => module.jobs?.({ db: database.db, cases: app.caseDeps }) ?? []),
      { log: app.log },
    );
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}`;
    say(
      `Shuzhi is ready at ${url} (${geography.gridCount} unit grids, ${database.backend}, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    const background = new AbortController();
    const simulation = demoProgress
      ? simulateDemoIfEmpty(database, app.caseDeps, say, {
          signal: background.signal,
          progress: demoProgress,
          yieldTo: yieldToRequests(app.requestsInFlight),
        })
          .then(async () => {
            if (background.signal.aborted) return;
            await seedDemoCitizen(database.db, { ...app.caseDeps, reporterKeys }, say);
          })
          .catch((error: unknown) => {
            app.log.error({ err: error }, 'demo case simulation failed');
          })
      : Promise.resolve();
    let stopping: Promise<void> | null = null;
    return {
      app,
      database,
      url,
      stop() {
        stopping ??= (async () => {
          background.abort();
          await simulation;
          await jobs.stop();
          await app.close();
          await database.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
