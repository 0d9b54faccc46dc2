/** 在线申请 on the phone (/m/services/apply/:itemId): the same flow as the desktop, in antd-mobile. */
import { Button, ErrorBlock, List, NoticeBar, Radio, Result, Space, Toast } from 'antd-mobile';
import { useEffect } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../shared/labels.js';
import { PhoneForm } from '../../../shared/form/PhoneForm.js';
import { appMessages } from '../../../shared/applications/messages.js';
import { useApplyFlow } from '../../../shared/applications/useApply.js';
import { PhoneFrame } from './PhoneFrame.js';
import { PhoneMaterial } from './PhoneMaterials.js';

function Apply({ itemId, applicationId }: { itemId: string; applicationId: string | null }) {
  const t = appMessages.useT();
  const navigate = useNavigate();
  const flow = useApplyFlow(itemId, applicationId);
  const item = flow.item;
  useEffect(() => {
    if (item) document.title = t('applyFor', { name: item.name });
  }, [item, t]);
  if (flow.loading) return <div style={{ padding: 24, textAlign: 'center' }}>{t('loading')}</div>;
  if (flow.loadError)
    return (
      <ErrorBlock
        status="default"
        title={errorMessage(flow.loadError)}
        description={<Button onClick={flow.reload}>{t('retry')}</Button>}
      />
    );
  if (!item || !flow.model) return null;
  if (!item.applicable)
    return (
      <List header={t('chooseChild')} mode="card">
        {item.children.map((c) => (
          <List.Item key={c.itemId} onClick={() => void navigate(`/services/apply/${c.itemId}`)}>
            {c.name}
          </List.Item>
        ))}
      </List>
    );
  if (!flow.profile?.person.realName) return <NoticeBar wrap color="alert" content={t('noIdentity')} />;
  const app = flow.application;
  if (app && app.state !== 'draft')
    return (
      <Result
        status="success"
        title={t('submitted')}
        description={
          <>
            <div>{t('submittedBody', { number: app.number })}</div>
            <Button
              color="primary"
              style={{ marginTop: 16 }}
              onClick={() => navigate(`/my/applications/${app.id}`)}
            >
              {t('progress')}
            </Button>
          </>
        }
      />
    );
  return (
    <div style={{ paddingBottom: 24 }}>
      <List mode="card" header={item.name}>
        <List.Item description={`${item.department.name}`}>{t('applyAs')}</List.Item>
        <List.Item>
          <Radio.Group value={flow.as} onChange={(v) => flow.setAs(v as 'self' | 'agent')}>
            <Space>
              <Radio value="self">{t('applyAsSelf')}</Radio>
              <Radio value="agent">{t('applyAsAgent')}</Radio>
            </Space>
          </Radio.Group>
        </List.Item>
        {flow.as === 'agent' ? (
          <List.Item
            description={
              flow.principalError ? (
                <span style={{ color: 'var(--adm-color-danger)' }}>{flow.principalError}</span>
              ) : undefined
            }
          >
            {flow.principals.length === 0 ? (
              t('noPrincipal')
            ) : (
              <select
                aria-label={t('principal')}
                className="sz-native"
                style={{ width: '100%', fontSize: 16, padding: 6 }}
                value={flow.principal ?? ''}
                onChange={(e) => flow.setPrincipal(e.target.value || null)}
              >
                <option value="">{t('choosePrincipal')}</option>
                {flow.principals.map((p) => (
                  <option key={p.key} value={p.key}>
                    {p.label}
                  </option>
                ))}
              </select>
            )}
          </List.Item>
        ) : null}
      </List>
      {item.bundleItems.length > 0 ? (
        <NoticeBar
          wrap
          color="info"
          content={`${t('bundleNote')} ${item.bundleItems.map((b) => b.name).join('、')}`}
        />
      ) : null}
      <PhoneForm model={flow.model} state={flow.form} prefilled={flow.prefilled} />
      <List mode="card" header={t('materialsTitle')}>
        <List.Item description={t('materialHint')}>{null}</List.Item>
        {flow.requirements.map((r) => (
          <PhoneMaterial
            key={r.key}
            requirement={r}
            slot={flow.slots[r.key]}
            error={flow.materialErrors[r.key]}
            onFile={(file) => void flow.upload(r.key, file)}
          />
        ))}
      </List>
      {flow.problems.length > 0 ? (
        <div role="alert" style={{ color: 'var(--adm-color-danger)', padding: '0 16px 12px' }}>
          {flow.problems.join('；')}
        </div>
      ) : null}
      <div style={{ display: 'flex', gap: 12, padding: '0 12px' }}>
        <Button
          block
          disabled={flow.busy}
          onClick={async () => {
            const saved = await flow.saveDraft();
            if (saved) {
              Toast.show({ icon: 'success', content: t('draftSaved') });
              if (!applicationId)
                void navigate(`/services/apply/${itemId}?application=${saved.id}`, { replace: true });
            }
          }}
        >
          {t('saveDraft')}
        </Button>
        <Button block color="primary" loading={flow.busy} onClick={() => void flow.submit()}>
          {t('submit')}
        </Button>
      </div>
    </div>
  );
}

export function ApplyPage() {
  const { itemId = '' } = useParams();
  const [search] = useSearchParams();
  const t = appMessages.useT();
  return (
    <PhoneFrame title={t('apply')}>
      {() => <Apply itemId={itemId} applicationId={search.get('application')} />}
    </PhoneFrame>
  );
}
