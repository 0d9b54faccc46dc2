/**
 * 录入全年节假日: when the calendar has no official holiday data for a year, an administrator
 * enters that year's 放假 ranges and 调休 make-up working days from the State Council's notice.
 * Saving replaces the year's overrides (PUT /calendar/years/:year); a refused row is marked.
 */
import type { ReactNode } from 'react';
import { App as AntApp, Button, DatePicker, Form, Input, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { FieldData } from 'rc-field-form/lib/interface.js';
import { api, isApiError } from '../../../shared/api.js';
import { EditModal, type PlaceErrors } from './editing.js';
import { adm } from './messages.js';

interface Values {
  holidays: Array<{ range?: [Dayjs, Dayjs]; name?: string }>;
  workdays: Array<{ date?: Dayjs; name?: string }>;
}

/** Marks the refused rows: `body.holidays.2.to` → the third holiday row's date range. */
function markRows(message: string): PlaceErrors {
  return (form, e) => {
    if (!isApiError(e)) return [];
    form.setFields(
      e.errors.flatMap((err): FieldData<Values>[] => {
        const [, list, index, part] = err.field.split('.');
        if ((list !== 'holidays' && list !== 'workdays') || index === undefined) return [];
        const errors = [message];
        const row = Number(index);
        if (list === 'holidays')
          return [{ name: ['holidays', row, part === 'name' ? 'name' : 'range'] as const, errors }];
        return [{ name: ['workdays', row, part === 'name' ? 'name' : 'date'] as const, errors }];
      }),
    );
    return [];
  };
}

export function YearScheduleForm({
  year,
  onClose,
  onSaved,
}: {
  year: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = adm.useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();

  async function save(values: Values) {
    await api.put(`/calendar/years/${year}`, {
      holidays: values.holidays.map((h) => ({
        from: h.range?.[0].format('YYYY-MM-DD') ?? '',
        to: h.range?.[1].format('YYYY-MM-DD') ?? '',
        name: h.name ?? '',
      })),
      workdays: (values.workdays ?? []).map((w) => ({
        date: w.date?.format('YYYY-MM-DD') ?? '',
        name: w.name ?? '',
      })),
    });
  }

  return (
    <EditModal<Values>
      open
      width={640}
      title={t('enterYear', { year })}
      okText={t('saveYear')}
      form={form}
      initialValues={{ holidays: [{}], workdays: [] }}
      onSubmit={save}
      placeErrors={markRows(t('yearEntryInvalid'))}
      onSaved={() => {
        void message.success(t('yearSaved', { year }));
        onSaved();
      }}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('enterYearHelp', { year })}</Typography.Paragraph>
      <Typography.Text strong>{t('holidayRanges')}</Typography.Text>
      <DatedRows
        list="holidays"
        picker={<DatePicker.RangePicker aria-label={t('holidayRanges')} />}
        pickerField="range"
        namePlaceholder={t('holidayNamePlaceholder')}
        addLabel={t('addHoliday')}
      />
      <div style={{ marginTop: 16 }}>
        <Typography.Text strong>{t('makeUpWorkdays')}</Typography.Text>
      </div>
      <DatedRows
        list="workdays"
        picker={<DatePicker aria-label={t('makeUpWorkdays')} />}
        pickerField="date"
        namePlaceholder={t('workdayNamePlaceholder')}
        addLabel={t('addWorkday')}
      />
    </EditModal>
  );
}

/** The rows of a list: each a day (or range) and its name, removable, and a button adding one. */
function DatedRows({
  list,
  picker,
  pickerField,
  namePlaceholder,
  addLabel,
}: {
  list: keyof Values;
  picker: ReactNode;
  pickerField: 'range' | 'date';
  namePlaceholder: string;
  addLabel: string;
}) {
  const t = adm.useT();
  const required = [{ required: true, message: t('yearEntryInvalid') }];
  return (
    <Form.List name={list}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item name={[field.name, pickerField]} rules={required}>
                {picker}
              </Form.Item>
              <Form.Item name={[field.name, 'name']} rules={required}>
                <Input placeholder={namePlaceholder} maxLength={100} aria-label={t('holidayName')} />
              </Form.Item>
              <MinusCircleOutlined aria-label={t('removeRow')} onClick={() => remove(field.name)} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
            {addLabel}
          </Button>
        </>
      )}
    </Form.List>
  );
}
