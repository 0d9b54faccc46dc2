/** A material requirement on the phone: what to upload, the chosen file, and its refusal. */
import { Button, List, Tag } from 'antd-mobile';
import { useRef } from 'react';
import { ACCEPT } from '../../../shared/applications/materials.js';
import { appMessages } from '../../../shared/applications/messages.js';
import type { MaterialRequirement } from '../../../shared/applications/types.js';
import type { MaterialSlot } from '../../../shared/applications/useApply.js';

export function PhoneMaterial({
  requirement: r,
  slot,
  error,
  onFile,
}: {
  requirement: MaterialRequirement;
  slot: MaterialSlot | undefined;
  error?: string | null;
  onFile: (file: File) => void;
}) {
  const t = appMessages.useT();
  const input = useRef<HTMLInputElement>(null);
  const problem = slot?.error ?? error ?? null;
  return (
    <List.Item
      data-material={r.key}
      description={
        <>
          {r.condition ? <div>{t('materialConditional', { condition: r.condition })}</div> : null}
          {r.notes ? <div>{r.notes}</div> : null}
          {slot?.uploading ? <div>{t('uploading')}</div> : null}
          {slot?.fileId ? (
            <div style={{ color: 'var(--adm-color-success)' }}>
              {t('uploaded', { name: slot.fileName ?? '' })}
            </div>
          ) : null}
          {problem ? (
            <div role="alert" style={{ color: 'var(--adm-color-danger)' }}>
              {problem}
            </div>
          ) : null}
        </>
      }
      extra={
        <>
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            hidden
            aria-label={r.name}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) onFile(file);
            }}
          />
          <Button
            size="small"
            color="primary"
            fill="outline"
            disabled={slot?.uploading}
            onClick={() => input.current?.click()}
          >
            {slot?.fileId ? t('replace') : t('upload')}
          </Button>
        </>
      }
    >
      {r.name}{' '}
      {r.required ? (
        <Tag color="danger" fill="outline">
          {t('materialRequired')}
        </Tag>
      ) : null}{' '}
      <Tag fill="outline">{t(`materialForm_${r.form}`)}</Tag>
    </List.Item>
  );
}
