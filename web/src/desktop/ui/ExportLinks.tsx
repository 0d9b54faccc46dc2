/**
 * The download links of a table: the same API request with `format=csv` / `xlsx`, fetched by the
 * browser with the session cookie (no script in between, so a large export streams to disk).
 */
import { Button, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api } from '../../shared/api.js';
import { defineMessages } from '../../shared/i18n.js';

const xm = defineMessages(
  {
    csv: 'CSV',
    xlsx: 'Excel',
    downloadCsv: '下载 CSV：{what}',
    downloadXlsx: '下载 Excel：{what}',
  },
  {
    csv: 'CSV',
    xlsx: 'Excel',
    downloadCsv: 'Download CSV: {what}',
    downloadXlsx: 'Download Excel: {what}',
  },
);

type Query = Record<string, string | number | undefined | null>;

/** CSV and XLSX downloads of one API table with the query the page shows. */
export function ExportLinks({ path, query, what }: { path: string; query: Query; what: string }) {
  const t = xm.useT();
  return (
    <Space size={4}>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          size="small"
          icon={<DownloadOutlined />}
          href={api.url(path, { ...query, format })}
          download
          aria-label={t(format === 'csv' ? 'downloadCsv' : 'downloadXlsx', { what })}
        >
          {t(format)}
        </Button>
      ))}
    </Space>
  );
}
