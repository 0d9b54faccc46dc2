/**
 * Form values against the item version's JSON Schema, with the catalogue's one Ajv setup (its
 * formats: id_number, credit_code, mobile besides ajv-formats'), so the server refuses exactly what
 * the web's form engine refuses. Errors name the field as `/form/<field>` (JSON Pointer into the
 * request body). A draft is checked for types and formats only: `required` waits for submission.
 */
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { formAjv, type ApplicationForm } from '../../catalogue/index.js';
import type { FieldError } from '../../shared/errors.js';

const compiled = new Map<string, ValidateFunction>();
const MAX_CACHED = 500;

function validatorOf(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = formAjv().compile(schema);
    if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, validate);
  }
  return validate;
}

function pointerOf(error: ErrorObject): string {
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const base = `/form${error.instancePath}`;
  if (error.keyword === 'required' && params.missingProperty) return `${base}/${params.missingProperty}`;
  if (error.keyword === 'additionalProperties' && params.additionalProperty)
    return `${base}/${params.additionalProperty}`;
  return base;
}

const REASONS: Partial<Record<string, (e: ErrorObject) => string>> = {
  required: () => '必填',
  additionalProperties: () => '表单没有这一项',
  type: (e) => `类型应为 ${String((e.params as { type?: unknown }).type)}`,
  format: (e) => `格式不正确 (${String((e.params as { format?: unknown }).format)})`,
  pattern: () => '格式不正确',
  enum: () => '不是可选的值',
  maxLength: (e) => `最多 ${String((e.params as { limit?: unknown }).limit)} 个字符`,
  minLength: (e) => `至少 ${String((e.params as { limit?: unknown }).limit)} 个字符`,
  minimum: (e) => `不得小于 ${String((e.params as { limit?: unknown }).limit)}`,
  maximum: (e) => `不得大于 ${String((e.params as { limit?: unknown }).limit)}`,
};

/**
 * Every problem of `values` under the form, one per field (the first of each), in schema order.
 * `mode: 'draft'` skips `required` (a draft may be partial, never mistyped).
 */
export function formValueErrors(
  form: ApplicationForm,
  values: unknown,
  mode: 'draft' | 'submit',
): FieldError[] {
  if (typeof values !== 'object' || values === null || Array.isArray(values))
    return [{ field: '/form', reason: '表单应为对象 (an object of field values)' }];
  const validate = validatorOf(form.schema);
  if (validate(values)) return [];
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    if (mode === 'draft' && error.keyword === 'required') continue;
    const field = pointerOf(error);
    if (seen.has(field)) continue;
    seen.add(field);
    const reason = REASONS[error.keyword]?.(error) ?? error.message ?? '不正确';
    errors.push({ field, reason: `${reason} (${error.message ?? error.keyword})` });
  }
  return errors;
}

/**
 * Pre-fill: the values the form's fields take from the applicant's profile (FormFieldHint.prefill),
 * for the fields the caller has not filled.
 */
export function prefillValues(
  form: ApplicationForm,
  profile: Readonly<Record<string, string | null>>,
  values: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...values };
  for (const [name, hint] of Object.entries(form.layout.fields)) {
    if (!hint.prefill || result[name] !== undefined) continue;
    const value = profile[hint.prefill];
    if (value !== null && value !== undefined) result[name] = value;
  }
  return result;
}
