/**
 * The application form's field editor: sections, then one card per field (name, title, type,
 * required, section, widget, options, length, hints, pre-fill), reorderable; the JSON Schema it
 * makes is shown read-only underneath.
 */
import {
  Button,
  Card,
  Col,
  Collapse,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  type FormInstance,
} from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { FIELD_TYPES, PREFILLS, WIDGETS, fromModel, type FieldRow, type FormModel } from './form-model.js';
import { cm, type CmKey } from './messages.js';

const KEY = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

export function FormFieldsEditor({ form, disabled }: { form: FormInstance; disabled: boolean }) {
  const t = cm.useT();
  const sections = (Form.useWatch(['formModel', 'sections'], form) ?? []) as { title?: string }[];
  const model = Form.useWatch('formModel', { form, preserve: true }) as FormModel | undefined;
  const sectionOptions = sections
    .map((s) => s?.title)
    .filter((s): s is string => Boolean(s))
    .map((s) => ({ value: s, label: s }));
  return (
    <>
      <Card size="small" title={t('formSections')} style={{ marginBottom: 12 }}>
        <Form.List name={['formModel', 'sections']}>
          {(rows, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {rows.map((row, i) => (
                <Space key={row.key} align="start">
                  <Form.Item
                    name={[row.name, 'title']}
                    label={`${t('sectionTitle')} ${i + 1}`}
                    rules={[{ required: true, message: t('requiredField', { what: t('sectionTitle') }) }]}
                    style={{ marginBottom: 0 }}
                  >
                    <Input style={{ width: 260 }} disabled={disabled} />
                  </Form.Item>
                  {!disabled && (
                    <Button
                      aria-label={t('remove')}
                      icon={<DeleteOutlined />}
                      onClick={() => remove(row.name)}
                    />
                  )}
                </Space>
              ))}
              {!disabled && (
                <Button icon={<PlusOutlined />} onClick={() => add({ title: '' })}>
                  {t('addSection')}
                </Button>
              )}
            </Space>
          )}
        </Form.List>
      </Card>
      <Form.List name={['formModel', 'fields']}>
        {(rows, { add, remove, move }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {rows.map((row, i) => (
              <FieldCard
                key={row.key}
                name={row.name}
                index={i}
                count={rows.length}
                disabled={disabled}
                sectionOptions={sectionOptions}
                onRemove={() => remove(row.name)}
                onMove={(to) => move(i, to)}
                form={form}
              />
            ))}
            {!disabled && (
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() =>
                  add({
                    name: '',
                    title: '',
                    type: 'string',
                    required: true,
                    section: sectionOptions[0]?.value ?? '',
                    widget: 'text',
                  } satisfies FieldRow)
                }
              >
                {t('addField')}
              </Button>
            )}
          </Space>
        )}
      </Form.List>
      <Collapse
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'json',
            label: t('schemaPreview'),
            children: (
              <pre style={{ maxHeight: 360, overflow: 'auto', fontSize: 12, margin: 0 }}>
                {JSON.stringify(model ? fromModel(model) : null, null, 2)}
              </pre>
            ),
          },
        ]}
      />
    </>
  );
}

function FieldCard({
  name,
  index,
  count,
  disabled,
  sectionOptions,
  onRemove,
  onMove,
  form,
}: {
  name: number;
  index: number;
  count: number;
  disabled: boolean;
  sectionOptions: { value: string; label: string }[];
  onRemove: () => void;
  onMove: (to: number) => void;
  form: FormInstance;
}) {
  const t = cm.useT();
  const type = Form.useWatch(['formModel', 'fields', name, 'type'], form) as FieldRow['type'] | undefined;
  const title = Form.useWatch(['formModel', 'fields', name, 'title'], form) as string | undefined;
  return (
    <Card
      size="small"
      title={`${index + 1}. ${title || t('fieldTitle')}`}
      extra={
        !disabled && (
          <Space size={4}>
            <Button
              size="small"
              aria-label={t('moveUp')}
              icon={<ArrowUpOutlined />}
              disabled={index === 0}
              onClick={() => onMove(index - 1)}
            />
            <Button
              size="small"
              aria-label={t('moveDown')}
              icon={<ArrowDownOutlined />}
              disabled={index === count - 1}
              onClick={() => onMove(index + 1)}
            />
            <Button
              size="small"
              danger
              aria-label={t('remove')}
              icon={<DeleteOutlined />}
              onClick={onRemove}
            />
          </Space>
        )
      }
    >
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item
            name={[name, 'name']}
            label={t('fieldName')}
            rules={[
              { required: true, message: t('requiredField', { what: t('fieldName') }) },
              { pattern: KEY, message: t('keyPattern') },
              {
                validator: async (_r, value: string) => {
                  const all = (form.getFieldValue(['formModel', 'fields']) as FieldRow[]).map((f) => f?.name);
                  if (value && all.filter((n) => n === value).length > 1) throw new Error(t('duplicateKey'));
                },
              },
            ]}
          >
            <Input disabled={disabled} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name={[name, 'title']}
            label={t('fieldTitle')}
            rules={[{ required: true, message: t('requiredField', { what: t('fieldTitle') }) }]}
          >
            <Input disabled={disabled} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name={[name, 'type']} label={t('fieldType')}>
            <Select
              disabled={disabled}
              options={FIELD_TYPES.map((v) => ({ value: v, label: t(`type_${v}` as CmKey) }))}
            />
          </Form.Item>
        </Col>
        <Col span={2}>
          <Form.Item name={[name, 'required']} label={t('fieldRequired')} valuePropName="checked">
            <Switch disabled={disabled} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item
            name={[name, 'section']}
            label={t('fieldSection')}
            rules={[{ required: true, message: t('requiredField', { what: t('fieldSection') }) }]}
          >
            <Select disabled={disabled} options={sectionOptions} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={5}>
          <Form.Item name={[name, 'widget']} label={t('fieldWidget')}>
            <Select
              disabled={disabled}
              allowClear
              options={WIDGETS.map((v) => ({ value: v, label: t(`widget_${v}` as CmKey) }))}
            />
          </Form.Item>
        </Col>
        {type === 'enum' ? (
          <Col span={7}>
            <Form.Item
              name={[name, 'options']}
              label={t('fieldOptions')}
              tooltip={t('fieldOptionsHint')}
              rules={[{ required: true, message: t('requiredField', { what: t('fieldOptions') }) }]}
            >
              <Select mode="tags" disabled={disabled} open={false} />
            </Form.Item>
          </Col>
        ) : type === 'string' ? (
          <Col span={3}>
            <Form.Item name={[name, 'maxLength']} label={t('fieldMax')}>
              <InputNumber min={1} max={5000} disabled={disabled} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ) : null}
        <Col span={type === 'enum' ? 6 : type === 'string' ? 8 : 10}>
          <Form.Item name={[name, 'placeholder']} label={t('fieldPlaceholder')}>
            <Input disabled={disabled} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={[name, 'prefill']} label={t('fieldPrefill')}>
            <Select
              disabled={disabled}
              allowClear
              placeholder={t('prefill_none')}
              options={PREFILLS.map((v) => ({ value: v, label: t(`prefill_${v}` as CmKey) }))}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name={[name, 'help']} label={t('fieldHelp')} style={{ marginBottom: 0 }}>
            <Input disabled={disabled} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
