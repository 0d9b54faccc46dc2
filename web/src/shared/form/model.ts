/**
 * The one form engine's model (issue #13 §3: an item version's form is a JSON Schema with layout
 * hints, rendered by one engine in the web and validated by the same schema on the server). This
 * file turns the catalogue's `ApplicationForm` (src/catalogue/model.ts; restated here because the
 * web may not import the catalogue) into sections of fields that both renderers — antd on the
 * desktop (`DesktopForm.tsx`), antd-mobile on the phone (`PhoneForm.tsx`) — draw the same way.
 * Pure: no React, no DOM, so its rules are unit-tested in node (test/web/form-*.test.ts).
 */

/** The subset of JSON Schema (draft 2020-12) a form field may use, as the catalogue validates it. */
export interface FieldSchema {
  type?: 'string' | 'integer' | 'number' | 'boolean';
  title?: string;
  description?: string;
  enum?: readonly (string | number)[];
  const?: string | number | boolean;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  format?: string;
  default?: unknown;
}

export interface FormSchema {
  type: 'object';
  properties: Record<string, FieldSchema>;
  required?: readonly string[];
  additionalProperties?: boolean;
}

export const WIDGETS = [
  'text',
  'textarea',
  'select',
  'radio',
  'date',
  'number',
  'phone',
  'id_number',
  'address',
] as const;
export type Widget = (typeof WIDGETS)[number];

/** Where a field pre-fills from (src/catalogue/guide-validation.ts `PREFILL_SOURCES`). */
export const PREFILL_SOURCES = [
  'person.name',
  'person.id_number',
  'person.phone',
  'legal_person.name',
  'legal_person.credit_code',
  'legal_person.representative',
] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

export interface FieldHint {
  widget?: Widget;
  placeholder?: string;
  help?: string;
  prefill?: string;
}

export interface FormLayout {
  sections: readonly { title: string; fields: readonly string[] }[];
  fields: Readonly<Record<string, FieldHint>>;
}

/** An item version's form as the catalogue serves it (`GET /service-items/{id}` → `form`). */
export interface ApplicationForm {
  schema: Record<string, unknown>;
  layout: FormLayout;
}

/**
 * The checks a value goes through, named by what they check. `idNumber` (GB 11643), `creditCode`
 * (GB 32100) and `mobile` come from the schema's `format` or the layout's widget: the catalogue's
 * demo writes them as `pattern`s, and the check digits are what catches a mistyped number.
 */
export type ValueKind = 'string' | 'integer' | 'number' | 'boolean';
export type SpecialFormat = 'date' | 'email' | 'id_number' | 'credit_code' | 'mobile';

/** One field as the renderers draw it and the validator checks it. */
export interface FormField {
  name: string;
  /** The schema's title, or the name when it has none. */
  label: string;
  kind: ValueKind;
  widget: Widget;
  required: boolean;
  options: readonly (string | number)[] | null;
  pattern: RegExp | null;
  minLength: number | null;
  maxLength: number | null;
  minimum: number | null;
  maximum: number | null;
  exclusiveMinimum: number | null;
  exclusiveMaximum: number | null;
  format: SpecialFormat | null;
  placeholder: string | null;
  help: string | null;
  prefill: PrefillSource | null;
}

export interface FormSection {
  title: string;
  fields: FormField[];
}

/** A form read into sections: every schema property exactly once, in the layout's order. */
export interface FormModel {
  sections: FormSection[];
  /** All fields in order (sections flattened). */
  fields: FormField[];
  byName: ReadonlyMap<string, FormField>;
}

const SPECIAL_FORMATS: readonly SpecialFormat[] = ['date', 'email', 'id_number', 'credit_code', 'mobile'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function kindOf(schema: FieldSchema): ValueKind {
  switch (schema.type) {
    case 'integer':
    case 'number':
    case 'boolean':
      return schema.type;
    case 'string':
    case undefined:
      return 'string';
  }
}

/** The widget a field gets: the layout's hint, else one that fits its schema. */
export function widgetOf(schema: FieldSchema, hint: FieldHint | undefined): Widget {
  if (hint?.widget && (WIDGETS as readonly string[]).includes(hint.widget)) return hint.widget;
  if (Array.isArray(schema.enum)) return schema.enum.length <= 3 ? 'radio' : 'select';
  if (schema.format === 'date') return 'date';
  if (schema.type === 'integer' || schema.type === 'number') return 'number';
  if (schema.format === 'id_number') return 'id_number';
  if (schema.format === 'mobile') return 'phone';
  if (typeof schema.maxLength === 'number' && schema.maxLength > 100) return 'textarea';
  return 'text';
}

/** The special check of a field: the schema's format, or what its widget or name promises. */
export function formatOf(name: string, schema: FieldSchema, widget: Widget): SpecialFormat | null {
  const format = schema.format;
  if (format && (SPECIAL_FORMATS as readonly string[]).includes(format)) return format as SpecialFormat;
  if (widget === 'id_number') return 'id_number';
  if (widget === 'phone') return 'mobile';
  if (widget === 'date') return 'date';
  // The catalogue's shared field (src/demo/catalogue/fields.ts) is a text widget with a pattern.
  if (name === 'credit_code' || name.endsWith('_credit_code')) return 'credit_code';
  return null;
}

/** A schema pattern as a RegExp (JSON Schema patterns are ECMA-262 with the `u` flag, unanchored). */
export function patternOf(pattern: unknown): RegExp | null {
  if (typeof pattern !== 'string') return null;
  try {
    return new RegExp(pattern, 'u');
  } catch {
    // The catalogue compiles every published schema, so this only guards a hand-made draft.
    return null;
  }
}

function fieldOf(name: string, raw: unknown, hint: FieldHint | undefined, required: boolean): FormField {
  const schema: FieldSchema = isRecord(raw) ? raw : {};
  const widget = widgetOf(schema, hint);
  const options = Array.isArray(schema.enum)
    ? schema.enum
    : schema.const !== undefined && typeof schema.const !== 'boolean'
      ? [schema.const]
      : null;
  const prefill =
    hint?.prefill && (PREFILL_SOURCES as readonly string[]).includes(hint.prefill)
      ? (hint.prefill as PrefillSource)
      : null;
  return {
    name,
    label: typeof schema.title === 'string' && schema.title ? schema.title : name,
    kind: kindOf(schema),
    widget,
    required,
    options,
    pattern: patternOf(schema.pattern),
    minLength: numberOrNull(schema.minLength),
    maxLength: numberOrNull(schema.maxLength),
    minimum: numberOrNull(schema.minimum),
    maximum: numberOrNull(schema.maximum),
    exclusiveMinimum: numberOrNull(schema.exclusiveMinimum),
    exclusiveMaximum: numberOrNull(schema.exclusiveMaximum),
    format: formatOf(name, schema, widget),
    placeholder: hint?.placeholder ?? null,
    help: hint?.help ?? (typeof schema.description === 'string' ? schema.description : null),
    prefill,
  };
}

/**
 * Sections of fields from a form. Fields follow the layout; a schema property the layout forgot
 * (a hand-made draft — the catalogue refuses to publish one) is still asked, in a last section, so
 * the applicant can never be refused for a field the page did not show.
 */
export function formModel(form: ApplicationForm, otherTitle = '其他信息'): FormModel {
  const schema = isRecord(form.schema) ? form.schema : {};
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(
    Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [],
  );
  const hints = isRecord(form.layout?.fields) ? form.layout.fields : {};
  const placed = new Set<string>();
  const sections: FormSection[] = [];
  const layoutSections: FormLayout['sections'] = Array.isArray(form.layout?.sections)
    ? form.layout.sections
    : [];
  for (const section of layoutSections) {
    const names: readonly unknown[] = Array.isArray(section.fields) ? section.fields : [];
    const fields: FormField[] = [];
    for (const name of names) {
      if (typeof name !== 'string') continue;
      if (placed.has(name) || !(name in properties)) continue;
      placed.add(name);
      fields.push(fieldOf(name, properties[name], hints[name], required.has(name)));
    }
    if (fields.length > 0) sections.push({ title: section.title, fields });
  }
  const rest = Object.keys(properties).filter((name) => !placed.has(name));
  if (rest.length > 0)
    sections.push({
      title: otherTitle,
      fields: rest.map((name) => fieldOf(name, properties[name], hints[name], required.has(name))),
    });
  const fields = sections.flatMap((s) => s.fields);
  return { sections, fields, byName: new Map(fields.map((f) => [f.name, f])) };
}
