/**
 * The form engine's phone renderer (antd-mobile): one list per section, each field with its label,
 * widget and problem under it. Dates and long choice lists use the phone's own pickers (native
 * `<input type="date">` and `<select>`): large, familiar, and readable by screen readers.
 * Imports antd-mobile only, so the citizen's phone pages load no desktop code.
 */
import { Input, List, Radio, Space, TextArea } from 'antd-mobile';
import type { FormField, FormModel } from './model.js';
import { formMessages } from './messages.js';
import type { FormState } from './useFormState.js';
import './phone-form.css';

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
        <TextArea
          id={id}
          value={text}
          placeholder={placeholder}
          autoSize={{ minRows: field.widget === 'address' ? 1 : 3, maxRows: 8 }}
          maxLength={field.maxLength ?? undefined}
          onChange={set}
          onBlur={blur}
        />
      );
    case 'radio':
      return (
        <Radio.Group value={value as string | number | undefined} onChange={(v) => (set(v), blur())}>
          <Space direction="vertical" block>
            {(field.options ?? []).map((o) => (
              <Radio key={String(o)} value={o}>
                {String(o)}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      );
    case 'select':
      return (
        <select id={id} className="sz-native" value={text} onChange={(e) => (set(e.target.value), blur())}>
          <option value="">{placeholder ?? t('select')}</option>
          {(field.options ?? []).map((o) => (
            <option key={String(o)} value={String(o)}>
              {String(o)}
            </option>
          ))}
        </select>
      );
    case 'date':
      return (
        <input
          id={id}
          type="date"
          className="sz-native"
          value={text}
          onChange={(e) => set(e.target.value)}
          onBlur={blur}
        />
      );
    case 'number':
      return (
        <Input
          id={id}
          type="text"
          inputMode={field.kind === 'integer' ? 'numeric' : 'decimal'}
          value={text}
          placeholder={placeholder}
          onChange={set}
          onBlur={blur}
        />
      );
    case 'phone':
    case 'id_number':
    case 'text':
      return (
        <Input
          id={id}
          type={field.widget === 'phone' ? 'tel' : 'text'}
          value={text}
          placeholder={placeholder}
          maxLength={
            field.maxLength ?? (field.widget === 'phone' ? 11 : field.widget === 'id_number' ? 18 : undefined)
          }
          onChange={set}
          onBlur={blur}
          clearable
        />
      );
  }
}

export interface PhoneFormProps {
  model: FormModel;
  state: FormState;
  prefilled?: readonly string[];
  idPrefix?: string;
}

export function PhoneForm({ model, state, prefilled = [], idPrefix = 'form' }: PhoneFormProps) {
  const t = formMessages.useT();
  return (
    <div className="sz-phone-form">
      {model.sections.map((section) => (
        <List key={section.title} header={section.title || undefined} mode="card">
          {section.fields.map((field) => {
            const id = `${idPrefix}-${field.name}`;
            const error = state.errorOf(field.name);
            const notes = [field.help, prefilled.includes(field.name) ? t('prefilled') : null].filter(
              Boolean,
            );
            return (
              <List.Item key={field.name}>
                <label htmlFor={id} className="sz-label">
                  {field.required ? (
                    <span className="sz-required" aria-hidden>
                      *
                    </span>
                  ) : null}
                  {field.label}
                  {field.required ? null : <span className="sz-optional">{t('optional')}</span>}
                </label>
                <div
                  className="sz-control"
                  role={field.widget === 'radio' ? 'radiogroup' : undefined}
                  aria-label={field.widget === 'radio' ? field.label : undefined}
                >
                  <Control field={field} state={state} id={id} />
                </div>
                {error ? (
                  <div className="sz-error" role="alert">
                    {error}
                  </div>
                ) : null}
                {notes.length > 0 ? <div className="sz-help">{notes.join('；')}</div> : null}
              </List.Item>
            );
          })}
        </List>
      ))}
    </div>
  );
}
