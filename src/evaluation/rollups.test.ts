/**
 * The rollups kept as cases move equal a full recomputation from the history, after random
 * sequences of reports, workflow actions (by whoever may take them, in simulated time across
 * days and deadlines) and deadline sweeps — and after a rebuild.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { castFor, photoOf, type CaseCast } from '../../test/helpers/cases.js';
import { gridCentre } from '../../test/helpers/geography.js';
import { useTestServices, type TestStaff } from '../../test/helpers/services.js';
import { loadCaseRow } from '../cases/repo.js';
import { allowedActionsFor, performAction, reportCase, type ActionRequest } from '../cases/service.js';
import { sweepDeadlines } from '../cases/sweep.js';
import type { CaseAction } from '../cases/workflow/index.js';
import { addRollupsOfCases, rebuildRollups, recomputeAll, storedRollups } from './rollups.js';

const t = useTestServices();
let cast: CaseCast<TestStaff>;
const photos = new Map<number, string>();
const TZ = 'Asia/Shanghai';

type Command =
  | { kind: 'report'; byInspector: boolean; street: 1 | 2; community: 1 | 2; grid: 1 | 2; cover: boolean }
  | { kind: 'act'; pick: number; caseIndex: number }
  | { kind: 'sweep' };

const command: fc.Arbitrary<{ command: Command; minutes: number }> = fc.record({
  command: fc.oneof(
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('report' as const),
        byInspector: fc.boolean(),
        street: fc.constantFrom(1 as const, 2 as const),
        community: fc.constantFrom(1 as const, 2 as const),
        grid: fc.constantFrom(1 as const, 2 as const),
        cover: fc.boolean(),
      }),
    },
    {
      weight: 8,
      arbitrary: fc.record({ kind: fc.constant('act' as const), pick: fc.nat(), caseIndex: fc.nat() }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('sweep' as const) }) },
  ),
  // From a minute to four days between steps: deadlines are met and missed, days roll over.
  minutes: fc.oneof(fc.integer({ min: 1, max: 90 }), fc.integer({ min: 60, max: 5760 })),
});

const ENDINGS: ReadonlySet<CaseAction> = new Set(['cancel', 'reject', 'escalate', 'merge']);

/** Simulated time, moving forward across the whole test file. */
let clock = new Date('2026-03-02T08:30:00+08:00').getTime();

async function run(commands: Array<{ command: Command; minutes: number }>): Promise<void> {
  const db = t().database.db;
  const people = [
    cast.inspector,
    cast.operator,
    cast.shiftLead,
    cast.dispatcher,
    cast.handler,
    cast.otherHandler,
    cast.leader,
  ];
  const contexts = people.map((person) => person.ctx);
  const cases: number[] = [];
  for (const { command: c, minutes } of commands) {
    clock += minutes * 60_000;
    const at = new Date(clock);
    const deps = t().at(at);
    if (c.kind === 'sweep') {
      await sweepDeadlines(db, deps);
      continue;
    }
    if (c.kind === 'report') {
      const reporter = c.byInspector ? contexts[0]! : contexts[1]!;
      cases.push(
        await reportCase(db, deps, reporter, {
          source: c.byInspector ? 'inspector' : 'hotline',
          classificationId: c.cover ? cast.coverClassId : cast.garbageClassId,
          // The inspector works in street 1 only; the operator in the whole district.
          location: gridCentre(c.byInspector ? 1 : c.street, c.community, c.grid),
          description: '随机序列',
        }),
      );
      continue;
    }
    if (cases.length === 0) continue;
    // Mostly the newest case, else one of the two before it, so histories grow long.
    const back = c.caseIndex % 4 === 0 ? 1 + (c.caseIndex % 2) : 0;
    const id = cases[Math.max(0, cases.length - 1 - back)]!;
    const row = (await loadCaseRow(db, id, false))!;
    const options: Array<{ who: number; action: CaseAction }> = [];
    contexts.forEach((ctx, who) => {
      for (const action of allowedActionsFor(deps, ctx, row))
        if (action !== 'merge') options.push({ who, action });
    });
    // Mostly move the case on (three times in four along the main path: the first onward action); now and
    // then void, reject or escalate it.
    const onward = options.filter((o) => !ENDINGS.has(o.action));
    const pool = c.pick % 8 === 0 || onward.length === 0 ? options : onward;
    if (pool.length === 0) continue;
    const { who, action } = pool[c.pick % 4 !== 0 ? 0 : Math.floor(c.pick / 8) % pool.length]!;
    const person = people[who]!;

    const request: ActionRequest = { version: row.version, reason: '理由', note: '说明' };
    if (action === 'handle' || action === 'self-handle') request.afterPhotoIds = [photos.get(person.id)!];
    if (action === 'dispatch')
      request.departmentId = c.pick % 2 === 0 ? cast.departmentId : cast.otherDepartmentId;
    if (action === 'check') request.checkResult = c.pick % 3 === 0 ? 'not_found' : 'confirmed';
    if (action === 'request-extension')
      request.requestedDueAt = new Date(clock + 10 * 86_400_000).toISOString();
    await performAction(db, deps, contexts[who]!, id, action, request);
  }
}

beforeAll(async () => {
  cast = await castFor(t());
  for (const user of [cast.inspector, cast.handler, cast.otherHandler])
    photos.set(user.id, await photoOf(t(), user));
});

describe('rollups', () => {
  it('equal a recomputation from the history after random action sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 20, maxLength: 70 }), async (commands) => {
        await run(commands);
        const db = t().database.db;
        expect(Object.fromEntries(await storedRollups(db))).toEqual(
          Object.fromEntries(await recomputeAll(db, TZ)),
        );
      }),
      // Seeded so that every run covers the loop as the next test checks; FC_SEED explores others.
      { numRuns: 6, seed: Number(process.env.FC_SEED ?? 20261127) },
    );
  }, 300_000);

  it('are rebuilt from the history to the same counts', async () => {
    const db = t().database.db;
    const before = Object.fromEntries(await storedRollups(db));
    expect(Object.keys(before).length).toBeGreaterThan(0);
    // The random sequences went well beyond reporting: most of the loop was exercised.
    const actions = await db.selectFrom('case_events').select('action').distinct().execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['handle', 'send-verify', 'pass', 'close']),
    );
    expect(actions.length).toBeGreaterThanOrEqual(14);
    await db.deleteFrom('eval_actor_rollups').execute();
    const report = await rebuildRollups(db, TZ, { batchSize: 7 });
    expect(report.cases).toBeGreaterThan(0);
    expect(Object.fromEntries(await storedRollups(db))).toEqual(before);
  });

  it('are added for a bulk-loaded range of cases, two disjoint ranges side by side, to the same counts', async () => {
    const db = t().database.db;
    const before = Object.fromEntries(await storedRollups(db));
    const ids = (await db.selectFrom('cases').select('id').orderBy('id').execute()).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(2);
    const middle = ids[Math.floor(ids.length / 2)]!;
    for (const table of ['eval_case_rollups', 'eval_actor_rollups', 'eval_hour_rollups'] as const)
      await db.deleteFrom(table).execute();
    const [first, second] = await Promise.all([
      addRollupsOfCases(db, TZ, { afterId: 0, upToId: middle }, { batchSize: 5 }),
      addRollupsOfCases(db, TZ, { afterId: middle }, { batchSize: 5 }),
    ]);
    expect(first.cases + second.cases).toBe(ids.length);
    expect(first.cases).toBe(ids.filter((id) => id <= middle).length);
    expect(Object.fromEntries(await storedRollups(db))).toEqual(before);
  });
});
