/**
 * Upload a file per material requirement (desktop): the requirement's name, 原件/复印件/电子, copies,
 * required or its condition, notes, and the file chosen with its refusal (type, size, content) under it.
 * Shared by the citizen's application, the correction and the window's registration.
 */
import { Button, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useRef } from 'react';
import { ACCEPT } from '../../../shared/applications/materials.js';
import { appMessages } from '../../../shared/applications/messages.js';
import type { MaterialRequirement } from '../../../shared/applications/types.js';
import type { MaterialSlot } from '../../../shared/applications/useApply.js';
import './portal.css';

function Picker({
  label,
  onFile,
  disabled,
}: {
  label: string;
  onFile: (file: File) => void;
  disabled?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        aria-label={label}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button icon={<UploadOutlined />} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
    </>
  );
}

export function MaterialRow({
  requirement,
  slot,
  error,
  onFile,
  onRemove,
  highlight,
}: {
  requirement: MaterialRequirement;
  slot: MaterialSlot | undefined;
  error?: string | null;
  onFile: (file: File) => void;
  onRemove?: () => void;
  highlight?: string | null;
}) {
  const t = appMessages.useT();
  const r = requirement;
  const problem = slot?.error ?? error ?? null;
  return (
    <div className="sz-material" data-material={r.key} aria-label={r.name} role="group">
      <Space wrap size={[8, 4]}>
        <Typography.Text strong>{r.name}</Typography.Text>
        {r.required ? (
          <Tag color="red">{t('materialRequired')}</Tag>
        ) : r.condition ? null : (
          <Tag>{t('materialOptional')}</Tag>
        )}
        <Tag>{t(`materialForm_${r.form}`)}</Tag>
        {r.copies > 1 ? <Tag>{t('materialCopies', { copies: r.copies })}</Tag> : null}
      </Space>
      {r.condition ? (
        <div>
          <Typography.Text type="secondary">
            {t('materialConditional', { condition: r.condition })}
          </Typography.Text>
        </div>
      ) : null}
      {r.notes ? (
        <div>
          <Typography.Text type="secondary">{r.notes}</Typography.Text>
        </div>
      ) : null}
      {highlight ? <Typography.Text type="warning">{highlight}</Typography.Text> : null}
      <div style={{ marginTop: 6 }}>
        <Space wrap>
          <Picker
            label={slot?.fileId ? t('replace') : t('upload')}
            onFile={onFile}
            disabled={slot?.uploading}
          />
          {slot?.uploading ? <Typography.Text type="secondary">{t('uploading')}</Typography.Text> : null}
          {slot?.fileId ? (
            <Typography.Text>
              <PaperClipOutlined /> {t('uploaded', { name: slot.fileName ?? '' })}
            </Typography.Text>
          ) : null}
          {slot?.fileId && onRemove ? (
            <Button
              type="text"
              size="small"
              icon={<DeleteOutlined />}
              onClick={onRemove}
              aria-label={`${t('remove')} ${r.name}`}
            >
              {t('remove')}
            </Button>
          ) : null}
        </Space>
      </div>
      {problem ? (
        <div className="sz-material-error" role="alert">
          {problem}
        </div>
      ) : null}
    </div>
  );
}
