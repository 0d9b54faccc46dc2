/**
 * Demo cases made the honest way: real reports and real workflow actions, run over simulated
 * weeks with an injected clock, so histories, deadlines, overdue tiers and counters are genuine.
 * Each case follows a path drawn from a seeded random plan (rejections, merges, checks, returns,
 * extensions, suspensions, reworks, reopenings, escalations); cases reported in the last days stop
 * part-way, so every status appears. Durations are drawn against the real working-time limits,
 * about one handling in seven late, in line with the on-time share of the 311 sample data.
 */
import { demoPersonName } from './names.js';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { hashPassword, loadActor, type Actor } from '../identity/index.js';
import {
  loadCaseRow,
  performAction,
  reportCase,
  sweepDeadlines,
  type ActionRequest,
  type CaseServiceDeps,
  type CaseAction,
} from '../cases/index.js';
import sharp from 'sharp';
import { prepareImage, storeImage } from '../files/index.js';
import type { RequestContext } from '../shared/context.js';
import { addWorkingTime, localDateOf, workingMinutesBetween, type IsoWeekday } from '../calendar/index.js';
import { drawReportSlot, localInstant } from './hours.js';

type Say = (message: string) => void;

/** Matter classes (GB/T 47678.5-2026) and their weight in a street's reports. */
const MATTERS: Array<[string, number]> = [
  ['06010', 14],
  ['06011', 6],
  ['06012', 8],
  ['06036', 9],
  ['06042', 6],
  ['06013', 4],
  ['06001', 3],
  ['06007', 3],
  ['06034', 3],
  ['06035', 3],
  ['06040', 2],
  ['07001', 9],
  ['07003', 2],
  ['08002', 3],
  ['08004', 2],
  ['08006', 2],
  ['09001', 6],
  ['09005', 7],
  ['09006', 6],
  ['09009', 5],
  ['09010', 6],
];

/** Seeded PRNG (mulberry32): the demo is the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SimulationOptions {
  cases: number;
  days: number;
  /** The simulated present; cases are spread over the `days` before it. */
  now?: Date;
  seed?: number;
  /** Stops between cases (shutdown); the cases made so far stay. */
  signal?: AbortSignal;
  /**
   * Awaited before every step, so that requests are served in between: the simulation runs in
   * the server's process and, on the embedded database, on its only connection. One turn of the
   * event loop by default; the server waits while requests are in flight.
   */
  yieldTo?: () => Promise<void>;
  /** Told the number of cases done before each case and at the end. */
  onProgress?: (done: number, total: number) => void;
}

/** One turn of the event loop: pending I/O (requests) runs before the next step. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface SimulationReport {
  cases: number;
  actions: number;
  byStatus: Record<string, number>;
}

interface Staff {
  operator: Actor;
  shiftLead: Actor;
  dispatcher: Actor;
  leader: Actor;
  inspectors: Map<string, Actor>;
  handlers: Map<number, Actor>;
}

async function actor(db: Kysely<DB>, username: string): Promise<Actor> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const found = await loadActor(db, user.id);
  if (!found) throw new Error(`The demo account ${username} is inactive`);
  return found;
}

/** One inspector per street and one handler per department, so every case has real hands. */
async function simulationStaff(db: Kysely<DB>, passwordHash: string): Promise<Staff> {
  const streets = await db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('level', '=', 'street')
    .orderBy('code')
    .execute();
  const departments = await db
    .selectFrom('departments')
    .select(['id', 'short_name', 'name'])
    .orderBy('id')
    .execute();
  const inspectors = new Map<string, Actor>();
  for (const street of streets) {
    const username = `inspector-${street.code.slice(6)}`;
    const existing = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    if (!existing) {
      const row = await db
        .insertInto('users')
        .values({
          username,
          display_name: demoPersonName(Number(street.code.slice(6))),
          password_hash: passwordHash,
          role: 'inspector',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('user_regions').values({ user_id: row.id, region_code: street.code }).execute();
    }
    inspectors.set(street.code, await actor(db, username));
  }
  const handlers = new Map<number, Actor>();
  for (const department of departments) {
    const username = `handler-${department.id}`;
    const existing = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    if (!existing) {
      await db
        .insertInto('users')
        .values({
          username,
          display_name: demoPersonName(100 + department.id),
          password_hash: passwordHash,
          role: 'handler',
          department_id: department.id,
        })
        .execute();
    }
    handlers.set(department.id, await actor(db, username));
  }
  return {
    operator: await actor(db, 'operator'),
    shiftLead: await actor(db, 'supervisor'),
    dispatcher: await actor(db, 'dispatcher'),
    leader: await actor(db, 'leader'),
    inspectors,
    handlers,
  };
}

export async function simulateDemoCases(
  db: Kysely<DB>,
  base: CaseServiceDeps,
  options: SimulationOptions,
  say: Say = () => {},
): Promise<SimulationReport> {
  const random = prng(options.seed ?? 20041001);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const end = options.now ?? new Date();
  const staff = await simulationStaff(db, await hashPassword(`demo-${Date.now()}`));
  const classes = await db
    .selectFrom('classifications')
    .select(['id', 'code'])
    .where('standard', '=', 'GB/T 47678.5-2026')
    .where('kind', '=', 'matter')
    .execute();
  const classByCode = new Map(classes.map((c) => [c.code, c.id]));
  const weighted = MATTERS.flatMap(([code, weight]) => Array<string>(weight).fill(code)).filter((c) =>
    classByCode.has(c),
  );
  const components = await sql<{ id: string; classification_id: number }>`
    select id::text as id, classification_id from components order by identifier`.execute(db);
  const grids = await sql<{ code: string; lng: number; lat: number }>`
    select code, ST_X(centroid) as lng, ST_Y(centroid) as lat from regions where level = 'grid' order by code`.execute(
    db,
  );

  let actions = 0;
  const pause = options.yieldTo ?? nextTurn;
  let done = 0;
  const progress = (n: number, total: number) => {
    options.onProgress?.(n, total);
    if (n > 0 && n % 100 === 0) say(`  演示数据生成中 ${n}/${total}`);
  };
  const ctxOf = (a: Actor): RequestContext => ({ actor: a, clientIp: null, requestId: 'demo-simulation' });
  // After-photos: a few small real JPEGs per handler (uploads are attachable by their uploader only).
  const photos = new Map<number, string[]>();
  const photoOf = async (who: Actor): Promise<string> => {
    let own = photos.get(who.id);
    if (!own) {
      own = [];
      for (const [r, g, b] of [
        [120, 160, 90],
        [150, 150, 160],
        [190, 170, 120],
      ] as const) {
        const bytes = await sharp({
          create: { width: 160, height: 120, channels: 3, background: { r, g: (g + who.id * 7) % 256, b } },
        })
          .jpeg()
          .toBuffer();
        const stored = await storeImage(db, ctxOf(who), {
          purpose: 'case_photo',
          originalName: 'after.jpg',
          prepared: await prepareImage(bytes),
        });
        own.push(stored.meta.id);
      }
      photos.set(who.id, own);
    }
    return pick(own);
  };
  const recentOpen = new Map<number, number[]>(); // class id → open case ids, for merges

  // Report slots in local time (the district's days, the reporters' hours), sorted.
  const calendar = await base.calendars.get(db);
  const firstDay = Date.parse(`${localDateOf(calendar, end)}T00:00:00Z`) - options.days * 86_400_000;
  const dateOf = (day: number) => new Date(firstDay + day * 86_400_000).toISOString().slice(0, 10);
  const weekdayOf = (day: number) =>
    (((new Date(firstDay + day * 86_400_000).getUTCDay() + 6) % 7) + 1) as IsoWeekday;
  const plans = Array.from({ length: options.cases }, () => {
    const source = chance(0.3) ? pick(['public', 'hotline'] as const) : ('inspector' as const);
    const slot = drawReportSlot(
      random,
      source === 'inspector' ? 'inspector' : 'citizen',
      options.days,
      weekdayOf,
    );
    return { source, reportedAt: localInstant(base.timeZone, dateOf(slot.day), slot.minute) };
  })
    .filter((p) => p.reportedAt.getTime() < end.getTime())
    .sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());

  /** Thrown when a recent case has used its step budget: it stays where it is, mid-loop. */
  class StopHere extends Error {}
  const recentFrom = end.getTime() - 5 * 86_400_000;

  for (const [index, { source, reportedAt }] of plans.entries()) {
    if (options.signal?.aborted) break;
    done = index;
    progress(index, plans.length);
    let clock = reportedAt.getTime();
    let budget = reportedAt.getTime() >= recentFrom ? 1 + Math.floor(random() * 14) : Infinity;
    const at = () => new Date(Math.min(clock, end.getTime()));
    const deps: CaseServiceDeps = { ...base, now: at };
    // Staff act in office hours: a step takes working minutes (工作时间) of the district's
    // calendar, so an evening report is taken up the next working morning.
    const advance = (minutes: number) => {
      clock = addWorkingTime(calendar, new Date(clock), {
        amount: minutes,
        unit: 'working_minutes',
      })!.getTime();
      return clock < end.getTime();
    };
    /** Natural time (a suspension's days), then on to the next working minute. */
    const wait = (minutes: number) => {
      clock += minutes * 60_000;
      return advance(1);
    };
    const act = async (
      who: Actor,
      id: number,
      action: CaseAction,
      body: Omit<ActionRequest, 'version'> = {},
    ) => {
      if (budget-- <= 0) throw new StopHere();
      await pause();
      const row = await loadCaseRow(db, id, false);
      await performAction(db, deps, ctxOf(who), id, action, { ...body, version: row!.version });
      actions += 1;
    };

    const useComponent = chance(0.25) && components.rows.length > 0;
    const component = useComponent ? pick(components.rows) : null;
    const grid = pick(grids.rows);
    const jitter = () => (random() - 0.5) * 0.0008;
    const classificationId = component ? component.classification_id : classByCode.get(pick(weighted))!;
    const streetCode = grid.code.slice(0, 9);
    const inspector = staff.inspectors.get(streetCode)!;
    const reporter = source === 'inspector' ? inspector : staff.operator;
    let id: number;
    await pause();
    try {
      id = await reportCase(db, deps, ctxOf(reporter), {
        source,
        classificationId,
        componentId: component?.id ?? null,
        location: component ? null : { lng: grid.lng + jitter(), lat: grid.lat + jitter() },
        description: component ? '部件异常，需维修' : '巡查发现问题，请处置',
        urgency: chance(0.1) ? 'urgent' : 'normal',
      });
      actions += 1;
    } catch {
      continue; // A component outside the inspector's street, or a point outside every grid.
    }
    const row = await loadCaseRow(db, id, false);
    const inspectorOfCase = staff.inspectors.get(row!.street_code) ?? inspector;

    try {
      if (source !== 'inspector') {
        if (!advance(5 + random() * 20)) continue;
        await act(staff.operator, id, 'send-check');
        if (!advance(10 + random() * 40)) continue;
        const found = chance(0.92);
        await act(inspectorOfCase, id, 'check', {
          checkResult: found ? 'confirmed' : 'not_found',
          note: found ? '现场确认属实' : '现场未发现',
        });
        if (!found) {
          if (!advance(10)) continue;
          await act(staff.shiftLead, id, 'reject', { reason: '核实不属实' });
          continue;
        }
      }
      if (source === 'inspector' && !component && chance(0.05)) {
        if (!advance(5 + random() * 20)) continue;
        await act(inspectorOfCase, id, 'self-handle', {
          note: '现场已自行处置',
          afterPhotoIds: [await photoOf(inspectorOfCase)],
        });
        if (!advance(10 + random() * 50)) continue;
        await act(staff.shiftLead, id, 'close');
        continue;
      }
      if (!advance(10 + random() * 50)) continue;
      const open = recentOpen.get(classificationId) ?? [];
      if (chance(0.05) && open.length > 0) {
        await act(staff.shiftLead, id, 'merge', { targetCaseId: open[open.length - 1]! });
        continue;
      }
      if (chance(0.06)) {
        await act(staff.shiftLead, id, 'reject', {
          reason: pick(['不属于城市管理范围', '属于物业管理区域', '信息不全无法立案']),
        });
        continue;
      }
      await act(staff.shiftLead, id, 'file');
      if (chance(0.02)) {
        if (!advance(30)) continue;
        await act(staff.shiftLead, id, 'cancel', { reason: '重复立案，作废' });
        continue;
      }
      open.push(id);
      recentOpen.set(classificationId, open.slice(-20));
      if (!advance(5 + random() * 30)) continue;
      await act(staff.dispatcher, id, 'dispatch');
      let current = await loadCaseRow(db, id, false);
      let handler = staff.handlers.get(current!.department_id!)!;
      if (chance(0.07)) {
        if (!advance(30 + random() * 120)) continue;
        await act(handler, id, 'return', { reason: '不属于本部门职责' });
        if (!advance(10 + random() * 40)) continue;
        await act(staff.dispatcher, id, 'approve', { reason: '同意，改派' });
        if (!advance(5 + random() * 20)) continue;
        const others = [...staff.handlers.keys()].filter((d) => d !== current!.department_id);
        await act(staff.dispatcher, id, 'dispatch', { departmentId: pick(others) });
        current = await loadCaseRow(db, id, false);
        handler = staff.handlers.get(current!.department_id!)!;
      }
      if (!advance(15 + random() * 90)) continue;
      await act(handler, id, 'accept');
      if (chance(0.04)) {
        if (!advance(60)) continue;
        await act(chance(0.5) ? staff.leader : staff.dispatcher, id, 'escalate', {
          note: '群众反映强烈，请加快处置',
        });
      }
      if (chance(0.08)) {
        if (!advance(60 + random() * 240)) continue;
        const due = (await loadCaseRow(db, id, false))!.handling_due_at ?? new Date(clock);
        await act(handler, id, 'request-extension', {
          reason: '需协调产权单位',
          requestedDueAt: new Date(Math.max(due.getTime(), clock) + 3 * 86_400_000).toISOString(),
        });
        if (!advance(20 + random() * 60)) continue;
        await act(staff.dispatcher, id, chance(0.8) ? 'approve' : 'deny', { reason: '已审核' });
      }
      if (chance(0.04)) {
        if (!advance(60 + random() * 240)) continue;
        await act(handler, id, 'request-suspension', { reason: '需等待施工条件' });
        if (!advance(20 + random() * 60)) continue;
        await act(staff.dispatcher, id, 'approve', { reason: '同意挂账' });
        if (!wait(1440 * (1 + random() * 4))) continue;
        await act(staff.dispatcher, id, 'resume');
      }
      // Handling takes a share of the limit: mostly on time, about one in seven late.
      const due = (await loadCaseRow(db, id, false))!.handling_due_at;
      const limitMinutes = due ? Math.max(60, workingMinutesBetween(calendar, new Date(clock), due)) : 480;
      if (!advance(limitMinutes * (chance(0.14) ? 1.1 + random() * 2.5 : 0.15 + random() * 0.8))) continue;
      await act(handler, id, 'handle', { note: '已处置完毕', afterPhotoIds: [await photoOf(handler)] });
      for (let round = 0; round < 3; round++) {
        if (!advance(10 + random() * 40)) break;
        await act(staff.operator, id, 'send-verify');
        if (!advance(20 + random() * 60)) break;
        if (round === 0 && chance(0.08)) {
          await act(inspectorOfCase, id, 'fail', { reason: '处置不到位，需返工' });
          if (!advance(120 + random() * 600)) break;
          await act(handler, id, 'handle', { note: '已返工处理', afterPhotoIds: [await photoOf(handler)] });
          continue;
        }
        await act(inspectorOfCase, id, 'pass', { note: '核查通过' });
        if (!advance(10 + random() * 40)) break;
        await act(staff.shiftLead, id, 'close');
        recentOpen.set(
          classificationId,
          (recentOpen.get(classificationId) ?? []).filter((x) => x !== id),
        );
        if (chance(0.02) && wait(1440)) await act(staff.shiftLead, id, 'reopen', { reason: '问题复现' });
        break;
      }
    } catch (error) {
      // A recent case out of steps, or a path the plan drew that the rules refuse (rare timing
      // edges): the case stays where it is.
      if (!(error instanceof Error)) throw error;
      if (error instanceof StopHere) continue;
    }
  }
  // Stopped (shutdown): the count says how far it got, not that it finished.
  if (!options.signal?.aborted) done = plans.length;
  progress(done, plans.length);
  await pause();
  await sweepDeadlines(db, { ...base, now: () => end });
  const statuses = await db
    .selectFrom('cases')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  return {
    cases: options.cases,
    actions,
    byStatus: Object.fromEntries(statuses.map((s) => [s.status, s.n])),
  };
}
