/**
 * The four lists published by law (权力清单, 责任清单, 公共服务事项清单, 最多跑一次), one tab each,
 * with the machine-readable downloads of the same API request (JSON, CSV with BOM, XLSX).
 */
import { useNavigate, useParams } from 'react-router-dom';
import { Button, Card, Input, Space, Table, Tabs, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { LIST_KINDS, publicCatalogue, word, type ListKind } from '../../../shared/catalogue.js';
import { gm } from '../../../shared/guide-messages.js';
import { useLang } from '../../../shared/i18n.js';
import { useAsync } from '../../ui/useAsync.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';

export function GuideListsPage() {
  const t = gm.useT();
  const [lang] = useLang();
  const navigate = useNavigate();
  const param = useParams().list;
  const list: ListKind = (LIST_KINDS as readonly string[]).includes(param ?? '')
    ? (param as ListKind)
    : 'power';
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('lists')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('listsIntro')}</Typography.Paragraph>
      <Tabs
        activeKey={list}
        onChange={(key) => void navigate(`/services/lists/${key}`)}
        items={LIST_KINDS.map((kind) => ({ key: kind, label: word('list', kind, lang) }))}
      />
      <ListTablePanel key={list} list={list} />
    </Card>
  );
}

function ListTablePanel({ list }: { list: ListKind }) {
  const t = gm.useT();
  const table = useAsync((signal) => publicCatalogue.list(list, signal), [list]);
  const [filter, setFilter] = useState('');
  // Rows have no id of their own: their place in the list is their key.
  const rows = (table.data?.rows ?? [])
    .map((r, i) => ({ ...r, __row: i }))
    .filter((r) => !filter || Object.values(r).some((v) => v !== null && String(v).includes(filter)));
  return (
    <>
      <ErrorAlert error={table.error} onRetry={table.reload} />
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space>
          {table.data && (
            <>
              <Typography.Text strong>{table.data.title}</Typography.Text>
              <Typography.Text type="secondary">
                {t('listDate', { date: table.data.date })} · {t('listCount', { n: table.data.rows.length })}
              </Typography.Text>
            </>
          )}
        </Space>
        <Space>
          <Input.Search
            allowClear
            aria-label={t('searchLabel')}
            placeholder={t('searchLabel')}
            style={{ width: 220 }}
            onChange={(e) => setFilter(e.target.value.trim())}
          />
          <Typography.Text>{t('downloadAs')}</Typography.Text>
          {(['json', 'csv', 'xlsx'] as const).map((format) => (
            <Button
              key={format}
              size="small"
              icon={<DownloadOutlined />}
              href={publicCatalogue.listUrl(list, format)}
              download={format !== 'json' ? '' : undefined}
              target={format === 'json' ? '_blank' : undefined}
            >
              {t(format === 'json' ? 'downloadJson' : format === 'csv' ? 'downloadCsv' : 'downloadXlsx')}
            </Button>
          ))}
        </Space>
      </Space>
      <Table
        size="small"
        loading={table.loading}
        rowKey="__row"
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => t('listCount', { n }) }}
        columns={(table.data?.columns ?? []).map((c) => ({
          key: c.key,
          title: c.header,
          dataIndex: c.key,
          render: (v: string | number | null) => (
            <div style={{ maxWidth: 360, whiteSpace: 'pre-wrap' }}>
              {v === null || v === '' ? '—' : String(v)}
            </div>
          ),
        }))}
      />
    </>
  );
}
