/**
 * Report intake over HTTP — the real POST /api/v1/cases (validate, locate, route, number, persist
 * the case with its event, filing clock, audit row, outbox message and notifications, then answer
 * with the case's detail) through a real listening server in its own process, driven by
 * concurrent keep-alive clients — against the rate of the same SQL writes run by pgbench.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/db/schema.js';
import { createApiToken, loadActor } from '../src/identity/sessions.js';

export interface ServerProcess {
  port: number;
  pid: number;
  /** Current and peak resident set size in MB, from /proc. */
  rss(): { current: number; peak: number };
  /** CPU time the server process has used so far (user + system), in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

function procStatus(pid: number, key: string): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function procCpuMs(pid: number): number {
  try {
    // Fields after the command name: state is field 3; utime and stime are fields 14 and 15.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** Starts bench/server.ts in a child process and waits for its port. */
export async function startServerProcess(args: string[]): Promise<ServerProcess> {
  const entry = path.join(import.meta.dirname, 'server.ts');
  // BENCH_SERVER_FLAGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const flags = (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...flags, '--import', 'tsx', entry, ...args], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const pid = child.pid!;
  return {
    port,
    pid,
    rss: () => ({ current: procStatus(pid, 'VmRSS'), peak: procStatus(pid, 'VmHWM') }),
    cpuMs: () => procCpuMs(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A bearer token of the demo operator (受理员, jurisdiction: the district). */
export async function operatorToken(db: Kysely<DB>): Promise<{ token: string; userId: number }> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'operator')
    .executeTakeFirstOrThrow();
  const actor = await loadActor(db, user.id);
  if (!actor) throw new Error('the demo operator is inactive');
  const created = await createApiToken(
    db,
    { actor, clientIp: null, requestId: 'bench' },
    { name: 'bench intake' },
  );
  return { token: created.token, userId: user.id };
}

export interface IntakeBody {
  source: 'hotline';
  classificationId: number;
  location: { lng: number; lat: number };
  description: string;
}

/** Report bodies at random points of random grids, with the generator's class mix. */
export async function intakeBodies(db: Kysely<DB>, count: number): Promise<IntakeBody[]> {
  // A random point inside a random grid (ST_GeneratePoints), so every report locates.
  const rows = await sql<{ lng: number; lat: number; class_id: number }>`
    select ST_X(p) as lng, ST_Y(p) as lat, class_id from (
      select ST_GeometryN(ST_GeneratePoints(g.geom, 1, s.i), 1) as p,
             (select id from bench_classes c where c.lo <= random() and s.i > 0 order by c.lo desc limit 1) as class_id
      from generate_series(1, ${count}) s(i)
      cross join lateral (select geom from regions where level = 'grid' and s.i > 0
                          order by random() limit 1) g) x`.execute(db);
  return rows.rows.map((r) => ({
    source: 'hotline',
    classificationId: Number(r.class_id),
    location: { lng: Number(r.lng), lat: Number(r.lat) },
    description: '路面破损，影响通行（基准测试上报）',
  }));
}

export interface LoadResult {
  requests: number;
  failures: number;
  /** The first answer that was not 201, for the report. */
  firstFailure: string | null;
  statuses: Record<string, number>;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** After `warmup` sequential reports, `connections` keep-alive clients each post back to back for `seconds`. */
export async function loadIntake(
  port: number,
  token: string,
  bodies: IntakeBody[],
  connections: number,
  seconds: number,
  warmup = 20,
  onStart: () => void = () => {},
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  let firstFailure: string | null = null;
  const post = (body: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/cases',
          agent,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  // Warm-up, not measured: the first requests compile schemas, queries and the JIT.
  for (let i = 0; i < warmup; i++) await post(JSON.stringify(bodies[next++ % bodies.length]));
  onStart();
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  const client = async () => {
    while (performance.now() < deadline) {
      const body = JSON.stringify(bodies[next++ % bodies.length]);
      const t = performance.now();
      const { status, text } = await post(body);
      latencies.push(performance.now() - t);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status !== 201 && firstFailure === null)
        firstFailure = `${status} ${text.slice(0, 500)} for ${body}`;
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const ok = statuses['201'] ?? 0;
  return {
    requests: latencies.length,
    failures: latencies.length - ok,
    firstFailure,
    statuses,
    seconds: elapsed,
    perSecond: ok / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

/**
 * The writes of one intake as a pgbench script, in the order src/cases/service.ts reportCase
 * issues them, with its values: the case under a provisional number, its filing clock, its
 * history event, the evaluation rollup rows (case, actor and hour rollups at grid, community and
 * street level), then the hot part — the day's number counter, the number, the audit row, the
 * outbox message and the operators' notifications — in one transaction.
 */
export function pgbenchScript(userId: number): string {
  const day = `(now() at time zone 'Asia/Shanghai')::date`;
  const hour = `extract(hour from now() at time zone 'Asia/Shanghai')::int`;
  const levels = `lateral (values ('grid', g.code), ('community', g.community_code), ('street', g.street_code)) as l(level, code)`;
  return `\\set g random(1, :ngrids)
\\set c random(1, :nclasses)
BEGIN;
insert into cases (number, source, kind, classification_id, filing_condition, location, grid_code, community_code, street_code, district_code, address, description, urgency, status, stage, suggested_department_id, routing_explanation, reported_by_user_id, reported_at, created_at, updated_at)
  select '~' || gen_random_uuid(), 'hotline', c.kind, c.id, 'default', ST_SetSRID(ST_MakePoint(g.lng, g.lat), 4326), g.code, g.community_code, g.street_code, '110101', null, '路面破损，影响通行（基准测试上报）', 'normal', 'reported', 'collection', r.department_id, '按职责清单：城管委', ${userId}, now(), now(), now()
  from bench_grids g cross join bench_classes c left join bench_routes r on r.i = c.i and r.street_code = g.street_code
  where g.i = :g and c.i = :c returning id, classification_id as class_id \\gset
insert into case_clocks (case_id, clock, round, started_at, limit_amount, limit_unit, due_at, pauses) values (:id, 'filing', 1, now(), 60, 'working_minutes', now() + interval '60 minutes', '[]');
insert into case_events (case_id, at, actor_id, actor_name, actor_role, action, from_status, to_status, note, attachments, changes, effects) values (:id, now(), ${userId}, 'operator', 'supervisor', 'report', null, 'reported', '路面破损，影响通行（基准测试上报）', '[]', '{"source":{"before":null,"after":"hotline"}}', '[{"kind":"clock","clock":"filing","op":"start"}]');
insert into eval_case_rollups (level, region_code, day, class_id, department_id, reported)
  select l.level, l.code, ${day}, :class_id, 0, 1 from bench_grids g cross join ${levels} where g.i = :g order by 1, 2
  on conflict (level, day, region_code, class_id, department_id) do update set reported = eval_case_rollups.reported + excluded.reported;
insert into eval_actor_rollups (actor_id, day, reports) values (${userId}, ${day}, 1)
  on conflict (day, actor_id) do update set reports = eval_actor_rollups.reports + excluded.reports;
insert into eval_hour_rollups (level, region_code, day, hour, class_id, department_id, reported)
  select l.level, l.code, ${day}, ${hour}, :class_id, 0, 1 from bench_grids g cross join ${levels} where g.i = :g order by 1, 2
  on conflict (level, day, region_code, hour, class_id, department_id) do update set reported = eval_hour_rollups.reported + excluded.reported;
insert into case_number_counters (district_code, day, last) values ('110101', ${day}, 1)
  on conflict (district_code, day) do update set last = case_number_counters.last + 1 returning last \\gset
update cases set number = '110101' || to_char(now() at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad(:last::text, 5, '0') where id = :id;
insert into audit_log (actor_id, actor_name, action, target_type, target_id, client_ip, request_id, detail) values (${userId}, 'operator', 'case.report', 'case', :id, '127.0.0.1', 'pgbench', jsonb_build_object('number', :last));
insert into outbox (topic, aggregate_type, aggregate_id, payload) values ('case.reported', 'case', :id, jsonb_build_object('caseId', :id, 'action', 'report', 'status', 'reported', 'stage', 'collection', 'at', now()));
insert into notifications (user_id, kind, title, body, case_id, link)
  select u.id, 'task_new', '新上报待受理：' || :id, '路面破损，影响通行（基准测试上报）', :id, '/cases/' || :id from users u
  where u.active and u.role = 'supervisor' and exists (select 1 from user_regions ur where ur.user_id = u.id and starts_with('110101', ur.region_code));
END;
`;
}

export interface PgbenchResult {
  tps: number;
  latencyMs: number;
  transactions: number;
}

/** Runs the intake writes through pgbench against `url` (a PostgreSQL connection string). */
export function runPgbench(
  url: string,
  userId: number,
  counts: { grids: number; classes: number },
  clients: number,
  seconds: number,
): PgbenchResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shuzhi-pgbench-'));
  const script = path.join(dir, 'intake.sql');
  fs.writeFileSync(script, pgbenchScript(userId));
  const result = spawnSync(
    'pgbench',
    [
      '-n',
      '-f',
      script,
      '-c',
      String(clients),
      '-j',
      String(Math.min(clients, 2)),
      '-T',
      String(seconds),
      '-D',
      `ngrids=${counts.grids}`,
      '-D',
      `nclasses=${counts.classes}`,
      url,
    ],
    { encoding: 'utf8' },
  );
  fs.rmSync(dir, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`pgbench failed: ${result.stderr || result.stdout}`);
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(result.stdout);
  const latency = /latency average = ([\d.]+) ms/.exec(result.stdout);
  const processed = /number of transactions actually processed: (\d+)/.exec(result.stdout);
  if (!tps) throw new Error(`pgbench printed no rate:\n${result.stdout}\n${result.stderr}`);
  return {
    tps: Number(tps[1]),
    latencyMs: latency ? Number(latency[1]) : NaN,
    transactions: processed ? Number(processed[1]) : 0,
  };
}
