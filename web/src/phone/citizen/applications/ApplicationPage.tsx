/**
 * One application on the phone (/m/my/applications/:id): progress steps in words, the expected
 * date, the 一次性告知 list with the one correction, the decision, a bundle's parts, notices,
 * history, and withdrawal.
 */
import { Button, Dialog, ErrorBlock, List, Steps, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../shared/labels.js';
import { formatDate, formatDateTime } from '../../../shared/format.js';
import { citizenApplications as api } from '../../../shared/applications/citizen-api.js';
import { appMessages } from '../../../shared/applications/messages.js';
import { canWithdraw, expectedDate, progressSteps } from '../../../shared/applications/progress.js';
import type { MaterialRequirement } from '../../../shared/applications/types.js';
import { useApplication } from '../../../shared/applications/useApplication.js';
import { PhoneFrame } from './PhoneFrame.js';
import { PhoneMaterial } from './PhoneMaterials.js';

function Detail({ id }: { id: string }) {
  const t = appMessages.useT();
  const navigate = useNavigate();
  const view = useApplication(id);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const app = view.app;
  if (view.error && !app)
    return (
      <ErrorBlock
        status="default"
        title={errorMessage(view.error)}
        description={<Button onClick={view.reload}>{t('retry')}</Button>}
      />
    );
  if (!app) return <div style={{ padding: 24, textAlign: 'center' }}>{t('loading')}</div>;
  const steps = progressSteps(app);
  const expected = expectedDate(app);
  const correction: MaterialRequirement[] = view.correctionKeys.map((key) => {
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
  const notices = [
    ...(app.acceptanceNumber ? (['acceptance'] as const) : []),
    ...(app.correction ? (['correction'] as const) : []),
    ...(app.state === 'rejected' ? (['rejection'] as const) : []),
  ];
  return (
    <div style={{ paddingBottom: 24 }}>
      <List mode="card" header={app.item.name}>
        <List.Item
          extra={
            <Tag color="primary" fill="outline">
              {t(`state_${app.state}`)}
            </Tag>
          }
        >
          {t('state')}
        </List.Item>
        <List.Item extra={app.number}>{t('number')}</List.Item>
        <List.Item extra={app.item.departmentName}>{t('department')}</List.Item>
        {app.acceptanceNumber ? (
          <List.Item extra={app.acceptanceNumber}>{t('acceptanceNumber')}</List.Item>
        ) : null}
        <List.Item extra={expected ?? t('notYet')}>{t('expected')}</List.Item>
      </List>
      <List mode="card" header={t('progress')}>
        <List.Item>
          <Steps
            direction="vertical"
            current={Math.max(
              0,
              steps.findIndex((s) => s.status === 'current' || s.status === 'stopped'),
            )}
          >
            {steps.map((s) => (
              <Steps.Step
                key={s.key}
                title={t(`step_${s.key}`)}
                description={s.at ? formatDate(s.at) : undefined}
                status={
                  s.status === 'done'
                    ? 'finish'
                    : s.status === 'current'
                      ? 'process'
                      : s.status === 'stopped'
                        ? 'error'
                        : 'wait'
                }
              />
            ))}
          </Steps>
        </List.Item>
      </List>
      {app.state === 'correction_requested' && app.correction ? (
        <List mode="card" header={t('correctionTitle')}>
          <List.Item description={t('correctionIntro')}>
            {app.correction.items.map((i, n) => (
              <div key={n}>
                {n + 1}. {i.name}：{i.reason}
              </div>
            ))}
            {app.correction.note ? <div>{t('correctionNote', { note: app.correction.note })}</div> : null}
          </List.Item>
          {correction.map((r) => (
            <PhoneMaterial
              key={r.key}
              requirement={r}
              slot={view.slots[r.key]}
              onFile={(f) => void view.upload(r.key, f)}
            />
          ))}
          <List.Item>
            {view.problem ? (
              <div role="alert" style={{ color: 'var(--adm-color-danger)', marginBottom: 8 }}>
                {view.problem}
              </div>
            ) : null}
            <Button
              block
              color="primary"
              loading={view.busy}
              onClick={async () => {
                if (await view.correct()) Toast.show({ icon: 'success', content: t('correctionSent') });
              }}
            >
              {t('submitCorrection')}
            </Button>
          </List.Item>
        </List>
      ) : null}
      {app.decision ? (
        <List mode="card" header={t('decision')}>
          <List.Item
            description={
              [app.decision.reason, app.decision.resultDescription].filter(Boolean).join('；') || undefined
            }
          >
            {t(`decision_${app.decision.outcome}`)}
          </List.Item>
        </List>
      ) : null}
      {app.children && app.children.length > 0 ? (
        <List mode="card" header={t('children')}>
          {app.children.map((c) => (
            <List.Item
              key={String(c.id)}
              description={c.item.departmentName}
              extra={<Tag fill="outline">{t(`state_${c.state}`)}</Tag>}
              onClick={() => navigate(`/my/applications/${c.id}`)}
            >
              {c.item.name}
            </List.Item>
          ))}
        </List>
      ) : null}
      {notices.length > 0 ? (
        <List mode="card" header={t('notices')}>
          {notices.map((k) => (
            <List.Item key={k} onClick={() => window.open(api.noticeUrl(app.id, k), '_blank')}>
              {t(`notice_${k}`)}
            </List.Item>
          ))}
        </List>
      ) : null}
      <List mode="card" header={t('history')}>
        {app.history.map((h, i) => (
          <List.Item
            key={i}
            description={`${formatDateTime(h.at)} · ${h.actorName}${h.note ? ` · ${h.note}` : ''}`}
          >
            {h.actionName}
          </List.Item>
        ))}
      </List>
      {canWithdraw(app) ? (
        <div style={{ padding: '0 12px' }}>
          <Button block color="danger" fill="outline" onClick={() => setAsking(true)}>
            {t('withdraw')}
          </Button>
        </div>
      ) : null}
      <Dialog
        visible={asking}
        title={t('withdraw')}
        content={
          <>
            <div style={{ marginBottom: 8 }}>{t('withdrawConfirm')}</div>
            <TextArea
              aria-label={t('withdrawReason')}
              placeholder={t('withdrawReason')}
              value={reason}
              onChange={(v) => (setReason(v), setReasonError(null))}
              maxLength={200}
            />
            {reasonError || view.problem ? (
              <div role="alert" style={{ color: 'var(--adm-color-danger)', marginTop: 4 }}>
                {reasonError ?? view.problem}
              </div>
            ) : null}
          </>
        }
        onClose={() => setAsking(false)}
        actions={[
          [
            { key: 'cancel', text: t('cancel') },
            { key: 'confirm', text: t('confirm'), bold: true, danger: true, disabled: view.busy },
          ],
        ]}
        onAction={async (action) => {
          if (action.key === 'cancel') return setAsking(false);
          if (!reason.trim()) return setReasonError(t('withdrawReasonRequired'));
          if (await view.withdraw(reason.trim())) {
            setAsking(false);
            Toast.show({ icon: 'success', content: t('withdrawn') });
          }
        }}
      />
    </div>
  );
}

export function ApplicationPage() {
  const { id = '' } = useParams();
  const t = appMessages.useT();
  return (
    <PhoneFrame title={t('progress')} back="/my/applications">
      {() => <Detail id={id} />}
    </PhoneFrame>
  );
}
