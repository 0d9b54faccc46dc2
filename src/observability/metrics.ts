/**
 * 运行指标 — what one Shuzhi process reports on /metrics in the Prometheus text exposition format
 * (docs/observability.md): HTTP requests by route pattern and status class, the database pool,
 * background job runs, each module's own figures (outbox and webhook lag, overdue clocks) and the
 * Node.js process (memory, CPU, event-loop delay). Each app has its own registry, so tests that
 * build several apps in one process never mix their counts.
 */
import client from 'prom-client';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import type { DB } from '../db/schema.js';
import type { ModuleMetric } from '../http/module.js';

/** Latency buckets (seconds): from a cached read (~2 ms) to a large export (10 s). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60];
const DEFAULT_MODULE_CACHE_MS = 5_000;

export interface HttpObservation {
  method: string;
  /** The route pattern (`/api/v1/cases/:id`), never the raw URL: one series per route. */
  route: string;
  statusCode: number;
  seconds: number;
}

export interface ShuzhiMetrics {
  readonly registry: client.Registry;
  observeRequest(observation: HttpObservation): void;
  observeJob(outcome: { job: string; ok: boolean; durationMs: number }): void;
  /** The exposition text (content type `registry.contentType`). */
  render(): Promise<string>;
}

export interface MetricsOptions {
  database: Database;
  modules: readonly { name: string; metrics?: readonly ModuleMetric[] }[];
  /** Node.js process figures (heap, CPU, event-loop delay, handles); off in tests that build many apps. */
  processMetrics?: boolean;
}

/** `2xx` … `5xx`: the status class keeps the label set small. */
export function statusClass(code: number): string {
  return `${Math.floor(code / 100)}xx`;
}

export function createMetrics(options: MetricsOptions): ShuzhiMetrics {
  const registry = new client.Registry();
  registry.setDefaultLabels({ backend: options.database.backend });
  if (options.processMetrics) client.collectDefaultMetrics({ register: registry, prefix: 'shuzhi_' });

  const requests = new client.Histogram({
    name: 'shuzhi_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status class, and their latency (rate: _count)',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });

  new client.Gauge({
    name: 'shuzhi_db_pool_connections',
    help: 'Database connections by state: total, idle, waiting (embedded: one connection, waiting = its queue)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const pool = options.database.pool();
      this.set({ state: 'total' }, pool.total);
      this.set({ state: 'idle' }, pool.idle);
      this.set({ state: 'waiting' }, pool.waiting);
    },
  });

  const jobRuns = new client.Counter({
    name: 'shuzhi_job_runs_total',
    help: 'Background job runs in this process by job and outcome (ok, failed)',
    labelNames: ['job', 'outcome'] as const,
    registers: [registry],
  });
  const jobDuration = new client.Histogram({
    name: 'shuzhi_job_duration_seconds',
    help: 'Duration of background job runs in this process',
    labelNames: ['job'] as const,
    buckets: JOB_BUCKETS,
    registers: [registry],
  });

  const readErrors = new client.Counter({
    name: 'shuzhi_metric_read_errors_total',
    help: 'Module figures that could not be read for a scrape (the figure is left out of that scrape)',
    labelNames: ['metric'] as const,
    registers: [registry],
  });
  for (const module of options.modules) {
    for (const metric of module.metrics ?? [])
      registerModuleMetric(registry, options.database.db, metric, () =>
        readErrors.inc({ metric: metric.name }),
      );
  }

  return {
    registry,
    observeRequest({ method, route, statusCode, seconds }) {
      requests.observe({ method, route, status_class: statusClass(statusCode) }, seconds);
    },
    observeJob({ job, ok, durationMs }) {
      jobRuns.inc({ job, outcome: ok ? 'ok' : 'failed' });
      jobDuration.observe({ job }, durationMs / 1000);
    },
    render: () => registry.metrics(),
  };
}

/** A module's gauge, read when scraped and reused for its cacheMs; a failed read is not cached. */
function registerModuleMetric(
  registry: client.Registry,
  db: Kysely<DB>,
  metric: ModuleMetric,
  failed: () => void,
): void {
  const cacheMs = metric.cacheMs ?? DEFAULT_MODULE_CACHE_MS;
  let last: {
    at: number;
    samples: readonly { labels?: Readonly<Record<string, string>>; value: number }[];
  } | null = null;
  new client.Gauge({
    name: metric.name,
    help: metric.help,
    labelNames: [...(metric.labelNames ?? [])],
    registers: [registry],
    async collect() {
      this.reset();
      if (!last || Date.now() - last.at >= cacheMs) {
        try {
          last = { at: Date.now(), samples: await metric.read(db) };
        } catch {
          // The database is the likely cause, and /readyz says so; one scrape goes without it.
          last = null;
          failed();
          // A labelled figure simply has no series in this scrape; a single value reads NaN, never
          // a plausible 0 ("nothing overdue").
          if ((metric.labelNames ?? []).length === 0) this.set(Number.NaN);
          return;
        }
      }
      for (const sample of last.samples) {
        if (sample.labels) this.set({ ...sample.labels }, sample.value);
        else this.set(sample.value);
      }
    },
  });
}
