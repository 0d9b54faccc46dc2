/**
 * The applicant's view of an application's progress (issue #13 §3: the applicant follows every
 * step online): the steps 提交申请 → 受理 → 审查 → 办结 → 送达 with where it stands, in plain words —
 * no traffic lights, which are the office's tool, not the citizen's. Pure; test/web/applications-progress.test.ts.
 */
import type { ApplicationState } from './types.js';

export type StepKey =
  'submit' | 'correction' | 'accept' | 'review' | 'decide' | 'deliver' | 'rejected' | 'withdrawn';

export interface ProgressStep {
  key: StepKey;
  status: 'done' | 'current' | 'waiting' | 'stopped';
  /** When it happened, from the history, if known. */
  at: string | null;
}

/** History actions that finish a step (the API's `history[].action`). */
const DONE_BY: Partial<Record<StepKey, readonly string[]>> = {
  submit: ['create', 'submit', 'register'],
  correction: ['correct'],
  accept: ['accept', 'instant'],
  review: ['decide', 'instant', 'complete_bundle'],
  decide: ['decide', 'instant', 'complete_bundle'],
  deliver: ['deliver'],
};

function lastAt(history: readonly { at: string; action: string }[], actions: readonly string[] | undefined) {
  if (!actions) return null;
  let at: string | null = null;
  for (const h of history) if (actions.includes(h.action)) at = h.at;
  return at;
}

/**
 * The steps to draw. A correction appears only when one was asked for; a refusal to accept or a
 * withdrawal ends the path where it happened.
 */
export function progressSteps(app: {
  state: ApplicationState;
  correction?: { requestedAt: string; correctedAt?: string | null } | null;
  history: readonly { at: string; action: string }[];
}): ProgressStep[] {
  const main: StepKey[] = ['submit', 'accept', 'review', 'decide', 'deliver'];
  if (app.correction) main.splice(1, 0, 'correction');
  const steps: ProgressStep[] = [];
  // With a correction inserted, every main step after 提交 moves one place on.
  const shifted = (key: StepKey) => main.indexOf(key);
  let current: number;
  switch (app.state) {
    case 'draft':
      current = 0;
      break;
    case 'submitted':
      current = shifted('accept');
      break;
    case 'correction_requested':
      current = shifted('correction');
      break;
    case 'accepted':
    case 'in_review':
    case 'on_hold':
    case 'special_step':
      current = shifted('review');
      break;
    case 'decided':
      current = shifted('deliver');
      break;
    case 'delivered':
      current = main.length;
      break;
    case 'rejected':
      current = shifted('accept');
      break;
    case 'withdrawn':
      current = Math.max(0, ...main.map((k, i) => (lastAt(app.history, DONE_BY[k]) !== null ? i + 1 : 0)));
      break;
  }
  main.forEach((key, i) => {
    let status: ProgressStep['status'] = i < current ? 'done' : i === current ? 'current' : 'waiting';
    if (app.state === 'rejected' && key === 'accept') status = 'stopped';
    steps.push({ key, status, at: status === 'done' ? lastAt(app.history, DONE_BY[key]) : null });
  });
  if (app.state === 'rejected') {
    const at = steps.findIndex((s) => s.key === 'accept');
    steps.splice(at, steps.length - at, {
      key: 'rejected',
      status: 'stopped',
      at: lastAt(app.history, ['reject']),
    });
  }
  if (app.state === 'withdrawn') {
    steps.splice(current, steps.length - current, {
      key: 'withdrawn',
      status: 'stopped',
      at: lastAt(app.history, ['withdraw']),
    });
  }
  return steps;
}

/** True while the applicant may still withdraw (before a decision; never a draft, which is deleted). */
export function canWithdraw(app: { state: ApplicationState; allowedActions: readonly string[] }): boolean {
  return app.allowedActions.includes('withdraw');
}

/** The expected completion date to show, or null before acceptance fixes it. */
export function expectedDate(app: {
  clock?: { expectedCompletionDate?: string | null } | null;
  expectedCompletionDate?: string | null;
}): string | null {
  return app.clock?.expectedCompletionDate ?? app.expectedCompletionDate ?? null;
}
