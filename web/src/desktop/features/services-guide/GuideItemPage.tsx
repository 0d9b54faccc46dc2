/**
 * 办事指南 of one item, in the order of the national platform's guide: the six basic elements,
 * legal bases with their article text, conditions, materials (form, copies, required or when,
 * whether the government obtains it itself), process and 特殊环节, time limits, fee, place and
 * hours, channels with 到现场次数, questions, enquiries and complaints; a bundle's items, an item's
 * parent and its 办理项. The apply button leads to the citizen portal's own page.
 */
import { Link, useParams } from 'react-router-dom';
import {
  Affix,
  Alert,
  Anchor,
  Breadcrumb,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Empty,
  List,
  Result,
  Row,
  Space,
  Spin,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { isApiError } from '../../../shared/api.js';
import {
  applyPath,
  maxVisits,
  publicCatalogue,
  word,
  type Material,
  type PublicItem,
  type SpecialStep,
} from '../../../shared/catalogue.js';
import { gm } from '../../../shared/guide-messages.js';
import { useLang } from '../../../shared/i18n.js';
import { useAsync } from '../../ui/useAsync.js';
import { HitTags } from './parts.js';

export function GuideItemPage() {
  const t = gm.useT();
  const id = Number(useParams().id);
  const item = useAsync((signal) => publicCatalogue.item(id, signal), [id]);
  if (item.error) {
    const missing = isApiError(item.error) && (item.error.status === 404 || item.error.status === 400);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('notFound') : t('loadFailed')}
        extra={
          <Space>
            {!missing && <Button onClick={item.reload}>{t('retry')}</Button>}
            <Link to="/services">{t('backToSearch')}</Link>
          </Space>
        }
      />
    );
  }
  if (!item.data || item.data.itemId !== id)
    return (
      <div style={{ padding: 80, textAlign: 'center' }}>
        <Spin size="large" />
      </div>
    );
  return <GuideView item={item.data} />;
}

const SECTIONS = [
  ['basic', 'sectionBasic'],
  ['bases', 'sectionBases'],
  ['conditions', 'sectionConditions'],
  ['materials', 'sectionMaterials'],
  ['process', 'sectionProcess'],
  ['limits', 'sectionLimits'],
  ['fee', 'sectionFee'],
  ['place', 'sectionPlace'],
  ['channels', 'sectionChannels'],
  ['faq', 'sectionFaq'],
  ['contact', 'sectionContact'],
] as const;

function GuideView({ item }: { item: PublicItem }) {
  const t = gm.useT();
  const [lang] = useLang();
  const g = item.guide;
  const visits = maxVisits(g);
  const online = g.channels.includes('online');
  const section = (key: string, title: string, body: React.ReactNode) => (
    <Card id={`guide-${key}`} className="guide-section" title={title} size="small" key={key}>
      {body}
    </Card>
  );
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/services">{t('guideTitle')}</Link> },
          ...(item.parent
            ? [{ title: <Link to={`/services/items/${item.parent.itemId}`}>{item.parent.name}</Link> }]
            : []),
          { title: item.name },
        ]}
      />
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={24} align="middle" wrap={false}>
          <Col flex="auto">
            <Typography.Title level={1} style={{ fontSize: 24, margin: '0 0 8px' }}>
              {item.name}
            </Typography.Title>
            <div className="guide-meta" style={{ marginBottom: 10 }}>
              {item.department.name} · {word('kind', item.kind, lang, item.kindLabel)} · {t('basicCode')}{' '}
              {item.basicCode}
            </div>
            <HitTags
              hit={{
                atMostOneVisit: item.atMostOneVisit,
                maxVisits: visits,
                isBundle: item.bundleItems.length > 0,
                promisedDays: g.promisedDays,
                subjects: g.subjects,
                channels: g.channels,
              }}
            />
          </Col>
          <Col flex="none" style={{ textAlign: 'right', maxWidth: 300 }}>
            {!item.applicable ? (
              <Typography.Text type="secondary">{t('headingOnly')}</Typography.Text>
            ) : online ? (
              <Space direction="vertical" align="end">
                <Link to={applyPath(item.itemId)}>
                  <Button type="primary" size="large">
                    {t('applyOnline')}
                  </Button>
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('applyHint')}
                </Typography.Text>
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('notOnline')}</Typography.Text>
            )}
          </Col>
        </Row>
      </Card>
      <Row gutter={16} wrap={false}>
        <Col flex="auto" style={{ minWidth: 0 }}>
          {item.children.length > 0 &&
            section(
              'children',
              t('sectionChildren'),
              <List
                size="small"
                dataSource={item.children}
                renderItem={(c) => (
                  <List.Item>
                    <Link to={`/services/items/${c.itemId}`}>{c.name}</Link>
                    <Space>
                      <Tag>{word('level', c.level, lang)}</Tag>
                      {c.situation && <Tag>{word('situation', c.situation, lang)}</Tag>}
                    </Space>
                  </List.Item>
                )}
              />,
            )}
          {item.bundleItems.length > 0 &&
            section(
              'bundle',
              t('sectionBundle'),
              <List
                size="small"
                dataSource={item.bundleItems}
                renderItem={(c) => (
                  <List.Item>
                    <Link to={`/services/items/${c.itemId}`}>{c.name}</Link>
                    <Typography.Text type="secondary">{c.departmentName}</Typography.Text>
                  </List.Item>
                )}
              />,
            )}
          {section('basic', t('sectionBasic'), <BasicInfo item={item} />)}
          {section(
            'bases',
            t('sectionBases'),
            g.legalBases.length === 0 ? (
              <Typography.Text type="secondary">—</Typography.Text>
            ) : (
              <List
                itemLayout="vertical"
                size="small"
                dataSource={g.legalBases}
                renderItem={(b) => (
                  <List.Item>
                    <Space wrap>
                      <Tag color={b.kind === 'setting' ? 'geekblue' : 'cyan'}>
                        {word('basis', b.kind, lang)}
                      </Tag>
                      <Typography.Text strong>
                        {b.law} {b.article}
                      </Typography.Text>
                    </Space>
                    <blockquote className="guide-quote">{b.text}</blockquote>
                  </List.Item>
                )}
              />
            ),
          )}
          {section(
            'conditions',
            t('sectionConditions'),
            <p className="guide-prose">{g.conditions || '—'}</p>,
          )}
          {section('materials', t('sectionMaterials'), <Materials materials={g.materials} />)}
          {section(
            'process',
            t('sectionProcess'),
            <>
              <Steps
                direction="vertical"
                size="small"
                current={-1}
                items={g.steps.map((s) => ({
                  title: (
                    <Space>
                      {s.name}
                      <Tag bordered={false}>
                        {s.days === 0 ? t('stepImmediate') : t('stepDays', { n: s.days })}
                      </Tag>
                    </Space>
                  ),
                  description: s.description,
                  status: 'process' as const,
                }))}
              />
              {g.specialSteps.length > 0 && <SpecialSteps steps={g.specialSteps} />}
            </>,
          )}
          {section(
            'limits',
            t('sectionLimits'),
            <Descriptions column={3} size="small" bordered>
              <Descriptions.Item label={t('legalLimit')}>
                {t('workingDays', { n: g.legalDays })}
              </Descriptions.Item>
              <Descriptions.Item label={t('promisedLimit')}>
                {g.promisedDays === 0 ? t('immediateValue') : t('workingDays', { n: g.promisedDays })}
              </Descriptions.Item>
              <Descriptions.Item label={t('acceptanceLimit')}>
                {g.acceptanceDays === 0 ? t('acceptOnSpot') : t('workingDays', { n: g.acceptanceDays })}
              </Descriptions.Item>
            </Descriptions>,
          )}
          {section(
            'fee',
            t('sectionFee'),
            g.fee.amount === 0 ? (
              <Space direction="vertical">
                <Typography.Text strong>{t('free')}</Typography.Text>
                {g.fee.basis && (
                  <Typography.Text type="secondary">{t('feeBasis', { basis: g.fee.basis })}</Typography.Text>
                )}
              </Space>
            ) : (
              <Space direction="vertical">
                <Typography.Text strong>
                  {t('feeAmount', { amount: g.fee.amount.toFixed(2) })}
                </Typography.Text>
                {g.fee.description && <span>{g.fee.description}</span>}
                {g.fee.basis && (
                  <Typography.Text type="secondary">{t('feeBasis', { basis: g.fee.basis })}</Typography.Text>
                )}
              </Space>
            ),
          )}
          {section(
            'place',
            t('sectionPlace'),
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('place')}>{g.place || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('hours')}>{g.hours || '—'}</Descriptions.Item>
            </Descriptions>,
          )}
          {section(
            'channels',
            t('sectionChannels'),
            <>
              <Table
                size="small"
                pagination={false}
                rowKey="channel"
                dataSource={g.channels.map((c) => ({ channel: c, visits: g.visits[c] ?? 0 }))}
                columns={[
                  {
                    title: t('channel'),
                    dataIndex: 'channel',
                    render: (c: string) => word('channel', c, lang),
                  },
                  {
                    title: t('visits'),
                    dataIndex: 'visits',
                    render: (n: number) => (
                      <Space>
                        {n === 0 ? t('visitsZero') : t('visitsN', { n })}
                        {n <= 1 && <Tag color="green">{n === 0 ? t('zeroVisit') : t('oneVisit')}</Tag>}
                      </Space>
                    ),
                  },
                ]}
              />
              <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
                <Descriptions.Item label={t('onlineDepth')}>
                  {word('depth', String(g.onlineDepth), lang)}
                </Descriptions.Item>
                <Descriptions.Item label={t('delivery')}>
                  {g.deliveryMethods.map((d) => word('delivery', d, lang)).join('、') || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('result')}>{g.resultName || '—'}</Descriptions.Item>
              </Descriptions>
            </>,
          )}
          {section(
            'faq',
            t('sectionFaq'),
            g.faq.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Collapse
                items={g.faq.map((f, i) => ({
                  key: i,
                  label: f.question,
                  children: <p className="guide-prose">{f.answer}</p>,
                }))}
              />
            ),
          )}
          {section(
            'contact',
            t('sectionContact'),
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('consultation')}>{g.consultation || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('complaint')}>{g.complaint || '—'}</Descriptions.Item>
            </Descriptions>,
          )}
        </Col>
        <Col flex="200px">
          <Affix offsetTop={16}>
            <Card size="small">
              <Anchor
                offsetTop={16}
                items={SECTIONS.map(([key, title]) => ({ key, href: `#guide-${key}`, title: t(title) }))}
              />
            </Card>
          </Affix>
        </Col>
      </Row>
    </>
  );
}

function BasicInfo({ item }: { item: PublicItem }) {
  const t = gm.useT();
  const [lang] = useLang();
  return (
    <Descriptions column={2} size="small" bordered labelStyle={{ width: 150 }}>
      <Descriptions.Item label={t('itemName')}>{item.name}</Descriptions.Item>
      <Descriptions.Item label={t('kind')}>{word('kind', item.kind, lang, item.kindLabel)}</Descriptions.Item>
      <Descriptions.Item label={t('basicCode')}>{item.basicCode}</Descriptions.Item>
      <Descriptions.Item label={t('implementationCode')}>{item.implementationCode}</Descriptions.Item>
      <Descriptions.Item label={t('competentDepartment')}>{item.competentDepartment}</Descriptions.Item>
      <Descriptions.Item label={t('implementingOrg')}>
        {item.department.name}
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('creditCode')} {item.implementingOrgCreditCode}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('subjects')}>
        {item.guide.subjects.map((s) => word('subject', s, lang)).join('、')}
      </Descriptions.Item>
      <Descriptions.Item label={t('level')}>
        {word('level', item.level, lang)}
        {item.situation && `（${word('situation', item.situation, lang)}）`}
      </Descriptions.Item>
      {item.parent && (
        <Descriptions.Item label={t('parentItem')}>
          <Link to={`/services/items/${item.parent.itemId}`}>{item.parent.name}</Link>
        </Descriptions.Item>
      )}
      {item.aliases.length > 0 && (
        <Descriptions.Item label={t('aliases')}>{item.aliases.join('、')}</Descriptions.Item>
      )}
      <Descriptions.Item label={t('lifeEvents')}>
        {item.lifeEvents.map((e) => word('event', e.value, lang, e.label)).join('、') || '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('version')}>
        {t('versionValue', { n: item.version })}
        {item.validFrom &&
          ` · ${
            item.validTo
              ? t('validRange', { from: item.validFrom, to: item.validTo })
              : t('validFromOnly', { from: item.validFrom })
          }`}
      </Descriptions.Item>
    </Descriptions>
  );
}

function Materials({ materials }: { materials: Material[] }) {
  const t = gm.useT();
  const [lang] = useLang();
  if (materials.length === 0) return <Typography.Text>{t('noMaterials')}</Typography.Text>;
  return (
    <Table<Material>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={materials}
      columns={[
        { title: t('materialNo'), width: 56, render: (_v, _m, i) => i + 1 },
        {
          title: t('materialName'),
          render: (_v, m) => (
            <>
              <div>{m.name}</div>
              {m.notes && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {m.notes}
                </Typography.Text>
              )}
            </>
          ),
        },
        { title: t('materialForm'), width: 90, render: (_v, m) => word('form', m.form, lang) },
        { title: t('copies'), width: 70, render: (_v, m) => t('copiesValue', { n: m.copies }) },
        {
          title: t('necessity'),
          width: 190,
          render: (_v, m) =>
            m.required ? (
              <Tag color="red">{t('required')}</Tag>
            ) : m.condition ? (
              <>
                <Tag color="orange">{t('conditional')}</Tag>
                <div style={{ fontSize: 12, marginTop: 4 }}>{t('conditionPrefix', { c: m.condition })}</div>
              </>
            ) : (
              <Tag>{t('optional')}</Tag>
            ),
        },
        {
          title: t('materialSource'),
          width: 170,
          render: (_v, m) =>
            m.source === 'sharing' || m.source === 'certificate' ? (
              <>
                <Tag color="green">{word('source', m.source, lang)}</Tag>
                <div style={{ fontSize: 12, marginTop: 4, color: '#389e0d' }}>{t('noSubmitNeeded')}</div>
              </>
            ) : (
              word('source', m.source, lang)
            ),
        },
      ]}
    />
  );
}

function SpecialSteps({ steps }: { steps: SpecialStep[] }) {
  const t = gm.useT();
  const [lang] = useLang();
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('sectionSpecial')}
      </Typography.Title>
      <Alert type="info" showIcon message={t('specialNote')} style={{ marginBottom: 8 }} />
      <Table<SpecialStep>
        size="small"
        pagination={false}
        rowKey={(s) => `${s.kind}-${s.name}`}
        dataSource={steps}
        columns={[
          { title: t('specialKind'), width: 110, render: (_v, s) => word('special', s.kind, lang) },
          { title: t('specialName'), dataIndex: 'name', width: 160 },
          { title: t('specialDays'), width: 120, render: (_v, s) => t('workingDays', { n: s.days }) },
          { title: t('specialDescription'), dataIndex: 'description' },
        ]}
      />
    </>
  );
}
