/**
 * The application form (JSON Schema + layout hints) as rows a clerk edits — name, title, type,
 * required, section, widget, options, hints — and back. Schema keywords the editor does not show
 * (pattern, minLength, minimum …) are kept as long as the field's type is unchanged.
 */
import type { ApplicationForm, FieldHint } from '../../../shared/catalogue.js';

export const FIELD_TYPES = ['string', 'integer', 'number', 'boolean', 'date', 'enum'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
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
export const PREFILLS = [
  'person.name',
  'person.id_number',
  'person.phone',
  'legal_person.name',
  'legal_person.credit_code',
  'legal_person.representative',
] as const;

export interface FieldRow {
  name: string;
  title: string;
  type: FieldType;
  required: boolean;
  section: string;
  widget?: string;
  options?: string[];
  maxLength?: number | null;
  placeholder?: string;
  help?: string;
  prefill?: string;
  /** The type the field had when loaded, and the keywords the editor does not show. */
  originalType?: FieldType;
  extra?: Record<string, unknown>;
}

export interface FormModel {
  sections: { title: string }[];
  fields: FieldRow[];
}

const SHOWN = new Set(['type', 'title', 'enum', 'format', 'maxLength']);

function typeOf(schema: Record<string, unknown>): FieldType {
  if (Array.isArray(schema.enum)) return 'enum';
  if (schema.type === 'string' && schema.format === 'date') return 'date';
  if (schema.type === 'integer' || schema.type === 'number' || schema.type === 'boolean') return schema.type;
  return 'string';
}

export function toModel(form: ApplicationForm): FormModel {
  const properties = (form.schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const required = new Set(Array.isArray(form.schema.required) ? (form.schema.required as string[]) : []);
  const sectionOf = new Map<string, string>();
  for (const s of form.layout.sections) for (const f of s.fields) sectionOf.set(f, s.title);
  // In layout order, then any field the layout forgot.
  const order = [
    ...form.layout.sections.flatMap((s) => s.fields),
    ...Object.keys(properties).filter((n) => !sectionOf.has(n)),
  ].filter((n, i, all) => n in properties && all.indexOf(n) === i);
  return {
    sections: form.layout.sections.map((s) => ({ title: s.title })),
    fields: order.map((name) => {
      const schema = properties[name]!;
      const hint: FieldHint = form.layout.fields[name] ?? {};
      const type = typeOf(schema);
      return {
        name,
        title: typeof schema.title === 'string' ? schema.title : '',
        type,
        required: required.has(name),
        section: sectionOf.get(name) ?? '',
        widget: hint.widget,
        options: Array.isArray(schema.enum) ? schema.enum.map(String) : undefined,
        maxLength: typeof schema.maxLength === 'number' ? schema.maxLength : null,
        placeholder: hint.placeholder,
        help: hint.help,
        prefill: hint.prefill,
        originalType: type,
        extra: Object.fromEntries(Object.entries(schema).filter(([k]) => !SHOWN.has(k))),
      };
    }),
  };
}

function schemaOf(row: FieldRow): Record<string, unknown> {
  const kept = row.type === row.originalType ? (row.extra ?? {}) : {};
  const base: Record<string, unknown> = { ...kept };
  if (row.title) base.title = row.title;
  switch (row.type) {
    case 'date':
      return { type: 'string', ...base, format: 'date' };
    case 'enum':
      return { type: 'string', ...base, enum: row.options ?? [] };
    case 'string':
      return { type: 'string', ...base, ...(row.maxLength ? { maxLength: row.maxLength } : {}) };
    case 'integer':
    case 'number':
    case 'boolean':
      return { type: row.type, ...base };
  }
}

export function fromModel(model: FormModel): ApplicationForm {
  const fields = model.fields ?? [];
  const properties = Object.fromEntries(fields.map((f) => [f.name, schemaOf(f)]));
  const required = fields.filter((f) => f.required).map((f) => f.name);
  const hints = Object.fromEntries(
    fields.map((f) => {
      const hint: FieldHint = {};
      if (f.widget) hint.widget = f.widget;
      if (f.placeholder) hint.placeholder = f.placeholder;
      if (f.help) hint.help = f.help;
      if (f.prefill) hint.prefill = f.prefill;
      return [f.name, hint];
    }),
  );
  return {
    schema: {
      type: 'object',
      properties,
      ...(required.length > 0 ? { required } : {}),
      additionalProperties: false,
    },
    layout: {
      sections: (model.sections ?? []).map((s) => ({
        title: s.title,
        fields: fields.filter((f) => f.section === s.title).map((f) => f.name),
      })),
      fields: hints,
    },
  };
}
