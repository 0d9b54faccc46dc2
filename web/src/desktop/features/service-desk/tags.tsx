/** Small renderings of an application: its state and its clock as a traffic light. */
import { useEffect, useState } from 'react';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { api } from '../../../shared/api.js';
import { businessDate, formatDate, formatDateTime } from '../../../shared/format.js';
import { useLang } from '../../../shared/i18n.js';
import { addDays, workingDaysLeft } from './remaining.js';
import { lightLabels, sm, stateLabels } from './messages.js';
import type { ApplicationClock, ApplicationState, Light } from './types.js';

const STATE_COLORS: Record<ApplicationState, string> = {
  draft: 'default',
  submitted: 'orange',
  correction_requested: 'gold',
  accepted: 'blue',
  in_review: 'processing',
  on_hold: 'purple',
  special_step: 'cyan',
  decided: 'green',
  delivered: 'success',
  rejected: 'default',
  withdrawn: 'default',
};

export function StateTag({ state }: { state: ApplicationState }) {
  const t = stateLabels.useT();
  return <Tag color={STATE_COLORS[state] ?? 'default'}>{t(state)}</Tag>;
}

const LIGHT_COLORS: Record<Light, string> = {
  green: 'green',
  yellow: 'orange',
  red: 'red',
  paused: 'default',
  none: 'default',
};

type WorkingDays = ReadonlyMap<string, boolean>;
let calendar: Promise<WorkingDays> | null = null;

/** The working calendar around today (60 days back, 300 ahead), loaded once per page. */
function loadCalendar(): Promise<WorkingDays> {
  const today = businessDate(new Date());
  calendar ??= api
    .get<{ days: Array<{ date: string; working: boolean }> }>('/calendar', {
      from: addDays(today, -60),
      to: addDays(today, 300),
    })
    .then((view) => new Map(view.days.map((d) => [d.date, d.working])))
    .catch((e: unknown) => {
      calendar = null;
      throw e;
    });
  return calendar;
}

function useWorkingDays(): WorkingDays | null {
  const [days, setDays] = useState<WorkingDays | null>(null);
  useEffect(() => {
    let live = true;
    loadCalendar()
      .then((d) => live && setDays(d))
      // Without the calendar the light and the due date still show.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return days;
}

/**
 * The clock running now: the acceptance clock before 受理, the decision clock after. Shows the
 * working days left to the due date (from the working calendar), coloured by the server's traffic
 * light; a paused clock (特殊环节, 挂起) says so.
 */
export function ClockTag({ clock, which }: { clock: ApplicationClock; which: 'accept' | 'decision' }) {
  const t = sm.useT();
  const tl = lightLabels.useT();
  const [lang] = useLang();
  const days = useWorkingDays();
  const due = which === 'accept' ? clock.acceptDueAt : clock.dueAt;
  if (!due && clock.light !== 'paused') return <span>{t('noClock')}</span>;
  const color = LIGHT_COLORS[clock.light] ?? 'default';
  const left =
    due && days
      ? workingDaysLeft(businessDate(new Date()), businessDate(due), (d) => days.get(d) ?? null)
      : null;
  let text: string;
  if (clock.light === 'paused') text = t('paused');
  else if (left === null) text = tl(clock.light);
  else if (left > 0) text = t('daysLeft', { n: left });
  else if (left === 0) text = new Date(due!) < new Date() ? t('overdueToday') : t('dueToday');
  else text = t('daysOver', { n: -left });
  return (
    <Space size={2} direction="vertical">
      <Tooltip title={tl(clock.light)}>
        <Tag color={color} data-light={clock.light}>
          {text}
        </Tag>
      </Tooltip>
      {due && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dueOn', { date: which === 'accept' ? formatDateTime(due, lang) : formatDate(due, lang) })}
        </Typography.Text>
      )}
    </Space>
  );
}
