/**
 * Import of a catalogue file (JSON document or the export's XLSX workbook): checked first (a dry
 * run), then imported; a rejected file lists every problem with its place and nothing is written.
 */
import { useState } from 'react';
import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { isApiError, type FieldError } from '../../../shared/api.js';
import { reasonIn } from '../../../shared/catalogue.js';
import { useLang } from '../../../shared/i18n.js';
import { errorMessage } from '../../../shared/labels.js';
import { catalogueApi, type ImportResult } from './api.js';
import { cm } from './messages.js';
import { describePath } from './paths.js';

export function ImportDialog({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const t = cm.useT();
  const [lang] = useLang();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [problems, setProblems] = useState<readonly FieldError[]>([]);
  const [error, setError] = useState<unknown>(null);

  const reset = () => {
    setResult(null);
    setProblems([]);
    setError(null);
  };

  async function send(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    reset();
    try {
      let outcome: ImportResult;
      if (/\.xlsx$/i.test(file.name)) outcome = await catalogueApi.importXlsx(file, dryRun);
      else {
        let document: unknown;
        try {
          document = JSON.parse(await file.text());
        } catch (e) {
          setProblems([{ field: file.name, reason: (e as Error).message }]);
          return;
        }
        outcome = await catalogueApi.importJson(document, dryRun);
      }
      setResult(outcome);
      if (!dryRun) onImported();
    } catch (e) {
      if (isApiError(e) && e.errors.length > 0) setProblems(e.errors);
      else setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('importTitle')}
      width={760}
      onCancel={() => {
        setFile(null);
        reset();
        onClose();
      }}
      footer={
        <Space>
          <Button disabled={!file} loading={busy} onClick={() => void send(true)}>
            {t('check')}
          </Button>
          <Button type="primary" disabled={!file} loading={busy} onClick={() => void send(false)}>
            {t('doImport')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('importHint')}</Typography.Paragraph>
      <Upload
        accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          reset();
          return false;
        }}
        onRemove={() => {
          setFile(null);
          reset();
        }}
        fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
      >
        <Button icon={<UploadOutlined />}>{t('chooseFile')}</Button>
      </Upload>
      <div style={{ marginTop: 16 }}>
        {result && (
          <Alert
            type="success"
            showIcon
            role="status"
            message={t(result.dryRun ? 'importChecked' : 'importDone', {
              created: result.created,
              versioned: result.versioned,
              unchanged: result.unchanged,
            })}
          />
        )}
        {error ? <Alert type="error" showIcon role="alert" message={errorMessage(error, lang)} /> : null}
        {problems.length > 0 && (
          <>
            <Alert
              type="error"
              showIcon
              role="alert"
              message={t('importRejected', { n: problems.length })}
              style={{ marginBottom: 8 }}
            />
            <Table
              size="small"
              rowKey={(p) => `${p.field}|${p.reason}`}
              dataSource={[...problems]}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('colWhere'), width: 260, render: (_v, p) => describePath(p.field, lang) },
                { title: t('colReason'), render: (_v, p) => reasonIn(p.reason, lang) },
              ]}
            />
          </>
        )}
      </div>
    </Modal>
  );
}
