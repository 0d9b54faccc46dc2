/**
 * 办件详情 (/service-desk/applications/:id) for the window and the implementing department: the
 * applicant and the agent with the authorisation the window must see, the form's values under
 * their titles, the materials beside the requirement list, the clocks, the 一次性告知 and the
 * decision, a bundle's children (or a child's bundle), the history with who acted, the printable
 * notices, and the actions the server allows this user.
 */
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useUser } from '../../session.js';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Dropdown,
  Progress,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { PrinterOutlined, ReloadOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { formatDate, formatDateTime } from '../../../shared/format.js';
import { useLang } from '../../../shared/i18n.js';
import { useAsync } from '../../ui/useAsync.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { m } from '../../messages.js';
import { ActionDialog } from './ActionDialog.js';
import { MaterialsPanel } from './MaterialsPanel.js';
import {
  ACTIONS,
  actionNames,
  deliveryLabels,
  historyNames,
  outcomeLabels,
  sm,
  specialKindLabels,
  type Action,
} from './messages.js';
import { ClockTag, StateTag } from './tags.js';
import { stateLabels } from './messages.js';
import {
  getApplication,
  getVersion,
  noticeUrl,
  type Application,
  type ChildRef,
  type VersionView,
} from './types.js';

const PRIMARY: readonly Action[] = [
  'accept',
  'start_review',
  'decide',
  'deliver',
  'approve_extension',
  'approve_hold',
  'resume',
  'end_special_step',
];
const DANGER: readonly Action[] = ['reject'];

export function ApplicationPage() {
  const { id } = useParams();
  const appId = Number(id);
  const state = useAsync((signal) => getApplication(appId, signal), [appId]);
  const [override, setOverride] = useState<Application | null>(null);
  const detail =
    override && override.id === appId && override.version >= (state.data?.version ?? 0)
      ? override
      : state.data;
  const versionId = detail?.item.versionId;
  const version = useAsync(
    (signal) => (versionId ? getVersion(versionId, signal) : Promise.resolve(undefined)),
    [versionId],
  );

  if (state.error) return <ErrorAlert error={state.error} onRetry={state.reload} />;
  if (!detail) return <Skeleton active paragraph={{ rows: 14 }} />;
  return (
    <ApplicationView
      detail={detail}
      version={version.data}
      onChanged={(updated) => {
        if (updated) setOverride(updated);
        else state.reload();
      }}
      onReload={() => {
        setOverride(null);
        state.reload();
      }}
    />
  );
}

function ApplicationView({
  detail,
  version,
  onChanged,
  onReload,
}: {
  detail: Application;
  version: VersionView | undefined;
  onChanged: (updated: Application | null) => void;
  onReload: () => void;
}) {
  const t = sm.useT();
  const ta = actionNames.useT();
  const [action, setAction] = useState<Action | null>(null);
  const navigate = useNavigate();
  const { role } = useUser();
  const home = role === 'window_clerk' ? '/window' : '/service-desk/review';
  const actions = useMemo(
    () =>
      (ACTIONS as readonly string[])
        .filter(
          (a) => detail.allowedActions.includes(a) || detail.allowedActions.includes(a.replace(/_/g, '-')),
        )
        .map((a) => a as Action)
        .sort(
          (a, b) =>
            Number(PRIMARY.includes(b)) - Number(PRIMARY.includes(a)) ||
            Number(DANGER.includes(a)) - Number(DANGER.includes(b)),
        ),
    [detail.allowedActions],
  );
  const canMark =
    detail.allowedActions.includes('mark_materials') || detail.allowedActions.includes('material-marks');

  const notices = [
    detail.acceptanceNumber ? { key: 'acceptance' as const, label: t('noticeAcceptance') } : null,
    detail.correction ? { key: 'correction' as const, label: t('noticeCorrection') } : null,
    detail.state === 'rejected' ? { key: 'rejection' as const, label: t('noticeRejection') } : null,
  ].filter((n): n is NonNullable<typeof n> => n !== null);

  return (
    <>
      <PageHeader
        title={
          <Space>
            {t('detailTitle')}
            <Typography.Text copyable style={{ fontSize: 16, fontWeight: 400 }}>
              {detail.number}
            </Typography.Text>
            <StateTag state={detail.state} />
          </Space>
        }
        extra={
          <>
            {notices.length > 0 && (
              <Dropdown
                menu={{
                  items: notices.map((n) => ({
                    key: n.key,
                    label: (
                      <a href={noticeUrl(detail.id, n.key)} target="_blank" rel="noopener">
                        {n.label}
                      </a>
                    ),
                  })),
                }}
              >
                <Button icon={<PrinterOutlined />}>{t('notices')}</Button>
              </Dropdown>
            )}
            <Button icon={<UnorderedListOutlined />} onClick={() => void navigate(home)}>
              {t('backToQueue')}
            </Button>
            <Button icon={<ReloadOutlined />} onClick={onReload}>
              {t('refresh')}
            </Button>
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col span={16}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Basics detail={detail} />
            <ApplicantCard detail={detail} />
            <FormCard detail={detail} version={version} />
            <MaterialsPanel
              key={`${detail.id}-${detail.version}`}
              detail={detail}
              version={version}
              editable={canMark}
              onSaved={onChanged}
            />
            <History detail={detail} />
          </Space>
        </Col>
        <Col span={8}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('actions')} size="small">
              {detail.pending?.hold && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 8 }}
                  message={`${t('pendingHold')}：${detail.pending.hold.reason}`}
                  description={`${detail.pending.hold.byName} · ${formatDateTime(detail.pending.hold.at)}`}
                />
              )}
              {detail.pending?.extension && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 8 }}
                  message={`${t('pendingExtension', { days: detail.pending.extension.days })}：${detail.pending.extension.reason}`}
                  description={`${detail.pending.extension.byName} · ${formatDateTime(detail.pending.extension.at)}`}
                />
              )}
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
            <ClockCard detail={detail} />
            {detail.correction && <CorrectionCard detail={detail} />}
            {(detail.decision || detail.closed) && <DecisionCard detail={detail} />}
            {(detail.children?.length ?? 0) > 0 && <ChildrenCard items={detail.children!} />}
            {detail.parentId && <ParentCard parentId={detail.parentId} />}
          </Space>
        </Col>
      </Row>
      <ActionDialog
        detail={detail}
        version={version}
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

function Basics({ detail }: { detail: Application }) {
  const t = sm.useT();
  const [lang] = useLang();
  const item = detail.item;
  return (
    <Card title={t('basics')} size="small">
      <Descriptions column={2} size="small" labelStyle={{ width: 110 }}>
        <Descriptions.Item label={t('item')} span={2}>
          <Space size={4} wrap>
            {item.name}
            {item.isBundle && <Tag color="geekblue">{t('bundle')}</Tag>}
            {item.promisedDays === 0 && <Tag color="cyan">{t('instantItem')}</Tag>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('department')}>{item.departmentName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('itemCode')}>
          <Typography.Text style={{ fontSize: 12 }}>{item.implementationCode ?? '—'}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('channel')}>
          {t(detail.channel === 'online' ? 'online' : 'window')}
        </Descriptions.Item>
        <Descriptions.Item label={t('submittedAt')}>
          {formatDateTime(detail.submittedAt, lang)}
        </Descriptions.Item>
        {item.promisedDays !== undefined && item.promisedDays > 0 && (
          <Descriptions.Item label={t('promised')} span={2}>
            {t('promisedDays', { promised: item.promisedDays, legal: item.legalDays ?? '—' })}
          </Descriptions.Item>
        )}
        {detail.acceptanceNumber && (
          <>
            <Descriptions.Item label={t('acceptanceNumber')}>{detail.acceptanceNumber}</Descriptions.Item>
            <Descriptions.Item label={t('acceptedAt')}>
              {formatDateTime(detail.acceptedAt, lang)}
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
    </Card>
  );
}

function ApplicantCard({ detail }: { detail: Application }) {
  const t = sm.useT();
  const a = detail.applicant;
  const agent = detail.agent;
  return (
    <Card title={`${t('applicant')} / ${t('agent')}`} size="small">
      <Descriptions column={2} size="small" labelStyle={{ width: 110 }}>
        <Descriptions.Item label={t('applicant')}>
          <Space size={4}>
            {a.name}
            <Tag>{a.kind === 'person' ? t('person') : t('legalPerson')}</Tag>
          </Space>
        </Descriptions.Item>
        {a.kind === 'person' ? (
          <Descriptions.Item label={t('idNumber')}>{a.idNumberMasked ?? '—'}</Descriptions.Item>
        ) : (
          <Descriptions.Item label={t('creditCode')}>{a.creditCode ?? '—'}</Descriptions.Item>
        )}
        {a.representativeName && (
          <Descriptions.Item label={t('representative')}>{a.representativeName}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('phone')}>{a.phoneMasked ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('agent')} span={2}>
          {agent ? (
            <Space size={4} wrap data-testid="agent">
              {agent.name}
              <Tag color="purple">{agent.relation}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('agentChecked')}
              </Typography.Text>
            </Space>
          ) : (
            t('agentNone')
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function display(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) return value.map(display).join('、');
  if (typeof value === 'boolean') return m.t(value ? 'yes' : 'no');
  if (typeof value === 'object')
    return Object.values(value as Record<string, unknown>)
      .map(display)
      .filter(Boolean)
      .join(' ');
  return typeof value === 'number' || typeof value === 'string' ? String(value) : '';
}

function FormCard({ detail, version }: { detail: Application; version: VersionView | undefined }) {
  const t = sm.useT();
  const props = version?.form?.schema?.properties ?? {};
  const sections = version?.form?.layout?.sections;
  const keys = Object.keys(detail.form);
  const groups: Array<{ title: string | null; fields: string[] }> = sections?.length
    ? sections.map((s) => ({ title: s.title, fields: s.fields }))
    : [{ title: null, fields: keys }];
  // Values the layout does not place still show, last.
  const placed = new Set(groups.flatMap((g) => g.fields));
  const rest = keys.filter((k) => !placed.has(k));
  if (rest.length) groups.push({ title: null, fields: rest });
  const label = (key: string) => props[key]?.title ?? key;
  const value = (key: string) => {
    const raw = detail.form[key];
    const p = props[key];
    if (p?.enum && p.enumNames) {
      const i = p.enum.indexOf(raw);
      if (i >= 0 && p.enumNames[i]) return p.enumNames[i];
    }
    return display(raw);
  };
  return (
    <Card title={t('form')} size="small">
      {groups.map((g, i) => (
        <Descriptions
          key={i}
          title={g.title ?? undefined}
          column={2}
          size="small"
          labelStyle={{ width: 130 }}
          style={{ marginBottom: 8 }}
        >
          {g.fields.map((k) => (
            <Descriptions.Item key={k} label={label(k)}>
              {value(k) || <Typography.Text type="secondary">{t('formEmpty')}</Typography.Text>}
            </Descriptions.Item>
          ))}
        </Descriptions>
      ))}
    </Card>
  );
}

/** A child's bundle: its number and item when this user may read it (the window may; a department may not). */
function ParentCard({ parentId }: { parentId: number }) {
  const t = sm.useT();
  const parent = useAsync((signal) => getApplication(parentId, signal), [parentId]);
  return (
    <Card title={t('bundleParent')} size="small" data-testid="bundle-parent">
      {parent.data ? (
        <Link to={`/service-desk/applications/${parentId}`}>
          {parent.data.number} · {parent.data.item.name}
        </Link>
      ) : parent.loading ? (
        <Skeleton active paragraph={false} />
      ) : (
        <Typography.Text>{t('bundleParentHidden')}</Typography.Text>
      )}
    </Card>
  );
}

function ClockCard({ detail }: { detail: Application }) {
  const t = sm.useT();
  const [lang] = useLang();
  const c = detail.clock;
  const accepting = detail.state === 'submitted' || detail.state === 'correction_requested';
  return (
    <Card title={t('clock')} size="small">
      <Descriptions column={1} size="small" labelStyle={{ width: 120 }}>
        {detail.state === 'correction_requested' ? (
          <Descriptions.Item label={t('acceptDue')}>{t('correctionPending')}</Descriptions.Item>
        ) : accepting ? (
          <Descriptions.Item label={t('acceptDue')}>
            <ClockTag clock={c} which="accept" />
          </Descriptions.Item>
        ) : ['decided', 'delivered', 'rejected', 'withdrawn'].includes(detail.state) ? null : (
          // A stopped clock (办结, 不予受理, 撤回) has nothing left to count.
          <Descriptions.Item label={t('decisionDue')}>
            {c.dueAt || c.light !== 'none' ? <ClockTag clock={c} which="decision" /> : '—'}
          </Descriptions.Item>
        )}
        {c.expectedCompletionDate && (
          <Descriptions.Item label={t('expectedDate')}>
            {formatDate(c.expectedCompletionDate, lang)}
          </Descriptions.Item>
        )}
        {(c.pausedDays ?? 0) > 0 && (
          <Descriptions.Item label={t('pausedDays')}>{t('nDays', { n: c.pausedDays! })}</Descriptions.Item>
        )}
        {(c.extensionDays ?? 0) > 0 && (
          <Descriptions.Item label={t('extensionDays')}>
            {t('nDays', { n: c.extensionDays! })}
          </Descriptions.Item>
        )}
        {detail.specialStep && (
          <Descriptions.Item label={t('currentSpecialStep')}>
            {specialKindLabels.t(detail.specialStep.kind)}
            {detail.specialStep.note ? `：${detail.specialStep.note}` : ''}
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>
              {formatDateTime(detail.specialStep.from, lang)}
            </div>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

function CorrectionCard({ detail }: { detail: Application }) {
  const t = sm.useT();
  const [lang] = useLang();
  const c = detail.correction!;
  return (
    <Card title={t('correction')} size="small" data-testid="correction-card">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('correctionRequestedAt')}：{formatDateTime(c.requestedAt, lang)}
        {' · '}
        {c.correctedAt
          ? `${t('correctionCorrectedAt')}：${formatDateTime(c.correctedAt, lang)}`
          : t('correctionPending')}
      </Typography.Text>
      <ol style={{ paddingLeft: 20, margin: '8px 0' }}>
        {c.items.map((item, i) => (
          <li key={i}>
            <Typography.Text strong>{item.name}</Typography.Text>：{item.reason}
          </li>
        ))}
      </ol>
      {c.note && <Typography.Paragraph style={{ margin: 0 }}>{c.note}</Typography.Paragraph>}
    </Card>
  );
}

function DecisionCard({ detail }: { detail: Application }) {
  const t = sm.useT();
  const to = outcomeLabels.useT();
  const td = deliveryLabels.useT();
  const [lang] = useLang();
  if (!detail.decision && detail.closed) {
    return (
      <Card title={stateLabels.t(detail.state)} size="small">
        <Descriptions column={1} size="small" labelStyle={{ width: 90 }}>
          <Descriptions.Item label={t('outcomeReason')}>{detail.closed.reason ?? '—'}</Descriptions.Item>
          {detail.closed.legalBasis && (
            <Descriptions.Item label={t('legalBasis')}>{detail.closed.legalBasis}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
    );
  }
  const d = detail.decision!;
  return (
    <Card title={t('decision')} size="small" data-testid="decision-card">
      <Descriptions column={1} size="small" labelStyle={{ width: 100 }}>
        <Descriptions.Item label={t('outcome')}>
          <Tag color={d.outcome === 'approved' ? 'green' : 'red'}>{to(d.outcome)}</Tag>
        </Descriptions.Item>
        {d.reason && <Descriptions.Item label={t('outcomeReason')}>{d.reason}</Descriptions.Item>}
        {d.legalBasis && <Descriptions.Item label={t('legalBasis')}>{d.legalBasis}</Descriptions.Item>}
        {d.resultDescription && (
          <Descriptions.Item label={t('result')}>{d.resultDescription}</Descriptions.Item>
        )}
        {d.delivery && <Descriptions.Item label={t('delivery')}>{td(d.delivery)}</Descriptions.Item>}
        <Descriptions.Item label={t('decidedAt')}>{formatDateTime(d.decidedAt, lang)}</Descriptions.Item>
        {detail.deliveredAt && (
          <Descriptions.Item label={t('deliveredAt')}>
            {formatDateTime(detail.deliveredAt, lang)}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

function ChildrenCard({ items }: { items: ChildRef[] }) {
  const t = sm.useT();
  const done = items.filter((c) => c.state === 'decided' || c.state === 'delivered').length;
  return (
    <Card title={t('bundleChildren')} size="small" data-testid="bundle-children">
      <Progress
        percent={Math.round((done / items.length) * 100)}
        format={() => t('bundleProgress', { done, total: items.length })}
      />
      <Table<ChildRef>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        columns={[
          {
            title: t('colNumber'),
            key: 'number',
            render: (_v, c) => (
              <div>
                <Link to={`/service-desk/applications/${c.id}`}>{c.number}</Link>
                <div style={{ fontSize: 12 }}>{c.item.name}</div>
                {c.item.departmentName && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.item.departmentName}
                  </Typography.Text>
                )}
              </div>
            ),
          },
          { title: t('colState'), key: 'state', width: 96, render: (_v, c) => <StateTag state={c.state} /> },
        ]}
      />
    </Card>
  );
}

function History({ detail }: { detail: Application }) {
  const t = sm.useT();
  const [lang] = useLang();
  const name = (action: string, given?: string) => {
    const key = action.replace(/-/g, '_');
    if ((ACTIONS as readonly string[]).includes(key)) return actionNames.t(key as Action, undefined, lang);
    if (key in historyNames.zh) return historyNames.t(key as keyof typeof historyNames.zh, undefined, lang);
    return given ?? action;
  };
  return (
    <Card title={t('history')} size="small">
      <Timeline
        items={detail.history.map((h) => ({
          color:
            h.action === 'reject'
              ? 'red'
              : h.action === 'decide' || h.action === 'deliver'
                ? 'green'
                : 'blue',
          children: (
            <div>
              <Space size={6} wrap>
                <Typography.Text strong>
                  {lang === 'zh-CN' && h.actionName ? h.actionName : name(h.action, h.actionName)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(h.at, lang)} · {h.actorName ?? t('historyApplicant')}
                </Typography.Text>
              </Space>
              {h.note && (
                <Typography.Paragraph style={{ margin: '2px 0 0', fontSize: 13 }}>
                  {h.note}
                </Typography.Paragraph>
              )}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
