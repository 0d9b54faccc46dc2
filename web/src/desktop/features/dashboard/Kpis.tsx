/** The dashboard's key figures: each with its value, the change against the previous period, a link. */
import { Link } from 'react-router-dom';
import { Card, Col, Row, Statistic, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { dm } from './messages.js';

/** The change from `before` to `now` in percent, coloured: up is good unless `invert`. */
export function Delta({
  now,
  before,
  invert,
}: {
  now: number | null;
  before: number | null;
  invert?: boolean;
}) {
  if (now === null || before === null || before === 0) return <span className="shuzhi-delta">—</span>;
  const change = ((now - before) / before) * 100;
  if (Math.abs(change) < 0.05) return <span className="shuzhi-delta">0%</span>;
  const good = invert ? change < 0 : change > 0;
  return (
    <span className="shuzhi-delta" style={{ color: good ? '#237804' : '#cf1322' }}>
      {change > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {Math.abs(change).toFixed(1)}%
    </span>
  );
}

export interface Kpi {
  title: string;
  value: number | null;
  before: number | null;
  color?: string;
  /** '%': a rate, shown with one decimal. */
  suffix?: string;
  /** Lower is better. */
  invert?: boolean;
  link: string;
}

export function KpiRow({ kpis, loading }: { kpis: readonly Kpi[]; loading: boolean }) {
  const t = dm.useT();
  return (
    <Row gutter={16} className="shuzhi-stat-row" style={{ marginBottom: 16 }}>
      {kpis.map((k) => (
        <Col flex="1" key={k.title}>
          <Card loading={loading}>
            <Statistic
              title={<Link to={k.link}>{k.title}</Link>}
              value={k.value === null ? '—' : k.suffix ? k.value.toFixed(1) : k.value}
              suffix={k.value === null ? undefined : k.suffix}
              valueStyle={{ color: k.color }}
            />
            <Tooltip
              title={t('previous', {
                value: k.before === null ? '—' : k.suffix ? `${k.before.toFixed(1)}%` : k.before,
              })}
            >
              <div className="shuzhi-kpi-delta">
                {t('vsPrevious')} <Delta now={k.value} before={k.before} invert={k.invert} />
              </div>
            </Tooltip>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
