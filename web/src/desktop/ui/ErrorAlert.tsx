import { Alert, Button } from 'antd';
import { errorMessage } from '../../shared/labels.js';
import { useLang } from '../../shared/i18n.js';
import { m } from '../messages.js';

/** A failed load, in the user's language, with a retry. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = m.useT();
  const [lang] = useLang();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 12 }}
      message={t('loadFailed')}
      description={errorMessage(error, lang)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
