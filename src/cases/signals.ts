/**
 * What each case change tells the world: an outbox event for department systems (webhooks) and
 * inbox notifications for whoever now has the ball — in the same transaction as the change.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { StaffRole } from '../identity/index.js';
import { enqueue } from '../messaging/index.js';
import { notify, recipientsFor, type NotificationKind } from '../notifications/index.js';
import type { CaseRow } from './repo.js';
import './tables.js';

interface Audience {
  kind: NotificationKind;
  roles: StaffRole[];
  /** Reach the case's department instead of the grid's staff. */
  department?: boolean;
  title: string;
}

/** Who is told after each action, and how. The status says who has the ball; this names them. */
const AUDIENCE: Partial<Record<string, Audience[]>> = {
  report: [{ kind: 'task_new', roles: ['supervisor'], title: '新上报待受理' }],
  'send-check': [{ kind: 'task_new', roles: ['inspector'], title: '核实任务' }],
  check: [{ kind: 'task_new', roles: ['supervisor'], title: '核实结果待立案' }],
  'self-handle': [{ kind: 'task_new', roles: ['supervisor'], title: '自处理待审核' }],
  file: [{ kind: 'task_new', roles: ['dispatcher'], title: '已立案待派遣' }],
  dispatch: [
    { kind: 'task_new', roles: ['handler', 'department_lead'], department: true, title: '新派遣案件' },
  ],
  return: [{ kind: 'task_new', roles: ['dispatcher'], title: '回退申请待审批' }],
  'request-extension': [{ kind: 'task_new', roles: ['dispatcher'], title: '延期申请待审批' }],
  'request-suspension': [{ kind: 'task_new', roles: ['dispatcher'], title: '挂账申请待审批' }],
  approve: [
    { kind: 'task_new', roles: ['handler', 'department_lead'], department: true, title: '申请已批准' },
  ],
  deny: [{ kind: 'returned', roles: ['handler', 'department_lead'], department: true, title: '申请未批准' }],
  handle: [{ kind: 'task_new', roles: ['supervisor'], title: '处理反馈待核查' }],
  'send-verify': [{ kind: 'task_new', roles: ['inspector'], title: '核查任务' }],
  pass: [{ kind: 'task_new', roles: ['supervisor'], title: '核查通过待结案' }],
  fail: [
    {
      kind: 'returned',
      roles: ['handler', 'department_lead'],
      department: true,
      title: '核查未通过，需返工',
    },
  ],
  reopen: [{ kind: 'task_new', roles: ['dispatcher'], title: '案件重新打开' }],
  'citizen-update': [{ kind: 'task_new', roles: ['supervisor'], title: '市民补充信息' }],
  escalate: [
    { kind: 'escalated', roles: ['handler', 'department_lead'], department: true, title: '案件被督办' },
    { kind: 'escalated', roles: ['dispatcher'], title: '案件被督办' },
  ],
  overdue: [
    { kind: 'overdue', roles: ['handler', 'department_lead'], department: true, title: '案件已超时' },
    { kind: 'overdue', roles: ['dispatcher'], title: '案件已超时' },
  ],
  deadline_near: [
    { kind: 'deadline_near', roles: ['handler', 'department_lead'], department: true, title: '案件即将超时' },
  ],
};

/** Outbox topics use past-tense names (docs/integration.md). */
const TOPIC: Record<string, string> = {
  report: 'case.reported',
  'send-check': 'case.check_sent',
  check: 'case.checked',
  'self-handle': 'case.self_handled',
  file: 'case.filed',
  reject: 'case.rejected',
  merge: 'case.merged',
  dispatch: 'case.dispatched',
  accept: 'case.accepted',
  return: 'case.return_requested',
  handle: 'case.handled',
  'request-extension': 'case.extension_requested',
  'request-suspension': 'case.suspension_requested',
  approve: 'case.approved',
  deny: 'case.denied',
  resume: 'case.resumed',
  'send-verify': 'case.verify_sent',
  pass: 'case.verified',
  fail: 'case.rework',
  close: 'case.closed',
  cancel: 'case.cancelled',
  reopen: 'case.reopened',
  'citizen-update': 'case.citizen_updated',
  escalate: 'case.escalated',
  overdue: 'case.overdue',
  deadline_near: 'case.deadline_near',
};

export async function signalCaseChange(
  tx: Transaction<DB>,
  row: CaseRow,
  action: string,
  from: string | null,
  at: Date,
): Promise<void> {
  await enqueue(tx, {
    topic: TOPIC[action] ?? `case.${action.replaceAll('-', '_')}`,
    aggregateType: 'case',
    aggregateId: row.id,
    payload: {
      caseId: row.id,
      number: row.number,
      action,
      from,
      status: row.status,
      stage: row.stage,
      departmentId: row.department_id,
      classCode: row.class_code,
      className: row.class_name,
      gridCode: row.grid_code,
      urgency: row.urgency,
      handlingDueAt: row.handling_due_at?.toISOString() ?? null,
      at: at.toISOString(),
    },
  });
  for (const audience of AUDIENCE[action] ?? []) {
    if (audience.department && row.department_id === null) continue;
    const recipients = await recipientsFor(
      tx,
      audience.department
        ? { role: audience.roles, departmentId: row.department_id! }
        : { role: audience.roles, regionCode: row.grid_code },
    );
    if (recipients.length === 0) continue;
    await notify(tx, recipients, {
      kind: audience.kind,
      title: `${audience.title}：${row.number} ${row.class_name}`,
      body: row.description.slice(0, 200),
      caseId: String(row.id),
      link: `/cases/${row.id}`,
    });
  }
}
