/**
 * 办件审查: the implementing department's applications (the API scopes the list to the user's
 * department) — to review, in review, paused by a special step or a hold, decided.
 */
import { useUser } from '../../session.js';
import { ApplicationQueuePage, useQueues } from './ApplicationQueue.js';
import { sm } from './messages.js';

export function ReviewPage() {
  const t = sm.useT();
  const user = useUser();
  const queues = useQueues('review');
  // Department staff see their own department only; an administrator may pick one.
  return (
    <ApplicationQueuePage
      title={t('reviewTitle')}
      sub={t('reviewSub')}
      queues={queues}
      showDepartmentFilter={user.role === 'admin'}
    />
  );
}
