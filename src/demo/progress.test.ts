import Fastify from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { describe, expect, it } from 'vitest';
import { DemoProgress, yieldToRequests } from './progress.js';
import { demoRoutes } from './routes.js';

async function statusApp(progress: DemoProgress | null) {
  const app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
  await app.register(demoRoutes, { demoProgress: progress, prefix: '/api/v1' });
  return app;
}

describe('the demo status', () => {
  it('says the demo is being filled, n of total, until it finishes', async () => {
    const progress = new DemoProgress();
    const app = await statusApp(progress);
    progress.update(120, 2000);
    const running = await app.inject({ method: 'GET', url: '/api/v1/system/demo-status' });
    expect(running.statusCode).toBe(200);
    expect(running.json()).toEqual({ running: true, done: 120, total: 2000 });
    expect(running.headers['cache-control']).toBe('no-store');
    progress.update(2000, 2000);
    expect((await app.inject({ method: 'GET', url: '/api/v1/system/demo-status' })).json().running).toBe(
      false,
    );
  });

  it('says nothing is running on an instance without the demo, and after a stop part-way', async () => {
    expect((await (await statusApp(null)).inject({ url: '/api/v1/system/demo-status' })).json()).toEqual({
      running: false,
      done: 0,
      total: 0,
    });
    const progress = new DemoProgress();
    progress.update(53, 2000);
    progress.finish();
    expect(progress.status).toEqual({ running: false, done: 53, total: 2000 });
  });
});

describe('yielding to requests', () => {
  it('holds the next step while a request is in flight, and goes on once it is answered', async () => {
    let inFlight = 1;
    let stepped = false;
    const step = yieldToRequests(() => inFlight)().then(() => {
      stepped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stepped).toBe(false);
    inFlight = 0;
    await step;
    expect(stepped).toBe(true);
  });

  it('does not wait for ever on a count that never drops', async () => {
    const started = Date.now();
    await yieldToRequests(() => 1)();
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
