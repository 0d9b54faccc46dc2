/**
 * Client-side checks derived from the form's JSON Schema — required, types, enums, patterns,
 * lengths, bounds, and the formats date / email / id_number / credit_code / mobile — without Ajv:
 * Ajv compiles schemas to functions with `new Function`, which the app's CSP (`script-src 'self'`,
 * no 'unsafe-eval') forbids. The server validates the same schema with Ajv and stays the judge;
 * these checks only spare the applicant a round trip, so they never refuse what Ajv accepts except
 * where a check digit proves a number mistyped (GB 11643, GB 32100).
 */
import { creditCodeProblem, idNumberProblem, isEmail, isIsoDate, isMobile } from './codes.js';
import { formText, type FormLang, type FormMessageKey, type FormVars } from './dictionary.js';
import type { FormField, FormModel } from './model.js';

export type FormValues = Record<string, unknown>;

/** Why a value is refused: a message key and what fills it. */
export interface FieldIssue {
  key: FormMessageKey;
  vars: FormVars;
}

/** A value as the form keeps it: trimmed text, numbers from typed digits, empty as undefined. */
export function normalise(field: FormField, raw: unknown): unknown {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'string') {
    const text =
      field.kind === 'string' && field.widget === 'textarea' ? raw.replace(/\s+$/u, '') : raw.trim();
    if (text === '') return undefined;
    if (field.kind === 'integer' || field.kind === 'number') {
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
    if (field.format === 'id_number' || field.format === 'credit_code') return text.toUpperCase();
    return text;
  }
  return raw;
}

/** Length in code points, as Ajv counts `minLength` / `maxLength`. */
function lengthOf(text: string): number {
  return [...text].length;
}

function issue(key: FormMessageKey, field: FormField, vars: FormVars = {}): FieldIssue {
  return { key, vars: { label: field.label, ...vars } };
}

/**
 * The first problem of one value, or null. `value` is normalised (`normalise`). With `partial`
 * (a draft) an empty field is fine, but what is filled must still be well formed: a draft may be
 * incomplete, never wrong (the server types drafts too).
 */
export function checkField(
  field: FormField,
  value: unknown,
  options: { today: string; partial?: boolean },
): FieldIssue | null {
  if (value === undefined) {
    if (options.partial || !field.required) return null;
    return issue(field.options || field.widget === 'date' ? 'requiredChoice' : 'required', field);
  }
  if (field.kind === 'integer' || field.kind === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return issue('notNumber', field);
    if (field.kind === 'integer' && !Number.isInteger(value)) return issue('notInteger', field);
    if (field.options && !field.options.includes(value)) return issue('notOption', field);
    if (field.minimum !== null && value < field.minimum)
      return issue('tooSmall', field, { min: field.minimum });
    if (field.maximum !== null && value > field.maximum)
      return issue('tooLarge', field, { max: field.maximum });
    if (field.exclusiveMinimum !== null && value <= field.exclusiveMinimum)
      return issue('notAbove', field, { min: field.exclusiveMinimum });
    if (field.exclusiveMaximum !== null && value >= field.exclusiveMaximum)
      return issue('notBelow', field, { max: field.exclusiveMaximum });
    return null;
  }
  if (field.kind === 'boolean') return typeof value === 'boolean' ? null : issue('notOption', field);
  if (typeof value !== 'string') return issue('pattern', field);
  if (field.options && !field.options.includes(value)) return issue('notOption', field);
  const length = lengthOf(value);
  if (field.minLength !== null && length < field.minLength)
    return issue(field.minLength === 1 ? 'required' : 'tooShort', field, { min: field.minLength });
  if (field.maxLength !== null && length > field.maxLength)
    return issue('tooLong', field, { max: field.maxLength });
  // The format first: its message says what is wrong, where a failed pattern can only say "format".
  switch (field.format) {
    case 'id_number': {
      const problem = idNumberProblem(value, options.today);
      if (problem === 'shape') return issue('idShape', field);
      if (problem === 'birth_date') return issue('idBirthDate', field);
      if (problem === 'check') return issue('idCheck', field);
      break;
    }
    case 'credit_code': {
      const problem = creditCodeProblem(value);
      if (problem === 'shape') return issue('creditShape', field);
      if (problem === 'check') return issue('creditCheck', field);
      break;
    }
    case 'mobile':
      if (!isMobile(value)) return issue('mobile', field);
      break;
    case 'date':
      if (!isIsoDate(value)) return issue('date', field);
      break;
    case 'email':
      if (!isEmail(value)) return issue('email', field);
      break;
    case null:
      break;
  }
  if (field.pattern && !field.pattern.test(value)) return issue('pattern', field);
  return null;
}

/** Every field's first problem, keyed by field name (empty when the form may be sent). */
export function validateForm(
  model: FormModel,
  values: FormValues,
  options: { today: string; partial?: boolean },
): Record<string, FieldIssue> {
  const issues: Record<string, FieldIssue> = {};
  for (const field of model.fields) {
    const found = checkField(field, normalise(field, values[field.name]), options);
    if (found) issues[field.name] = found;
  }
  return issues;
}

/** The values to send: the form's own fields only, normalised, empty ones left out. */
export function formPayload(model: FormModel, values: FormValues): FormValues {
  const out: FormValues = {};
  for (const field of model.fields) {
    const value = normalise(field, values[field.name]);
    if (value !== undefined) out[field.name] = value;
  }
  return out;
}

/** An issue in the given language. */
export function issueText(found: FieldIssue, lang: FormLang): string {
  return formText(found.key, found.vars, lang);
}
