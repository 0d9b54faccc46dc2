/**
 * The server's refusals on the form's fields. The applications API names a field of the form by
 * a JSON pointer `/form/<field>` (docs: the applications contract); other routes of the API say
 * `body.form.<field>`. Ajv's own English reasons are put into the applicant's language by their
 * keyword; a reason the server already wrote in Chinese is shown as it is.
 */
import { formText, type FormLang, type FormMessageKey, type FormVars } from './dictionary.js';
import type { FormModel } from './model.js';

/** A field error of a problem+json answer (the `ApiError.errors` of shared/api.ts). */
export interface FieldError {
  field: string;
  reason: string;
}

/** The form field a server error names, or null when it names something else. */
export function formFieldOf(pointer: string): string | null {
  const match = /^(?:\/form\/|(?:body\.)?form\.)([^/.[\]]+)/.exec(pointer);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!.replace(/~1/g, '/').replace(/~0/g, '~'));
  } catch {
    return match[1]!;
  }
}

/** Ajv's wording (its English messages) → the engine's message for the field. */
function reasonKey(reason: string): { key: FormMessageKey; vars: FormVars } | null {
  let m: RegExpExecArray | null;
  if (/required property/.test(reason)) return { key: 'required', vars: {} };
  if ((m = /must NOT have more than (\d+) characters/.exec(reason)))
    return { key: 'tooLong', vars: { max: m[1]! } };
  if ((m = /must NOT have fewer than (\d+) characters/.exec(reason)))
    return { key: m[1] === '1' ? 'required' : 'tooShort', vars: { min: m[1]! } };
  if ((m = /must be <= (\S+)/.exec(reason))) return { key: 'tooLarge', vars: { max: m[1]! } };
  if ((m = /must be >= (\S+)/.exec(reason))) return { key: 'tooSmall', vars: { min: m[1]! } };
  if (/allowed values|must be equal to constant/.test(reason)) return { key: 'notOption', vars: {} };
  if (/must be integer/.test(reason)) return { key: 'notInteger', vars: {} };
  if (/must be number/.test(reason)) return { key: 'notNumber', vars: {} };
  if (/format "date"/.test(reason)) return { key: 'date', vars: {} };
  if (/format "id_number"/.test(reason)) return { key: 'idCheck', vars: {} };
  if (/format "credit_code"/.test(reason)) return { key: 'creditCheck', vars: {} };
  if (/format "mobile"/.test(reason)) return { key: 'mobile', vars: {} };
  if (/must match|format/.test(reason)) return { key: 'pattern', vars: {} };
  return null;
}

const HAS_CJK = /[\u3400-\u9fff]/u;

/**
 * The server's field errors on the form: per field a sentence for the field, and the rest
 * (materials, the applicant, fields the page does not show) as sentences for above the form.
 */
export function serverFieldErrors(
  errors: readonly FieldError[],
  model: FormModel,
  lang: FormLang,
): { fields: Record<string, string>; other: FieldError[] } {
  const fields: Record<string, string> = {};
  const other: FieldError[] = [];
  for (const error of errors) {
    let name = formFieldOf(error.field);
    // Ajv reports a missing required property at the object: `/form` with the property named.
    const missing = /required property '([^']+)'/.exec(error.reason);
    if (
      (name === null && /^(\/form|(body\.)?form)$/.test(error.field)) ||
      (name !== null && !model.byName.has(name))
    )
      name = missing ? missing[1]! : name;
    const field = name === null ? undefined : model.byName.get(name);
    if (!field) {
      other.push(error);
      continue;
    }
    if (fields[field.name] !== undefined) continue;
    if (HAS_CJK.test(error.reason)) {
      fields[field.name] = error.reason.includes(field.label)
        ? error.reason
        : `${field.label}：${error.reason}`;
      continue;
    }
    const known = reasonKey(error.reason);
    fields[field.name] = known
      ? formText(known.key, { label: field.label, ...known.vars }, lang)
      : formText('pattern', { label: field.label }, lang);
  }
  return { fields, other };
}
