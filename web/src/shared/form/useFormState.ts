/**
 * The state both renderers share: values, which fields were touched, the client's issues and the
 * server's refusals. A field shows its client issue once touched (or after a send was tried), and
 * the server's refusal until the field is changed.
 */
import { useCallback, useMemo, useState } from 'react';
import { useLang } from '../i18n.js';
import type { FormModel } from './model.js';
import { serverFieldErrors, type FieldError } from './server-errors.js';
import { formPayload, issueText, validateForm, type FormValues } from './validate.js';

/** Today in the business time zone (Asia/Shanghai), for birth dates in ID numbers. */
export function todayInChina(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

export interface FormState {
  values: FormValues;
  setValue: (name: string, value: unknown) => void;
  /** Replace every value (a loaded draft, a pre-fill). */
  reset: (values: FormValues) => void;
  touch: (name: string) => void;
  /** The message a field shows now, or null. */
  errorOf: (name: string) => string | null;
  /**
   * Check everything; true when the form may be sent. `partial` checks a draft (empty allowed).
   * Marks every field touched, so each shows its problem.
   */
  check: (partial?: boolean) => boolean;
  /** Put the server's errors on the fields; returns those that name no field of the form. */
  showServerErrors: (errors: readonly FieldError[]) => FieldError[];
  /** The values to send. */
  payload: () => FormValues;
}

export function useFormState(model: FormModel, initial: FormValues = {}): FormState {
  const [lang] = useLang();
  const [values, setValues] = useState<FormValues>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [all, setAll] = useState<'none' | 'partial' | 'full'>('none');
  const [server, setServer] = useState<Record<string, string>>({});

  const issues = useMemo(
    () => validateForm(model, values, { today: todayInChina(), partial: all !== 'full' }),
    [model, values, all],
  );
  const fullIssues = useMemo(() => validateForm(model, values, { today: todayInChina() }), [model, values]);

  const setValue = useCallback((name: string, value: unknown) => {
    setValues((v) => ({ ...v, [name]: value }));
    setServer((s) => {
      if (!(name in s)) return s;
      const { [name]: _gone, ...rest } = s;
      return rest;
    });
  }, []);
  const touch = useCallback(
    (name: string) => setTouched((t) => (t.has(name) ? t : new Set(t).add(name))),
    [],
  );
  const reset = useCallback((next: FormValues) => {
    setValues(next);
    setServer({});
    setTouched(new Set());
    setAll('none');
  }, []);

  return {
    values,
    setValue,
    reset,
    touch,
    errorOf(name) {
      const refused = server[name];
      if (refused) return refused;
      // A required field left empty is said only when sending: not while the applicant moves on.
      const found =
        all === 'full' ? fullIssues[name] : touched.has(name) || all === 'partial' ? issues[name] : undefined;
      return found ? issueText(found, lang) : null;
    },
    check(partial = false) {
      setAll(partial ? 'partial' : 'full');
      const found = validateForm(model, values, { today: todayInChina(), partial });
      return Object.keys(found).length === 0;
    },
    showServerErrors(errors) {
      const { fields, other } = serverFieldErrors(errors, model, lang);
      setServer(fields);
      return other;
    },
    payload: () => formPayload(model, values),
  };
}
