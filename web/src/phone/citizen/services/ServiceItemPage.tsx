/**
 * 办事指南 of one item on the phone: the head (name, department, 最多跑一次, promised limit), then
 * every section of the guide as a collapsible panel (basic information and materials open), and
 * at the bottom the way to apply online (the citizen portal's page) or a note to come in person.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Button, Collapse, DotLoading, ErrorBlock, List, NavBar, Space, Steps, Tag } from 'antd-mobile';
import { isApiError } from '../../../shared/api.js';
import { applyPath, maxVisits, publicCatalogue, word, type PublicItem } from '../../../shared/catalogue.js';
import { gm } from '../../../shared/guide-messages.js';
import { useLang } from '../../../shared/i18n.js';
import { LangSwitch } from '../../ui.js';
import './services.css';

export function ServiceItemPage() {
  const t = gm.useT();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [item, setItem] = useState<PublicItem | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    publicCatalogue.item(id, abort.signal).then(setItem, (e: unknown) => {
      if (!abort.signal.aborted) setError(e);
    });
    return () => abort.abort();
  }, [id, tick]);
  const back = () => (window.history.length > 1 ? navigate(-1) : navigate('/services'));
  return (
    <div className="svc-page">
      <NavBar onBack={back} right={<LangSwitch />}>
        {t('guideTitle')}
      </NavBar>
      {error ? (
        <ErrorBlock
          status={isApiError(error) && error.status === 404 ? 'empty' : 'default'}
          title={isApiError(error) && error.status === 404 ? t('notFound') : t('loadFailed')}
          description={
            <Button size="small" color="primary" onClick={() => setTick((n) => n + 1)}>
              {t('retry')}
            </Button>
          }
        />
      ) : !item || item.itemId !== id ? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <DotLoading color="primary" /> {t('loading')}
        </div>
      ) : (
        <Guide item={item} />
      )}
    </div>
  );
}

function Kv({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="svc-kv">
      <span>{label}</span>
      <span>{children}</span>
    </div>
  );
}

function Guide({ item }: { item: PublicItem }) {
  const t = gm.useT();
  const [lang] = useLang();
  const navigate = useNavigate();
  const g = item.guide;
  const visits = maxVisits(g);
  return (
    <>
      <div className="svc-head">
        <h1>{item.name}</h1>
        <div className="svc-meta">{item.department.name}</div>
        <Space wrap style={{ '--gap': '4px', marginTop: 8 }}>
          {item.atMostOneVisit && <Tag color="success">{visits === 0 ? t('zeroVisit') : t('oneVisit')}</Tag>}
          {item.bundleItems.length > 0 && <Tag color="#7c3aed">{t('bundle')}</Tag>}
          <Tag color="warning">
            {g.promisedDays === 0 ? t('immediate') : t('promisedDaysShort', { n: g.promisedDays })}
          </Tag>
        </Space>
      </div>
      {item.children.length > 0 && (
        <List header={t('headingOnly')} mode="card">
          {item.children.map((c) => (
            <List.Item key={c.itemId} arrow onClick={() => navigate(`/services/items/${c.itemId}`)}>
              {c.name}
            </List.Item>
          ))}
        </List>
      )}
      {item.bundleItems.length > 0 && (
        <List header={t('sectionBundle')} mode="card">
          {item.bundleItems.map((c) => (
            <List.Item
              key={c.itemId}
              arrow
              description={c.departmentName}
              onClick={() => navigate(`/services/items/${c.itemId}`)}
            >
              {c.name}
            </List.Item>
          ))}
        </List>
      )}
      <Collapse defaultActiveKey={['basic', 'materials']}>
        <Collapse.Panel key="basic" title={t('sectionBasic')}>
          <Kv label={t('kind')}>{word('kind', item.kind, lang, item.kindLabel)}</Kv>
          <Kv label={t('basicCode')}>{item.basicCode}</Kv>
          <Kv label={t('implementationCode')}>{item.implementationCode}</Kv>
          <Kv label={t('competentDepartment')}>{item.competentDepartment}</Kv>
          <Kv label={t('implementingOrg')}>{item.department.name}</Kv>
          <Kv label={t('subjects')}>{g.subjects.map((s) => word('subject', s, lang)).join('、')}</Kv>
          {item.parent && (
            <Kv label={t('parentItem')}>
              <a onClick={() => navigate(`/services/items/${item.parent!.itemId}`)}>{item.parent.name}</a>
            </Kv>
          )}
          <Kv label={t('result')}>{g.resultName || '—'}</Kv>
        </Collapse.Panel>
        <Collapse.Panel key="conditions" title={t('sectionConditions')}>
          <p className="svc-prose">{g.conditions || '—'}</p>
        </Collapse.Panel>
        <Collapse.Panel key="materials" title={`${t('sectionMaterials')}（${g.materials.length}）`}>
          {g.materials.length === 0 && <p className="svc-prose">{t('noMaterials')}</p>}
          {g.materials.map((m, i) => (
            <div key={m.key} className="svc-material">
              <div style={{ fontWeight: 500 }}>
                {i + 1}. {m.name}
              </div>
              <Space wrap style={{ '--gap': '4px', marginTop: 4 }}>
                <Tag fill="outline">{word('form', m.form, lang)}</Tag>
                <Tag fill="outline">
                  {t('copies')} {t('copiesValue', { n: m.copies })}
                </Tag>
                {m.required ? (
                  <Tag color="danger" fill="outline">
                    {t('required')}
                  </Tag>
                ) : (
                  <Tag color="warning" fill="outline">
                    {m.condition ? t('conditional') : t('optional')}
                  </Tag>
                )}
                {(m.source === 'sharing' || m.source === 'certificate') && (
                  <Tag color="success">{word('source', m.source, lang)}</Tag>
                )}
              </Space>
              {!m.required && m.condition && (
                <div style={{ fontSize: 13, color: '#666', marginTop: 4 }}>
                  {t('conditionPrefix', { c: m.condition })}
                </div>
              )}
              {(m.source === 'sharing' || m.source === 'certificate') && (
                <div style={{ fontSize: 13, color: '#389e0d', marginTop: 4 }}>{t('noSubmitNeeded')}</div>
              )}
              {m.notes && <div style={{ fontSize: 13, color: '#888', marginTop: 4 }}>{m.notes}</div>}
            </div>
          ))}
        </Collapse.Panel>
        <Collapse.Panel key="process" title={t('sectionProcess')}>
          <Steps direction="vertical">
            {g.steps.map((s) => (
              <Steps.Step
                key={s.key}
                status="process"
                title={`${s.name}（${s.days === 0 ? t('stepImmediate') : t('stepDays', { n: s.days })}）`}
                description={s.description}
              />
            ))}
          </Steps>
          {g.specialSteps.length > 0 && (
            <>
              <div style={{ fontWeight: 500, margin: '8px 0 4px' }}>{t('sectionSpecial')}</div>
              {g.specialSteps.map((s) => (
                <Kv key={`${s.kind}-${s.name}`} label={word('special', s.kind, lang)}>
                  {s.name}（{t('workingDays', { n: s.days })}）{s.description && `：${s.description}`}
                </Kv>
              ))}
              <div style={{ fontSize: 12, color: '#888' }}>{t('specialNote')}</div>
            </>
          )}
        </Collapse.Panel>
        <Collapse.Panel key="limits" title={t('sectionLimits')}>
          <Kv label={t('legalLimit')}>{t('workingDays', { n: g.legalDays })}</Kv>
          <Kv label={t('promisedLimit')}>
            {g.promisedDays === 0 ? t('immediateValue') : t('workingDays', { n: g.promisedDays })}
          </Kv>
          <Kv label={t('acceptanceLimit')}>
            {g.acceptanceDays === 0 ? t('acceptOnSpot') : t('workingDays', { n: g.acceptanceDays })}
          </Kv>
        </Collapse.Panel>
        <Collapse.Panel key="fee" title={t('sectionFee')}>
          <p className="svc-prose">
            {g.fee.amount === 0 ? t('free') : t('feeAmount', { amount: g.fee.amount.toFixed(2) })}
            {g.fee.amount !== 0 && g.fee.description && `\n${g.fee.description}`}
            {g.fee.basis && `\n${t('feeBasis', { basis: g.fee.basis })}`}
          </p>
        </Collapse.Panel>
        <Collapse.Panel key="place" title={t('sectionPlace')}>
          <Kv label={t('place')}>{g.place || '—'}</Kv>
          <Kv label={t('hours')}>{g.hours || '—'}</Kv>
        </Collapse.Panel>
        <Collapse.Panel key="channels" title={t('sectionChannels')}>
          {g.channels.map((c) => {
            const n = g.visits[c] ?? 0;
            return (
              <Kv key={c} label={word('channel', c, lang)}>
                {t('visits')} {n === 0 ? t('visitsZero') : t('visitsN', { n })}
              </Kv>
            );
          })}
          <Kv label={t('onlineDepth')}>{word('depth', String(g.onlineDepth), lang)}</Kv>
          <Kv label={t('delivery')}>
            {g.deliveryMethods.map((d) => word('delivery', d, lang)).join('、') || '—'}
          </Kv>
        </Collapse.Panel>
        <Collapse.Panel key="bases" title={t('sectionBases')}>
          {g.legalBases.map((b, i) => (
            <div key={i} style={{ marginBottom: 10 }}>
              <div style={{ fontWeight: 500 }}>
                <Tag fill="outline" color={b.kind === 'setting' ? 'primary' : 'default'}>
                  {word('basis', b.kind, lang)}
                </Tag>{' '}
                {b.law} {b.article}
              </div>
              <blockquote className="svc-quote">{b.text}</blockquote>
            </div>
          ))}
          {g.legalBases.length === 0 && '—'}
        </Collapse.Panel>
        <Collapse.Panel key="faq" title={t('sectionFaq')}>
          {g.faq.map((f, i) => (
            <div key={i} style={{ marginBottom: 10 }}>
              <div style={{ fontWeight: 500 }}>{f.question}</div>
              <p className="svc-prose" style={{ color: '#555' }}>
                {f.answer}
              </p>
            </div>
          ))}
          {g.faq.length === 0 && '—'}
        </Collapse.Panel>
        <Collapse.Panel key="contact" title={t('sectionContact')}>
          <Kv label={t('consultation')}>{g.consultation || '—'}</Kv>
          <Kv label={t('complaint')}>{g.complaint || '—'}</Kv>
        </Collapse.Panel>
      </Collapse>
      {item.applicable && (
        <div className="svc-apply">
          {g.channels.includes('online') ? (
            <Button block color="primary" size="large" onClick={() => navigate(applyPath(item.itemId))}>
              {t('applyOnline')}
            </Button>
          ) : (
            <div style={{ textAlign: 'center', color: '#666', fontSize: 14 }}>{t('notOnline')}</div>
          )}
        </div>
      )}
    </>
  );
}
