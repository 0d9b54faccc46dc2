/** The citizen's start page: report a problem, track a report by its code, my reports. */
import { Button, Card, Input, List, NavBar } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { LangSwitch } from '../ui.js';
import { citizenMessages } from './messages.js';
import { recentCodes } from './recent.js';
import { gm } from '../../shared/guide-messages.js';

export function HomePage() {
  const t = citizenMessages.useT();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const recent = recentCodes();
  const track = () => {
    if (code.trim()) void navigate(`/track/${encodeURIComponent(code.trim())}`);
  };
  return (
    <div style={{ paddingBottom: 24 }}>
      <NavBar back={null} right={<LangSwitch />}>
        {t('homeTitle')}
      </NavBar>
      <div style={{ padding: 16 }}>
        <Card style={{ background: 'linear-gradient(135deg, #1456b8, #2f7de1)', color: '#fff' }}>
          <h1 style={{ margin: '4px 0 8px', fontSize: 22 }}>{t('homeTitle')}</h1>
          <p style={{ margin: '0 0 16px', lineHeight: 1.6 }}>{t('homeIntro')}</p>
          <Button block size="large" onClick={() => navigate('/report')} style={{ fontWeight: 600 }}>
            {t('reportProblem')}
          </Button>
        </Card>
      </div>
      {/* 办事指南: the public service guide. */}
      <List mode="card">
        <List.Item arrow description={gm.t('guideEntryIntro')} onClick={() => navigate('/services')}>
          {gm.t('guideEntry')}
        </List.Item>
      </List>
      <List header={t('trackTitle')} mode="card">
        <List.Item>
          {/* The field takes the row's free width whatever it shows: the clear icon leaving on
              blur (the tap on 查询 blurs the field first) must not move the button under the finger. */}
          <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <div style={{ flex: '1 1 0', minWidth: 0 }}>
              <Input
                aria-label={t('trackingCode')}
                placeholder={t('trackingCodePlaceholder')}
                value={code}
                onChange={setCode}
                onEnterPress={track}
                clearable
              />
            </div>
            <Button size="small" color="primary" onClick={track} style={{ flex: 'none' }}>
              {t('track')}
            </Button>
          </div>
        </List.Item>
        {recent.slice(0, 5).map((c) => (
          <List.Item key={c} arrow onClick={() => navigate(`/track/${encodeURIComponent(c)}`)}>
            {c}
          </List.Item>
        ))}
      </List>
      <List mode="card">
        <List.Item arrow onClick={() => navigate('/me')}>
          {t('myReports')}
        </List.Item>
      </List>
    </div>
  );
}
