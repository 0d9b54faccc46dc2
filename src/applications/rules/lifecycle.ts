/**
 * The application lifecycle as a table: `action → from states, to state, who` plus the guards of
 * the law (docs/domain/applications.md). Pure: the service loads the facts, asks `decideAction`,
 * and writes what it answers. Jurisdiction (which department's staff) is the query's business,
 * not this table's.
 *
 * - 行政许可法 第三十二条: on a complete application the organ accepts (受理), refuses (不予受理, with
 *   reasons and the legal basis), or tells the applicant at once and in full what to correct (一次性
 *   告知) — so the window may ask for a correction once; a second 补正 is refused.
 * - 第四十二条: the decision within 20 working days, 10 more with the head's approval (延期 needs
 *   the department lead).
 * - 第四十五条: hearings, testing, expert review and the like are not counted (特殊环节 stop the clock).
 */
import type { StaffRole } from '../../identity/index.js';
import type { ActorKind, ApplicationAction, ApplicationState } from '../model.js';

interface Transition {
  readonly from: readonly ApplicationState[];
  /** The state after the action; `null` keeps the state (a change inside it). */
  readonly to: ApplicationState | null;
  readonly by: readonly ActorKind[];
}

const REVIEWERS: readonly ActorKind[] = ['handler', 'lead', 'admin'];
const WINDOW: readonly ActorKind[] = ['window', 'admin'];
const RUNNING: readonly ApplicationState[] = ['accepted', 'in_review', 'special_step', 'on_hold'];

export const TRANSITIONS: Readonly<Record<ApplicationAction, Transition>> = {
  save: { from: ['draft'], to: null, by: ['applicant'] },
  submit: { from: ['draft'], to: 'submitted', by: ['applicant'] },
  correct: { from: ['correction_requested'], to: 'submitted', by: ['applicant'] },
  withdraw: {
    from: ['draft', 'submitted', 'correction_requested', ...RUNNING],
    to: 'withdrawn',
    by: ['applicant'],
  },
  mark_materials: { from: ['submitted'], to: null, by: WINDOW },
  accept: { from: ['submitted'], to: 'accepted', by: WINDOW },
  reject: { from: ['submitted'], to: 'rejected', by: WINDOW },
  request_correction: { from: ['submitted'], to: 'correction_requested', by: WINDOW },
  instant: { from: ['submitted'], to: 'decided', by: WINDOW },
  start_review: { from: ['accepted'], to: 'in_review', by: REVIEWERS },
  start_special_step: { from: ['in_review'], to: 'special_step', by: REVIEWERS },
  end_special_step: { from: ['special_step'], to: 'in_review', by: REVIEWERS },
  request_hold: { from: ['in_review'], to: null, by: REVIEWERS },
  approve_hold: { from: ['in_review'], to: 'on_hold', by: ['lead', 'admin'] },
  resume: { from: ['on_hold'], to: 'in_review', by: REVIEWERS },
  request_extension: { from: ['accepted', 'in_review'], to: null, by: REVIEWERS },
  approve_extension: { from: ['accepted', 'in_review'], to: null, by: ['lead', 'admin'] },
  decide: { from: ['in_review'], to: 'decided', by: REVIEWERS },
  deliver: { from: ['decided'], to: 'delivered', by: WINDOW },
  complete_bundle: { from: ['in_review'], to: 'decided', by: ['system'] },
};

/** What the guards need to know of the application. */
export interface LifecycleFacts {
  state: ApplicationState;
  /** The one 补正 was asked already. */
  correctionUsed: boolean;
  /** A 一件事 bundle (its children are reviewed, not it). */
  isBundle: boolean;
  /** A child of a bundle (accepted with its bundle; withdrawn with it). */
  isChild: boolean;
  /** 承诺时限 in working days; 0 = 即办件. */
  promisedDays: number;
  legalDays: number;
  extensionDays: number;
  pendingHold: boolean;
  pendingExtension: boolean;
}

export type LifecycleRefusal =
  | 'APPLICATION_ILLEGAL_ACTION'
  | 'APPLICATION_FORBIDDEN_ROLE'
  | 'APPLICATION_CORRECTION_ALREADY_USED'
  | 'APPLICATION_NOT_INSTANT';

export type LifecycleDecision =
  { ok: true; to: ApplicationState } | { ok: false; code: LifecycleRefusal; reason: string };

const refuse = (code: LifecycleRefusal, reason: string): LifecycleDecision => ({ ok: false, code, reason });

/** The lifecycle's name for a staff role (roles without a place in it have none). */
export function actorKindOf(role: StaffRole): ActorKind | null {
  switch (role) {
    case 'window_clerk':
      return 'window';
    case 'handler':
      return 'handler';
    case 'department_lead':
      return 'lead';
    case 'admin':
      return 'admin';
    case 'supervisor':
    case 'dispatcher':
    case 'inspector':
    case 'leader':
      return null;
  }
}

/** Guards beyond state and role: the law's and the bundle's. Null when none refuses. */
function guard(action: ApplicationAction, facts: LifecycleFacts): LifecycleDecision | null {
  const parentOnly = 'a bundle is accepted as a whole; its children are reviewed in their departments';
  switch (action) {
    case 'request_correction':
      if (facts.correctionUsed)
        return refuse(
          'APPLICATION_CORRECTION_ALREADY_USED',
          '已一次性告知过补正，不得再次要求补正 (行政许可法 第三十二条: the correction is asked once, in full)',
        );
      if (facts.isChild) return refuse('APPLICATION_ILLEGAL_ACTION', parentOnly);
      return null;
    case 'accept':
    case 'reject':
    case 'mark_materials':
      return facts.isChild ? refuse('APPLICATION_ILLEGAL_ACTION', parentOnly) : null;
    case 'instant':
      if (facts.promisedDays !== 0 || facts.isBundle || facts.isChild)
        return refuse('APPLICATION_NOT_INSTANT', '该事项不是即办件 (promisedDays is not 0)');
      return null;
    case 'start_review':
    case 'start_special_step':
    case 'end_special_step':
    case 'request_hold':
    case 'resume':
    case 'decide':
      return facts.isBundle ? refuse('APPLICATION_ILLEGAL_ACTION', parentOnly) : null;
    case 'approve_hold':
      if (facts.isBundle) return refuse('APPLICATION_ILLEGAL_ACTION', parentOnly);
      return facts.pendingHold ? null : refuse('APPLICATION_ILLEGAL_ACTION', '没有待批准的挂起申请');
    case 'request_extension':
      if (facts.isBundle) return refuse('APPLICATION_ILLEGAL_ACTION', parentOnly);
      if (facts.pendingExtension) return refuse('APPLICATION_ILLEGAL_ACTION', '已有待批准的延期申请');
      if (facts.extensionDays > 0)
        return refuse('APPLICATION_ILLEGAL_ACTION', '已延期一次，不得再次延期 (行政许可法 第四十二条)');
      return null;
    case 'approve_extension':
      if (facts.isBundle) return refuse('APPLICATION_ILLEGAL_ACTION', parentOnly);
      return facts.pendingExtension ? null : refuse('APPLICATION_ILLEGAL_ACTION', '没有待批准的延期申请');
    case 'withdraw':
      return facts.isChild
        ? refuse('APPLICATION_ILLEGAL_ACTION', 'withdraw the bundle, not one child')
        : null;
    case 'complete_bundle':
      return facts.isBundle ? null : refuse('APPLICATION_ILLEGAL_ACTION', 'only a bundle completes');
    case 'save':
    case 'submit':
    case 'correct':
    case 'deliver':
      return null;
  }
}

/**
 * May `actor` take `action` on an application with these facts, and into which state? The state
 * is checked first (409), then the role (403), then the guards.
 */
export function decideAction(
  action: ApplicationAction,
  actor: ActorKind,
  facts: LifecycleFacts,
): LifecycleDecision {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(facts.state))
    return refuse('APPLICATION_ILLEGAL_ACTION', `${action} is not possible in state ${facts.state}`);
  if (!transition.by.includes(actor))
    return refuse('APPLICATION_FORBIDDEN_ROLE', `${actor} may not ${action} an application`);
  return guard(action, facts) ?? { ok: true, to: transition.to ?? facts.state };
}

/** Every action `actor` may take now, in the table's order (the `allowedActions` of a view). */
export function allowedActions(actor: ActorKind, facts: LifecycleFacts): ApplicationAction[] {
  return (Object.keys(TRANSITIONS) as ApplicationAction[]).filter(
    (action) => action !== 'complete_bundle' && decideAction(action, actor, facts).ok,
  );
}

/** Longest extension in working days (行政许可法 第四十二条: 十日) — configuration with this default. */
export const DEFAULT_MAX_EXTENSION_DAYS = 10;

/** Why an extension of `days` cannot be asked, or null: whole days, 1..max, once. */
export function extensionProblem(days: number, max: number = DEFAULT_MAX_EXTENSION_DAYS): string | null {
  if (!Number.isInteger(days) || days < 1) return '延期天数须为正整数 (whole working days, at least 1)';
  if (days > max) return `延期不得超过 ${max} 个工作日 (行政许可法 第四十二条)`;
  return null;
}

/** The states in which the applicant may still withdraw, and a bundle's children are still open. */
export const OPEN_STATES: readonly ApplicationState[] = [
  'draft',
  'submitted',
  'correction_requested',
  ...RUNNING,
];
