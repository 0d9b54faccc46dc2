/**
 * One version of an item in the editor: every guide field, the materials, process, legal bases,
 * questions and the application form, in tabs. A draft is edited and saved (PATCH at its row
 * version), published or discarded; a published or retired version is shown read-only. The
 * server's refusals go to the fields they name (the tab holding one is opened and marked), the
 * rest are listed above the form in words (承诺时限（工作日）: 承诺时限不得超过法定时限).
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Switch,
  Tabs,
  Typography,
  type FormInstance,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { isApiError } from '../../../shared/api.js';
import {
  CHANNELS,
  DELIVERY_METHODS,
  LIFE_EVENTS,
  MATERIAL_FORMS,
  MATERIAL_SOURCES,
  SPECIAL_STEP_KINDS,
  SUBJECTS,
  reasonIn,
  word,
  type Guide,
} from '../../../shared/catalogue.js';
import { useLang } from '../../../shared/i18n.js';
import { errorMessage } from '../../../shared/labels.js';
import { catalogueApi, type DraftPatch, type VersionView } from './api.js';
import { FormFieldsEditor } from './FormFieldsEditor.js';
import { fromModel, toModel, type FormModel } from './form-model.js';
import { cm, type CmKey } from './messages.js';
import { describePath } from './paths.js';

interface Values {
  name: string;
  aliases: string[];
  lifeEvents: string[];
  validFrom: Dayjs | null;
  validTo: Dayjs | null;
  source: string | null;
  guide: Guide;
  formModel: FormModel;
  bundleItemIds: number[];
}

const LISTS = new Set([
  'guide.materials',
  'guide.steps',
  'guide.specialSteps',
  'guide.legalBases',
  'guide.faq',
  'formModel.sections',
  'formModel.fields',
]);

type TabKey = 'basic' | 'guide' | 'materials' | 'process' | 'bases' | 'faq' | 'form';

function tabOf(path: string): TabKey {
  if (path.startsWith('guide.materials')) return 'materials';
  if (path.startsWith('guide.steps') || path.startsWith('guide.specialSteps')) return 'process';
  if (path.startsWith('guide.legalBases')) return 'bases';
  if (path.startsWith('guide.faq')) return 'faq';
  if (path.startsWith('guide')) return 'guide';
  if (path.startsWith('form')) return 'form';
  return 'basic';
}

function valuesOf(v: VersionView): Values {
  return {
    name: v.name,
    aliases: v.aliases,
    lifeEvents: v.lifeEvents,
    validFrom: v.validFrom ? dayjs(v.validFrom) : null,
    validTo: v.validTo ? dayjs(v.validTo) : null,
    source: v.source,
    guide: v.guide,
    formModel: toModel(v.form),
    bundleItemIds: v.bundleItemIds,
  };
}

function patchOf(values: Values, rowVersion: number): DraftPatch {
  const guide = values.guide;
  // Visits are stated for the offered channels only (the server refuses others).
  const visits = Object.fromEntries(guide.channels.map((c) => [c, guide.visits?.[c] ?? 1]));
  return {
    version: rowVersion,
    name: values.name,
    aliases: values.aliases ?? [],
    lifeEvents: values.lifeEvents ?? [],
    validFrom: values.validFrom ? values.validFrom.format('YYYY-MM-DD') : null,
    validTo: values.validTo ? values.validTo.format('YYYY-MM-DD') : null,
    source: values.source || null,
    guide: {
      ...guide,
      visits,
      fee: { ...guide.fee, basis: guide.fee.basis || null },
      materials: (guide.materials ?? []).map((m) => ({
        ...m,
        condition: m.required ? null : m.condition || null,
        sourceReference: m.sourceReference || null,
        notes: m.notes ?? '',
        sampleFileId: m.sampleFileId ?? null,
        blankFileId: m.blankFileId ?? null,
      })),
      steps: (guide.steps ?? []).map((s) => ({ ...s, description: s.description ?? '' })),
      specialSteps: (guide.specialSteps ?? []).map((s) => ({ ...s, description: s.description ?? '' })),
    },
    form: fromModel(values.formModel),
  };
}

/**
 * Puts the server's field errors at their fields; answers the tabs that got one and the lines no
 * field shows.
 */
function placeErrors(form: FormInstance, error: unknown, lang: 'zh-CN' | 'en') {
  if (!isApiError(error)) return { tabs: new Set<TabKey>(), rest: [] as string[] };
  // A Form.List shows no message of its own: an error naming a whole list goes above the form.
  const registered = form
    .getFieldsError()
    .map((f) => f.name.map(String))
    .filter((n) => !LISTS.has(n.join('.')));
  const placed = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const tabs = new Set<TabKey>();
  const rest: string[] = [];
  for (const e of error.errors) {
    const path = e.field.replace(/^body\./, '');
    const parts = path.split('.');
    const target = registered
      .filter((n) => n.length <= parts.length && n.every((p, i) => p === parts[i]))
      .sort((a, b) => b.length - a.length)[0];
    const reason = reasonIn(e.reason, lang);
    tabs.add(tabOf(path));
    if (!target) {
      rest.push(`${describePath(path, lang)}：${reason}`);
      continue;
    }
    const key = target.join('.');
    const entry = placed.get(key) ?? {
      name: target.map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      errors: [],
    };
    entry.errors.push(reason);
    placed.set(key, entry);
  }
  form.setFields([...placed.values()]);
  return { tabs, rest };
}

export function VersionEditor({
  version,
  onChanged,
}: {
  version: VersionView;
  /** After a save, publish or discard: reload the item (and show `versionId` when given). */
  onChanged: (versionId?: number) => void;
}) {
  const t = cm.useT();
  const [lang] = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const editable = version.state === 'draft';
  const [tab, setTab] = useState<TabKey>('basic');
  const [errorTabs, setErrorTabs] = useState<Set<TabKey>>(new Set());
  const [rest, setRest] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const initial = useMemo(() => valuesOf(version), [version]);

  useEffect(() => {
    form.resetFields();
    setErrorTabs(new Set());
    setRest([]);
    setFailure(null);
  }, [form, initial]);

  const refused = (e: unknown) => {
    setFailure(e);
    const placed = placeErrors(form, e, lang);
    setErrorTabs(placed.tabs);
    setRest(placed.rest);
    const first = [...placed.tabs][0];
    if (first) setTab(first);
  };

  /** Validates and saves; resolves the saved version, or null when refused. */
  async function save(): Promise<VersionView | null> {
    try {
      await form.validateFields();
    } catch (e) {
      const fields = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields ?? [];
      const tabs = new Set(fields.map((f) => tabOf(f.name.join('.'))));
      setErrorTabs(tabs);
      const first = [...tabs][0];
      if (first) setTab(first);
      return null;
    }
    setFailure(null);
    setRest([]);
    setErrorTabs(new Set());
    try {
      const values = form.getFieldsValue(true) as Values;
      const saved = await catalogueApi.saveDraft(version.id, patchOf(values, version.rowVersion));
      return saved;
    } catch (e) {
      refused(e);
      return null;
    }
  }

  async function onSave() {
    setBusy(true);
    try {
      const saved = await save();
      if (saved) {
        void message.success(t('saved'));
        onChanged(saved.id);
      }
    } finally {
      setBusy(false);
    }
  }

  async function onPublish(validity: { validFrom: Dayjs | null; validTo: Dayjs | null }) {
    setBusy(true);
    try {
      // What is on the screen is what gets published: save it first when it was changed.
      let rowVersion = version.rowVersion;
      if (form.isFieldsTouched()) {
        const saved = await save();
        if (!saved) {
          setPublishing(false);
          return;
        }
        rowVersion = saved.rowVersion;
      }
      try {
        await catalogueApi.publish(version.id, {
          version: rowVersion,
          ...(validity.validFrom ? { validFrom: validity.validFrom.format('YYYY-MM-DD') } : {}),
          ...(validity.validTo ? { validTo: validity.validTo.format('YYYY-MM-DD') } : {}),
        });
        setPublishing(false);
        void message.success(t('published', { n: version.version }));
        onChanged(version.id);
      } catch (e) {
        setPublishing(false);
        refused(e);
      }
    } finally {
      setBusy(false);
    }
  }

  const tabLabel = (key: TabKey, label: CmKey) =>
    errorTabs.has(key) ? (
      <Badge dot offset={[6, 0]}>
        {t(label)}
      </Badge>
    ) : (
      t(label)
    );

  return (
    <Card
      size="small"
      title={`${t('versionN', { n: version.version })} · ${word('state', version.state, lang)}`}
      extra={
        editable && (
          <Space>
            <Button
              danger
              onClick={() =>
                Modal.confirm({
                  title: t('confirmDiscard', { n: version.version }),
                  okButtonProps: { danger: true },
                  onOk: async () => {
                    try {
                      await catalogueApi.discard(version.id, version.rowVersion);
                      void message.success(t('discarded'));
                      onChanged();
                    } catch (e) {
                      refused(e);
                    }
                  },
                })
              }
            >
              {t('discard')}
            </Button>
            <Button onClick={() => void onSave()} loading={busy && !publishing}>
              {t('save')}
            </Button>
            <Button type="primary" onClick={() => setPublishing(true)} disabled={busy}>
              {t('publish')}
            </Button>
          </Space>
        )
      }
    >
      {!editable && <Alert type="info" showIcon message={t('frozen')} style={{ marginBottom: 12 }} />}
      {failure ? (
        <Alert
          type={isApiError(failure) && failure.code === 'VERSION_CONFLICT' ? 'warning' : 'error'}
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          message={
            isApiError(failure) && failure.code === 'VERSION_CONFLICT'
              ? t('conflict')
              : isApiError(failure) && failure.errors.length > 0
                ? t('serverErrors')
                : errorMessage(failure, lang)
          }
          description={
            rest.length > 0 ? (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {rest.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : undefined
          }
          action={
            isApiError(failure) && failure.code === 'VERSION_CONFLICT' ? (
              <Button size="small" onClick={() => onChanged(version.id)}>
                {t('reload')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Form<Values> form={form} layout="vertical" initialValues={initial} disabled={!editable} requiredMark>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as TabKey)}
          items={[
            { key: 'basic', label: tabLabel('basic', 'tabBasic'), forceRender: true, children: <BasicTab /> },
            {
              key: 'guide',
              label: tabLabel('guide', 'tabGuide'),
              forceRender: true,
              children: <GuideTab form={form} />,
            },
            {
              key: 'materials',
              label: tabLabel('materials', 'tabMaterials'),
              forceRender: true,
              children: <MaterialsTab form={form} editable={editable} />,
            },
            {
              key: 'process',
              label: tabLabel('process', 'tabProcess'),
              forceRender: true,
              children: <ProcessTab editable={editable} />,
            },
            {
              key: 'bases',
              label: tabLabel('bases', 'tabBases'),
              forceRender: true,
              children: <BasesTab editable={editable} />,
            },
            {
              key: 'faq',
              label: tabLabel('faq', 'tabFaq'),
              forceRender: true,
              children: <FaqTab editable={editable} />,
            },
            {
              key: 'form',
              label: tabLabel('form', 'tabForm'),
              forceRender: true,
              children: <FormFieldsEditor form={form} disabled={!editable} />,
            },
          ]}
        />
      </Form>
      <PublishDialog
        open={publishing}
        version={version}
        busy={busy}
        onCancel={() => setPublishing(false)}
        onPublish={(v) => void onPublish(v)}
      />
    </Card>
  );
}

function PublishDialog({
  open,
  version,
  busy,
  onCancel,
  onPublish,
}: {
  open: boolean;
  version: VersionView;
  busy: boolean;
  onCancel: () => void;
  onPublish: (v: { validFrom: Dayjs | null; validTo: Dayjs | null }) => void;
}) {
  const t = cm.useT();
  const [validFrom, setValidFrom] = useState<Dayjs | null>(null);
  const [validTo, setValidTo] = useState<Dayjs | null>(null);
  return (
    <Modal
      open={open}
      title={t('confirmPublish', { n: version.version })}
      okText={t('publish')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => onPublish({ validFrom, validTo })}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('confirmPublishBody')}</Typography.Paragraph>
      <Space direction="vertical">
        <Space>
          <span style={{ display: 'inline-block', width: 72 }}>{t('validFrom')}</span>
          <DatePicker
            aria-label={t('validFrom')}
            placeholder={t('validFromHint')}
            value={validFrom}
            onChange={setValidFrom}
            style={{ width: 220 }}
          />
        </Space>
        <Space>
          <span style={{ display: 'inline-block', width: 72 }}>{t('validTo')}</span>
          <DatePicker
            aria-label={t('validTo')}
            value={validTo}
            onChange={setValidTo}
            style={{ width: 220 }}
          />
        </Space>
      </Space>
    </Modal>
  );
}

function required(t: (k: CmKey) => string, what: CmKey) {
  return [{ required: true, message: cm.t('requiredField', { what: t(what) }) }];
}

function BasicTab() {
  const t = cm.useT();
  const [lang] = useLang();
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Form.Item name="name" label={t('name')} rules={required(t, 'name')}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="aliases" label={t('aliases')} tooltip={t('aliasesHint')}>
          <Select mode="tags" open={false} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="lifeEvents" label={t('lifeEvents')}>
          <Select
            mode="multiple"
            options={LIFE_EVENTS.map((e) => ({ value: e, label: word('event', e, lang) }))}
          />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="validFrom" label={t('validFrom')}>
          <DatePicker style={{ width: '100%' }} placeholder={t('validFromHint')} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="validTo" label={t('validTo')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="source" label={t('source')}>
          <Input maxLength={500} />
        </Form.Item>
      </Col>
    </Row>
  );
}

function GuideTab({ form }: { form: FormInstance }) {
  const t = cm.useT();
  const [lang] = useLang();
  const channels = (Form.useWatch(['guide', 'channels'], form) ?? []) as string[];
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Form.Item name={['guide', 'subjects']} label={t('subjects')} rules={required(t, 'subjects')}>
          <Checkbox.Group options={SUBJECTS.map((s) => ({ value: s, label: word('subject', s, lang) }))} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={['guide', 'resultName']} label={t('resultName')}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name={['guide', 'conditions']} label={t('conditions')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name={['guide', 'legalDays']} label={t('legalDays')} rules={required(t, 'legalDays')}>
          <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item
          name={['guide', 'promisedDays']}
          label={t('promisedDays')}
          extra={t('promisedHint')}
          rules={required(t, 'promisedDays')}
        >
          <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item
          name={['guide', 'acceptanceDays']}
          label={t('acceptanceDays')}
          rules={required(t, 'acceptanceDays')}
        >
          <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name={['guide', 'fee', 'amount']} label={t('feeAmount')} extra={t('feeHint')}>
          <InputNumber min={0} max={10_000_000} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={9}>
        <Form.Item name={['guide', 'fee', 'basis']} label={t('feeBasis')}>
          <Input maxLength={500} />
        </Form.Item>
      </Col>
      <Col span={9}>
        <Form.Item name={['guide', 'fee', 'description']} label={t('feeDescription')}>
          <Input maxLength={1000} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={['guide', 'place']} label={t('place')} rules={required(t, 'place')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={['guide', 'hours']} label={t('hours')} rules={required(t, 'hours')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={['guide', 'channels']} label={t('channels')} rules={required(t, 'channels')}>
          <Checkbox.Group options={CHANNELS.map((c) => ({ value: c, label: word('channel', c, lang) }))} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item label={t('visits')} extra={t('visitsHint')}>
          <Space wrap>
            {channels.map((c) => (
              <Form.Item key={c} name={['guide', 'visits', c]} noStyle>
                <InputNumber
                  min={0}
                  max={20}
                  precision={0}
                  prefix={word('channel', c, lang)}
                  aria-label={`${t('visits')} ${word('channel', c, lang)}`}
                  style={{ width: 190 }}
                />
              </Form.Item>
            ))}
          </Space>
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={['guide', 'deliveryMethods']} label={t('deliveryMethods')}>
          <Checkbox.Group
            options={DELIVERY_METHODS.map((d) => ({ value: d, label: word('delivery', d, lang) }))}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={['guide', 'onlineDepth']} label={t('onlineDepth')}>
          <Select options={[1, 2, 3, 4].map((d) => ({ value: d, label: word('depth', String(d), lang) }))} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={['guide', 'consultation']} label={t('consultation')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={['guide', 'complaint']} label={t('complaint')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** A Form.List of cards with add, remove, up and down. */
function ListEditor({
  name,
  editable,
  addLabel,
  blank,
  title,
  children,
}: {
  name: (string | number)[];
  editable: boolean;
  addLabel: CmKey;
  blank: object;
  title: (index: number) => ReactNode;
  children: (field: number) => ReactNode;
}) {
  const t = cm.useT();
  return (
    <Form.List name={name}>
      {(rows, { add, remove, move }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {rows.map((row, i) => (
            <Card
              key={row.key}
              size="small"
              title={title(row.name)}
              extra={
                editable && (
                  <Space size={4}>
                    <Button size="small" disabled={i === 0} onClick={() => move(i, i - 1)}>
                      {t('moveUp')}
                    </Button>
                    <Button size="small" disabled={i === rows.length - 1} onClick={() => move(i, i + 1)}>
                      {t('moveDown')}
                    </Button>
                    <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)}>
                      {t('remove')}
                    </Button>
                  </Space>
                )
              }
            >
              {children(row.name)}
            </Card>
          ))}
          {editable && (
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(blank)}>
              {t(addLabel)}
            </Button>
          )}
        </Space>
      )}
    </Form.List>
  );
}

function RowTitle({ path, fallback }: { path: (string | number)[]; fallback: string }) {
  const value = Form.useWatch(path) as string | undefined;
  return <>{value || fallback}</>;
}

const KEY_RULE = { pattern: /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, message: cm.t('keyPattern') };

function MaterialsTab({ form, editable }: { form: FormInstance; editable: boolean }) {
  const t = cm.useT();
  const [lang] = useLang();
  return (
    <ListEditor
      name={['guide', 'materials']}
      editable={editable}
      addLabel="addMaterial"
      blank={{
        key: '',
        name: '',
        form: 'original',
        copies: 1,
        required: true,
        condition: null,
        source: 'applicant',
        sourceReference: null,
        sampleFileId: null,
        blankFileId: null,
        notes: '',
      }}
      title={(i) => <RowTitle path={['guide', 'materials', i, 'name']} fallback={t('materialName')} />}
    >
      {(i) => <MaterialRow form={form} index={i} lang={lang} />}
    </ListEditor>
  );
}

function MaterialRow({ form, index, lang }: { form: FormInstance; index: number; lang: 'zh-CN' | 'en' }) {
  const t = cm.useT();
  const isRequired = Form.useWatch(['guide', 'materials', index, 'required'], form) as boolean | undefined;
  const source = Form.useWatch(['guide', 'materials', index, 'source'], form) as string | undefined;
  return (
    <Row gutter={12}>
      <Col span={10}>
        <Form.Item name={[index, 'name']} label={t('materialName')} rules={required(t, 'materialName')}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item
          name={[index, 'key']}
          label={t('materialKey')}
          tooltip={t('materialKeyHint')}
          rules={[...required(t, 'materialKey'), KEY_RULE]}
        >
          <Input maxLength={60} />
        </Form.Item>
      </Col>
      <Col span={4}>
        <Form.Item name={[index, 'form']} label={t('materialForm')}>
          <Select options={MATERIAL_FORMS.map((f) => ({ value: f, label: word('form', f, lang) }))} />
        </Form.Item>
      </Col>
      <Col span={2}>
        <Form.Item name={[index, 'copies']} label={t('copies')}>
          <InputNumber min={0} max={99} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={2}>
        <Form.Item name={[index, 'required']} label={t('required')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      {!isRequired && (
        <Col span={24}>
          <Form.Item name={[index, 'condition']} label={t('condition')} rules={required(t, 'condition')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
      )}
      <Col span={8}>
        <Form.Item name={[index, 'source']} label={t('materialSource')}>
          <Select options={MATERIAL_SOURCES.map((s) => ({ value: s, label: word('source', s, lang) }))} />
        </Form.Item>
      </Col>
      {(source === 'sharing' || source === 'certificate') && (
        <Col span={8}>
          <Form.Item name={[index, 'sourceReference']} label={t('sourceReference')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      )}
      <Col span={24}>
        <Form.Item name={[index, 'notes']} label={t('notes')} style={{ marginBottom: 0 }}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
      </Col>
    </Row>
  );
}

function ProcessTab({ editable }: { editable: boolean }) {
  const t = cm.useT();
  const [lang] = useLang();
  return (
    <>
      <Typography.Title level={5}>{t('steps')}</Typography.Title>
      <ListEditor
        name={['guide', 'steps']}
        editable={editable}
        addLabel="addStep"
        blank={{ key: '', name: '', days: 1, description: '' }}
        title={(i) => <RowTitle path={['guide', 'steps', i, 'name']} fallback={t('stepName')} />}
      >
        {(i) => (
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name={[i, 'name']} label={t('stepName')} rules={required(t, 'stepName')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={[i, 'key']} label={t('stepKey')} rules={[...required(t, 'stepKey'), KEY_RULE]}>
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={[i, 'days']} label={t('stepDays')}>
                <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name={[i, 'description']} label={t('stepDescription')} style={{ marginBottom: 0 }}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
              </Form.Item>
            </Col>
          </Row>
        )}
      </ListEditor>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('specialSteps')}
      </Typography.Title>
      <ListEditor
        name={['guide', 'specialSteps']}
        editable={editable}
        addLabel="addSpecial"
        blank={{ kind: 'site_inspection', name: '', days: 5, description: '' }}
        title={(i) => <RowTitle path={['guide', 'specialSteps', i, 'name']} fallback={t('stepName')} />}
      >
        {(i) => (
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item name={[i, 'kind']} label={t('specialKind')}>
                <Select
                  options={SPECIAL_STEP_KINDS.map((k) => ({ value: k, label: word('special', k, lang) }))}
                />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name={[i, 'name']} label={t('stepName')} rules={required(t, 'stepName')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={[i, 'days']} label={t('stepDays')}>
                <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name={[i, 'description']} label={t('stepDescription')} style={{ marginBottom: 0 }}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
              </Form.Item>
            </Col>
          </Row>
        )}
      </ListEditor>
    </>
  );
}

function BasesTab({ editable }: { editable: boolean }) {
  const t = cm.useT();
  const [lang] = useLang();
  return (
    <ListEditor
      name={['guide', 'legalBases']}
      editable={editable}
      addLabel="addBasis"
      blank={{ law: '', article: '', text: '', kind: 'implementing' }}
      title={(i) => <RowTitle path={['guide', 'legalBases', i, 'law']} fallback={t('law')} />}
    >
      {(i) => (
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name={[i, 'law']} label={t('law')} rules={required(t, 'law')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={[i, 'article']} label={t('article')} rules={required(t, 'article')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={[i, 'kind']} label={t('basisKind')}>
              <Select
                options={(['setting', 'implementing'] as const).map((k) => ({
                  value: k,
                  label: word('basis', k, lang),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name={[i, 'text']}
              label={t('articleText')}
              rules={required(t, 'articleText')}
              style={{ marginBottom: 0 }}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </ListEditor>
  );
}

function FaqTab({ editable }: { editable: boolean }) {
  const t = cm.useT();
  return (
    <ListEditor
      name={['guide', 'faq']}
      editable={editable}
      addLabel="addFaq"
      blank={{ question: '', answer: '' }}
      title={(i) => <RowTitle path={['guide', 'faq', i, 'question']} fallback={t('question')} />}
    >
      {(i) => (
        <>
          <Form.Item name={[i, 'question']} label={t('question')} rules={required(t, 'question')}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item
            name={[i, 'answer']}
            label={t('answer')}
            rules={required(t, 'answer')}
            style={{ marginBottom: 0 }}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
          </Form.Item>
        </>
      )}
    </ListEditor>
  );
}
