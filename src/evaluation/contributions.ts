/**
 * What one case contributes to the evaluation rollups (统计汇总), as a pure function of its
 * history: the case's current place and class, its append-only events and its deadline clocks.
 * This function is the single definition of every base count: the rollups kept as cases move
 * (rollups.ts applies the difference before → after each action), the full rebuild and the
 * drill-down to cases all call it. Definitions and sources: docs/domain/evaluation.md.
 */

import { localDayHour } from '../shared/local-time.js';
import type { ActorFact, CaseFact, RegionKind } from './vocabulary.js';

export interface HistoryEvent {
  id: number;
  at: Date;
  actorId: number | null;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  changes: Record<string, { before?: unknown; after?: unknown } | undefined>;
}

export interface HistoryClock {
  clock: string;
  round: number;
  startedAt: Date;
  /** As stored: extensions and suspension pauses included. */
  dueAt: Date | null;
}

/** A case as the rollups see it: its current state and its whole history. */
export interface CaseHistory {
  id: number;
  source: string;
  classId: number;
  gridCode: string;
  communityCode: string;
  streetCode: string;
  status: string;
  closureType: string | null;
  /** In history order (by id). */
  events: readonly HistoryEvent[];
  clocks: readonly HistoryClock[];
}

/**
 * Contributions as counts by key:
 * - `c|level|region|day|class|department|fact` (case facts),
 * - `a|actor|day|fact` (actor facts),
 * - `h|level|region|day|hour|class|department` (reports by hour).
 */
export type Contributions = Map<string, number>;

function departmentChange(event: HistoryEvent): { before: number | null; after: number | null } | null {
  const change = event.changes.department_id;
  if (!change) return null;
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return { before: num(change.before), after: num(change.after) };
}

/** Whether an action at `at` met the deadline of the clock round running then (no round or no deadline: yes). */
export function onTime(clocks: readonly HistoryClock[], clock: string, at: Date): boolean {
  let round: HistoryClock | undefined;
  for (const k of clocks) {
    if (k.clock !== clock || k.startedAt.getTime() > at.getTime()) continue;
    if (!round || k.round > round.round) round = k;
  }
  return !round?.dueAt || at.getTime() <= round.dueAt.getTime();
}

/** The first `handle` after the dispatch at `index`, unless another dispatch comes first. */
export function firstHandlingOf(events: readonly HistoryEvent[], index: number): HistoryEvent | null {
  for (const later of events.slice(index + 1)) {
    if (later.action === 'dispatch') return null;
    if (later.action === 'handle') return later;
  }
  return null;
}

/**
 * Every count this case contributes, derived from its current state and history; added to
 * `into` when given (a bulk rebuild sums thousands of cases without a map per case).
 */
export function contributionsOf(
  history: CaseHistory,
  timeZone: string,
  into: Contributions = new Map(),
): Contributions {
  const out = into;
  const add = (key: string, n = 1) => out.set(key, (out.get(key) ?? 0) + n);
  const regions: Array<[RegionKind, string]> = [
    ['grid', history.gridCode],
    ['community', history.communityCode],
    ['street', history.streetCode],
  ];
  const caseFact = (fact: CaseFact, at: Date, department: number | null) => {
    const { day } = localDayHour(at, timeZone);
    for (const [level, code] of regions)
      add(`c|${level}|${code}|${day}|${history.classId}|${department ?? 0}|${fact}`);
  };
  const actorFact = (actorId: number | null, fact: ActorFact, at: Date, n = 1) => {
    if (actorId === null || n === 0) return;
    add(`a|${actorId}|${localDayHour(at, timeZone).day}|${fact}`, n);
  };
  const timed = (actorId: number | null, fact: ActorFact, onTimeFact: ActorFact, clock: string, at: Date) => {
    actorFact(actorId, fact, at);
    if (onTime(history.clocks, clock, at)) actorFact(actorId, onTimeFact, at);
  };

  const events = history.events;
  // Cohort facts (filed, to_close, closed…) belong to the department last dispatched to [I].
  let lastDispatched: number | null = null;
  for (const e of events) {
    const change = departmentChange(e);
    if (change?.after !== null && change?.after !== undefined) lastDispatched = change.after;
  }
  const filed = events.some((e) => e.action === 'file');
  const selfHandlingAccepted = events.some((e) => e.action === 'close' && e.fromStatus === 'self_handled');
  const cancelled = history.status === 'cancelled';
  const closed = history.status === 'closed';

  let department: number | null = null;
  events.forEach((e, index) => {
    const change = departmentChange(e);
    // The department in charge at the event: the one it sets, or clears (a return), or the running one.
    const atEvent = change ? (change.after ?? change.before) : department;
    if (change) department = change.after;
    switch (e.action) {
      case 'report': {
        caseFact('reported', e.at, lastDispatched);
        const { day, hour } = localDayHour(e.at, timeZone);
        for (const [level, code] of regions)
          add(`h|${level}|${code}|${day}|${hour}|${history.classId}|${lastDispatched ?? 0}`);
        actorFact(e.actorId, 'reports', e.at);
        if (filed || selfHandlingAccepted) actorFact(e.actorId, 'valid_reports', e.at);
        return;
      }
      case 'self-handle':
        caseFact('self_handled', e.at, atEvent);
        return;
      case 'send-check':
        timed(e.actorId, 'check_tasks_sent', 'check_tasks_sent_on_time', 'filing', e.at);
        return;
      case 'check':
        timed(e.actorId, 'checks', 'checks_on_time', 'check', e.at);
        return;
      case 'file':
        caseFact('filed', e.at, lastDispatched);
        caseFact(
          history.source === 'inspector' ? 'filed_by_inspector' : 'filed_by_others',
          e.at,
          lastDispatched,
        );
        if (!cancelled) caseFact('to_close', e.at, lastDispatched);
        if (closed) caseFact('closed', e.at, lastDispatched);
        if (closed && history.closureType === 'normal') caseFact('closed_on_time', e.at, lastDispatched);
        timed(e.actorId, 'filings', 'filings_on_time', 'filing', e.at);
        if (cancelled) actorFact(e.actorId, 'filings_voided', e.at);
        return;
      case 'dispatch': {
        caseFact('to_handle', e.at, atEvent);
        timed(e.actorId, 'dispatches', 'dispatches_on_time', 'dispatch', e.at);
        // 准确派遣: the returns and reworks that undid this dispatch, until the next one.
        let undone = 0;
        for (const later of events.slice(index + 1)) {
          if (later.action === 'dispatch') break;
          if (later.action === 'fail') undone += 1;
          if (later.action === 'approve' && later.fromStatus === 'return_requested') undone += 1;
        }
        actorFact(e.actorId, 'dispatches_undone', e.at, undone);
        // 应处置 cohort [I]: this dispatch handled (its first handling, before any new dispatch),
        // counted on the dispatch day, so handled_of_due ≤ to_handle and the rates over 应处置数
        // stay within 100 % (docs/domain/evaluation.md, 日常处置率).
        const handling = firstHandlingOf(events, index);
        if (handling) {
          caseFact('handled_of_due', e.at, atEvent);
          if (onTime(history.clocks, 'handling', handling.at))
            caseFact('handled_on_time_of_due', e.at, atEvent);
        }
        return;
      }
      case 'handle':
        caseFact('handled', e.at, atEvent);
        caseFact(
          onTime(history.clocks, 'handling', e.at) ? 'handled_on_time' : 'handled_late',
          e.at,
          atEvent,
        );
        return;
      case 'approve':
        if (e.fromStatus === 'return_requested') caseFact('returns', e.at, atEvent);
        if (e.fromStatus === 'extension_requested') caseFact('extensions', e.at, atEvent);
        if (e.fromStatus === 'suspension_requested') caseFact('suspensions', e.at, atEvent);
        return;
      case 'send-verify':
        timed(e.actorId, 'verify_tasks_sent', 'verify_tasks_sent_on_time', 'verify', e.at);
        return;
      case 'pass':
        timed(e.actorId, 'verifications', 'verifications_on_time', 'verify', e.at);
        return;
      case 'fail':
        caseFact('reworks', e.at, atEvent);
        timed(e.actorId, 'verifications', 'verifications_on_time', 'verify', e.at);
        return;
      case 'close':
        timed(e.actorId, 'closings', 'closings_on_time', 'closing', e.at);
        return;
      case 'overdue':
        // Raised once per handling round by the deadline sweep.
        if (e.changes.clock?.after === 'handling') caseFact('overdue', e.at, atEvent);
        return;
      default:
        return;
    }
  });
  return out;
}

/** after − before, without the zeros. */
export function difference(before: Contributions, after: Contributions): Contributions {
  const out: Contributions = new Map();
  for (const [key, n] of after) out.set(key, n - (before.get(key) ?? 0));
  for (const [key, n] of before) if (!after.has(key)) out.set(key, -n);
  for (const [key, n] of out) if (n === 0) out.delete(key);
  return out;
}

/** Adds `more` into `into`. */
export function accumulate(into: Contributions, more: Contributions): void {
  for (const [key, n] of more) into.set(key, (into.get(key) ?? 0) + n);
}
