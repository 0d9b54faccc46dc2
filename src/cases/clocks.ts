/**
 * Deadline clocks of a case (时限计时). Each clock runs from the step that starts it to the step
 * that stops it; limits come from the configured tables; suspension (挂账) pauses the handling
 * clock; an approved extension (延期) lengthens it to the requested deadline. One row per clock and
 * round, so a reworked case keeps the history of each handling round for evaluation.
 */
import { sql, type Selectable, type Transaction } from 'kysely';
import {
  addWorkingTime,
  basisOf,
  elapsedMinutes,
  type Pause,
  type TimeLimit,
  type TimeLimitUnit,
  type WorkingCalendar,
} from '../calendar/index.js';
import type { DB } from '../db/schema.js';
import type { CaseClock, ClockOp } from './workflow/index.js';
import {
  pickHandlingLimit,
  pickStageLimit,
  type HandlingLimitRow,
  type StageLimitRow,
  type Urgency,
} from './deadlines/limits.js';
import './tables.js';

export interface LimitTables {
  stage: StageLimitRow[];
  handling: HandlingLimitRow[];
}

export async function loadLimitTables(tx: Transaction<DB>): Promise<LimitTables> {
  // Both tables in one statement: every intake and action reads them.
  const result = await sql<{
    stage: Selectable<DB['stage_limits']>[];
    handling: Selectable<DB['handling_limits']>[];
  }>`
    select coalesce((select json_agg(s) from stage_limits s), '[]'::json) as stage,
      coalesce((select json_agg(h) from handling_limits h), '[]'::json) as handling`.execute(tx);
  const { stage, handling } = result.rows[0]!;
  return {
    stage: stage.map((r) => ({
      clock: r.clock as StageLimitRow['clock'],
      urgency: r.urgency as Urgency,
      amount: r.amount,
      unit: r.unit as TimeLimitUnit,
    })),
    handling: handling.map((r) => ({
      kind: r.kind,
      standard: r.standard,
      classCodePrefix: r.class_code_prefix,
      condition: r.condition,
      urgency: r.urgency as Urgency,
      amount: r.amount,
      unit: r.unit as TimeLimitUnit,
    })),
  };
}

export interface ClockSubject {
  id: number;
  kind: 'component' | 'matter';
  standard: string;
  classCode: string;
  filingCondition: string;
  urgency: Urgency;
}

export function limitFor(tables: LimitTables, clock: CaseClock, subject: ClockSubject): TimeLimit {
  if (clock === 'handling') {
    const row = pickHandlingLimit(tables.handling, {
      kind: subject.kind,
      standard: subject.standard,
      classCode: subject.classCode,
      condition: subject.filingCondition,
      urgency: subject.urgency,
    });
    if (row) return { amount: row.amount, unit: row.unit };
    return { amount: 3, unit: 'working_days' };
  }
  return pickStageLimit(tables.stage, clock, subject.urgency) ?? { amount: 60, unit: 'working_minutes' };
}

interface StoredPause {
  from: string;
  to: string | null;
}

function toPauses(stored: StoredPause[]): Pause[] {
  return stored.map((p) => ({ from: new Date(p.from), to: p.to === null ? null : new Date(p.to) }));
}

export interface ClockEnv {
  tx: Transaction<DB>;
  calendar: WorkingCalendar;
  limits: LimitTables;
  now: Date;
  /** A case being registered: no clock has run yet, so there is no round to stop. */
  newCase?: boolean;
}

async function runningClock(tx: Transaction<DB>, caseId: number, clock: CaseClock) {
  return tx
    .selectFrom('case_clocks')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('clock', '=', clock)
    .where('stopped_at', 'is', null)
    .orderBy('round', 'desc')
    .executeTakeFirst();
}

/** Applies one clock operation; `extendTo` is the approved deadline for `extend`. */
export async function applyClockOp(
  env: ClockEnv,
  subject: ClockSubject,
  clock: CaseClock,
  op: ClockOp,
  extendTo?: Date,
): Promise<void> {
  const { tx, calendar, now } = env;
  if (op === 'start') {
    // A clock restarted (rework, reopen) stops its previous round first.
    if (!env.newCase) {
      await tx
        .updateTable('case_clocks')
        .set({ stopped_at: now })
        .where('case_id', '=', subject.id)
        .where('clock', '=', clock)
        .where('stopped_at', 'is', null)
        .execute();
    }
    const limit = limitFor(env.limits, clock, subject);
    await tx
      .insertInto('case_clocks')
      .values({
        case_id: subject.id,
        clock,
        // The next round (the case row is locked by the action, so no two starts race).
        round: env.newCase
          ? 1
          : sql<number>`coalesce((select max(k.round) from case_clocks k
              where k.case_id = ${subject.id} and k.clock = ${clock}), 0) + 1`,
        started_at: now,
        limit_amount: limit.amount,
        limit_unit: limit.unit,
        due_at: addWorkingTime(calendar, now, limit),
        pauses: '[]',
      })
      .execute();
    return;
  }
  const row = await runningClock(tx, subject.id, clock);
  if (!row) return; // Nothing running: stopping or pausing is a no-op.
  const stored = row.pauses as unknown as StoredPause[];
  const limit: TimeLimit = { amount: row.limit_amount, unit: row.limit_unit as TimeLimitUnit };
  const updateRound = (set: {
    stopped_at?: Date;
    pauses?: string;
    limit_amount?: number;
    limit_unit?: string;
    due_at?: Date | null;
  }) =>
    tx
      .updateTable('case_clocks')
      .set(set)
      .where('case_id', '=', subject.id)
      .where('clock', '=', clock)
      .where('round', '=', row.round)
      .execute();
  switch (op) {
    case 'stop':
      await updateRound({ stopped_at: now });
      return;
    case 'pause': {
      if (stored.some((p) => p.to === null)) return;
      const pauses = [...stored, { from: now.toISOString(), to: null }];
      await updateRound({
        pauses: JSON.stringify(pauses),
        due_at: addWorkingTime(calendar, row.started_at, limit, toPauses(pauses)),
      });
      return;
    }
    case 'resume': {
      const pauses = stored.map((p) => (p.to === null ? { ...p, to: now.toISOString() } : p));
      await updateRound({
        pauses: JSON.stringify(pauses),
        due_at: addWorkingTime(calendar, row.started_at, limit, toPauses(pauses)),
      });
      return;
    }
    case 'extend': {
      if (!extendTo) return;
      // The new limit is the time from the start to the approved deadline, in the limit's own basis,
      // so later pauses still move the deadline consistently. An approved date outside working time
      // ends at the last working instant before it.
      const basis = basisOf(limit.unit);
      const minutes = elapsedMinutes(calendar, basis, row.started_at, extendTo, toPauses(stored));
      const extended: TimeLimit = {
        amount: Math.max(minutes, 1),
        unit: basis === 'working' ? 'working_minutes' : 'natural_minutes',
      };
      await updateRound({
        limit_amount: extended.amount,
        limit_unit: extended.unit,
        due_at: addWorkingTime(calendar, row.started_at, extended, toPauses(stored)),
      });
      return;
    }
  }
}

export async function stopAllClocks(tx: Transaction<DB>, caseId: number, now: Date): Promise<void> {
  await tx
    .updateTable('case_clocks')
    .set({ stopped_at: now })
    .where('case_id', '=', caseId)
    .where('stopped_at', 'is', null)
    .execute();
}

/** The running handling clock's deadline, mirrored on the case for lists and filters. */
export async function handlingDueAt(tx: Transaction<DB>, caseId: number): Promise<Date | null> {
  const row = await runningClock(tx, caseId, 'handling');
  return row?.due_at ?? null;
}
