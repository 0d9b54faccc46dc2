/** The staff desktop app at `/` (Ant Design). */
import { ConfigProvider } from 'antd';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { cspNonce } from '../shared/csp.js';
import { App } from './App.js';
import './global.css';

// Ant Design writes its styles into <style> elements; the page's CSP admits only those carrying
// its nonce (src/http/csp.ts). Inner ConfigProviders inherit it.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider csp={{ nonce: cspNonce() }}>
      <App />
    </ConfigProvider>
  </StrictMode>,
);
