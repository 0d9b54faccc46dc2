/**
 * 登记案件: the operator (受理员) registers a hotline call (热线) or a walk-in report (来访) with
 * the reporter's name and phone (stored encrypted, src/reporters), the class, the place picked on
 * the map, a description and photos — POST /cases with an Idempotency-Key, so a retried submit
 * registers one case.
 */
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  Radio,
  Result,
  Row,
  Select,
  Typography,
  Upload,
} from 'antd';
import type { UploadFile } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, idempotencyKey } from '../../../shared/api.js';
import { MapView } from '../../../shared/map/index.js';
import { sourceLabels, urgencyLabels } from '../../../shared/labels.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { useAsync } from '../../ui/useAsync.js';
import { useRegionLayers } from '../../ui/useRegions.js';
import { useWebConfig } from '../../ui/useWebConfig.js';
import { m } from '../../messages.js';
import { activeClasses } from './directory.js';
import { qm } from './queue-messages.js';
import { uploadPhotos } from './types.js';

interface Values {
  source: 'hotline' | 'walk_in';
  name?: string;
  phone?: string;
  contactConsent?: boolean;
  classificationId?: number;
  address?: string;
  description?: string;
  urgency: 'normal' | 'urgent';
}

interface Located {
  grid: { name: string };
  community: { name: string };
  street: { name: string };
}

/** Mainland mobile or landline, with spaces and dashes allowed (the server normalises it). */
const PHONE = /^(\+?86[\s-]?)?(1\d{2}[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}[\s-]?\d{7,8})$/;

export function IntakePage() {
  const t = qm.useT();
  const tm = m.useT();
  const ts = sourceLabels.useT();
  const tu = urgencyLabels.useT();
  const navigate = useNavigate();
  const config = useWebConfig();
  const [form] = Form.useForm<Values>();
  const [point, setPoint] = useState<{ lng: number; lat: number } | null>(null);
  const [place, setPlace] = useState<Located | 'outside' | null>(null);
  const [pointMissing, setPointMissing] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ id: number; number: string } | null>(null);
  const key = useRef(idempotencyKey());
  const classes = useAsync(() => activeClasses(), []);
  const { polygons, fit } = useRegionLayers();

  const pick = (p: { lng: number; lat: number }) => {
    setPoint(p);
    setPointMissing(false);
    setPlace(null);
    api.get<Located>('/locate', { lng: p.lng, lat: p.lat }).then(setPlace, () => setPlace('outside'));
  };

  const submit = async (v: Values) => {
    if (!point || place === 'outside') {
      setPointMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const chosen = files.flatMap((f) => (f.originFileObj ? [f.originFileObj] : []));
      const photoIds = chosen.length ? await uploadPhotos(chosen) : [];
      const name = v.name?.trim();
      const phone = v.phone?.trim();
      const answer = await api.post<{ id: number; number: string }>(
        '/cases',
        {
          source: v.source,
          classificationId: v.classificationId,
          location: point,
          ...(v.address?.trim() ? { address: v.address.trim() } : {}),
          description: v.description?.trim(),
          urgency: v.urgency,
          ...(photoIds.length ? { beforePhotoIds: photoIds } : {}),
          reporter:
            name || phone
              ? { name: name || null, phone: phone || null, contactConsent: v.contactConsent === true }
              : { anonymous: true },
        },
        { idempotencyKey: key.current },
      );
      setCreated(answer);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    form.resetFields();
    setPoint(null);
    setPlace(null);
    setFiles([]);
    setCreated(null);
    key.current = idempotencyKey();
  };

  if (created) {
    return (
      <>
        <PageHeader title={t('navIntake')} />
        <Card>
          <Result
            status="success"
            title={t('submitted', { number: created.number })}
            extra={[
              <Button key="open" type="primary" onClick={() => void navigate(`/cases/${created.id}`)}>
                {t('openCase')}
              </Button>,
              <Button key="again" onClick={reset}>
                {t('registerAnother')}
              </Button>,
            ]}
          />
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('navIntake')} sub={t('intakeSub')} />
      <Row gutter={16}>
        <Col span={11}>
          <Card>
            <ErrorAlert error={error} />
            <Form<Values>
              form={form}
              layout="vertical"
              initialValues={{ source: 'hotline', urgency: 'normal', contactConsent: true }}
              onFinish={(v) => void submit(v)}
              onFinishFailed={() => setPointMissing(!point)}
            >
              <Form.Item name="source" label={t('channel')}>
                <Radio.Group
                  optionType="button"
                  options={(['hotline', 'walk_in'] as const).map((s) => ({ value: s, label: ts(s) }))}
                />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="name" label={t('reporterName')}>
                    <Input maxLength={50} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    name="phone"
                    label={t('reporterPhone')}
                    rules={[{ pattern: PHONE, message: t('phoneInvalid') }]}
                  >
                    <Input maxLength={20} inputMode="tel" autoComplete="off" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="contactConsent" valuePropName="checked" style={{ marginTop: -8 }}>
                <Checkbox>{t('contactConsent')}</Checkbox>
              </Form.Item>
              <Form.Item
                name="classificationId"
                label={t('classification')}
                rules={[{ required: true, message: t('classRequired') }]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  loading={classes.loading}
                  options={(classes.data ?? []).map((c) => ({
                    value: c.id,
                    label: `${c.name}（${c.code}）`,
                  }))}
                />
              </Form.Item>
              <Form.Item name="address" label={t('address')}>
                <Input maxLength={256} />
              </Form.Item>
              <Form.Item
                name="description"
                label={t('descriptionLabel')}
                rules={[{ required: true, whitespace: true, message: t('descriptionRequired') }]}
              >
                <Input.TextArea rows={4} maxLength={2000} showCount />
              </Form.Item>
              <Form.Item name="urgency" label={tm('colUrgency')}>
                <Radio.Group
                  options={(['normal', 'urgent'] as const).map((u) => ({ value: u, label: tu(u) }))}
                />
              </Form.Item>
              <Form.Item label={t('photos')}>
                <Upload
                  listType="picture-card"
                  accept="image/*"
                  multiple
                  fileList={files}
                  beforeUpload={() => false}
                  onChange={({ fileList }) => setFiles(fileList.slice(0, 10))}
                >
                  {files.length < 10 && (
                    <div>
                      <PlusOutlined />
                      <div style={{ marginTop: 4 }}>{t('addPhotos')}</div>
                    </div>
                  )}
                </Upload>
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} size="large">
                {t('submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col span={13}>
          <Card size="small" title={t('pickOnMap')} styles={{ body: { padding: 8 } }}>
            <MapView
              label={t('pickOnMap')}
              tiles={config?.tiles ?? null}
              polygons={polygons}
              fit={fit}
              marker={point}
              onMapClick={pick}
              style={{ height: 520 }}
            />
            <div role="status" style={{ marginTop: 8, minHeight: 22 }}>
              {place === 'outside' ? (
                <Typography.Text type="danger">{t('pickedOutside')}</Typography.Text>
              ) : place ? (
                <Typography.Text>
                  {t('picked', {
                    place: `${place.street.name} · ${place.community.name} · ${place.grid.name}`,
                  })}
                </Typography.Text>
              ) : pointMissing ? (
                <Typography.Text type="danger">{t('locationRequired')}</Typography.Text>
              ) : null}
            </div>
          </Card>
        </Col>
      </Row>
    </>
  );
}
