/**
 * How much the demo case simulation slows requests down on the embedded database: the latency of
 * an authenticated GET /api/v1/cases?limit=20, due every 250 ms, while the simulation runs in
 * the same process (as `npm start` runs it after listening). Usage:
 *   npx tsx bench/demo-latency.ts [cases=300] [seed-dir=/tmp/shuzhi-demo-seed]
 * The seeded district (about a minute) is kept in seed-dir and copied for every run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbedded } from '../src/db/index.js';
import { DEMO_PASSWORD } from '../src/demo/departments.js';
import { ensureDemo } from '../src/demo/seed.js';
import { simulateDemoCases } from '../src/demo/simulation.js';
import { yieldToRequests } from '../src/demo/progress.js';
import { prepareDatabase } from '../src/server.js';
import { benchApp } from './app.js';

const cases = Number(process.argv[2] ?? 300);
const seedDir = process.argv[3] ?? path.join(os.tmpdir(), 'shuzhi-demo-seed');
const quiet = () => {};

if (!fs.existsSync(path.join(seedDir, 'PG_VERSION'))) {
  const seeding = await openEmbedded({ dataDir: seedDir });
  await prepareDatabase(seeding, quiet);
  await ensureDemo(seeding, (m) => console.log(m));
  await seeding.close();
}
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shuzhi-demo-run-'));
fs.cpSync(seedDir, runDir, { recursive: true });
const database = await openEmbedded({ dataDir: runDir });
const app = await benchApp(database);
await app.ready();
const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { username: 'supervisor', password: DEMO_PASSWORD },
});
const token = login.json<{ token: string }>().token;

// Latency as a client sees it: from the moment the request is due (250 ms after the previous
// answer) to its answer, so time the event loop was too busy to even start it counts too.
const latencies: number[] = [];
let running = true;
const probe = (async () => {
  while (running) {
    const due = performance.now() + 250;
    await new Promise((resolve) => setTimeout(resolve, 250));
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/cases?limit=20',
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.statusCode !== 200) throw new Error(`GET /cases: ${response.statusCode} ${response.body}`);
    latencies.push(performance.now() - due);
  }
})();
const started = performance.now();
// As the server runs it (src/server.ts): stepping aside while requests are in flight.
const report = await simulateDemoCases(database.db, app.caseDeps, {
  cases,
  days: 56,
  yieldTo: yieldToRequests(app.requestsInFlight),
});
const seconds = (performance.now() - started) / 1000;
running = false;
await probe;
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
console.log(
  JSON.stringify({
    cases,
    actions: report.actions,
    simulationSeconds: Math.round(seconds),
    requests: latencies.length,
    p50ms: Math.round(at(0.5)),
    p95ms: Math.round(at(0.95)),
    maxMs: Math.round(latencies.at(-1) ?? 0),
  }),
);
await app.close();
await database.close();
fs.rmSync(runDir, { recursive: true, force: true });
