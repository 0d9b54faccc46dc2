import type { ReactNode } from 'react';
import { Space, Typography } from 'antd';

/** The title row of a page: an h1 and the page's own buttons. */
export function PageHeader({ title, extra, sub }: { title: ReactNode; extra?: ReactNode; sub?: ReactNode }) {
  return (
    <div className="shuzhi-page-title">
      <div>
        <Typography.Title level={1}>{title}</Typography.Title>
        {sub && <Typography.Text type="secondary">{sub}</Typography.Text>}
      </div>
      {extra && <Space>{extra}</Space>}
    </div>
  );
}
