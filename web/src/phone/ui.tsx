/** Small building blocks of the phone views: language switch, photo picker, current position. */
import { Button, ImageUploader, Toast, type ImageUploadItem } from 'antd-mobile';
import { useCallback, useState } from 'react';
import { isApiError } from '../shared/api.js';
import { useLang } from '../shared/i18n.js';
import { phoneMessages } from './messages.js';
import type { MapPoint } from './PointMap.js';

/** One button that switches between Chinese and English (labelled in the other language). */
export function LangSwitch() {
  const [lang, setLang] = useLang();
  const t = phoneMessages.useT();
  return (
    <Button
      size="mini"
      fill="none"
      aria-label={`${t('language')}: ${t('switchLanguage')}`}
      onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
    >
      {t('switchLanguage')}
    </Button>
  );
}

/** A readable sentence for an error of the API (field errors joined), in the current language. */
export function problemText(error: unknown): string {
  const t = (key: 'networkError' | 'unexpectedError', detail?: string) =>
    phoneMessages.t(key, detail === undefined ? undefined : { detail });
  if (isApiError(error)) {
    if (error.code === 'NETWORK') return t('networkError');
    const fields = error.errors.map((e) => `${e.field.replace(/^body\./, '')} ${e.reason}`).join('; ');
    return fields || error.detail || error.title;
  }
  return t('unexpectedError', error instanceof Error ? error.message : String(error));
}

export interface PhotoPickerProps {
  upload: (file: File) => Promise<{ id: string; thumbnailUrl: string }>;
  value: ImageUploadItem[];
  onChange: (items: ImageUploadItem[]) => void;
  max?: number;
  label: string;
}

/**
 * Photos taken with the camera or chosen from the album, uploaded one by one as soon as they are
 * picked (the server strips their metadata); `key` of each item is the stored file's id.
 */
export function PhotoPicker({ upload, value, onChange, max = 6, label }: PhotoPickerProps) {
  const t = phoneMessages.useT();
  return (
    <div aria-label={label}>
      <ImageUploader
        value={value}
        onChange={onChange}
        maxCount={max}
        accept="image/*"
        multiple
        upload={async (file) => {
          try {
            const stored = await upload(file);
            return { key: stored.id, url: stored.thumbnailUrl };
          } catch (error) {
            Toast.show({ icon: 'fail', content: t('photoUploadFailed', { detail: problemText(error) }) });
            throw error;
          }
        }}
      />
      <div style={{ color: 'var(--adm-color-weak)', fontSize: 12, marginTop: 4 }}>
        {t('photosHint', { max })}
      </div>
    </div>
  );
}

/** The ids of uploaded photos (items still uploading have none yet). */
export function photoIds(items: readonly ImageUploadItem[]): string[] {
  return items.map((item) => item.key).filter((key): key is string => typeof key === 'string');
}

export interface Position extends MapPoint {
  accuracy: number | null;
  source: 'device' | 'map';
}

/** The device's current position (navigator.geolocation), on demand. */
export function usePosition(): {
  position: Position | null;
  setPosition: (position: Position | null) => void;
  locating: boolean;
  error: string | null;
  locate: () => void;
} {
  const [position, setPosition] = useState<Position | null>(null);
  const [locating, setLocating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) {
      setError('geolocation unsupported');
      return;
    }
    setLocating(true);
    setError(null);
    navigator.geolocation.getCurrentPosition(
      (found) => {
        setLocating(false);
        setPosition({
          lng: found.coords.longitude,
          lat: found.coords.latitude,
          accuracy: Math.round(found.coords.accuracy),
          source: 'device',
        });
      },
      (failure) => {
        setLocating(false);
        setError(failure.message || String(failure.code));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  }, []);
  return { position, setPosition, locating, error, locate };
}
