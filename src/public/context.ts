/**
 * The case intake (src/cases/service.ts reportCase) acts for someone: for the citizen channel it
 * is this synthetic context, id 0 (no staff account, audited without an actor id) with full
 * jurisdiction, as the system acts for Open311 clients. It is used only inside this module's
 * services, after they have checked everything a citizen may and may not do, and never leaves
 * them: citizens themselves are never Actors.
 */
import type { RequestContext } from '../shared/context.js';

export function publicIntakeContext(
  citizenId: number | null,
  meta: { clientIp: string | null; requestId: string | null },
): RequestContext {
  return {
    actor: {
      id: 0,
      username: citizenId === null ? 'public' : `citizen:${citizenId}`,
      displayName: '市民',
      role: 'admin',
      position: null,
      departmentId: null,
      regionCodes: [],
    },
    clientIp: meta.clientIp,
    requestId: meta.requestId,
  };
}
