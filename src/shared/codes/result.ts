/**
 * Outcome of parsing an identifier: the parsed value, or a precise English reason that can be shown
 * to the person who typed the code ("check character should be X, got 5").
 *
 * Validators never throw on bad input; they throw only when the *caller* breaks a precondition
 * (for example an invalid `today`), which is a programming error.
 */
export type CodeResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export function ok<T>(value: T): CodeResult<T> {
  return { ok: true, value };
}

export function fail(reason: string): CodeResult<never> {
  return { ok: false, reason };
}
