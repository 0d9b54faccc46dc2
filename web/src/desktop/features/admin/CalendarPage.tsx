/** 工作日历: the working calendar by month (holidays and adjusted working days) and its overrides. */
import { useState } from 'react';
import { Alert, Badge, Button, Calendar, Card, Popconfirm, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../shared/api.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useAsync } from '../../ui/useAsync.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { m } from '../../messages.js';
import { useRowAction } from './fields.js';
import { adm } from './messages.js';
import { YearScheduleForm } from './YearScheduleForm.js';

interface Day {
  date: string;
  weekday: number;
  working: boolean;
  reason: string;
}

/** Where a year's holiday schedule comes from; `none`: every weekday of it counts as working. */
interface YearCoverage {
  year: number;
  holidaySchedule: 'official' | 'administrator' | 'none';
}

export function CalendarPage() {
  const t = adm.useT();
  const tm = m.useT();
  const act = useRowAction();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const from = month.startOf('month').subtract(7, 'day').format('YYYY-MM-DD');
  const to = month.endOf('month').add(14, 'day').format('YYYY-MM-DD');
  const cal = useAsync(
    () =>
      api.get<{
        days: Day[];
        overrides: Array<{ date: string; kind: 'workday' | 'holiday'; name?: string | null }>;
        years?: YearCoverage[];
      }>('/calendar', { from, to }),
    [from, to],
  );
  const byDate = new Map((cal.data?.days ?? []).map((d) => [d.date, d]));
  const [entering, setEntering] = useState<number | null>(null);
  const years = cal.data?.years ?? [];

  const override = (date: string, working: boolean) =>
    act(
      () =>
        api.put(`/calendar/overrides/${date}`, {
          kind: working ? 'workday' : 'holiday',
          name: working ? t('workdayOverride') : t('holidayOverride'),
        }),
      cal.reload,
    );

  return (
    <>
      <PageHeader title={tm('navCalendar')} />
      <ErrorAlert error={cal.error} onRetry={cal.reload} />
      {years
        .filter((y) => y.holidaySchedule === 'none')
        .map((y) => (
          <Alert
            key={y.year}
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('yearUnconfirmed', { year: y.year })}
            description={t('yearUnconfirmedHelp')}
            action={
              <Button type="primary" size="small" onClick={() => setEntering(y.year)}>
                {t('enterYear', { year: y.year })}
              </Button>
            }
            data-testid={`year-unconfirmed-${y.year}`}
          />
        ))}
      {years
        .filter((y) => y.holidaySchedule === 'administrator')
        .map((y) => (
          <Alert
            key={y.year}
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('yearByAdministrator', { year: y.year })}
            action={
              <Button size="small" onClick={() => setEntering(y.year)}>
                {t('enterYear', { year: y.year })}
              </Button>
            }
          />
        ))}
      {entering !== null && (
        <YearScheduleForm
          year={entering}
          onClose={() => setEntering(null)}
          onSaved={() => {
            setEntering(null);
            cal.reload();
          }}
        />
      )}
      <Card>
        <Calendar
          value={month}
          onPanelChange={(d) => setMonth(d)}
          onSelect={(d) => setMonth(d)}
          cellRender={(d: Dayjs, info) => {
            if (info.type !== 'date') return info.originNode;
            const day = byDate.get(d.format('YYYY-MM-DD'));
            if (!day) return null;
            return (
              <Space direction="vertical" size={2}>
                <Badge
                  status={day.working ? 'processing' : 'default'}
                  text={day.working ? t('working') : day.reason === 'weekend' ? t('weekend') : day.reason}
                />
                {d.isSame(month, 'day') && (
                  <Popconfirm
                    title={day.working ? t('setHoliday') : t('setWorking')}
                    onConfirm={() => void override(day.date, !day.working)}
                  >
                    <Button size="small">{day.working ? t('setHoliday') : t('setWorking')}</Button>
                  </Popconfirm>
                )}
              </Space>
            );
          }}
        />
        <div style={{ marginTop: 12 }}>
          {t('overrides')}：
          {(cal.data?.overrides ?? []).map((o) => (
            <Tag key={o.date} color={o.kind === 'workday' ? 'blue' : 'orange'}>
              {o.date} {o.name ?? (o.kind === 'workday' ? t('working') : t('setHoliday'))}
            </Tag>
          ))}
        </div>
      </Card>
    </>
  );
}
