/**
 * 在线申请 on the desktop (/services/apply/:itemId, ?application= to continue a draft): who applies
 * (本人 / 代为办理 with an authorisation), the item's form drawn by the one form engine, a file per
 * material, save a draft or submit. The flow is `useApplyFlow`, shared with the phone.
 */
import { Alert, App as AntApp, Button, Card, Radio, Result, Select, Space, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../shared/labels.js';
import { DesktopForm } from '../../../shared/form/DesktopForm.js';
import { appMessages } from '../../../shared/applications/messages.js';
import { useApplyFlow } from '../../../shared/applications/useApply.js';
import { MaterialRow } from './Materials.js';
import { PortalFrame } from './PortalFrame.js';

function ApplyForm({ itemId, applicationId }: { itemId: string; applicationId: string | null }) {
  const t = appMessages.useT();
  const flow = useApplyFlow(itemId, applicationId);
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const item = flow.item;
  useEffect(() => {
    if (item) document.title = `${t('applyFor', { name: item.name })} - 数治`;
  }, [item, t]);

  if (flow.loading) return <Spin />;
  if (flow.loadError)
    return (
      <Alert
        type="error"
        showIcon
        message={errorMessage(flow.loadError)}
        action={<Button onClick={flow.reload}>{t('retry')}</Button>}
      />
    );
  if (!item || !flow.model) return null;
  if (!item.applicable)
    return (
      <Card>
        <Typography.Paragraph>{t('chooseChild')}</Typography.Paragraph>
        <Space direction="vertical">
          {item.children.map((c) => (
            <Link key={c.itemId} to={`/services/apply/${c.itemId}`}>
              {c.name}
            </Link>
          ))}
        </Space>
      </Card>
    );
  if (!flow.profile?.person.realName) return <Alert type="warning" showIcon message={t('noIdentity')} />;
  const app = flow.application;
  if (app && app.state !== 'draft') {
    return (
      <Result
        status="success"
        title={t('submitted')}
        subTitle={t('submittedBody', { number: app.number })}
        extra={
          <Button type="primary" onClick={() => navigate(`/my/applications/${app.id}`)}>
            {t('progress')}
          </Button>
        }
      />
    );
  }
  return (
    <div className="sz-portal-columns">
      <Card title={t('formTitle')}>
        <Typography.Paragraph type="secondary">
          {item.department.name} ·{' '}
          {item.guide.promisedDays === 0
            ? t('instantItem')
            : t('promisedDays', { days: item.guide.promisedDays })}
        </Typography.Paragraph>
        {item.bundleItems.length > 0 ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('bundleNote')}
            description={`${t('bundleParts')}：${item.bundleItems.map((b) => `${b.name}（${b.departmentName}）`).join('、')}`}
          />
        ) : null}
        <div style={{ marginBottom: 16 }}>
          <Typography.Text strong>{t('applyAs')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            <Radio.Group
              value={flow.as}
              onChange={(e) => flow.setAs(e.target.value as 'self' | 'agent')}
              disabled={!!app}
            >
              <Radio value="self">{t('applyAsSelf')}</Radio>
              <Radio value="agent">{t('applyAsAgent')}</Radio>
            </Radio.Group>
          </div>
          {flow.as === 'agent' ? (
            <div style={{ marginTop: 8 }}>
              {flow.principals.length === 0 ? (
                <Alert type="warning" showIcon message={t('noPrincipal')} />
              ) : (
                <Select
                  aria-label={t('principal')}
                  style={{ width: '100%', maxWidth: 420 }}
                  placeholder={t('choosePrincipal')}
                  value={flow.principal ?? undefined}
                  onChange={(v: string) => flow.setPrincipal(v)}
                  options={flow.principals.map((p) => ({ value: p.key, label: p.label }))}
                  status={flow.principalError ? 'error' : undefined}
                />
              )}
              {flow.principalError ? <div className="sz-material-error">{flow.principalError}</div> : null}
            </div>
          ) : null}
        </div>
        <DesktopForm model={flow.model} state={flow.form} prefilled={flow.prefilled} />
      </Card>
      <div>
        <Card title={t('materialsTitle')} style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">{t('materialHint')}</Typography.Paragraph>
          {flow.requirements.map((r) => (
            <MaterialRow
              key={r.key}
              requirement={r}
              slot={flow.slots[r.key]}
              error={flow.materialErrors[r.key]}
              onFile={(file) => void flow.upload(r.key, file)}
              onRemove={() => flow.remove(r.key)}
            />
          ))}
          {item.guide.materials
            .filter((r) => r.source === 'sharing' || r.source === 'certificate')
            .map((r) => (
              <div key={r.key} className="sz-material">
                <Typography.Text>{r.name}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {t(r.source === 'certificate' ? 'materialByCertificate' : 'materialByGovernment')}
                </Typography.Text>
              </div>
            ))}
        </Card>
        {flow.problems.length > 0 ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 12 }}
            message={flow.problems[0]}
            description={flow.problems.length > 1 ? flow.problems.slice(1).join('；') : undefined}
          />
        ) : null}
        <Space wrap>
          <Button
            onClick={async () => {
              const saved = await flow.saveDraft();
              if (saved) {
                void message.success(t('draftSaved'));
                if (!applicationId)
                  void navigate(`/services/apply/${itemId}?application=${saved.id}`, { replace: true });
              }
            }}
            disabled={flow.busy}
          >
            {t('saveDraft')}
          </Button>
          <Button type="primary" onClick={() => void flow.submit()} loading={flow.busy}>
            {t('submit')}
          </Button>
        </Space>
      </div>
    </div>
  );
}

export function ApplyPage() {
  const { itemId = '' } = useParams();
  const [search] = useSearchParams();
  const t = appMessages.useT();
  return (
    <PortalFrame title={t('apply')}>
      {() => <ApplyForm itemId={itemId} applicationId={search.get('application')} />}
    </PortalFrame>
  );
}
