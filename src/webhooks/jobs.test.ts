import { describe, expect, it } from 'vitest';
import { useTestServices } from '../../test/helpers/services.js';
import { startJobs, type JobLog } from '../jobs/index.js';
import { systemContext } from '../shared/context.js';
import { DELIVERY_JOB, FAN_OUT_JOB, RETENTION_JOB, messagingJobs } from './jobs.js';
import { verifySignature } from './rules.js';
import { createSubscription } from './subscriptions.js';
import { caseEvent, publish, startReceiver } from '../../test/helpers/webhooks.js';

const t = useTestServices();
const quiet: JobLog = { error: () => undefined, debug: () => undefined };

describe('messagingJobs', () => {
  it('lists fan-out every second, delivery every two seconds and hourly retention', () => {
    const jobs = messagingJobs(t().database.db);
    expect(jobs.map((job) => [job.name, job.intervalMs])).toEqual([
      [FAN_OUT_JOB, 1_000],
      [DELIVERY_JOB, 2_000],
      [RETENTION_JOB, 3_600_000],
    ]);
  });

  it('takes an event committed by a use case all the way to a receiver', async () => {
    const receiver = await startReceiver(200);
    const db = t().database.db;
    const running = startJobs(db, messagingJobs(db), { log: quiet });
    try {
      const sub = await createSubscription(db, systemContext(), {
        name: 'e2e',
        url: receiver.url,
        topics: ['case.*'],
      });
      await publish(db, caseEvent('case.dispatched', 'E-1', { departmentId: 1 }));
      await running.runOnce(FAN_OUT_JOB);
      await running.runOnce(DELIVERY_JOB);
      await running.runOnce(RETENTION_JOB);
      expect(receiver.requests).toHaveLength(1);
      const [request] = receiver.requests;
      const ok = verifySignature(
        sub.secret,
        {
          timestamp: request!.headers['x-shuzhi-timestamp'] as string,
          signature: request!.headers['x-shuzhi-signature'] as string,
        },
        request!.body,
        Math.floor(Date.now() / 1000),
      );
      expect(ok).toBe(true);
    } finally {
      await running.stop();
      await receiver.close();
    }
  });
});
