/**
 * The citizen channel's API (docs/api/citizens.md): public categories, photo upload, reports by
 * tracking code, ratings, and the citizen account. A citizen's session is the HTTP-only
 * `shuzhi_citizen` cookie set at login; writes echo its CSRF token (`X-CSRF-Token`), kept in this
 * tab's sessionStorage apart from a staff session's, and restored from GET /citizens/me when a
 * new tab writes first. No token is ever readable by scripts.
 */
import { createApi, type Page } from '../../shared/api.js';

export const PUBLIC_STATUSES = [
  'received',
  'accepted',
  'in_progress',
  'resolved',
  'closed',
  'rejected',
] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

export interface Category {
  code: string;
  name: string;
  nameEn: string;
  help: string;
  helpEn: string;
  group: string;
  groupEn: string;
  sensitive: boolean;
}

export interface UploadedPhoto {
  id: string;
  url: string;
  thumbnailUrl: string;
}

export interface NewReport {
  categoryCode: string;
  location: { lng: number; lat: number; crs?: 'WGS84' | 'GCJ02' | 'BD09' };
  address?: string;
  description: string;
  photoIds?: string[];
  contact?: { name?: string; phone?: string };
  consentToContact?: boolean;
}

export interface Receipt {
  trackingCode: string;
  caseNumber: string;
  publicStatus: PublicStatus;
  submittedAt: string;
  expectedBy: string | null;
}

export interface PublicPhoto {
  id: string;
  url: string;
  thumbnailUrl: string;
}

export interface PublicReport {
  trackingCode: string;
  caseNumber: string;
  category: { code: string; name: string; nameEn: string };
  publicStatus: PublicStatus;
  submittedAt: string;
  updatedAt: string;
  expectedBy: string | null;
  closedAt: string | null;
  location: { lng: number; lat: number; rounded: boolean };
  address: string | null;
  description: string;
  notes: { at: string; text: string; status: PublicStatus }[];
  photos: { before: PublicPhoto[]; after: PublicPhoto[] };
  rating: { score: number; comment: string | null; at: string } | null;
  canRate: boolean;
  canRequestReopen: boolean;
  reopenRequest: { status: string; at: string } | null;
}

/** One of my reports in the account's list. */
export interface ReportSummary {
  trackingCode: string;
  caseNumber: string;
  category: { code: string; name: string; nameEn: string };
  publicStatus: PublicStatus;
  submittedAt: string;
  updatedAt: string;
  expectedBy: string | null;
  closedAt: string | null;
  description: string;
  thumbnailUrl: string | null;
  rating: { score: number; comment: string | null; at: string } | null;
  canRate: boolean;
  canRequestReopen: boolean;
}

export interface Rating {
  score: number;
  comment?: string;
  requestReopen?: boolean;
  reason?: string;
}

export interface Citizen {
  id: string | number;
  phoneMasked: string;
  displayName: string | null;
}

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
const citizenApi = createApi({ csrf });

let restored: Promise<void> | null = null;
/** Before a write: a logged-in citizen's CSRF token, fetched once when this tab has none. */
function sessionReady(): Promise<void> {
  if (csrf.get()) return Promise.resolve();
  restored ??= citizenApi.get<Citizen & { csrfToken: string }>('/citizens/me').then(
    (me) => csrf.set(me.csrfToken),
    () => csrf.set(null),
  );
  return restored;
}

export const citizen = {
  categories: () => citizenApi.get<{ items: Category[] }>('/public/categories'),
  uploadPhoto: async (file: File): Promise<UploadedPhoto> => {
    await sessionReady();
    const form = new FormData();
    form.append('file', file, file.name);
    return citizenApi.post<UploadedPhoto>('/public/photos', form);
  },
  submit: async (report: NewReport, key: string) => {
    await sessionReady();
    return citizenApi.post<Receipt>('/public/reports', report, { idempotencyKey: key });
  },
  report: (code: string) => citizenApi.get<PublicReport>(`/public/reports/${encodeURIComponent(code)}`),
  rate: async (code: string, rating: Rating) => {
    await sessionReady();
    return citizenApi.post<PublicReport>(`/public/reports/${encodeURIComponent(code)}/rating`, rating);
  },
  register: async (body: { phone: string; password: string; displayName?: string }) => {
    await sessionReady();
    return citizenApi.post<Citizen>('/citizens', body);
  },
  async login(body: { phone: string; password: string }): Promise<Citizen> {
    const session = await citizenApi.post<{ csrfToken: string; citizen: Citizen }>('/citizens/session', body);
    csrf.set(session.csrfToken);
    restored = null;
    return session.citizen;
  },
  async logout(): Promise<void> {
    await sessionReady();
    await citizenApi.delete('/citizens/session');
    csrf.set(null);
  },
  async me(): Promise<Citizen> {
    const me = await citizenApi.get<Citizen & { csrfToken: string }>('/citizens/me');
    csrf.set(me.csrfToken);
    return me;
  },
  myReports: (cursor?: string) =>
    citizenApi.get<Page<ReportSummary>>('/citizens/me/reports', { cursor, limit: 20 }),
};
