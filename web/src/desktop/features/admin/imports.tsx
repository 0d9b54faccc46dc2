/** Import of a file to an admin endpoint, with the per-feature / per-row errors of a rejected import. */
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Select, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api, isApiError } from '../../../shared/api.js';
import { errorMessage } from '../../../shared/labels.js';
import { useLang } from '../../../shared/i18n.js';
import { adm } from './messages.js';

export interface RejectedRow {
  index?: number;
  row?: number;
  code?: string | null;
  identifier?: string | null;
  field?: string;
  reason: string;
}

export interface ImportOutcome {
  total: number;
  created: number;
  updated?: number;
  rejected: RejectedRow[];
}

/** A file picker, the coordinate system and "skip invalid", then the outcome or the rejected rows. */
export function ImportPanel({
  path,
  accept,
  label,
  csv,
  onImported,
}: {
  path: string;
  accept: string;
  label: string;
  /** The endpoint also takes CSV (sent as text/csv). */
  csv?: boolean;
  onImported: () => void;
}) {
  const t = adm.useT();
  const [lang] = useLang();
  const [crs, setCrs] = useState<'wgs84' | 'gcj02' | 'bd09'>('wgs84');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [rejected, setRejected] = useState<RejectedRow[]>([]);

  async function send(file: File) {
    setBusy(true);
    setOutcome(null);
    setError(null);
    setRejected([]);
    try {
      const text = await file.text();
      const isCsv = csv === true && /\.csv$/i.test(file.name);
      let body: unknown;
      if (isCsv) body = text;
      else {
        try {
          body = JSON.parse(text);
        } catch {
          throw new Error(t('notJson'));
        }
      }
      const report = await api.request<ImportOutcome>('POST', path, {
        query: { crs, skipInvalid },
        body: isCsv ? new Blob([text], { type: 'text/csv' }) : body,
        headers: isCsv ? { 'content-type': 'text/csv; charset=utf-8' } : undefined,
        idempotencyKey: true,
      });
      setOutcome(report);
      setRejected(report.rejected);
      onImported();
    } catch (e) {
      setError(e);
      if (isApiError(e)) {
        const rows = e.extra.rejected;
        if (Array.isArray(rows)) setRejected(rows as RejectedRow[]);
        else setRejected(e.errors.map((x) => ({ field: x.field, reason: x.reason })));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Upload accept={accept} showUploadList={false} beforeUpload={(f) => (void send(f), false)}>
          <Button type="primary" icon={<UploadOutlined />} loading={busy}>
            {label}
          </Button>
        </Upload>
        <Select
          aria-label={t('crs')}
          value={crs}
          style={{ width: 220 }}
          onChange={setCrs}
          options={[
            { value: 'wgs84', label: t('crsWgs84') },
            { value: 'gcj02', label: t('crsGcj02') },
            { value: 'bd09', label: t('crsBd09') },
          ]}
        />
        <Checkbox checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)}>
          {t('skipInvalid')}
        </Checkbox>
      </Space>
      {outcome && (
        <Alert
          type={outcome.rejected.length ? 'warning' : 'success'}
          showIcon
          role="status"
          message={t('importDone', {
            total: outcome.total,
            created: outcome.created,
            updated: outcome.updated ?? 0,
            rejected: outcome.rejected.length,
          })}
        />
      )}
      {Boolean(error) && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={errorMessage(error, lang)}
          description={isApiError(error) ? error.detail : error instanceof Error ? error.message : null}
        />
      )}
      {rejected.length > 0 && (
        <Table<RejectedRow>
          size="small"
          rowKey={(r) => `${r.row ?? r.index ?? ''}-${r.field ?? ''}-${r.reason}`}
          dataSource={rejected}
          pagination={{ pageSize: 8, hideOnSinglePage: true }}
          columns={[
            {
              title: t('rowOrFeature'),
              width: 110,
              render: (_v, r) =>
                r.row !== undefined ? t('rowN', { n: r.row }) : t('featureN', { n: r.index ?? '?' }),
            },
            { title: t('code'), width: 170, render: (_v, r) => r.code ?? r.identifier ?? '—' },
            { title: t('field'), dataIndex: 'field', width: 150, render: (v?: string) => v ?? '—' },
            { title: t('reason'), dataIndex: 'reason' },
          ]}
        />
      )}
    </Space>
  );
}

/** The import of a page: a card with what the file must hold, and the panel (its label: 选择文件并导入). */
export function ImportCard({
  title,
  hint,
  ...panel
}: Omit<Parameters<typeof ImportPanel>[0], 'label'> & { title: string; hint: string }) {
  const t = adm.useT();
  return (
    <Card title={title} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <ImportPanel {...panel} label={t('chooseFile')} />
    </Card>
  );
}
