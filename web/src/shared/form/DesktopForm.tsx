/**
 * The form engine's desktop renderer (Ant Design): sections as titled groups, each field with its
 * label, the widget its hint names, its help, and its problem — the client's check or the server's
 * refusal — under it. Used by the citizen's online application and the window's registration.
 * Imports antd: only desktop pages import this file (the phone has PhoneForm.tsx).
 */
import { DatePicker, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import type { FormField, FormModel } from './model.js';
import { formMessages } from './messages.js';
import type { FormState } from './useFormState.js';

function Control({ field, state, id }: { field: FormField; state: FormState; id: string }) {
  const value = state.values[field.name];
  const set = (v: unknown) => state.setValue(field.name, v);
  const blur = () => state.touch(field.name);
  const t = formMessages.useT();
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  const placeholder = field.placeholder ?? undefined;
  switch (field.widget) {
    case 'textarea':
    case 'address':
      return (
        <Input.TextArea
          id={id}
          value={text}
          placeholder={placeholder}
          autoSize={{ minRows: field.widget === 'address' ? 1 : 3, maxRows: 8 }}
          maxLength={field.maxLength ?? undefined}
          onChange={(e) => set(e.target.value)}
          onBlur={blur}
        />
      );
    case 'radio':
      return (
        <Radio.Group id={id} value={value} onChange={(e) => (set(e.target.value), blur())}>
          {(field.options ?? []).map((o) => (
            <Radio key={String(o)} value={o}>
              {String(o)}
            </Radio>
          ))}
        </Radio.Group>
      );
    case 'select':
      return (
        <Select
          id={id}
          value={value === undefined || value === '' ? undefined : value}
          placeholder={placeholder ?? t('select')}
          allowClear={!field.required}
          options={(field.options ?? []).map((o) => ({ value: o, label: String(o) }))}
          onChange={(v) => (set(v), blur())}
          style={{ maxWidth: 360 }}
        />
      );
    case 'date':
      return (
        <DatePicker
          id={id}
          value={text && dayjs(text, 'YYYY-MM-DD', true).isValid() ? dayjs(text, 'YYYY-MM-DD') : null}
          format="YYYY-MM-DD"
          placeholder={placeholder ?? t('chooseDate')}
          onChange={(d) => (set(d ? d.format('YYYY-MM-DD') : undefined), blur())}
          style={{ width: 200 }}
        />
      );
    case 'number':
      return (
        <InputNumber
          id={id}
          value={
            typeof value === 'number' ? value : value === undefined || value === '' ? null : Number(value)
          }
          min={field.minimum ?? undefined}
          max={field.maximum ?? undefined}
          precision={field.kind === 'integer' ? 0 : undefined}
          placeholder={placeholder}
          onChange={(v) => set(v ?? undefined)}
          onBlur={blur}
          style={{ width: 200 }}
        />
      );
    case 'phone':
    case 'id_number':
    case 'text':
      return (
        <Input
          id={id}
          value={text}
          placeholder={placeholder}
          inputMode={field.widget === 'phone' ? 'tel' : undefined}
          maxLength={
            field.maxLength ?? (field.widget === 'phone' ? 11 : field.widget === 'id_number' ? 18 : undefined)
          }
          onChange={(e) => set(e.target.value)}
          onBlur={blur}
          style={{ maxWidth: field.widget === 'text' && (field.maxLength ?? 100) > 60 ? undefined : 360 }}
        />
      );
  }
}

export interface DesktopFormProps {
  model: FormModel;
  state: FormState;
  /** Names of fields filled from the applicant's profile (a note under each). */
  prefilled?: readonly string[];
  /** Prefix of element ids, when two forms share a page. */
  idPrefix?: string;
  disabled?: boolean;
  /** The note under a pre-filled field (the window says it differently from the applicant's own page). */
  prefilledNote?: string;
}

export function DesktopForm({
  model,
  state,
  prefilled = [],
  idPrefix = 'form',
  disabled,
  prefilledNote,
}: DesktopFormProps) {
  const t = formMessages.useT();
  return (
    <Form layout="vertical" component="div" disabled={disabled} requiredMark>
      {model.sections.map((section) => (
        <section key={section.title} aria-label={section.title} style={{ marginBottom: 8 }}>
          {section.title ? (
            <Typography.Title level={5} style={{ marginTop: 8 }}>
              {section.title}
            </Typography.Title>
          ) : null}
          {section.fields.map((field) => {
            const id = `${idPrefix}-${field.name}`;
            const error = state.errorOf(field.name);
            const note = prefilled.includes(field.name) ? (prefilledNote ?? t('prefilled')) : null;
            return (
              <Form.Item
                key={field.name}
                label={field.label}
                htmlFor={id}
                required={field.required}
                validateStatus={error ? 'error' : undefined}
                help={error ?? undefined}
                extra={[field.help, note].filter(Boolean).join('；') || undefined}
                style={{ marginBottom: 16 }}
              >
                <Control field={field} state={state} id={id} />
              </Form.Item>
            );
          })}
        </section>
      ))}
    </Form>
  );
}
