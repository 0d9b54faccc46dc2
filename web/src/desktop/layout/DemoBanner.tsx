/**
 * 演示数据生成中: while the server is still simulating the demo cases (a few minutes after the
 * first start), every page says so, since counts, charts and evaluations are not complete yet.
 * Asks every few seconds until the simulation is done, then never again.
 */
import { useEffect, useState } from 'react';
import { Alert } from 'antd';
import { api } from '../../shared/api.js';
import { m } from '../messages.js';

interface DemoStatus {
  running: boolean;
  done: number;
  total: number;
}

const POLL_MS = 5000;

export function DemoBanner() {
  const t = m.useT();
  const [status, setStatus] = useState<DemoStatus | null>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api.get<DemoStatus>('/system/demo-status');
        if (!live) return;
        setStatus(next);
        if (next.running) timer = setTimeout(() => void poll(), POLL_MS);
      } catch {
        // An older server without the endpoint, or a moment offline: no banner.
      }
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);
  if (!status?.running) return null;
  return (
    <Alert
      type="info"
      showIcon
      banner
      style={{ marginBottom: 12 }}
      message={t('demoFilling', { done: status.done, total: status.total })}
      data-testid="demo-banner"
    />
  );
}
