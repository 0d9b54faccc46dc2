/**
 * One item in the editor: its codes and place in the tree (parent, children, a bundle's items),
 * its versions (state, validity, published and retired when), a new draft, retire, and the
 * selected version below — editable when it is a draft.
 */
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { App, Button, Card, Descriptions, Modal, Space, Spin, Table, Tag, Tooltip } from 'antd';
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { word, type VersionState } from '../../../shared/catalogue.js';
import { formatDateTime } from '../../../shared/format.js';
import { useLang } from '../../../shared/i18n.js';
import { errorMessage } from '../../../shared/labels.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useAsync } from '../../ui/useAsync.js';
import { catalogueApi, type VersionView } from './api.js';
import { cm } from './messages.js';
import { VersionEditor } from './VersionEditor.js';

const STATE_COLORS: Record<VersionState, string> = { draft: 'gold', published: 'green', retired: 'default' };

export function CatalogueItemPage() {
  const t = cm.useT();
  const [lang] = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const params = useParams();
  const id = Number(params.id);
  const item = useAsync((signal) => catalogueApi.item(id, signal), [id]);
  const all = useAsync(() => catalogueApi.allItems(), []);
  const departments = useAsync(() => catalogueApi.departments(), []);
  const names = useMemo(() => new Map((all.data ?? []).map((r) => [r.id, r.name])), [all.data]);
  const deptName = useMemo(
    () => new Map((departments.data ?? []).map((d) => [d.id, d.name])),
    [departments.data],
  );

  if (item.error) return <ErrorAlert error={item.error} onRetry={item.reload} />;
  const detail = item.data?.id === id ? item.data : undefined;
  if (!detail)
    return (
      <div style={{ padding: 80, textAlign: 'center' }}>
        <Spin size="large" />
      </div>
    );
  const versions = [...detail.versions].sort((a, b) => b.version - a.version);
  const draft = versions.find((v) => v.state === 'draft');
  const wanted = Number(params.versionId);
  const selected = versions.find((v) => v.id === wanted) ?? draft ?? versions[0]!;
  const children = (all.data ?? []).filter((r) => r.parentId === detail.id);
  const show = (versionId?: number) => {
    item.reload();
    all.reload();
    void navigate(versionId ? `/catalogue/items/${id}/versions/${versionId}` : `/catalogue/items/${id}`, {
      replace: true,
    });
  };

  const newDraft = async () => {
    try {
      const created = await catalogueApi.newDraft(id);
      show(created.id);
    } catch (e) {
      void message.error(errorMessage(e, lang));
    }
  };

  const retire = (v: VersionView) =>
    Modal.confirm({
      title: t('confirmRetire', { n: v.version }),
      content: t('confirmRetireBody'),
      okText: t('retire'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await catalogueApi.retire(v.id, v.rowVersion);
          void message.success(t('retired', { n: v.version }));
          show(v.id);
        } catch (e) {
          void message.error(errorMessage(e, lang));
        }
      },
    });

  return (
    <>
      <PageHeader
        title={selected.name}
        sub={`${word('kind', detail.kind, lang, detail.kindLabel)} · ${word('level', detail.level, lang)} · ${detail.basicCode}`}
        extra={
          <Link to="/catalogue">
            <Button icon={<ArrowLeftOutlined />}>{t('back')}</Button>
          </Link>
        }
      />
      <Card size="small" title={t('itemInfo')} style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('colCode')}>{detail.basicCode}</Descriptions.Item>
          <Descriptions.Item label={t('itemCodes')}>{detail.implementationCode}</Descriptions.Item>
          <Descriptions.Item label={t('colDepartment')}>
            {deptName.get(detail.departmentId) ?? '—'}（{detail.implementingOrgCreditCode}）
          </Descriptions.Item>
          <Descriptions.Item label={t('parent')}>
            {detail.parentId ? (
              <Link to={`/catalogue/items/${detail.parentId}`}>
                {names.get(detail.parentId) ?? detail.parentId}
              </Link>
            ) : (
              t('none')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('children')} span={2}>
            {children.length === 0 ? (
              t('none')
            ) : (
              <Space wrap size={4}>
                {children.map((c) => (
                  <Link key={c.id} to={`/catalogue/items/${c.id}`}>
                    <Tag>{c.name}</Tag>
                  </Link>
                ))}
              </Space>
            )}
          </Descriptions.Item>
          {selected.bundleItemIds.length > 0 && (
            <Descriptions.Item label={t('bundleItems')} span={3}>
              <Space wrap size={4}>
                {selected.bundleItemIds.map((b) => (
                  <Link key={b} to={`/catalogue/items/${b}`}>
                    <Tag color="purple">{names.get(b) ?? b}</Tag>
                  </Link>
                ))}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card
        size="small"
        title={t('versions')}
        style={{ marginBottom: 12 }}
        extra={
          <Tooltip title={draft ? t('draftExists') : t('newDraftHint')}>
            <Button icon={<PlusOutlined />} disabled={Boolean(draft)} onClick={() => void newDraft()}>
              {t('newDraft')}
            </Button>
          </Tooltip>
        }
      >
        <Table<VersionView>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={versions}
          rowClassName={(v) => (v.id === selected.id ? 'ant-table-row-selected' : '')}
          columns={[
            { title: t('versionCol'), width: 90, render: (_v, v) => t('versionN', { n: v.version }) },
            { title: t('name'), dataIndex: 'name' },
            {
              title: t('state'),
              width: 90,
              render: (_v, v) => <Tag color={STATE_COLORS[v.state]}>{word('state', v.state, lang)}</Tag>,
            },
            {
              title: t('validity'),
              width: 210,
              render: (_v, v) => (v.validFrom ? `${v.validFrom} — ${v.validTo ?? ''}` : '—'),
            },
            {
              title: t('publishedAt'),
              width: 150,
              render: (_v, v) => (v.publishedAt ? formatDateTime(v.publishedAt) : '—'),
            },
            {
              title: t('retiredAt'),
              width: 150,
              render: (_v, v) => (v.retiredAt ? formatDateTime(v.retiredAt) : '—'),
            },
            {
              title: t('colActions'),
              width: 140,
              render: (_v, v) => (
                <Space size={4}>
                  <Button size="small" type="link" onClick={() => show(v.id)}>
                    {v.state === 'draft' ? t('edit') : t('view')}
                  </Button>
                  {v.state === 'published' && (
                    <Button size="small" type="link" danger onClick={() => retire(v)}>
                      {t('retire')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <VersionEditor key={`${selected.id}-${selected.rowVersion}`} version={selected} onChanged={show} />
    </>
  );
}
