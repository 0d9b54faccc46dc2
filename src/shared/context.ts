import type { Actor } from '../identity/index.js';

/** What a service needs to know about the request it serves: who, from where, which request. */
export interface RequestContext {
  actor: Actor;
  clientIp: string | null;
  requestId: string | null;
}

/** For CLI commands and background jobs: the system acting with full jurisdiction. */
export function systemContext(requestId: string | null = null): RequestContext {
  return {
    actor: {
      id: 0,
      username: 'system',
      displayName: 'System',
      role: 'admin',
      position: null,
      departmentId: null,
      regionCodes: [],
    },
    clientIp: null,
    requestId,
  };
}
