import { ConfigProvider, Result } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useLang } from '../shared/i18n.js';

export function App() {
  const [lang] = useLang();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1456b8' } }}>
      <Result status="info" title="数治" />
    </ConfigProvider>
  );
}
