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
import { purgeRateLimitCounters, type RateLimitStore } from './http/rate-limit-store.js';
import { createMetrics } from './observability/index.js';
import { ensureFirstAdmin } from './identity/index.js';
import { startJobs } from './jobs/index.js';
import { MODULES } from './modules.js';
import { loadKeyRing } from './reporters/index.js';
import { Redis } from 'ioredis';

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

/**
 * The rate-limit store the configuration names; Redis is connected now, so a wrong REDIS_URL stops
 * the start with Redis's own message instead of failing open at the first request.
 */
export async function openRateLimitStore(config: Config, say: Say): Promise<RateLimitStore> {
  if (config.rateLimitStore !== 'redis') return { kind: config.rateLimitStore };
  const url = new URL(config.redisUrl!);
  say(`Connecting to Redis for shared rate limits (${url.host})…`);
  const redis = new Redis(config.redisUrl!, {
    lazyConnect: true,
    // A command fails at once while Redis is away (the limit then lets the request through).
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error(`REDIS_URL: cannot connect to ${url.host}: ${(error as Error).message}`);
  }
  // Reconnection is ioredis's own; a lost connection is reported, not fatal.
  redis.on('error', (error: Error) => say(`Redis: ${error.message}`));
  return { kind: 'redis', redis };
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
  let rateLimitStore: RateLimitStore | undefined;
  try {
    await prepareDatabase(database, say);
    if (config.demo) await ensureDemo(database, say, config.timeZone);
    else await ensureFirstAdmin(database.db, config.adminPassword, say);
    const geography = new GeographyIndex(database.db);
    await geography.fresh();
    const reporterKeys = loadKeyRing(config);
    const demoProgress = config.demo ? new DemoProgress() : null;
    const metrics = createMetrics({ database, modules: MODULES, processMetrics: true });
    rateLimitStore = await openRateLimitStore(config, say);
    const app = await buildApp({
      metrics,
      metricsToken: config.metricsToken ?? null,
      rateLimitStore,
      // prepareDatabase loaded it above; a start that failed there never gets this far.
      referenceDataLoaded: () => true,
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
    // sweep, the login-throttle purge; and the shared rate-limit counters' purge.
    const jobs = startJobs(
      database.db,
      [
        ...MODULES.flatMap((module) => module.jobs?.({ db: database.db, cases: app.caseDeps }) ?? []),
        ...(rateLimitStore.kind === 'postgres'
          ? [{ name: 'rate-limit-purge', intervalMs: 10 * 60_000, run: purgeRateLimitCounters }]
          : []),
      ],
      { log: app.log, onRun: (outcome) => metrics.observeJob(outcome) },
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
          if (rateLimitStore?.kind === 'redis') await rateLimitStore.redis.quit();
          await database.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    if (rateLimitStore?.kind === 'redis') rateLimitStore.redis.disconnect();
    await database.close();
    throw error;
  }
}
