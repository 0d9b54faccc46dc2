/**
 * 指挥中心: filed cases to dispatch (with the routing suggestion and why), the departments'
 * return, extension and suspension requests to approve or deny, and the overdue board.
 */
import { useMemo } from 'react';
import { defineMessages } from '../../../shared/i18n.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { Workbench, type Queue } from '../cases/Workbench.js';
import { m } from '../../messages.js';

const cmd = defineMessages(
  {
    sub: '将已立案案卷派遣至责任部门；审批回退、延期、挂账申请；督办超时案卷。',
    toDispatch: '待派遣',
    returns: '回退申请',
    extensions: '延期申请',
    suspensions: '挂账申请',
    overdue: '超时督办',
    severe: '严重超时',
  },
  {
    sub: 'Dispatch filed cases to the responsible department; approve returns, extensions and suspensions; escalate overdue cases.',
    toDispatch: 'To dispatch',
    returns: 'Returns',
    extensions: 'Extensions',
    suspensions: 'Suspensions',
    overdue: 'Overdue',
    severe: 'Severely overdue',
  },
);

export function CommandPage() {
  const t = cmd.useT();
  const tm = m.useT();
  const queues = useMemo<Queue[]>(
    () => [
      {
        key: 'dispatch',
        label: t('toDispatch'),
        filter: { status: 'filed' },
        columns: ['number', 'class', 'department', 'urgency', 'reportedAt'],
      },
      {
        key: 'returns',
        label: t('returns'),
        filter: { status: 'return_requested' },
        columns: ['number', 'class', 'department', 'due'],
      },
      {
        key: 'extensions',
        label: t('extensions'),
        filter: { status: 'extension_requested' },
        columns: ['number', 'class', 'department', 'due'],
      },
      {
        key: 'suspensions',
        label: t('suspensions'),
        filter: { status: 'suspension_requested' },
        columns: ['number', 'class', 'department', 'due'],
      },
      {
        key: 'overdue',
        label: t('overdue'),
        filter: {
          overdueTier: 'overdue',
          status: 'dispatched,in_progress,extension_requested,suspension_requested,return_requested',
        },
        columns: ['number', 'class', 'status', 'department', 'due'],
      },
      {
        key: 'severe',
        label: t('severe'),
        filter: {
          overdueTier: 'severely_overdue',
          status: 'dispatched,in_progress,extension_requested,suspension_requested,return_requested',
        },
        columns: ['number', 'class', 'status', 'department', 'due'],
      },
    ],
    [t],
  );
  return <Workbench queues={queues} header={<PageHeader title={tm('navCommand')} sub={t('sub')} />} />;
}
