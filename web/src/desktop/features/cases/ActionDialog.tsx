/**
 * One case action with the form it needs (docs/api/cases.md "Act"): a reason for return, deny,
 * fail, reject, cancel and reopen; a note and after-photos for handling; the department for
 * dispatch (the routing suggestion preselected); the new deadline for an extension; the main case
 * for a merge. Sends the version read, so a concurrent change gets a clear 409.
 */
import { useEffect, useState } from 'react';
import { App as AntApp, Alert, DatePicker, Form, Input, Modal, Radio, Select, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, isApiError } from '../../../shared/api.js';
import { actionLabels, errorMessage, urgencyLabels, type CaseAction } from '../../../shared/labels.js';
import { formatDistance } from '../../../shared/format.js';
import { useLang } from '../../../shared/i18n.js';
import { cm } from './messages.js';
import { allDepartments, uploadPhotos, type CaseDetail, type Department } from './types.js';

const NEEDS_REASON: readonly CaseAction[] = [
  'reject',
  'cancel',
  'return',
  'deny',
  'fail',
  'reopen',
  'request-suspension',
];
const NEEDS_NOTE_AND_PHOTOS: readonly CaseAction[] = ['handle', 'self-handle'];

interface Values {
  reason?: string;
  note?: string;
  departmentId?: number;
  checkResult?: 'confirmed' | 'not_found';
  requestedDueAt?: Dayjs;
  targetCaseId?: number;
  closureType?: 'normal' | 'erroneous' | 'special';
  urgency?: 'normal' | 'urgent';
  address?: string;
}

export interface ActionDialogProps {
  detail: CaseDetail;
  action: CaseAction | null;
  onClose: () => void;
  onDone: (updated: CaseDetail) => void;
}

export function ActionDialog({ detail, action, onClose, onDone }: ActionDialogProps) {
  const t = cm.useT();
  const ta = actionLabels.useT();
  const tu = urgencyLabels.useT();
  const [lang] = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [departments, setDepartments] = useState<Department[]>([]);

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    setFiles([]);
    setError(null);
    if (action === 'dispatch') {
      allDepartments()
        .then(setDepartments)
        .catch(() => setDepartments([]));
      form.setFieldsValue({ departmentId: detail.suggestedDepartmentId ?? undefined });
    }
    if (action === 'file')
      form.setFieldsValue({ urgency: detail.urgency, address: detail.address ?? undefined });
    if (action === 'close') form.setFieldsValue({ closureType: 'normal' });
    if (action === 'check') form.setFieldsValue({ checkResult: 'confirmed' });
    if (action === 'merge' && detail.probableDuplicates[0]) {
      form.setFieldsValue({ targetCaseId: detail.probableDuplicates[0].id });
    }
  }, [action, detail, form]);

  if (!action) return null;

  async function submit() {
    if (!action) return;
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = { version: detail.version };
      if (values.reason) body.reason = values.reason.trim();
      if (values.note) body.note = values.note.trim();
      if (action === 'dispatch' && values.departmentId) body.departmentId = values.departmentId;
      if (action === 'check') body.checkResult = values.checkResult;
      if (action === 'request-extension' && values.requestedDueAt) {
        body.requestedDueAt = values.requestedDueAt.toISOString();
      }
      if (action === 'merge') body.targetCaseId = values.targetCaseId;
      if (action === 'close' && values.closureType && values.closureType !== 'normal') {
        body.closureType = values.closureType;
      }
      if (action === 'file') {
        const corrections: Record<string, unknown> = {};
        if (values.urgency && values.urgency !== detail.urgency) corrections.urgency = values.urgency;
        if (values.address && values.address !== (detail.address ?? '')) corrections.address = values.address;
        if (Object.keys(corrections).length) body.corrections = corrections;
      }
      if (NEEDS_NOTE_AND_PHOTOS.includes(action)) {
        const originals = files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
        body.afterPhotoIds = await uploadPhotos(originals);
      }
      const updated = await api.post<CaseDetail>(`/cases/${detail.id}/actions/${action}`, body);
      void message.success(t('done', { action: ta(action) }));
      onDone(updated);
    } catch (e) {
      if (isApiError(e) && e.errors.length) {
        form.setFields(
          Object.entries(e.fieldErrors)
            .filter(([name]) =>
              ['reason', 'note', 'departmentId', 'requestedDueAt', 'targetCaseId'].includes(name),
            )
            .map(([name, reason]) => ({ name: name as keyof Values, errors: [reason] })),
        );
      }
      setError(errorMessage(e, lang) + (isApiError(e) && e.detail ? `（${e.detail}）` : ''));
    } finally {
      setBusy(false);
    }
  }

  const title = ta(action);
  return (
    <Modal
      open
      title={`${title} · ${detail.number}`}
      okText={title}
      onOk={() =>
        // A form validation failure is shown at its fields; anything else must not vanish silently.
        void submit().catch((e: unknown) => {
          if (!(e && typeof e === 'object' && 'errorFields' in e)) setError(errorMessage(e, lang));
        })
      }
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" requiredMark>
        {action === 'dispatch' && (
          <>
            {detail.routingExplanation && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                message={`${t('suggested')}：${detail.suggestedDepartmentName ?? '—'}`}
                description={`${t('why')}：${detail.routingExplanation}`}
              />
            )}
            <Form.Item name="departmentId" label={t('dispatchTo')} rules={[{ required: true }]}>
              <Select
                showSearch
                optionFilterProp="label"
                options={departments.map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
          </>
        )}
        {action === 'file' && (
          <>
            <Form.Item name="urgency" label={t('urgency')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'normal', label: tu('normal') },
                  { value: 'urgent', label: tu('urgent') },
                ]}
              />
            </Form.Item>
            <Form.Item name="address" label={t('address')}>
              <Input maxLength={256} />
            </Form.Item>
          </>
        )}
        {action === 'check' && (
          <Form.Item name="checkResult" label={t('checkResult')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'confirmed', label: t('confirmed') },
                { value: 'not_found', label: t('notFound') },
              ]}
            />
          </Form.Item>
        )}
        {action === 'merge' && (
          <Form.Item
            name="targetCaseId"
            label={t('target')}
            rules={[{ required: true, message: t('targetRequired') }]}
          >
            <Select
              options={detail.probableDuplicates.map((d) => ({
                value: d.id,
                label: `${d.number} · ${formatDistance(d.distanceM, lang)}`,
              }))}
            />
          </Form.Item>
        )}
        {action === 'close' && (
          <Form.Item name="closureType" label={t('closureType')}>
            <Radio.Group
              options={[
                { value: 'normal', label: t('closureNormal') },
                { value: 'erroneous', label: t('closureErroneous') },
                { value: 'special', label: t('closureSpecial') },
              ]}
            />
          </Form.Item>
        )}
        {action === 'request-extension' && (
          <Form.Item
            name="requestedDueAt"
            label={t('requestedDueAt')}
            rules={[{ required: true, message: t('dueRequired') }]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
              style={{ width: '100%' }}
            />
          </Form.Item>
        )}
        {(NEEDS_REASON.includes(action) ||
          action === 'request-extension' ||
          (action === 'close' && form.getFieldValue('closureType') !== 'normal')) && (
          <Form.Item
            name="reason"
            label={t('reason')}
            rules={[{ required: action !== 'close', whitespace: true, message: t('reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        )}
        {(NEEDS_NOTE_AND_PHOTOS.includes(action) || action === 'escalate') && (
          <Form.Item
            name="note"
            label={t('note')}
            rules={[{ required: true, whitespace: true, message: t('noteRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        )}
        {NEEDS_NOTE_AND_PHOTOS.includes(action) && (
          <Form.Item
            label={t('afterPhotos')}
            required
            validateStatus={error && files.length === 0 ? 'error' : undefined}
          >
            <Upload.Dragger
              accept="image/jpeg,image/png,image/webp,image/heic"
              multiple
              maxCount={10}
              listType="picture"
              fileList={files}
              beforeUpload={() => false}
              onChange={({ fileList }) => setFiles(fileList)}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>{t('upload')}</p>
            </Upload.Dragger>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
