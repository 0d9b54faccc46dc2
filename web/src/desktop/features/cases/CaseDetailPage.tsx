/**
 * 案卷详情 for every role: facts, photos, the case on the map, deadlines with remaining working
 * time, the full timeline, and the actions the server allows this user as buttons.
 */
import { useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Image,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { formatDateTime, formatDistance } from '../../../shared/format.js';
import { actorLabel, eventLabel, eventText } from '../../../shared/history.js';
import { useLang } from '../../../shared/i18n.js';
import {
  actionLabels,
  clockLabels,
  kindLabels,
  sourceLabels,
  stageLabels,
  type CaseAction,
  type Clock,
} from '../../../shared/labels.js';
import { useAsync } from '../../ui/useAsync.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { m } from '../../messages.js';
import { cm } from './messages.js';
import { ActionDialog } from './ActionDialog.js';
import { CaseMap } from './CaseMap.js';
import { RatingCard, ReporterPanel } from './ReporterPanel.js';
import { RemainingTag, StatusTag, TierTag, UrgencyTag } from './tags.js';
import { getCase, type CaseDetail, type ClockView } from './types.js';

/** Actions that change nothing but the status need no form: primary buttons first. */
const PRIMARY: readonly CaseAction[] = [
  'file',
  'dispatch',
  'accept',
  'handle',
  'approve',
  'pass',
  'close',
  'send-verify',
  'send-check',
];
const DANGER: readonly CaseAction[] = ['reject', 'cancel', 'deny', 'fail', 'return'];

export function CaseDetailPage() {
  const { id } = useParams();
  const caseId = Number(id);
  const state = useAsync((signal) => getCase(caseId, signal), [caseId]);
  const [override, setOverride] = useState<CaseDetail | null>(null);
  const detail = override && override.id === caseId ? override : state.data;
  const t = m.useT();

  if (state.error) return <ErrorAlert error={state.error} onRetry={state.reload} />;
  if (!detail) return <Skeleton active paragraph={{ rows: 12 }} />;
  return (
    <CaseDetailView
      detail={detail}
      onChanged={(d) => setOverride(d)}
      onReload={() => {
        setOverride(null);
        state.reload();
      }}
      title={t('caseDetail')}
    />
  );
}

export function CaseDetailView({
  detail,
  onChanged,
  onReload,
  title,
  compact = false,
}: {
  detail: CaseDetail;
  onChanged: (d: CaseDetail) => void;
  onReload: () => void;
  title?: string;
  compact?: boolean;
}) {
  const t = cm.useT();
  const tm = m.useT();
  const ta = actionLabels.useT();
  const tk = kindLabels.useT();
  const ts = sourceLabels.useT();
  const tst = stageLabels.useT();
  const tcl = clockLabels.useT();
  const [lang] = useLang();
  const [action, setAction] = useState<CaseAction | null>(null);

  const before = detail.photos.filter((p) => p.phase === 'before');
  const after = detail.photos.filter((p) => p.phase === 'after');
  const actions = useMemo(
    () =>
      [...detail.allowedActions].sort(
        (a, b) =>
          Number(PRIMARY.includes(b)) - Number(PRIMARY.includes(a)) ||
          Number(DANGER.includes(a)) - Number(DANGER.includes(b)),
      ),
    [detail.allowedActions],
  );

  const clockColumns = [
    {
      title: t('deadlines'),
      key: 'clock',
      render: (_: unknown, c: ClockView) => `${tcl(c.clock as Clock)}${c.round > 1 ? ` #${c.round}` : ''}`,
    },
    { title: t('dueAt'), key: 'due', render: (_: unknown, c: ClockView) => formatDateTime(c.dueAt, lang) },
    {
      title: t('remaining'),
      key: 'remaining',
      render: (_: unknown, c: ClockView) =>
        c.stoppedAt ? (
          <Space size={4}>
            <Tag>{t('stopped')}</Tag>
            <TierTag tier={c.tier} />
          </Space>
        ) : c.suspended ? (
          <Tag color="default">{t('suspendedClock')}</Tag>
        ) : (
          <RemainingTag minutes={c.remainingMinutes} light={c.light} />
        ),
    },
  ];

  const facts = (
    <Card title={t('facts')} size="small">
      <Descriptions column={2} size="small" labelStyle={{ width: 110 }}>
        <Descriptions.Item label={tm('colStatus')}>
          <Space size={4} wrap>
            <StatusTag status={detail.status} />
            {detail.escalated && <Tag color="volcano">{t('escalatedTag')}</Tag>}
            <TierTag tier={detail.overdueTier} />
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('stage')}>{tst(detail.stage)}</Descriptions.Item>
        <Descriptions.Item label={t('kindClass')}>
          {tk(detail.kind)} · {detail.classification.name}（{detail.classification.code}）
        </Descriptions.Item>
        <Descriptions.Item label={tm('colUrgency')}>
          <UrgencyTag urgency={detail.urgency} />
        </Descriptions.Item>
        <Descriptions.Item label={t('source')}>{ts(detail.source)}</Descriptions.Item>
        <Descriptions.Item label={t('reportedAt')}>
          {formatDateTime(detail.reportedAt, lang)}
        </Descriptions.Item>
        <Descriptions.Item label={t('grid')}>
          <div>
            <div>{detail.gridName ?? detail.gridCode ?? '—'}</div>
            {(detail.communityName || detail.streetName) && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[detail.streetName, detail.communityName].filter(Boolean).join(' · ')}
              </Typography.Text>
            )}
          </div>
        </Descriptions.Item>
        <Descriptions.Item label={t('location')}>
          {detail.address ?? `${detail.location.lng.toFixed(5)}, ${detail.location.lat.toFixed(5)}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('department')}>{detail.departmentName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('suggested')}>{detail.suggestedDepartmentName ?? '—'}</Descriptions.Item>
        {detail.routingExplanation && (
          <Descriptions.Item label={t('why')} span={2}>
            {detail.routingExplanation}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('description')} span={2}>
          {detail.description ?? '—'}
        </Descriptions.Item>
        {detail.closedAt && (
          <Descriptions.Item label={t('closedAt')}>{formatDateTime(detail.closedAt, lang)}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('countersLabel')} span={2}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('counters', detail.counters)}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );

  const photos = (
    <Card title={`${t('photosBefore')} / ${t('photosAfter')}`} size="small">
      {detail.photos.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noPhotos')} />
      ) : (
        <Image.PreviewGroup>
          {[
            [t('photosBefore'), before],
            [t('photosAfter'), after],
          ].map(([label, list]) =>
            (list as CaseDetail['photos']).length ? (
              <div key={label as string} style={{ marginBottom: 8 }}>
                <Typography.Text type="secondary">{label as string}</Typography.Text>
                <Space wrap style={{ display: 'flex', marginTop: 4 }}>
                  {(list as CaseDetail['photos']).map((p) => (
                    <Image
                      key={p.fileId}
                      width={112}
                      height={84}
                      style={{ objectFit: 'cover', borderRadius: 4 }}
                      src={`${p.url}/thumbnail`}
                      preview={{ src: p.url }}
                      alt={`${label as string} ${formatDateTime(p.addedAt, lang)}`}
                    />
                  ))}
                </Space>
              </div>
            ) : null,
          )}
        </Image.PreviewGroup>
      )}
    </Card>
  );

  const timeline = (
    <Card title={t('timeline')} size="small">
      <Timeline
        items={detail.timeline.map((e) => ({
          color: DANGER.includes(e.action as CaseAction) ? 'red' : e.toStatus === 'closed' ? 'green' : 'blue',
          children: (
            <div>
              <Space size={6} wrap>
                <Typography.Text strong>{eventLabel(e.action, lang)}</Typography.Text>
                <StatusTag status={e.toStatus} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.at, lang)} · {actorLabel(e.actor, lang)}
                </Typography.Text>
              </Space>
              {eventText(e, lang) && (
                <Typography.Paragraph style={{ margin: '2px 0 0', fontSize: 13 }}>
                  {eventText(e, lang)}
                </Typography.Paragraph>
              )}
            </div>
          ),
        }))}
      />
    </Card>
  );

  const actionCard = (
    <Card title={t('allowed')} size="small">
      {actions.length === 0 ? (
        <Typography.Text type="secondary">{t('noActions')}</Typography.Text>
      ) : (
        <Space wrap>
          {actions.map((a) => (
            <Button
              key={a}
              type={PRIMARY.includes(a) ? 'primary' : 'default'}
              danger={DANGER.includes(a)}
              onClick={() => setAction(a)}
            >
              {ta(a)}
            </Button>
          ))}
        </Space>
      )}
    </Card>
  );

  const duplicates =
    detail.status === 'reported' || detail.probableDuplicates.length > 0 ? (
      <Card title={t('duplicates')} size="small">
        {detail.probableDuplicates.length === 0 ? (
          <Typography.Text type="secondary">{t('duplicatesNone')}</Typography.Text>
        ) : (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={detail.probableDuplicates}
            columns={[
              {
                title: t('number'),
                dataIndex: 'number',
                render: (v: string, d) => <a href={`/cases/${d.id}`}>{v}</a>,
              },
              {
                title: tm('colStatus'),
                dataIndex: 'status',
                render: (_: unknown, d) => <StatusTag status={d.status} />,
              },
              {
                title: t('distance'),
                dataIndex: 'distanceM',
                render: (v: number) => formatDistance(v, lang),
              },
            ]}
          />
        )}
      </Card>
    ) : null;

  return (
    <>
      {title && (
        <PageHeader
          title={
            <Space>
              {title}
              <Typography.Text copyable style={{ fontSize: 16, fontWeight: 400 }}>
                {detail.number}
              </Typography.Text>
            </Space>
          }
          extra={
            <Button icon={<ReloadOutlined />} onClick={onReload}>
              {t('refreshCase')}
            </Button>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col span={compact ? 24 : 15}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {compact && actionCard}
            {facts}
            <RatingCard rating={detail.rating} />
            {photos}
            {!compact && timeline}
          </Space>
        </Col>
        <Col span={compact ? 24 : 9}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {!compact && actionCard}
            <ReporterPanel key={detail.id} caseId={detail.id} />
            {duplicates}
            <Card title={t('deadlines')} size="small">
              {detail.deadlineWarning && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 8 }}
                  message={t('deadlineYearUnconfirmed', { years: detail.deadlineWarning.years.join('、') })}
                  data-testid="deadline-warning"
                />
              )}
              <Table
                size="small"
                rowKey={(c) => `${c.clock}-${c.round}`}
                pagination={false}
                dataSource={detail.clocks}
                columns={clockColumns}
              />
            </Card>
            <Card title={t('location')} size="small" styles={{ body: { padding: 8 } }}>
              <CaseMap
                label={t('location')}
                location={detail.location}
                markerLabel={detail.classification.name}
              />
            </Card>
            {compact && timeline}
          </Space>
        </Col>
      </Row>
      <ActionDialog
        detail={detail}
        action={action}
        onClose={() => setAction(null)}
        onDone={(updated) => {
          setAction(null);
          onChanged(updated);
        }}
      />
    </>
  );
}
