/** 办理进度 — a report's public status, notes and photos, and the citizen's rating once closed. */
import {
  Button,
  Checkbox,
  DotLoading,
  ErrorBlock,
  Form,
  Image,
  ImageViewer,
  List,
  NavBar,
  Rate,
  Space,
  Steps,
  Tag,
  TextArea,
  Toast,
} from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../shared/api.js';
import { formatDateTime } from '../../shared/format.js';
import { useLang } from '../../shared/i18n.js';
import { phoneMessages } from '../messages.js';
import { PointMap } from '../PointMap.js';
import { LangSwitch, problemText } from '../ui.js';
import { citizen, type PublicPhoto, type PublicReport } from './api.js';
import { citizenMessages } from './messages.js';
import { StarRating } from './StarRating.js';
import { STATUS_COLOURS, STEPS, usePublicStatusLabel } from './status.js';

function Photos({ photos, title }: { photos: PublicPhoto[]; title: string }) {
  if (photos.length === 0) return null;
  return (
    <List.Item title={title}>
      <Space wrap>
        {photos.map((p, i) => (
          <Image
            key={p.id}
            src={p.thumbnailUrl}
            width={88}
            height={88}
            fit="cover"
            style={{ borderRadius: 6 }}
            alt={`${title} ${i + 1}`}
            onClick={() => ImageViewer.Multi.show({ images: photos.map((x) => x.url), defaultIndex: i })}
          />
        ))}
      </Space>
    </List.Item>
  );
}

function RatingForm({ report, onRated }: { report: PublicReport; onRated: (r: PublicReport) => void }) {
  const t = citizenMessages.useT();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [reopen, setReopen] = useState(false);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const low = score > 0 && score <= 2;

  async function send() {
    setSending(true);
    try {
      const updated = await citizen.rate(report.trackingCode, {
        score,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(low && reopen && report.canRequestReopen ? { requestReopen: true, reason: reason.trim() } : {}),
      });
      Toast.show({ icon: 'success', content: t('ratingThanks') });
      onRated(updated);
    } catch (error) {
      Toast.show({ icon: 'fail', content: problemText(error), duration: 4000 });
    } finally {
      setSending(false);
    }
  }

  return (
    <Form layout="vertical" mode="card">
      <Form.Header>{t('rateTitle')}</Form.Header>
      <Form.Item label={t('score')}>
        <StarRating value={score} onChange={setScore} label={t('score')} />
      </Form.Item>
      <Form.Item label={t('comment')}>
        <TextArea
          aria-label={t('comment')}
          value={comment}
          onChange={setComment}
          placeholder={t('commentPlaceholder')}
          rows={3}
          maxLength={500}
        />
      </Form.Item>
      {report.canRequestReopen && (
        <Form.Item description={low ? undefined : t('reopenOnlyLow')}>
          <Checkbox checked={reopen && low} disabled={!low} onChange={setReopen}>
            {t('requestReopen')}
          </Checkbox>
        </Form.Item>
      )}
      {low && reopen && (
        <Form.Item label={t('reopenReason')}>
          <TextArea
            aria-label={t('reopenReason')}
            value={reason}
            onChange={setReason}
            placeholder={t('reopenReasonPlaceholder')}
            rows={3}
            maxLength={500}
          />
        </Form.Item>
      )}
      <Form.Item>
        <Button
          block
          color="primary"
          loading={sending}
          disabled={score === 0 || (low && reopen && !reason.trim())}
          onClick={() => void send()}
        >
          {t('submitRating')}
        </Button>
      </Form.Item>
    </Form>
  );
}

export function TrackPage() {
  const { code = '' } = useParams();
  const t = citizenMessages.useT();
  const tp = phoneMessages.useT();
  const [lang] = useLang();
  const statusLabel = usePublicStatusLabel();
  const navigate = useNavigate();
  const [report, setReport] = useState<PublicReport | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const load = useCallback(() => {
    setFailure(null);
    citizen.report(code).then(setReport, setFailure);
  }, [code]);
  useEffect(load, [load]);

  const header = (
    <NavBar onBack={() => navigate('/')} right={<LangSwitch />}>
      {t('statusTitle')}
    </NavBar>
  );
  if (failure) {
    const notFound = isApiError(failure) && failure.status === 404;
    return (
      <div>
        {header}
        <ErrorBlock
          status={notFound ? 'empty' : 'default'}
          title={notFound ? t('notFound', { code }) : problemText(failure)}
          description=""
        >
          {!notFound && <Button onClick={load}>{tp('retry')}</Button>}
        </ErrorBlock>
      </div>
    );
  }
  if (!report) {
    return (
      <div>
        {header}
        <div style={{ padding: 48, textAlign: 'center' }}>
          <DotLoading /> {tp('loading')}
        </div>
      </div>
    );
  }
  const step = report.publicStatus === 'rejected' ? 1 : STEPS.indexOf(report.publicStatus);
  const steps = report.publicStatus === 'rejected' ? (['received', 'rejected'] as const) : STEPS;
  return (
    <div style={{ paddingBottom: 24 }}>
      {header}
      <List header={report.caseNumber}>
        <List.Item
          extra={
            <Tag color={STATUS_COLOURS[report.publicStatus]} data-testid="public-status">
              {statusLabel(report.publicStatus)}
            </Tag>
          }
          description={lang === 'en' ? report.category.nameEn : report.category.name}
        >
          {t('trackingCode')} {report.trackingCode}
        </List.Item>
      </List>
      <Steps current={step} style={{ '--title-font-size': '13px' }}>
        {steps.map((s) => (
          <Steps.Step key={s} title={statusLabel(s)} status={s === 'rejected' ? 'error' : undefined} />
        ))}
      </Steps>
      <List>
        <List.Item extra={formatDateTime(report.submittedAt)}>{t('submittedAt')}</List.Item>
        <List.Item extra={report.expectedBy ? formatDateTime(report.expectedBy) : t('notYetKnown')}>
          {t('expectedBy')}
        </List.Item>
        {report.closedAt && <List.Item extra={formatDateTime(report.closedAt)}>{t('closedAt')}</List.Item>}
        <List.Item title={tp('description')}>{report.description}</List.Item>
        {report.address && <List.Item title={tp('location')}>{report.address}</List.Item>}
        <Photos photos={report.photos.before} title={t('before')} />
        <Photos photos={report.photos.after} title={t('after')} />
      </List>
      <div style={{ padding: '8px 12px' }}>
        <PointMap label={tp('location')} point={report.location} height={200} context />
        {report.location.rounded && (
          <div style={{ fontSize: 12, color: 'var(--adm-color-weak)' }}>{t('locationRounded')}</div>
        )}
      </div>
      <List header={t('notes')}>
        {[...report.notes].reverse().map((note, i) => (
          <List.Item
            key={`${note.at}-${i}`}
            description={formatDateTime(note.at)}
            extra={statusLabel(note.status)}
          >
            {note.text}
          </List.Item>
        ))}
      </List>
      {report.rating ? (
        <List header={t('rateTitle')}>
          <List.Item description={report.rating.comment ?? undefined}>
            <span aria-hidden="true">
              <Rate readOnly value={report.rating.score} />
            </span>{' '}
            {report.rating.score === 1 ? t('yourRatingOne') : t('yourRating', { score: report.rating.score })}
          </List.Item>
          {report.reopenRequest && (
            <List.Item>
              {t('reopenRequested', {
                status: t(
                  report.reopenRequest.status === 'accepted'
                    ? 'reopenAccepted'
                    : report.reopenRequest.status === 'declined'
                      ? 'reopenDeclined'
                      : 'reopenPending',
                ),
              })}
            </List.Item>
          )}
        </List>
      ) : (
        report.canRate && <RatingForm report={report} onRated={setReport} />
      )}
    </div>
  );
}
