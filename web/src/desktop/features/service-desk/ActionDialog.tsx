/**
 * One action on an application with the form it needs (docs/api/services.md "Applications"):
 * 不予受理 with reason and legal basis; 一次性告知 with every material marked missing or wrong
 * listed at once (the applicant may correct only once, so nothing may be left out); 特殊环节 with
 * its kind; 延期 with days; 办结 with the decision, its reason and legal basis, the result and how
 * it is delivered. Sends the version read, so a concurrent change gets a clear 409.
 */
import { useEffect, useState } from 'react';
import {
  App as AntApp,
  Alert,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { api, isApiError } from '../../../shared/api.js';
import { errorMessage } from '../../../shared/labels.js';
import { useLang } from '../../../shared/i18n.js';
import {
  actionNames,
  deliveryLabels,
  markLabels,
  outcomeLabels,
  sm,
  specialKindLabels,
  type Action,
} from './messages.js';
import {
  SPECIAL_STEP_KINDS,
  type Application,
  type Delivery,
  type Outcome,
  type SpecialStepKind,
  type VersionView,
} from './types.js';

/** Where each action is sent (POST /applications/:id/<path>). */
const PATHS: Record<Action, string> = {
  accept: 'accept',
  reject: 'reject',
  request_correction: 'request-correction',
  deliver: 'deliver',
  start_review: 'start-review',
  start_special_step: 'special-steps',
  end_special_step: 'special-steps/end',
  request_hold: 'hold',
  approve_hold: 'hold/approve',
  resume: 'resume',
  request_extension: 'extension',
  approve_extension: 'extension/approve',
  decide: 'decide',
};

interface CorrectionRow {
  key?: string | null;
  name: string;
  reason: string;
}

interface Values {
  note?: string;
  reason?: string;
  legalBasis?: string;
  items?: CorrectionRow[];
  kind?: SpecialStepKind;
  days?: number;
  outcome?: Outcome;
  resultDescription?: string;
  delivery?: Delivery;
}

/** The 一次性告知 list from the window's marks: every material marked missing or wrong. */
export function correctionFromMarks(detail: Application, version: VersionView | undefined): CorrectionRow[] {
  const tm = markLabels;
  const rows: CorrectionRow[] = detail.materials
    .filter((mat) => mat.mark === 'missing' || mat.mark === 'wrong')
    .map((mat) => ({
      key: mat.key,
      name: mat.name,
      reason: mat.note?.trim() || tm.t(mat.mark!),
    }));
  // A required material the applicant never submitted is missing even before the window marks it.
  for (const req of version?.guide.materials ?? []) {
    // Materials the government obtains itself (共享, 电子证照) are never asked of the applicant.
    if (!req.required || req.source === 'sharing' || req.source === 'certificate') continue;
    if (rows.some((r) => r.key === req.key)) continue;
    const given = detail.materials.find((mat) => mat.key === req.key);
    if (!given?.fileId && given?.mark !== 'ok')
      rows.push({ key: req.key, name: req.name, reason: tm.t('missing') });
  }
  return rows;
}

export function ActionDialog({
  detail,
  version,
  action,
  onClose,
  onDone,
}: {
  detail: Application;
  version: VersionView | undefined;
  action: Action | null;
  onClose: () => void;
  onDone: (updated: Application | null) => void;
}) {
  const t = sm.useT();
  const ta = actionNames.useT();
  const tk = specialKindLabels.useT();
  const td = deliveryLabels.useT();
  const to = outcomeLabels.useT();
  const [lang] = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const outcome = Form.useWatch('outcome', form);

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    setError(null);
    if (action === 'request_correction') form.setFieldsValue({ items: correctionFromMarks(detail, version) });
    if (action === 'decide')
      form.setFieldsValue({
        outcome: 'approved',
        delivery: detail.decision?.delivery ?? version?.guide.deliveryMethods?.[0] ?? 'pickup',
      });
    if (action === 'start_special_step')
      form.setFieldsValue({ kind: version?.guide.specialSteps?.[0]?.kind ?? 'site_inspection' });
  }, [action, detail, version, form]);

  if (!action) return null;

  async function submit() {
    if (!action) return;
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = { version: detail.version };
      const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
      switch (action) {
        case 'accept':
        case 'deliver':
        case 'end_special_step':
          if (text(v.note)) body.note = text(v.note);
          break;
        case 'reject':
          body.reason = text(v.reason);
          body.legalBasis = text(v.legalBasis);
          break;
        case 'request_correction':
          body.items = (v.items ?? []).map((row) => ({
            ...(row.key ? { key: row.key } : {}),
            name: row.name.trim(),
            reason: row.reason.trim(),
          }));
          if (text(v.note)) body.note = text(v.note);
          break;
        case 'start_special_step':
          body.kind = v.kind;
          if (text(v.note)) body.note = text(v.note);
          break;
        case 'request_hold':
          body.reason = text(v.reason);
          break;
        case 'resume':
          if (text(v.reason)) body.reason = text(v.reason);
          break;
        case 'request_extension':
          body.days = v.days;
          body.reason = text(v.reason);
          break;
        case 'decide':
          body.outcome = v.outcome;
          if (text(v.reason)) body.reason = text(v.reason);
          if (text(v.legalBasis)) body.legalBasis = text(v.legalBasis);
          body.resultDescription = text(v.resultDescription);
          body.delivery = v.delivery;
          break;
        case 'start_review':
        case 'approve_hold':
        case 'approve_extension':
          break;
      }
      const updated = await api.post<Application | undefined>(
        `/applications/${detail.id}/${PATHS[action]}`,
        body,
      );
      void message.success(t('done', { action: ta(action) }));
      onDone(updated && typeof updated === 'object' && 'id' in updated ? updated : null);
    } catch (e) {
      if (isApiError(e) && e.errors.length) {
        const known = [
          'note',
          'reason',
          'legalBasis',
          'kind',
          'days',
          'outcome',
          'resultDescription',
          'delivery',
        ];
        form.setFields(
          Object.entries(e.fieldErrors)
            .filter(([name]) => known.includes(name))
            .map(([name, reason]) => ({ name: name as keyof Values, errors: [reason] })),
        );
      }
      setError(errorMessage(e, lang) + (isApiError(e) && e.detail ? `（${e.detail}）` : ''));
    } finally {
      setBusy(false);
    }
  }

  const title = ta(action);
  const reasonRequired = ['reject', 'request_hold', 'request_extension'].includes(action);
  const needsBasis = action === 'reject' || (action === 'decide' && outcome === 'refused');
  return (
    <Modal
      open
      title={`${title} · ${detail.number}`}
      okText={title}
      okButtonProps={{ danger: action === 'reject', loading: busy }}
      onOk={() =>
        void submit().catch((e: unknown) => {
          if (!(e && typeof e === 'object' && 'errorFields' in e)) setError(errorMessage(e, lang));
        })
      }
      onCancel={onClose}
      destroyOnHidden
      width={action === 'request_correction' ? 720 : 560}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      {action === 'accept' && (
        <Alert type="info" showIcon message={t('acceptHint')} style={{ marginBottom: 12 }} />
      )}
      {action === 'approve_extension' && detail.pending?.extension && (
        <Typography.Paragraph>
          {t('approveExtensionText', {
            days: detail.pending.extension.days,
            reason: detail.pending.extension.reason,
          })}
        </Typography.Paragraph>
      )}
      {action === 'approve_hold' && detail.pending?.hold && (
        <Typography.Paragraph>
          {t('approveHoldText', { reason: detail.pending.hold.reason })}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" requiredMark>
        {action === 'request_correction' && (
          <>
            <Typography.Paragraph type="secondary">{t('correctionItemsHint')}</Typography.Paragraph>
            <Form.List
              name="items"
              rules={[
                {
                  validator: async (_r, rows: CorrectionRow[] | undefined) => {
                    if (!rows?.length) throw new Error(t('correctionItemsEmpty'));
                  },
                },
              ]}
            >
              {(fields, { add, remove }, { errors }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="start" style={{ display: 'flex' }} data-testid="correction-row">
                      <Form.Item
                        name={[f.name, 'name']}
                        rules={[{ required: true, whitespace: true, message: t('correctionName') }]}
                      >
                        <Input
                          aria-label={t('correctionName')}
                          placeholder={t('correctionName')}
                          style={{ width: 220 }}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'reason']}
                        rules={[{ required: true, whitespace: true, message: t('correctionReason') }]}
                      >
                        <Input
                          aria-label={t('correctionReason')}
                          placeholder={t('correctionReason')}
                          style={{ width: 360 }}
                        />
                      </Form.Item>
                      <Button
                        aria-label={`删除 ${f.name + 1}`}
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                      />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', reason: '' })}>
                    {t('correctionAdd')}
                  </Button>
                  <Form.ErrorList errors={errors} />
                </>
              )}
            </Form.List>
            <Form.Item name="note" label={t('correctionNote')} style={{ marginTop: 12 }}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        )}
        {action === 'start_special_step' && (
          <Form.Item name="kind" label={t('specialKind')} rules={[{ required: true }]}>
            <Radio.Group options={SPECIAL_STEP_KINDS.map((k) => ({ value: k, label: tk(k) }))} />
          </Form.Item>
        )}
        {action === 'request_extension' && (
          <Form.Item name="days" label={t('days')} rules={[{ required: true, message: t('daysRequired') }]}>
            <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} />
          </Form.Item>
        )}
        {action === 'decide' && (
          <Form.Item name="outcome" label={t('outcome')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={(['approved', 'refused'] as const).map((o) => ({ value: o, label: to(o) }))}
            />
          </Form.Item>
        )}
        {(reasonRequired || action === 'decide' || action === 'resume') && (
          <Form.Item
            name="reason"
            label={t('reason')}
            rules={[
              {
                required: reasonRequired || outcome === 'refused',
                whitespace: true,
                message: t('reasonRequired'),
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        )}
        {(action === 'reject' || action === 'decide') && (
          <Form.Item
            name="legalBasis"
            label={t('legalBasis')}
            rules={[{ required: needsBasis, whitespace: true, message: t('basisRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
        {action === 'decide' && (
          <>
            <Form.Item
              name="resultDescription"
              label={t('result')}
              rules={[{ required: true, whitespace: true, message: t('resultRequired') }]}
            >
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Form.Item
              name="delivery"
              label={t('delivery')}
              rules={[{ required: true, message: t('deliveryRequired') }]}
            >
              <Select
                style={{ width: 200 }}
                options={(['pickup', 'post', 'online'] as const).map((d) => ({ value: d, label: td(d) }))}
              />
            </Form.Item>
          </>
        )}
        {['accept', 'deliver', 'start_special_step', 'end_special_step'].includes(action) && (
          <Form.Item name="note" label={t('note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
