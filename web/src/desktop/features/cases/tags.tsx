/** Small shared renderings of a case: status, deadline, urgency. */
import { Tag, Tooltip } from 'antd';
import type { CaseStatus, OverdueTier, Urgency } from '../../../shared/labels.js';
import { statusLabels, tierLabels, urgencyLabels } from '../../../shared/labels.js';
import { formatDateTime, formatWorkingMinutes } from '../../../shared/format.js';
import { useLang } from '../../../shared/i18n.js';

const STATUS_COLORS: Record<CaseStatus, string> = {
  reported: 'orange',
  check_pending: 'gold',
  self_handled: 'cyan',
  filed: 'blue',
  dispatched: 'geekblue',
  return_requested: 'magenta',
  in_progress: 'processing',
  extension_requested: 'purple',
  suspension_requested: 'purple',
  suspended: 'default',
  handled: 'cyan',
  verify_pending: 'gold',
  verified: 'lime',
  closed: 'success',
  rejected: 'default',
  merged: 'default',
  cancelled: 'default',
};

export function StatusTag({ status }: { status: CaseStatus }) {
  const t = statusLabels.useT();
  return <Tag color={STATUS_COLORS[status]}>{t(status)}</Tag>;
}

export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  const t = urgencyLabels.useT();
  return urgency === 'urgent' ? <Tag color="red">{t(urgency)}</Tag> : <span>{t(urgency)}</span>;
}

export function TierTag({ tier }: { tier: OverdueTier | null }) {
  const t = tierLabels.useT();
  if (!tier || tier === 'on_time') return null;
  return <Tag color={tier === 'severely_overdue' ? '#a8071a' : 'red'}>{t(tier)}</Tag>;
}

/** The handling deadline with its colour: red when passed, orange when within 4 working hours. */
export function DueCell({
  dueAt,
  overdue,
  tier,
}: {
  dueAt: string | null;
  overdue: boolean;
  tier: OverdueTier | null;
}) {
  const [lang] = useLang();
  if (!dueAt) return <span>—</span>;
  const color = overdue || (tier && tier !== 'on_time') ? '#cf1322' : undefined;
  return (
    <Tooltip title={formatDateTime(dueAt, lang)}>
      <span style={{ color, fontWeight: color ? 600 : undefined }}>{formatDateTime(dueAt, lang)}</span>
    </Tooltip>
  );
}

export function RemainingTag({ minutes, light }: { minutes: number; light: 'green' | 'yellow' | 'red' }) {
  const [lang] = useLang();
  const color = light === 'red' ? 'red' : light === 'yellow' ? 'orange' : 'green';
  return <Tag color={color}>{formatWorkingMinutes(minutes, lang)}</Tag>;
}
