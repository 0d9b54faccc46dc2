/**
 * The case paths of the synthetic city, built by walking the real workflow table
 * (src/cases/workflow findTransition), so every generated history event is a legal step with the
 * effects the workflow itself would record. Each variant is a sequence of actions; for each step
 * we keep the case's state after it (for the case row) and, for each clock round, the steps that
 * start, stop, pause, resume and extend it (for case_clocks).
 */
import { findTransition, stageOf, type CaseAction, type CaseStatus } from '../src/cases/workflow/index.js';
import type { CaseSource } from '../src/cases/service.js';
import { PATH_SHARES } from './distributions.js';

/** Relative share of the report-to-end duration spent before each action. */
const WEIGHT: Partial<Record<CaseAction, number>> = {
  'send-check': 1,
  check: 3,
  file: 2,
  dispatch: 2,
  return: 4,
  approve: 2,
  accept: 4,
  'request-extension': 12,
  'request-suspension': 8,
  resume: 16,
  handle: 40,
  'send-verify': 2,
  pass: 5,
  fail: 5,
  close: 3,
  reject: 3,
  cancel: 10,
  'self-handle': 1,
};

/** Who takes each step: the grid's inspector, the department's handler, or the center's staff. */
export type ActorKey = 'reporter' | 'operator' | 'shift_lead' | 'dispatcher' | 'inspector' | 'handler';
const ACTOR: Partial<Record<CaseAction, ActorKey>> = {
  'send-check': 'operator',
  check: 'inspector',
  file: 'shift_lead',
  dispatch: 'dispatcher',
  return: 'handler',
  approve: 'dispatcher',
  accept: 'handler',
  'request-extension': 'handler',
  'request-suspension': 'handler',
  resume: 'handler',
  handle: 'handler',
  'send-verify': 'operator',
  pass: 'inspector',
  fail: 'inspector',
  close: 'shift_lead',
  reject: 'shift_lead',
  cancel: 'shift_lead',
  'self-handle': 'inspector',
};
const ROLE_OF: Record<ActorKey, string> = {
  reporter: 'inspector',
  operator: 'supervisor',
  shift_lead: 'supervisor',
  dispatcher: 'dispatcher',
  inspector: 'inspector',
  handler: 'handler',
};

const REASON: Partial<Record<CaseAction, string>> = {
  return: '不属于本单位职责',
  'request-extension': '需协调产权单位',
  'request-suspension': '待专项整治',
  fail: '现场仍未整改到位',
  reject: '不符合立案条件',
  cancel: '重复登记',
};

export interface StepTemplate {
  k: number;
  action: CaseAction;
  from: CaseStatus | null;
  to: CaseStatus;
  stage: string;
  actorKey: ActorKey;
  actorRole: string;
  /** Fraction of the case's duration elapsed when this step happens (0 for the report). */
  frac: number;
  reason: string | null;
  /** Effects and changes as JSON text with placeholders __DEPT__, __CLOSURE__, __AT__, __LATE1__/__LATE2__. */
  effects: string;
  changes: string;
  dynamic: boolean;
  /** State after the step. */
  hasDepartment: boolean;
  returns: number;
  reworks: number;
  extensions: number;
  suspensions: number;
  checkResult: string | null;
  closed: boolean;
  /** The handling round running after this step, or 0. */
  handlingRound: number;
}

export interface ClockTemplate {
  clock: string;
  round: number;
  startK: number;
  stopK: number | null;
  pauseK: number | null;
  resumeK: number | null;
  extendK: number | null;
}

export interface Variant {
  id: number;
  /** 'field' for inspector reports, 'desk' for the rest. */
  group: 'field' | 'desk';
  share: number;
  steps: StepTemplate[];
  clocks: ClockTemplate[];
}

export function groupOf(source: CaseSource): 'field' | 'desk' {
  return source === 'inspector' ? 'field' : 'desk';
}

function actionsOf(flags: {
  check: boolean;
  end: 'reject' | 'cancel' | 'self' | 'normal';
  returned: boolean;
  extended: boolean;
  suspended: boolean;
  reworked: boolean;
}): CaseAction[] {
  const actions: CaseAction[] = ['report' as CaseAction];
  if (flags.check) actions.push('send-check', 'check');
  if (flags.end === 'reject') return [...actions, 'reject'];
  if (flags.end === 'self') return [...actions, 'self-handle', 'close'];
  actions.push('file');
  if (flags.end === 'cancel') return [...actions, 'cancel'];
  actions.push('dispatch');
  if (flags.returned) actions.push('return', 'approve', 'dispatch');
  actions.push('accept');
  if (flags.extended) actions.push('request-extension', 'approve');
  if (flags.suspended) actions.push('request-suspension', 'approve', 'resume');
  actions.push('handle', 'send-verify');
  if (flags.reworked) actions.push('fail', 'handle', 'send-verify');
  actions.push('pass', 'close');
  return actions;
}

function buildVariant(id: number, group: Variant['group'], share: number, actions: CaseAction[]): Variant {
  const weights = actions.map((a, i) => (i === 0 ? 0 : (WEIGHT[a] ?? 1)));
  const total = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  let status: CaseStatus = 'reported';
  const state = {
    hasDepartment: false,
    returns: 0,
    reworks: 0,
    extensions: 0,
    suspensions: 0,
    checkResult: null as string | null,
    closed: false,
  };
  const running = new Map<string, ClockTemplate>();
  const clocks: ClockTemplate[] = [];
  const rounds = new Map<string, number>();
  let handlingRounds = 0;
  const steps: StepTemplate[] = [];
  const stopClock = (clock: string, k: number) => {
    const c = running.get(clock);
    if (c) {
      c.stopK = k;
      running.delete(clock);
    }
  };
  const startClock = (clock: string, k: number) => {
    stopClock(clock, k);
    const round = (rounds.get(clock) ?? 0) + 1;
    rounds.set(clock, round);
    const c: ClockTemplate = {
      clock,
      round,
      startK: k,
      stopK: null,
      pauseK: null,
      resumeK: null,
      extendK: null,
    };
    clocks.push(c);
    running.set(clock, c);
  };
  actions.forEach((action, k) => {
    cumulative += weights[k]!;
    const frac = total === 0 ? 0 : cumulative / total;
    const actorKey: ActorKey = k === 0 ? 'reporter' : (ACTOR[action] ?? 'operator');
    const actorRole = ROLE_OF[actorKey];
    if (k === 0) {
      startClock('filing', 0);
      steps.push({
        k,
        action,
        from: null,
        to: 'reported',
        stage: stageOf('reported'),
        actorKey,
        actorRole,
        frac: 0,
        reason: null,
        effects: JSON.stringify([{ kind: 'clock', clock: 'filing', op: 'start' }]),
        changes: '{"source":{"before":null,"after":"__SOURCE__"}}',
        dynamic: true,
        ...state,
        handlingRound: 0,
      });
      return;
    }
    const transition = findTransition(status, action);
    if (!transition) throw new Error(`bench path: ${action} is not allowed from ${status}`);
    const from = status;
    const to = transition.to;
    const changes: string[] = [];
    const effects: string[] = [];
    let dynamic = false;
    if (from !== to) changes.push(`"status":{"before":"${from}","after":"${to}"}`);
    if (stageOf(from) !== stageOf(to))
      changes.push(`"stage":{"before":"${stageOf(from)}","after":"${stageOf(to)}"}`);
    for (const spec of transition.effects) {
      switch (spec.kind) {
        case 'clock':
          effects.push(JSON.stringify(spec));
          if (spec.op === 'start') {
            startClock(spec.clock, k);
            if (spec.clock === 'handling') handlingRounds += 1;
          } else if (spec.op === 'stop') stopClock(spec.clock, k);
          else if (spec.op === 'pause') running.get(spec.clock)!.pauseK = k;
          else if (spec.op === 'resume') running.get(spec.clock)!.resumeK = k;
          else if (spec.op === 'extend') running.get(spec.clock)!.extendK = k;
          break;
        case 'stopAllClocks':
          effects.push(JSON.stringify(spec));
          for (const clock of [...running.keys()]) stopClock(clock, k);
          break;
        case 'increment': {
          effects.push(JSON.stringify(spec));
          const before = state[spec.counter as 'returns' | 'reworks' | 'extensions' | 'suspensions'];
          changes.push(`"${spec.counter}":{"before":${before},"after":${before + 1}}`);
          state[spec.counter as 'returns' | 'reworks' | 'extensions' | 'suspensions'] = before + 1;
          break;
        }
        case 'assignDepartment':
          effects.push('{"kind":"assignDepartment","departmentId":"__DEPT__"}');
          changes.push('"department_id":{"before":null,"after":"__DEPT__"}');
          state.hasDepartment = true;
          dynamic = true;
          break;
        case 'clearDepartment':
          effects.push(JSON.stringify(spec));
          if (state.hasDepartment) changes.push('"department_id":{"before":"__DEPT__","after":null}');
          state.hasDepartment = false;
          dynamic = true;
          break;
        case 'recordCheckResult':
          effects.push('{"kind":"recordCheckResult","result":"confirmed"}');
          changes.push('"check_result":{"before":null,"after":"confirmed"}');
          state.checkResult = 'confirmed';
          break;
        case 'markHandlingOverdueIfLate':
          effects.push(`{"kind":"__LATE${handlingRounds}__"}`);
          dynamic = true;
          break;
        case 'recordClosure':
          effects.push('{"kind":"recordClosure","closureType":"__CLOSURE__"}');
          changes.push('"closure_type":{"before":null,"after":"__CLOSURE__"}');
          changes.push('"closed_at":{"before":null,"after":"__AT__"}');
          state.closed = true;
          dynamic = true;
          break;
        case 'clearClosure':
        case 'linkDuplicate':
        case 'markEscalated':
          // Reopenings, merges and escalations are not among the generated paths.
          throw new Error(`bench path: effect ${spec.kind} is not generated`);
      }
    }
    status = to;
    steps.push({
      k,
      action,
      from,
      to,
      stage: stageOf(to),
      actorKey,
      actorRole,
      frac,
      reason: REASON[action] ?? null,
      effects: `[${effects.join(',')}]`,
      changes: `{${changes.join(',')}}`,
      dynamic,
      ...state,
      handlingRound: running.has('handling') ? (rounds.get('handling') ?? 0) : 0,
    });
  });
  return { id, group, share, steps, clocks };
}

/** Every path with its probability within its group (field: inspector reports; desk: the rest). */
export function buildVariants(): Variant[] {
  const s = PATH_SHARES;
  const variants: Variant[] = [];
  const bool = [false, true];
  for (const group of ['field', 'desk'] as const) {
    for (const check of group === 'desk' ? bool : [false]) {
      const pCheck = group === 'desk' ? (check ? s.checkedIfPublic : 1 - s.checkedIfPublic) : 1;
      const pSelf = group === 'field' ? s.selfHandledIfInspector : 0;
      const ends: Array<['reject' | 'cancel' | 'self' | 'normal', number]> = [
        ['reject', s.rejected],
        ['cancel', s.cancelled],
        ['self', pSelf],
        ['normal', 1 - s.rejected - s.cancelled - pSelf],
      ];
      for (const [end, pEnd] of ends) {
        if (pEnd === 0) continue;
        const flagSets =
          end === 'normal'
            ? bool.flatMap((returned) =>
                bool.flatMap((extended) =>
                  bool.flatMap((suspended) =>
                    bool.map((reworked) => ({ returned, extended, suspended, reworked })),
                  ),
                ),
              )
            : [{ returned: false, extended: false, suspended: false, reworked: false }];
        for (const flags of flagSets) {
          const p =
            end === 'normal'
              ? (flags.returned ? s.returned : 1 - s.returned) *
                (flags.extended ? s.extended : 1 - s.extended) *
                (flags.suspended ? s.suspended : 1 - s.suspended) *
                (flags.reworked ? s.reworked : 1 - s.reworked)
              : 1;
          const actions = actionsOf({ check, end, ...flags });
          variants.push(buildVariant(variants.length + 1, group, pCheck * pEnd * p, actions));
        }
      }
    }
  }
  return variants;
}
