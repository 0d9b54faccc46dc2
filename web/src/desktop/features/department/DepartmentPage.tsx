/**
 * 部门处置: the department's inbox — dispatched cases to accept or return, cases in progress to
 * handle (note and after-photos) or to ask an extension or suspension for, and rework.
 */
import { useMemo } from 'react';
import { defineMessages } from '../../../shared/i18n.js';
import { QueuePage, type QueueOf } from '../cases/Workbench.js';
import { useUser } from '../../session.js';
import { m } from '../../messages.js';

const dm = defineMessages(
  {
    sub: '接收或申请回退派遣来的案卷；处置完成后上传处置后照片反馈；需要时申请延期或挂账。',
    inbox: '待接收',
    inProgress: '处置中',
    requests: '申请审批中',
    suspended: '已挂账',
    handled: '已反馈',
  },
  {
    sub: 'Accept or return dispatched cases; report them handled with after-photos; ask for an extension or suspension when needed.',
    inbox: 'Inbox',
    inProgress: 'In progress',
    requests: 'Awaiting approval',
    suspended: 'Suspended',
    handled: 'Reported handled',
  },
);

type DepartmentQueue = 'inbox' | 'inProgress' | 'requests' | 'suspended' | 'handled';

export function DepartmentPage() {
  const tm = m.useT();
  const { departmentId } = useUser();
  const queues = useMemo((): QueueOf<DepartmentQueue>[] => {
    const dept = departmentId ? { departmentId } : {};
    return [
      {
        key: 'inbox',
        filter: { ...dept, status: 'dispatched' },
        columns: ['number', 'class', 'urgency', 'place', 'address', 'remaining'],
      },
      {
        key: 'inProgress',
        filter: { ...dept, status: 'in_progress' },
        columns: ['number', 'class', 'place', 'address', 'due'],
      },
      {
        key: 'requests',
        filter: { ...dept, status: 'return_requested,extension_requested,suspension_requested' },
        columns: ['number', 'class', 'status', 'due'],
      },
      {
        key: 'suspended',
        filter: { ...dept, status: 'suspended' },
        columns: ['number', 'class', 'due'],
      },
      {
        key: 'handled',
        filter: { ...dept, status: 'handled,verify_pending' },
        columns: ['number', 'class', 'status', 'due'],
      },
    ];
  }, [departmentId]);
  return <QueuePage title={tm('navDepartment')} messages={dm} queues={queues} />;
}
