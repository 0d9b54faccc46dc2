/**
 * Read latencies at scale: a month of every indicator for every department and every street
 * (the evaluation service, as the dashboard and the API call it), and the filtered keyset-paged
 * case list (src/cases/queries.ts listCases) several pages deep with typical filters.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/db/schema.js';
import { listCases, type CaseFilter } from '../src/cases/queries.js';
import { evaluate } from '../src/evaluation/service.js';
import { loadActor } from '../src/identity/sessions.js';
import type { RequestContext } from '../src/shared/context.js';
import { systemContext } from '../src/shared/context.js';
import { percentile } from './intake.js';

export interface Timing {
  samples: number;
  p50: number;
  p95: number;
  max: number;
}

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? NaN,
  };
}

/** The last whole calendar month (Beijing time) before `end`. */
export function lastMonth(end: Date): { from: Date; to: Date } {
  const local = new Date(end.getTime() + 8 * 3_600_000);
  const to = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - 8 * 3_600_000);
  const toLocal = new Date(to.getTime() + 8 * 3_600_000);
  const from = new Date(Date.UTC(toLocal.getUTCFullYear(), toLocal.getUTCMonth() - 1, 1) - 8 * 3_600_000);
  return { from, to };
}

/**
 * Every indicator of every department and every street for one month: both evaluations, as one
 * dashboard load. `runs` repetitions after one warm-up; a run slower than `giveUpMs` ends the
 * repetitions (the figure is then the measured one, not a median).
 */
export async function measureIndicators(
  db: Kysely<DB>,
  period: { from: Date; to: Date },
  runs: number,
  giveUpMs = 60_000,
): Promise<Timing & { departments: number; streets: number }> {
  const once = async () => {
    const started = performance.now();
    const [departments, streets] = [
      await evaluate(db, { object: 'department', ...period }),
      await evaluate(db, { object: 'street', ...period }),
    ];
    return {
      ms: performance.now() - started,
      departments: departments.rows.length,
      streets: streets.rows.length,
    };
  };
  const warm = await once();
  const samples = [warm.ms];
  if (warm.ms < giveUpMs) {
    samples.length = 0;
    for (let i = 0; i < runs; i++) samples.push((await once()).ms);
  }
  return { ...timing(samples), departments: warm.departments, streets: warm.streets };
}

export interface ListScenario {
  name: string;
  ctx: RequestContext;
  filter: CaseFilter;
}

/** Typical list screens: open work, a street's open work, a class in a month, a department's work. */
export async function listScenarios(
  db: Kysely<DB>,
  period: { from: Date; to: Date },
): Promise<ListScenario[]> {
  const admin = systemContext('bench');
  const busiest = await sql<{ street: string; class_id: number; department_id: number }>`
    select (select street_code from cases group by 1 order by count(*) desc limit 1) as street,
           (select classification_id from cases group by 1 order by count(*) desc limit 1) as class_id,
           (select department_id from cases where department_id is not null group by 1 order by count(*) desc limit 1) as department_id`.execute(
    db,
  );
  const { street, class_id: classId, department_id: departmentId } = busiest.rows[0]!;
  const inspectorUser = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'inspector')
    .executeTakeFirstOrThrow();
  const inspector = await loadActor(db, inspectorUser.id);
  const open = [
    'reported',
    'check_pending',
    'filed',
    'dispatched',
    'in_progress',
    'handled',
    'verify_pending',
    'verified',
  ];
  const scenarios: ListScenario[] = [
    { name: 'open cases (status)', ctx: admin, filter: { status: open } },
    {
      name: 'closed in a street (status + region)',
      ctx: admin,
      filter: { status: ['closed'], regionCode: street },
    },
    {
      name: 'a class in a month (class + period)',
      ctx: admin,
      filter: { classificationId: Number(classId), from: period.from, to: period.to },
    },
    {
      name: 'a department’s cases in progress (status + department)',
      ctx: admin,
      filter: { status: ['in_progress'], departmentId: Number(departmentId) },
    },
    {
      name: 'closed, class, street, month (all four)',
      ctx: admin,
      filter: {
        status: ['closed'],
        regionCode: street,
        classificationId: Number(classId),
        from: period.from,
        to: period.to,
      },
    },
  ];
  if (inspector)
    scenarios.push({
      name: 'an inspector’s street, everything (jurisdiction)',
      ctx: { actor: inspector, clientIp: null, requestId: 'bench' },
      filter: {},
    });
  return scenarios;
}

/** Each scenario paged `pages` deep (50 a page), `rounds` times; latency of every page. */
export async function measureList(
  db: Kysely<DB>,
  scenarios: ListScenario[],
  pages: number,
  rounds: number,
): Promise<{ all: Timing; byScenario: Array<{ name: string } & Timing> }> {
  const all: number[] = [];
  const byScenario: Array<{ name: string } & Timing> = [];
  for (const scenario of scenarios) {
    const own: number[] = [];
    for (let round = 0; round < rounds; round++) {
      let cursor: string | undefined;
      for (let page = 0; page < pages; page++) {
        const started = performance.now();
        const result = await listCases(db, scenario.ctx, {
          ...scenario.filter,
          ...(cursor ? { cursor } : {}),
          limit: 50,
        });
        const ms = performance.now() - started;
        if (round > 0) own.push(ms); // round 0 warms the cache
        cursor = result.nextCursor ?? undefined;
        if (!cursor) break;
      }
    }
    all.push(...own);
    byScenario.push({ name: scenario.name, ...timing(own) });
  }
  return { all: timing(all), byScenario };
}
