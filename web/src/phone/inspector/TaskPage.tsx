/**
 * One case on the inspector's phone: facts, photos, place, history, and the actions the server
 * allows now — check (属实/不属实), verify (pass / fail with a reason) — each with optional photos.
 */
import {
  Button,
  DotLoading,
  Form,
  Image,
  ImageViewer,
  List,
  NavBar,
  Selector,
  Space,
  Steps,
  Tag,
  TextArea,
  Toast,
  type ImageUploadItem,
} from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../shared/api.js';
import { formatDateTime } from '../../shared/format.js';
import { actorLabel, eventLabel, eventText } from '../../shared/history.js';
import { useLang } from '../../shared/i18n.js';
import { statusLabels, type CaseAction } from '../../shared/labels.js';
import { phoneMessages } from '../messages.js';
import { PointMap } from '../PointMap.js';
import { LangSwitch, PhotoPicker, photoIds, problemText } from '../ui.js';
import { staff, type CaseDetail } from './api.js';
import { inspectorMessages } from './messages.js';

function PhotoRow({
  detail,
  phase,
  title,
}: {
  detail: CaseDetail;
  phase: 'before' | 'after';
  title: string;
}) {
  const photos = detail.photos.filter((p) => p.phase === phase);
  if (photos.length === 0) return null;
  return (
    <List.Item title={title}>
      <Space wrap>
        {photos.map((p, i) => (
          <Image
            key={p.fileId}
            src={`${p.url}/thumbnail`}
            width={80}
            height={80}
            fit="cover"
            alt={`${title} ${i + 1}`}
            style={{ borderRadius: 6 }}
            onClick={() => ImageViewer.Multi.show({ images: photos.map((x) => x.url), defaultIndex: i })}
          />
        ))}
      </Space>
    </List.Item>
  );
}

export function TaskPage() {
  const { id } = useParams();
  const caseId = Number(id);
  const t = inspectorMessages.useT();
  const tp = phoneMessages.useT();
  const status = statusLabels.useT();
  const [lang] = useLang();
  const navigate = useNavigate();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [checkResult, setCheckResult] = useState<'confirmed' | 'not_found'>('confirmed');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [busy, setBusy] = useState<CaseAction | null>(null);

  const load = useCallback(
    () =>
      staff
        .case(caseId)
        .then(setDetail, (error: unknown) => Toast.show({ icon: 'fail', content: problemText(error) })),
    [caseId],
  );
  useEffect(() => void load(), [load]);

  async function act(name: CaseAction, body: Record<string, unknown>) {
    if (!detail) return;
    setBusy(name);
    try {
      const ids = photoIds(photos);
      const updated = await staff.act(detail.id, name, {
        version: detail.version,
        ...body,
        ...(ids.length > 0 ? { afterPhotoIds: ids } : {}),
      });
      Toast.show({ icon: 'success', content: t('done') });
      setDetail(updated);
      setPhotos([]);
      setNote('');
      setReason('');
    } catch (error) {
      if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
        Toast.show({ content: t('conflict') });
        void load();
      } else Toast.show({ icon: 'fail', content: problemText(error), duration: 4000 });
    } finally {
      setBusy(null);
    }
  }

  const header = (
    <NavBar onBack={() => navigate('/inspector')} right={<LangSwitch />}>
      {t('caseTitle')}
    </NavBar>
  );
  if (!detail)
    return (
      <div>
        {header}
        <div style={{ padding: 48, textAlign: 'center' }}>
          <DotLoading />
        </div>
      </div>
    );

  const allowed = new Set(detail.allowedActions);
  const canCheck = allowed.has('check');
  const canVerify = allowed.has('pass') || allowed.has('fail');
  return (
    <div style={{ paddingBottom: 24 }}>
      {header}
      <List>
        <List.Item extra={<Tag color="primary">{status(detail.status)}</Tag>} description={detail.number}>
          {detail.classification.name}
        </List.Item>
        <List.Item extra={formatDateTime(detail.reportedAt)}>{t('reportedAt')}</List.Item>
        {detail.address && <List.Item extra={detail.address}>{t('address')}</List.Item>}
        {detail.gridCode && (
          <List.Item
            extra={detail.gridName ?? detail.gridCode}
            description={detail.communityName ?? undefined}
          >
            {t('grid')}
          </List.Item>
        )}
        <List.Item title={tp('description')}>{detail.description}</List.Item>
        <PhotoRow detail={detail} phase="before" title={t('beforePhotos')} />
        <PhotoRow detail={detail} phase="after" title={t('afterPhotos')} />
      </List>
      <div style={{ padding: '8px 12px' }}>
        <PointMap label={tp('location')} point={detail.location} height={200} context components />
      </div>
      {(canCheck || canVerify) && (
        <Form layout="vertical" mode="card">
          <Form.Header>{canCheck ? t('checkTask') : t('verifyTask')}</Form.Header>
          {canCheck && (
            <Form.Item label={t('checkResult')}>
              <Selector
                columns={2}
                value={[checkResult]}
                onChange={(value) => value[0] && setCheckResult(value[0])}
                options={[
                  { label: t('confirmed'), value: 'confirmed' as const },
                  { label: t('notFound'), value: 'not_found' as const },
                ]}
              />
            </Form.Item>
          )}
          <Form.Item label={canVerify ? t('reason') : t('note')}>
            <TextArea
              aria-label={canVerify ? t('reason') : t('note')}
              value={canVerify ? reason : note}
              onChange={canVerify ? setReason : setNote}
              placeholder={canVerify ? t('reasonPlaceholder') : t('notePlaceholder')}
              rows={3}
              maxLength={1000}
            />
          </Form.Item>
          <Form.Item label={tp('photos')}>
            <PhotoPicker
              label={tp('photos')}
              upload={staff.uploadPhoto}
              value={photos}
              onChange={setPhotos}
            />
          </Form.Item>
          <Form.Item>
            {canCheck && (
              <Button
                block
                color="primary"
                loading={busy === 'check'}
                onClick={() =>
                  void act('check', { checkResult, ...(note.trim() ? { note: note.trim() } : {}) })
                }
              >
                {t('submitCheck')}
              </Button>
            )}
            {canVerify && (
              <Space direction="vertical" block>
                {allowed.has('pass') && (
                  <Button
                    block
                    color="success"
                    loading={busy === 'pass'}
                    onClick={() => void act('pass', {})}
                  >
                    {t('pass')}
                  </Button>
                )}
                {allowed.has('fail') && (
                  <Button
                    block
                    color="danger"
                    fill="outline"
                    disabled={!reason.trim()}
                    loading={busy === 'fail'}
                    onClick={() => void act('fail', { reason: reason.trim() })}
                  >
                    {t('fail')}
                  </Button>
                )}
              </Space>
            )}
          </Form.Item>
        </Form>
      )}
      {!canCheck && !canVerify && (
        <p style={{ padding: '0 16px', color: 'var(--adm-color-weak)' }}>{t('noActions')}</p>
      )}
      <List header={t('timeline')}>
        <Steps direction="vertical" current={detail.timeline.length - 1} style={{ padding: '0 12px' }}>
          {detail.timeline.map((e) => (
            <Steps.Step
              key={e.id}
              title={`${eventLabel(e.action, lang)}${e.toStatus ? ` → ${status(e.toStatus)}` : ''}`}
              description={[formatDateTime(e.at), actorLabel(e.actor, lang), eventText(e, lang)]
                .filter(Boolean)
                .join(' · ')}
            />
          ))}
        </Steps>
      </List>
    </div>
  );
}
