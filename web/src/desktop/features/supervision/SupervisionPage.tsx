/**
 * 监督中心: incoming reports awaiting the filing decision (with their probable duplicates), the
 * on-site checks out with inspectors, self-handled reports to review, and handled cases to send
 * for verification and close.
 */
import { defineMessages } from '../../../shared/i18n.js';
import { QueuePage } from '../cases/Workbench.js';
import { m } from '../../messages.js';

const sm = defineMessages(
  {
    sub: '受理公众、热线与监督员上报的问题；核实、立案、不予立案或合并重复；核查通过后结案。',
    incoming: '待受理',
    checking: '核实中',
    selfHandled: '自处理待审',
    handled: '待发核查',
    verifying: '核查中',
    verified: '待结案',
  },
  {
    sub: 'Accept reports from citizens, the hotline and inspectors; check, file, reject or merge duplicates; close after verification.',
    incoming: 'Incoming',
    checking: 'Being checked',
    selfHandled: 'Self-handled',
    handled: 'To verify',
    verifying: 'Verifying',
    verified: 'To close',
  },
);

const QUEUES = [
  {
    key: 'incoming',
    filter: { status: 'reported' },
    columns: ['number', 'class', 'source', 'place', 'address', 'remaining'],
  },
  {
    key: 'checking',
    filter: { status: 'check_pending' },
    columns: ['number', 'class', 'source', 'place', 'address', 'remaining'],
  },
  {
    key: 'selfHandled',
    filter: { status: 'self_handled' },
    columns: ['number', 'class', 'place', 'address', 'reportedAt'],
  },
  {
    key: 'handled',
    filter: { status: 'handled' },
    columns: ['number', 'class', 'place', 'department', 'remaining'],
  },
  {
    key: 'verifying',
    filter: { status: 'verify_pending' },
    columns: ['number', 'class', 'place', 'department', 'remaining'],
  },
  {
    key: 'verified',
    filter: { status: 'verified' },
    columns: ['number', 'class', 'place', 'department', 'remaining'],
  },
] as const;

export function SupervisionPage() {
  const tm = m.useT();
  return <QueuePage title={tm('navSupervision')} messages={sm} queues={QUEUES} />;
}
