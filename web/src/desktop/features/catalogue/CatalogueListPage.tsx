/**
 * Every item as the 主项 → 子项 → 办理项 tree (children under their parent, expandable), with the
 * latest version's state; search by name or code; import (JSON / XLSX, checked first, every
 * problem listed) and export.
 */
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { word, type VersionState } from '../../../shared/catalogue.js';
import { useLang } from '../../../shared/i18n.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { useAsync } from '../../ui/useAsync.js';
import { catalogueApi, type ItemRow } from './api.js';
import { ImportDialog } from './ImportDialog.js';
import { cm } from './messages.js';

interface TreeRow extends ItemRow {
  children?: TreeRow[];
}

/** Children under their parents; an item whose parent is not in the rows (a search) stands alone. */
export function treeOf(rows: readonly ItemRow[]): TreeRow[] {
  const byId = new Map<number, TreeRow>(rows.map((r) => [r.id, { ...r }]));
  const roots: TreeRow[] = [];
  for (const row of byId.values()) {
    const parent = row.parentId === null ? undefined : byId.get(row.parentId);
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}

const STATE_COLORS: Record<VersionState, string> = { draft: 'gold', published: 'green', retired: 'default' };

export function CatalogueListPage() {
  const t = cm.useT();
  const [lang] = useLang();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [state, setState] = useState<VersionState | undefined>();
  const [importing, setImporting] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const items = useAsync(() => catalogueApi.allItems(q), [q]);
  const departments = useAsync(() => catalogueApi.departments(), []);
  const deptName = useMemo(
    () => new Map((departments.data ?? []).map((d) => [d.id, d.name])),
    [departments.data],
  );
  const rows = useMemo(() => {
    const all = items.data ?? [];
    return treeOf(
      state ? all.filter((r) => r.latestState === state || (state === 'draft' && r.hasDraft)) : all,
    );
  }, [items.data, state]);

  return (
    <>
      <PageHeader
        title={t('title')}
        sub={t('sub')}
        extra={
          <>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('importTitle')}
            </Button>
            <Button icon={<DownloadOutlined />} href={catalogueApi.exportUrl('json')} download>
              {t('exportJson')}
            </Button>
            <Button icon={<DownloadOutlined />} href={catalogueApi.exportUrl('xlsx')} download>
              {t('exportXlsx')}
            </Button>
          </>
        }
      />
      <Card size="small">
        <Space style={{ marginBottom: 12 }} wrap>
          <Input.Search
            allowClear
            aria-label={t('searchPlaceholder')}
            placeholder={t('searchPlaceholder')}
            style={{ width: 300 }}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <Select<VersionState | undefined>
            aria-label={t('stateFilter')}
            allowClear
            placeholder={t('allStates')}
            style={{ width: 160 }}
            value={state}
            onChange={setState}
            options={(['draft', 'published', 'retired'] as const).map((s) => ({
              value: s,
              label: word('state', s, lang),
            }))}
          />
        </Space>
        <ErrorAlert error={items.error} onRetry={items.reload} />
        <Table<TreeRow>
          size="small"
          rowKey="id"
          loading={items.loading}
          dataSource={rows}
          expandable={{ defaultExpandAllRows: false }}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          columns={[
            {
              title: t('colName'),
              width: 360,
              render: (_v, r) => (
                <Space size={4}>
                  <Link to={`/catalogue/items/${r.id}`}>{r.name}</Link>
                  {r.isBundle && <Tag color="purple">{t('bundle')}</Tag>}
                </Space>
              ),
            },
            { title: t('colCode'), dataIndex: 'basicCode', width: 120 },
            { title: t('colKind'), width: 110, render: (_v, r) => word('kind', r.kind, lang, r.kindLabel) },
            { title: t('colLevel'), width: 80, render: (_v, r) => word('level', r.level, lang) },
            {
              title: t('colDepartment'),
              ellipsis: true,
              render: (_v, r) => deptName.get(r.departmentId) ?? '—',
            },
            {
              title: t('colLatest'),
              width: 180,
              render: (_v, r) => (
                <Space size={4}>
                  {t('versionN', { n: r.latestVersion })}
                  <Tag color={STATE_COLORS[r.latestState]}>{word('state', r.latestState, lang)}</Tag>
                  {r.hasDraft && r.latestState !== 'draft' && <Tag color="gold">{t('hasDraft')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('colActions'),
              width: 80,
              render: (_v, r) => <Link to={`/catalogue/items/${r.id}`}>{t('open')}</Link>,
            },
          ]}
        />
      </Card>
      <ImportDialog open={importing} onClose={() => setImporting(false)} onImported={() => items.reload()} />
    </>
  );
}
