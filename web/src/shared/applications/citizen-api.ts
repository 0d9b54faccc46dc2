/**
 * The citizen's side of the applications API (under /citizens/me/), for the portal on the desktop
 * and on the phone alike. The session is the HTTP-only `shuzhi_citizen` cookie; its CSRF token is
 * kept in this tab's sessionStorage under the key the phone's citizen pages use, so a citizen who
 * logged in on either page can write from the other.
 */
import { createApi, type Page } from '../api.js';
import type {
  ApplicantProfile,
  Application,
  ApplicationSummary,
  Authorisation,
  OnBehalfOf,
  ServiceItem,
  StoredFile,
} from './types.js';

const CSRF_KEY = 'shuzhi.citizen.csrf';
let csrfToken: string | null = null;
try {
  csrfToken = sessionStorage.getItem(CSRF_KEY);
} catch {
  // Storage disabled: the token lives in memory only.
}
const csrf = {
  get: () => csrfToken,
  set(next: string | null) {
    csrfToken = next;
    try {
      if (next) sessionStorage.setItem(CSRF_KEY, next);
      else sessionStorage.removeItem(CSRF_KEY);
    } catch {
      // See above.
    }
  },
};
const http = createApi({ csrf });

export interface CitizenAccount {
  id: string | number;
  phoneMasked: string;
  displayName: string | null;
}

let restored: Promise<void> | null = null;
/** Before a write: the CSRF token of a logged-in citizen, fetched once when this tab has none. */
function ready(): Promise<void> {
  if (csrf.get()) return Promise.resolve();
  restored ??= http.get<CitizenAccount & { csrfToken: string }>('/citizens/me').then(
    (me) => csrf.set(me.csrfToken),
    () => csrf.set(null),
  );
  return restored;
}

export interface MaterialRef {
  key: string;
  fileId: string;
}

export const citizenApplications = {
  async me(): Promise<CitizenAccount> {
    const me = await http.get<CitizenAccount & { csrfToken: string }>('/citizens/me');
    csrf.set(me.csrfToken);
    return me;
  },
  async login(body: { phone: string; password: string }): Promise<CitizenAccount> {
    const session = await http.post<{ csrfToken: string; citizen: CitizenAccount }>(
      '/citizens/session',
      body,
    );
    csrf.set(session.csrfToken);
    restored = null;
    return session.citizen;
  },
  async logout(): Promise<void> {
    await ready();
    await http.delete('/citizens/session');
    csrf.set(null);
  },
  item: (itemId: number | string) =>
    http.get<ServiceItem>(`/service-items/${encodeURIComponent(String(itemId))}`),
  profile: () => http.get<ApplicantProfile>('/citizens/me/applicant'),
  authorisations: () =>
    http.get<{ granted: Authorisation[]; received: Authorisation[] }>('/citizens/me/authorisations'),
  prefill: (itemId: number, onBehalfOf?: OnBehalfOf) =>
    http.get<{ values: Record<string, unknown> }>('/citizens/me/applications/prefill', {
      itemId,
      ...(onBehalfOf && 'legalPersonId' in onBehalfOf ? { legalPersonId: onBehalfOf.legalPersonId } : {}),
      ...(onBehalfOf && 'citizenId' in onBehalfOf ? { citizenId: onBehalfOf.citizenId } : {}),
    }),
  async upload(file: File): Promise<StoredFile> {
    await ready();
    const form = new FormData();
    form.append('file', file, file.name);
    const stored = await http.post<{ files: StoredFile[] }>('/citizens/me/files', form, {
      idempotencyKey: true,
    });
    return stored.files[0]!;
  },
  fileUrl: (fileId: string) => http.url(`/citizens/me/files/${encodeURIComponent(fileId)}`),
  async create(
    body: {
      itemId: number;
      onBehalfOf?: OnBehalfOf;
      form: Record<string, unknown>;
      materials: MaterialRef[];
      submit: boolean;
    },
    key: string,
  ): Promise<Application> {
    await ready();
    return http.post<Application>('/citizens/me/applications', body, { idempotencyKey: key });
  },
  list: (query: { state?: string; cursor?: string } = {}) =>
    http.get<Page<ApplicationSummary>>('/citizens/me/applications', query),
  get: (id: number | string) =>
    http.get<Application>(`/citizens/me/applications/${encodeURIComponent(String(id))}`),
  async update(
    id: number | string,
    body: { form: Record<string, unknown>; materials: MaterialRef[]; version: number },
  ) {
    await ready();
    return http.put<Application>(`/citizens/me/applications/${encodeURIComponent(String(id))}`, body);
  },
  async submit(id: number | string, version: number) {
    await ready();
    return http.post<Application>(`/citizens/me/applications/${encodeURIComponent(String(id))}/submit`, {
      version,
    });
  },
  async correct(
    id: number | string,
    body: { materials: MaterialRef[]; form?: Record<string, unknown>; version: number },
  ) {
    await ready();
    return http.post<Application>(
      `/citizens/me/applications/${encodeURIComponent(String(id))}/correct`,
      body,
    );
  },
  async withdraw(id: number | string, body: { reason: string; version: number }) {
    await ready();
    return http.post<Application>(
      `/citizens/me/applications/${encodeURIComponent(String(id))}/withdraw`,
      body,
    );
  },
  noticeUrl: (id: number | string, kind: 'acceptance' | 'correction' | 'rejection') =>
    http.url(`/citizens/me/applications/${encodeURIComponent(String(id))}/notices/${kind}`),
};
