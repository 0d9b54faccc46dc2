/**
 * 指挥中心: filed cases to dispatch (with the routing suggestion and why), the departments'
 * return, extension and suspension requests to approve or deny, and the overdue board.
 */
import { defineMessages } from '../../../shared/i18n.js';
import { QueuePage } from '../cases/Workbench.js';
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

const WORKING = 'dispatched,in_progress,extension_requested,suspension_requested,return_requested';

const QUEUES = [
  {
    key: 'toDispatch',
    filter: { status: 'filed' },
    columns: ['number', 'class', 'place', 'department', 'urgency', 'remaining'],
  },
  {
    key: 'returns',
    filter: { status: 'return_requested' },
    columns: ['number', 'class', 'place', 'department', 'due'],
  },
  {
    key: 'extensions',
    filter: { status: 'extension_requested' },
    columns: ['number', 'class', 'place', 'department', 'due'],
  },
  {
    key: 'suspensions',
    filter: { status: 'suspension_requested' },
    columns: ['number', 'class', 'place', 'department', 'due'],
  },
  {
    key: 'overdue',
    filter: { overdueTier: 'overdue', status: WORKING },
    columns: ['number', 'class', 'status', 'place', 'department', 'due'],
  },
  {
    key: 'severe',
    filter: { overdueTier: 'severely_overdue', status: WORKING },
    columns: ['number', 'class', 'status', 'place', 'department', 'due'],
  },
] as const;

export function CommandPage() {
  const tm = m.useT();
  return <QueuePage title={tm('navCommand')} messages={cmd} queues={QUEUES} />;
}
