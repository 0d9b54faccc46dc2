/**
 * One application as its applicant follows it (/my/applications/:id): progress without traffic
 * lights, the expected completion date, the 一次性告知 list with the one correction, the decision,
 * the children of a 一件事 bundle, the printable notices, the history, and withdrawal.
 */
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Input,
  List,
  Modal,
  Space,
  Steps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../../shared/labels.js';
import { formatDate, formatDateTime } from '../../../shared/format.js';
import { citizenApplications as api } from '../../../shared/applications/citizen-api.js';
import { appMessages } from '../../../shared/applications/messages.js';
import { canWithdraw, expectedDate, progressSteps } from '../../../shared/applications/progress.js';
import type { Application, MaterialRequirement } from '../../../shared/applications/types.js';
import { useApplication } from '../../../shared/applications/useApplication.js';
import { MaterialRow } from './Materials.js';
import { PortalFrame } from './PortalFrame.js';

export function ProgressSteps({ app }: { app: Application }) {
  const t = appMessages.useT();
  const steps = progressSteps(app);
  return (
    <Steps
      size="small"
      responsive
      current={Math.max(
        0,
        steps.findIndex((s) => s.status === 'current' || s.status === 'stopped'),
      )}
      items={steps.map((s) => ({
        title: t(`step_${s.key}`),
        status:
          s.status === 'done'
            ? 'finish'
            : s.status === 'current'
              ? 'process'
              : s.status === 'stopped'
                ? 'error'
                : 'wait',
        description: s.at ? formatDate(s.at) : undefined,
      }))}
    />
  );
}

function Notices({ app }: { app: Application }) {
  const t = appMessages.useT();
  const kinds = [
    ...(app.acceptanceNumber ? (['acceptance'] as const) : []),
    ...(app.correction ? (['correction'] as const) : []),
    ...(app.state === 'rejected' ? (['rejection'] as const) : []),
  ];
  if (kinds.length === 0) return null;
  return (
    <Space wrap>
      {kinds.map((k) => (
        <a key={k} href={api.noticeUrl(app.id, k)} target="_blank" rel="noreferrer">
          {t(`notice_${k}`)}
        </a>
      ))}
    </Space>
  );
}

function Detail({ id }: { id: string }) {
  const t = appMessages.useT();
  const view = useApplication(id);
  const [withdrawOpen, setWithdrawOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const app = view.app;
  useEffect(() => {
    if (app) document.title = `${app.number} - 数治`;
  }, [app]);
  if (view.error && !app)
    return (
      <Alert
        type="error"
        showIcon
        message={errorMessage(view.error)}
        action={<Button onClick={view.reload}>{t('retry')}</Button>}
      />
    );
  if (!app) return <Card loading />;
  const expected = expectedDate(app);
  const correctionRequirements: MaterialRequirement[] = view.correctionKeys.map((key) => {
    const m = app.materials.find((x) => x.key === key)!;
    return {
      key,
      name: m.name,
      form: 'electronic',
      copies: 1,
      required: true,
      condition: null,
      source: 'applicant',
      notes: '',
    };
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space wrap align="baseline" style={{ marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {app.item.name}
          </Typography.Title>
          <Tag color={app.state === 'rejected' || app.state === 'withdrawn' ? 'default' : 'blue'}>
            {t(`state_${app.state}`)}
          </Tag>
        </Space>
        <ProgressSteps app={app} />
        <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('number')}>{app.number}</Descriptions.Item>
          <Descriptions.Item label={t('department')}>{app.item.departmentName}</Descriptions.Item>
          <Descriptions.Item label={t('applicant')}>{app.applicant.name}</Descriptions.Item>
          {app.agent ? (
            <Descriptions.Item label={t('agent')}>
              {app.agent.name}（{app.agent.relation}）
            </Descriptions.Item>
          ) : null}
          {app.acceptanceNumber ? (
            <Descriptions.Item label={t('acceptanceNumber')}>{app.acceptanceNumber}</Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('expected')}>{expected ?? t('notYet')}</Descriptions.Item>
          {app.acceptanceNumber || app.correction || app.state === 'rejected' ? (
            <Descriptions.Item label={t('notices')}>
              <Notices app={app} />
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>

      {app.state === 'correction_requested' && app.correction ? (
        <Card title={t('correctionTitle')} styles={{ header: { color: '#ad6800' } }}>
          <Typography.Paragraph>{t('correctionIntro')}</Typography.Paragraph>
          <List
            size="small"
            dataSource={app.correction.items}
            renderItem={(i, n) => (
              <List.Item>
                {n + 1}. {i.name}：{i.reason}
              </List.Item>
            )}
          />
          {app.correction.note ? (
            <Typography.Paragraph>{t('correctionNote', { note: app.correction.note })}</Typography.Paragraph>
          ) : null}
          {correctionRequirements.map((r) => (
            <MaterialRow
              key={r.key}
              requirement={r}
              slot={view.slots[r.key]}
              onFile={(f) => void view.upload(r.key, f)}
            />
          ))}
          {view.problem ? (
            <Alert type="error" showIcon role="alert" message={view.problem} style={{ margin: '12px 0' }} />
          ) : null}
          <Button
            type="primary"
            loading={view.busy}
            onClick={() => void view.correct()}
            style={{ marginTop: 12 }}
          >
            {t('submitCorrection')}
          </Button>
        </Card>
      ) : app.correction ? (
        <Card title={t('notice_correction')} size="small">
          <List
            size="small"
            dataSource={app.correction.items}
            renderItem={(i) => (
              <List.Item>
                {i.name}：{i.reason}
              </List.Item>
            )}
          />
          {app.correction.correctedAt ? (
            <Typography.Text type="secondary">
              {t('correctionDone', { date: formatDate(app.correction.correctedAt) })}
            </Typography.Text>
          ) : null}
        </Card>
      ) : null}

      {app.decision ? (
        <Card title={t('decision')}>
          <Typography.Paragraph strong>{t(`decision_${app.decision.outcome}`)}</Typography.Paragraph>
          {app.decision.reason ? (
            <Typography.Paragraph>
              {t('decisionReason', { reason: app.decision.reason })}
            </Typography.Paragraph>
          ) : null}
          {app.decision.legalBasis ? (
            <Typography.Paragraph>{t('legalBasis', { basis: app.decision.legalBasis })}</Typography.Paragraph>
          ) : null}
          {app.decision.resultDescription ? (
            <Typography.Paragraph>
              {t('result', { result: app.decision.resultDescription })}
            </Typography.Paragraph>
          ) : null}
        </Card>
      ) : null}
      {app.state === 'rejected' && app.closed ? (
        <Alert
          type="warning"
          showIcon
          message={t('rejectedTitle')}
          description={[
            app.closed.reason,
            app.closed.legalBasis ? t('legalBasis', { basis: app.closed.legalBasis }) : null,
          ]
            .filter(Boolean)
            .join('；')}
        />
      ) : null}

      {app.children && app.children.length > 0 ? (
        <Card title={t('children')}>
          <List
            dataSource={app.children}
            renderItem={(c) => (
              <List.Item>
                <Space wrap>
                  <Link to={`/my/applications/${c.id}`}>{c.item.name}</Link>
                  <Typography.Text type="secondary">{c.item.departmentName}</Typography.Text>
                  <Tag>{t(`state_${c.state}`)}</Tag>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      {app.parentId ? <Link to={`/my/applications/${app.parentId}`}>{t('parent')}</Link> : null}

      <Card title={t('materials')} size="small">
        <List
          size="small"
          dataSource={app.materials}
          renderItem={(m) => (
            <List.Item>
              <Space wrap>
                <span>{m.name}</span>
                {m.fileId ? (
                  <a href={api.fileUrl(m.fileId)} target="_blank" rel="noreferrer">
                    {m.fileName ?? m.name}
                  </a>
                ) : (
                  <Typography.Text type="secondary">{t('noFile')}</Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      </Card>

      <Card title={t('history')} size="small">
        <Timeline
          items={app.history.map((h) => ({
            children: (
              <>
                <Typography.Text strong>{h.actionName}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {formatDateTime(h.at)} · {h.actorName}
                </Typography.Text>
                {h.note ? <div>{h.note}</div> : null}
              </>
            ),
          }))}
        />
      </Card>

      {canWithdraw(app) ? (
        <div>
          <Button danger onClick={() => setWithdrawOpen(true)}>
            {t('withdraw')}
          </Button>
        </div>
      ) : null}
      <Modal
        open={withdrawOpen}
        title={t('withdraw')}
        okText={t('confirm')}
        cancelText={t('cancel')}
        okButtonProps={{ danger: true, loading: view.busy }}
        onCancel={() => setWithdrawOpen(false)}
        onOk={async () => {
          if (!reason.trim()) {
            setReasonError(t('withdrawReasonRequired'));
            return;
          }
          if (await view.withdraw(reason.trim())) setWithdrawOpen(false);
        }}
      >
        <Typography.Paragraph>{t('withdrawConfirm')}</Typography.Paragraph>
        <label htmlFor="withdraw-reason">{t('withdrawReason')}</label>
        <Input.TextArea
          id="withdraw-reason"
          value={reason}
          onChange={(e) => (setReason(e.target.value), setReasonError(null))}
          status={reasonError ? 'error' : undefined}
          maxLength={200}
        />
        {reasonError ? <div className="sz-material-error">{reasonError}</div> : null}
        {view.problem ? (
          <Alert type="error" showIcon message={view.problem} style={{ marginTop: 8 }} />
        ) : null}
      </Modal>
    </Space>
  );
}

export function ApplicationPage() {
  const { id = '' } = useParams();
  const t = appMessages.useT();
  return <PortalFrame title={t('progress')}>{() => <Detail id={id} />}</PortalFrame>;
}
