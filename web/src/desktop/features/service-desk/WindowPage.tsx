/** 综合窗口: the window clerk's queues — to accept, awaiting correction, decided and to deliver. */
import { ApplicationQueuePage, useQueues } from './ApplicationQueue.js';
import { sm } from './messages.js';

export function WindowPage() {
  const t = sm.useT();
  const queues = useQueues('window');
  return (
    <ApplicationQueuePage
      title={t('windowTitle')}
      sub={t('windowSub')}
      queues={queues}
      showDepartmentFilter
    />
  );
}
