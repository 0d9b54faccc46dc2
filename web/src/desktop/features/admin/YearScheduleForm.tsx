/**
 * 录入全年节假日: when the calendar has no official holiday data for a year, an administrator
 * enters that year's 放假 ranges and 调休 make-up working days from the State Council's notice.
 * Saving replaces the year's overrides (PUT /calendar/years/:year); a refused row is marked.
 */
import { App as AntApp, Button, DatePicker, Form, Input, Modal, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { FieldData } from 'rc-field-form/lib/interface.js';
import { api, isApiError } from '../../../shared/api.js';
import { errorMessage } from '../../../shared/labels.js';
import { adm } from './messages.js';

interface Values {
  holidays: Array<{ range?: [Dayjs, Dayjs]; name?: string }>;
  workdays: Array<{ date?: Dayjs; name?: string }>;
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
    const body = {
      holidays: values.holidays.map((h) => ({
        from: h.range?.[0].format('YYYY-MM-DD') ?? '',
        to: h.range?.[1].format('YYYY-MM-DD') ?? '',
        name: h.name ?? '',
      })),
      workdays: (values.workdays ?? []).map((w) => ({
        date: w.date?.format('YYYY-MM-DD') ?? '',
        name: w.name ?? '',
      })),
    };
    try {
      await api.put(`/calendar/years/${year}`, body);
      void message.success(t('yearSaved', { year }));
      onSaved();
    } catch (e) {
      if (isApiError(e)) {
        // `body.holidays.2.to` → the third holiday row's date range.
        form.setFields(
          e.errors.flatMap((err): FieldData<Values>[] => {
            const [, list, index, part] = err.field.split('.');
            if ((list !== 'holidays' && list !== 'workdays') || index === undefined) return [];
            const errors = [t('yearEntryInvalid')];
            const row = Number(index);
            if (list === 'holidays')
              return [{ name: ['holidays', row, part === 'name' ? 'name' : 'range'] as const, errors }];
            return [{ name: ['workdays', row, part === 'name' ? 'name' : 'date'] as const, errors }];
          }),
        );
      }
      void message.error(errorMessage(e));
    }
  }

  return (
    <Modal
      open
      width={640}
      title={t('enterYear', { year })}
      okText={t('saveYear')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('enterYearHelp', { year })}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ holidays: [{}], workdays: [] }}
        onFinish={(v) => void save(v)}
      >
        <Typography.Text strong>{t('holidayRanges')}</Typography.Text>
        <Form.List name="holidays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item
                    name={[field.name, 'range']}
                    rules={[{ required: true, message: t('yearEntryInvalid') }]}
                  >
                    <DatePicker.RangePicker aria-label={t('holidayRanges')} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, message: t('yearEntryInvalid') }]}
                  >
                    <Input
                      placeholder={t('holidayNamePlaceholder')}
                      maxLength={100}
                      aria-label={t('holidayName')}
                    />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('removeRow')} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({})}
                style={{ marginBottom: 16 }}
              >
                {t('addHoliday')}
              </Button>
            </>
          )}
        </Form.List>
        <div>
          <Typography.Text strong>{t('makeUpWorkdays')}</Typography.Text>
        </div>
        <Form.List name="workdays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item
                    name={[field.name, 'date']}
                    rules={[{ required: true, message: t('yearEntryInvalid') }]}
                  >
                    <DatePicker aria-label={t('makeUpWorkdays')} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, message: t('yearEntryInvalid') }]}
                  >
                    <Input
                      placeholder={t('workdayNamePlaceholder')}
                      maxLength={100}
                      aria-label={t('holidayName')}
                    />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('removeRow')} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                {t('addWorkday')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
