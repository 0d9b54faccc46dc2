/** Small renderings of an application: its state and its clock as a traffic light. */
import { Space, Tag, Tooltip, Typography } from 'antd';
import { formatDate, formatDateTime, formatWorkingMinutes } from '../../../shared/format.js';
import { useLang } from '../../../shared/i18n.js';
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

/**
 * The clock running now: the acceptance clock before 受理, the decision clock after. Shows the
 * remaining working time the server computed (minutes or days), coloured by its traffic light;
 * a paused clock (特殊环节, 挂起) says so.
 */
export function ClockTag({ clock, which }: { clock: ApplicationClock; which: 'accept' | 'decision' }) {
  const t = sm.useT();
  const tl = lightLabels.useT();
  const [lang] = useLang();
  const due = which === 'accept' ? clock.acceptDueAt : clock.dueAt;
  if (clock.light === 'none' && !due) return <span>{t('noClock')}</span>;
  const color = LIGHT_COLORS[clock.light] ?? 'default';
  let text: string;
  if (clock.light === 'paused') text = t('paused');
  else if (typeof clock.remainingMinutes === 'number')
    text = formatWorkingMinutes(clock.remainingMinutes, lang);
  else if (typeof clock.remainingDays === 'number')
    text =
      clock.remainingDays >= 0
        ? t('daysLeft', { n: clock.remainingDays })
        : t('daysOver', { n: -clock.remainingDays });
  else text = tl(clock.light);
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
