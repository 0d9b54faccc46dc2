import { NavBar, Result } from 'antd-mobile';
import { defineMessages } from '../shared/i18n.js';

const messages = defineMessages(
  { title: '数治 · 随手拍', body: '手机端正在建设中。' },
  { title: 'Shuzhi · Report it', body: 'The phone app is being built.' },
);

/** Placeholder root of the phone app; the phone views replace it. */
export function PhoneApp() {
  const t = messages.useT();
  return (
    <>
      <NavBar back={null}>{t('title')}</NavBar>
      <Result status="waiting" title={t('title')} description={t('body')} />
    </>
  );
}
