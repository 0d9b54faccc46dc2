import type { Kysely } from 'kysely';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DB } from '../db/schema.js';
import { startJobs, type Job, type JobLog } from './runner.js';

// The scheduler never touches the database itself; it only hands it to the jobs.
const db = {} as Kysely<DB>;

function recordingLog() {
  const errors: Array<{ details: object; message: string }> = [];
  const log: JobLog = {
    error: (details, message) => errors.push({ details, message }),
    debug: () => undefined,
  };
  return { log, errors };
}

/** A job whose runs take `durationMs` of (fake) time, counting runs and overlaps. */
function slowJob(name: string, intervalMs: number, durationMs: number) {
  const stats = { runs: 0, running: 0, maxRunning: 0, finished: 0 };
  const job: Job = {
    name,
    intervalMs,
    async run() {
      stats.runs += 1;
      stats.running += 1;
      stats.maxRunning = Math.max(stats.maxRunning, stats.running);
      await new Promise((resolve) => setTimeout(resolve, durationMs));
      stats.running -= 1;
      stats.finished += 1;
    },
  };
  return { job, stats };
}

describe('startJobs', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs each job every interval, counted from the end of the previous run', async () => {
    const fast = slowJob('fast', 100, 0);
    const slow = slowJob('slow', 1_000, 0);
    const jobs = startJobs(db, [fast.job, slow.job], recordingLog());
    await vi.advanceTimersByTimeAsync(1_050);
    expect(fast.stats.runs).toBe(10);
    expect(slow.stats.runs).toBe(1);
    await jobs.stop();
  });

  it('never overlaps a job with itself, even when a run takes longer than the interval', async () => {
    const { job, stats } = slowJob('long', 10, 500);
    const jobs = startJobs(db, [job], recordingLog());
    await vi.advanceTimersByTimeAsync(2_000);
    expect(stats.runs).toBe(4); // (10 ms wait + 500 ms run) × 4 = 2,040 ms: the fourth is running
    expect(stats.maxRunning).toBe(1);
    const stopping = jobs.stop();
    await vi.advanceTimersByTimeAsync(40);
    await stopping;
  });

  it('logs a failing run and keeps the schedule going', async () => {
    let calls = 0;
    const { log, errors } = recordingLog();
    const jobs = startJobs(
      db,
      [
        {
          name: 'flaky',
          intervalMs: 100,
          async run() {
            calls += 1;
            if (calls === 1) throw new Error('database went away');
          },
        },
      ],
      { log },
    );
    await vi.advanceTimersByTimeAsync(350);
    expect(calls).toBe(3);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ message: 'background job failed', details: { job: 'flaky' } });
    await jobs.stop();
  });

  it('stops cleanly: waits for the run in progress and starts no other', async () => {
    const { job, stats } = slowJob('sweep', 100, 1_000);
    const jobs = startJobs(db, [job], recordingLog());
    await vi.advanceTimersByTimeAsync(150); // a run started at 100 ms and lasts until 1,100 ms
    expect(stats.running).toBe(1);
    let stopped = false;
    const stopping = jobs.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(500);
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(500);
    await stopping;
    expect(stats.finished).toBe(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(stats.runs).toBe(1);
    await expect(jobs.runOnce('sweep')).rejects.toThrow(/stopped/);
  });

  it('runOnce runs a job now, after the run in progress, and reports its failure', async () => {
    const { job, stats } = slowJob('fan-out', 60_000, 100);
    const failing: Job = {
      name: 'broken',
      intervalMs: 60_000,
      async run() {
        throw new Error('boom');
      },
    };
    const { log, errors } = recordingLog();
    const jobs = startJobs(db, [job, failing], { log });
    const first = jobs.runOnce('fan-out');
    const second = jobs.runOnce('fan-out');
    await vi.advanceTimersByTimeAsync(100);
    await first;
    expect(stats).toMatchObject({ runs: 2, finished: 1, maxRunning: 1 });
    await vi.advanceTimersByTimeAsync(100);
    await second;
    expect(stats.finished).toBe(2);
    await expect(jobs.runOnce('broken')).rejects.toThrow('boom');
    expect(errors).toHaveLength(0); // the caller got the error; the schedule logs its own failures
    await expect(jobs.runOnce('unknown')).rejects.toThrow(/No background job named unknown/);
    await jobs.stop();
  });

  it('logs through a pino (Fastify) logger', () => {
    const log: JobLog = pino({ level: 'silent' });
    const jobs = startJobs(db, [], { log });
    return jobs.stop();
  });

  it('refuses two jobs of one name and a non-positive interval', () => {
    const a = slowJob('same', 10, 0).job;
    expect(() => startJobs(db, [a, a], recordingLog())).toThrow(/Two background jobs are named same/);
    expect(() => startJobs(db, [{ ...a, intervalMs: 0 }], recordingLog())).toThrow(/positive intervalMs/);
  });
});
