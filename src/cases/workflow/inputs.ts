/**
 * The meaning of each action input: the route's schema has checked its JSON shape, these rules
 * check what the workflow needs (a reason that says something, a target case that is open…).
 */
import { isOpenStatus } from './model.js';
import type { ActionInput, InputField, InputProblem, WorkflowContext } from './model.js';

function text(value: string | undefined): string | null {
  if (typeof value !== 'string' || value.trim() === '') return 'is required and may not be blank';
  return null;
}

/** Problem with one field's value, or null when it is acceptable. Called only for present or required fields. */
const VALIDATORS: Readonly<Record<InputField, (input: ActionInput, ctx: WorkflowContext) => string | null>> =
  {
    reason: (input) => text(input.reason),
    note: (input) => text(input.note),
    departmentId: ({ departmentId }) =>
      typeof departmentId === 'number' && Number.isInteger(departmentId) && departmentId > 0
        ? null
        : 'is required: the id of the responsible department',
    checkResult: ({ checkResult }) =>
      checkResult === 'confirmed' || checkResult === 'not_found' ? null : 'must be confirmed or not_found',
    afterPhotoIds: ({ afterPhotoIds }) =>
      Array.isArray(afterPhotoIds) &&
      afterPhotoIds.length > 0 &&
      afterPhotoIds.every((id) => typeof id === 'string' && id !== '')
        ? null
        : 'needs at least one photo taken after the handling',
    requestedDueAt: ({ requestedDueAt }, { now }) => {
      if (!(requestedDueAt instanceof Date) || Number.isNaN(requestedDueAt.getTime()))
        return 'must be a date';
      return requestedDueAt.getTime() > now.getTime() ? null : 'must be in the future';
    },
    mergeTarget: ({ mergeTarget }, { case: c }) => {
      if (mergeTarget === undefined || mergeTarget === null)
        return 'is required: the case the duplicate joins';
      if (mergeTarget.id === c.id) return 'may not be the case itself';
      return isOpenStatus(mergeTarget.status) ? null : `must be an open case, not ${mergeTarget.status}`;
    },
    // 差错/特殊结案 is a judgement, so it must be explained (eGova archive types 3 and 4).
    closureType: ({ closureType, reason }) => {
      if (closureType !== 'erroneous' && closureType !== 'special') return 'must be erroneous or special';
      return text(reason) === null ? null : 'needs a reason';
    },
  };

/** Problems with the input: every required field must be valid, every present optional field too. */
export function inputProblems(
  input: ActionInput,
  ctx: WorkflowContext,
  required: readonly InputField[],
  optional: readonly InputField[],
): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const field of required) {
    const reason = VALIDATORS[field](input, ctx);
    if (reason !== null) problems.push({ field, reason });
  }
  for (const field of optional) {
    if (input[field] === undefined) continue;
    const reason = VALIDATORS[field](input, ctx);
    if (reason !== null) problems.push({ field, reason });
  }
  return problems;
}
