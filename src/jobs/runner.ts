/**
 * 后台任务 — the in-process scheduler of background work (outbox fan-out, webhook delivery,
 * deadline sweeps). Every process runs every job; jobs make that safe themselves, with
 * `FOR UPDATE SKIP LOCKED` claims or `withJobLock` (design: "background work runs in-process,
 * made safe for several processes with advisory locks / SKIP LOCKED").
 *
 * A job never overlaps with itself in one process: the next run is scheduled `intervalMs` after
 * the previous one ended, and `runOnce` waits for a run in progress. A failing run is logged and
 * the schedule goes on; `stop()` cancels the timers and waits for the runs in progress.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export interface Job {
  /** Stable name, used in logs and as the advisory-lock key of singleton jobs. */
  name: string;
  /** Pause between the end of one run and the start of the next. */
  intervalMs: number;
  run(db: Kysely<DB>): Promise<unknown>;
}

/** What the runner logs through; a pino/Fastify logger fits. */
export interface JobLog {
  error(details: object, message: string): void;
  debug(details: object, message: string): void;
}

export interface RunningJobs {
  /** Cancels the schedule and resolves when every run in progress has ended. */
  stop(): Promise<void>;
  /**
   * Runs one job now (after its run in progress, if any) and resolves when it ends; rejects with
   * the job's error, or when the name is unknown or the runner is stopped.
   */
  runOnce(name: string): Promise<void>;
}

interface Slot {
  job: Job;
  timer: NodeJS.Timeout | undefined;
  /** The run in progress (or the last one), chained so runs of one job never overlap. */
  current: Promise<void>;
}

export function startJobs(db: Kysely<DB>, jobs: readonly Job[], options: { log: JobLog }): RunningJobs {
  const { log } = options;
  const names = new Set<string>();
  for (const job of jobs) {
    if (names.has(job.name)) throw new Error(`Two background jobs are named ${job.name}`);
    if (!Number.isFinite(job.intervalMs) || job.intervalMs < 1) {
      throw new Error(`Background job ${job.name} needs a positive intervalMs`);
    }
    names.add(job.name);
  }
  let stopped = false;
  const slots = new Map<string, Slot>(
    jobs.map((job) => [job.name, { job, timer: undefined, current: Promise.resolve() }]),
  );

  /** Chains one run after the previous; the returned promise settles with this run's outcome. */
  function enqueueRun(slot: Slot): Promise<void> {
    const run = slot.current.then(async () => {
      const started = Date.now();
      await slot.job.run(db);
      log.debug({ job: slot.job.name, durationMs: Date.now() - started }, 'background job ran');
    });
    // The chain itself never rejects, so a failed run does not poison the next one.
    slot.current = run.catch(() => undefined);
    return run;
  }

  function schedule(slot: Slot): void {
    if (stopped) return;
    slot.timer = setTimeout(() => {
      slot.timer = undefined;
      enqueueRun(slot)
        .catch((error: unknown) => log.error({ job: slot.job.name, err: error }, 'background job failed'))
        .finally(() => schedule(slot));
    }, slot.job.intervalMs);
    // Background work alone never keeps the process alive; the HTTP server does.
    slot.timer.unref();
  }

  for (const slot of slots.values()) schedule(slot);

  return {
    async stop() {
      stopped = true;
      for (const slot of slots.values()) {
        if (slot.timer) clearTimeout(slot.timer);
        slot.timer = undefined;
      }
      await Promise.all([...slots.values()].map((slot) => slot.current));
    },
    runOnce(name) {
      const slot = slots.get(name);
      if (!slot) return Promise.reject(new Error(`No background job named ${name}`));
      if (stopped) return Promise.reject(new Error('The background jobs are stopped'));
      return enqueueRun(slot);
    },
  };
}
