/**
 * Who may manage webhooks. Subscriptions carry signing secrets and see every event of the
 * instance (or of a department), so reading and changing them is for administrators only.
 * Kept here, beside the module, because identity/policy.ts covers the foundation's resources;
 * it answers the same way (FORBIDDEN naming the role and the permission).
 */
import type { StaffRole } from '../db/schema.js';
import type { Actor } from '../identity/index.js';
import { DomainError } from '../shared/errors.js';

export type WebhookPermission = 'webhooks:read' | 'webhooks:write';

export const WEBHOOK_GRANTS: Record<WebhookPermission, readonly StaffRole[]> = {
  'webhooks:read': ['admin'],
  'webhooks:write': ['admin'],
};

export function canManageWebhooks(actor: Pick<Actor, 'role'>, permission: WebhookPermission): boolean {
  return WEBHOOK_GRANTS[permission].includes(actor.role);
}

export function authorizeWebhooks(actor: Pick<Actor, 'role'>, permission: WebhookPermission): void {
  if (!canManageWebhooks(actor, permission)) {
    throw new DomainError('FORBIDDEN', `The ${actor.role} role may not ${permission.replace(':', ' ')}`, {
      permission,
    });
  }
}
