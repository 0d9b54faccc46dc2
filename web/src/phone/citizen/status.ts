/** Public statuses (docs/api/citizens.md) as the citizen reads them. */
import type { PublicStatus } from './api.js';
import { citizenMessages } from './messages.js';

const KEYS = {
  received: 'statusReceived',
  accepted: 'statusAccepted',
  in_progress: 'statusInProgress',
  resolved: 'statusResolved',
  closed: 'statusClosed',
  rejected: 'statusRejected',
} as const satisfies Record<PublicStatus, string>;

export function usePublicStatusLabel(): (status: PublicStatus) => string {
  const t = citizenMessages.useT();
  return (status) => t(KEYS[status]);
}

/** The steps of the progress bar, in order (a rejection ends after the first). */
export const STEPS: readonly PublicStatus[] = ['received', 'accepted', 'in_progress', 'resolved', 'closed'];

export const STATUS_COLOURS: Record<PublicStatus, string> = {
  received: 'default',
  accepted: 'primary',
  in_progress: 'warning',
  resolved: 'success',
  closed: 'success',
  rejected: 'danger',
};
