/**
 * The phone app at /m/ (inspector and citizen views, antd-mobile). This entry is the phone
 * views' root; it must not import antd (desktop) or echarts, so the citizen page stays small.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PhoneApp } from './PhoneApp.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PhoneApp />
  </StrictMode>,
);
