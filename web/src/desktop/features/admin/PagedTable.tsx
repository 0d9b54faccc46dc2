/** A keyset-paged admin list (docs/api/conventions.md "Lists"). */
import { useState } from 'react';
import { Button, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { api, type Page } from '../../../shared/api.js';
import { useAsync } from '../../ui/useAsync.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { adm } from './messages.js';

export function PagedTable<T extends object>({
  path,
  query,
  columns,
  rowKey,
  reloadKey,
  pageSize = 15,
  scrollX,
}: {
  path: string;
  query?: Record<string, string | number | undefined>;
  columns: ColumnsType<T>;
  rowKey: keyof T & string;
  reloadKey?: number;
  pageSize?: number;
  /** Scroll sideways rather than squeeze columns without a width to nothing. */
  scrollX?: number | 'max-content';
}) {
  const t = adm.useT();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const page = useAsync(
    (signal) => api.get<Page<T>>(path, { ...query, limit: pageSize, cursor: cursor ?? undefined }, signal),
    [path, JSON.stringify(query), cursor, reloadKey],
  );
  return (
    <>
      <ErrorAlert error={page.error} onRetry={page.reload} />
      <Table<T>
        rowKey={rowKey}
        size="middle"
        loading={page.loading}
        dataSource={page.data?.items ?? []}
        columns={columns}
        pagination={false}
        scroll={scrollX ? { x: scrollX } : undefined}
      />
      <Space style={{ marginTop: 12, justifyContent: 'flex-end', width: '100%' }}>
        <Button
          icon={<LeftOutlined />}
          aria-label={t('previousPage')}
          disabled={cursors.length <= 1}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        />
        <Button
          icon={<RightOutlined />}
          aria-label={t('nextPage')}
          disabled={!page.data?.nextCursor}
          onClick={() => setCursors((c) => [...c, page.data?.nextCursor ?? null])}
        />
      </Space>
    </>
  );
}
