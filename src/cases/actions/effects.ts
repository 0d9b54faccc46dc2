/**
 * The appliers of a decision's effects (src/cases/workflow: the table names them, this applies
 * them), one per kind: deadline clocks (时限: start, stop, pause for 挂账, extend for 延期), the
 * counters evaluation reads, assignment (派遣), the on-site check result (核实), the duplicate
 * link (合并), overdue and escalation marks (督办), and closure (结案).
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import {
  applyClockOp,
  handlingDueAt,
  loadLimitTables,
  stopAllClocks,
  type ClockEnv,
  type ClockSubject,
} from '../clocks.js';
import type { CaseServiceDeps } from '../deps.js';
import { requestedDueAt, type CaseRow } from '../repo.js';
import type { CaseAction, CaseEffect } from '../workflow/index.js';
import type { ChangeSet } from './changes.js';

/** What the appliers work on: the case as loaded, its changes so far, and its clocks' setting. */
export interface EffectTarget {
  row: CaseRow;
  changes: ChangeSet;
  clocks: ClockEnv;
  /** The facts the clocks' limits depend on, after any filing correction. */
  subject: ClockSubject;
  /** 延期: the deadline an approved extension request asked for. */
  extendTo: Date | undefined;
}

type Applier<K extends CaseEffect['kind']> = (
  effect: Extract<CaseEffect, { kind: K }>,
  target: EffectTarget,
) => void | Promise<void>;

const APPLIERS: { [K in CaseEffect['kind']]: Applier<K> } = {
  clock: (effect, { clocks, subject, extendTo }) =>
    applyClockOp(clocks, subject, effect.clock, effect.op, extendTo),
  stopAllClocks: (_, { clocks, row }) => stopAllClocks(clocks.tx, row.id, clocks.now),
  increment: (effect, { changes }) => changes.increment(effect.counter),
  assignDepartment: (effect, { changes, row }) =>
    changes.change('department_id', row.department_id, effect.departmentId),
  clearDepartment: (_, { changes, row }) => changes.change('department_id', row.department_id, null),
  recordCheckResult: (effect, { changes, row }) =>
    changes.change('check_result', row.check_result, effect.result),
  linkDuplicate: (effect, { changes, row }) =>
    changes.change('duplicate_of', row.duplicate_of, Number(effect.targetCaseId)),
  markHandlingOverdue: (_, { changes, row }) =>
    changes.change('handling_overdue', row.handling_overdue, true),
  markEscalated: (_, { changes, row }) => changes.change('escalated', row.escalated, true),
  recordClosure: (effect, { changes, row, clocks }) => {
    changes.change('closure_type', row.closure_type, effect.closureType);
    changes.change('closed_at', row.closed_at, clocks.now);
  },
  clearClosure: (_, { changes, row }) => {
    changes.change('closure_type', row.closure_type, null);
    changes.change('closed_at', row.closed_at, null);
  },
};

function applyEffect<K extends CaseEffect['kind']>(
  effect: Extract<CaseEffect, { kind: K }>,
  target: EffectTarget,
): void | Promise<void> {
  return (APPLIERS[effect.kind] as Applier<K>)(effect, target);
}

/**
 * Applies a decision's effects in their order, then mirrors the handling deadline on the case; a
 * reopened or failed case starts its new round on time.
 */
export async function applyEffects(
  tx: Transaction<DB>,
  deps: CaseServiceDeps,
  action: CaseAction,
  effects: readonly CaseEffect[],
  target: Omit<EffectTarget, 'clocks' | 'extendTo'> & { now: Date },
): Promise<void> {
  const { row, changes, now } = target;
  const clocks: ClockEnv = {
    tx,
    calendar: await deps.calendars.get(tx),
    limits: await loadLimitTables(tx),
    now,
  };
  const extendTo =
    action === 'approve' && row.status === 'extension_requested'
      ? ((await requestedDueAt(tx, row.id)) ?? undefined)
      : undefined;
  for (const effect of effects) {
    await applyEffect(effect, { row, changes, subject: target.subject, clocks, extendTo });
  }
  const due = await handlingDueAt(tx, row.id);
  if (due && due.getTime() !== row.handling_due_at?.getTime())
    changes.change('handling_due_at', row.handling_due_at, due);
  if (['reopen', 'fail'].includes(action)) changes.change('overdue_tier', row.overdue_tier, 'on_time');
}
