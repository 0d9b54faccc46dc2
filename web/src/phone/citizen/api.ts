/**
 * The citizen channel's API (docs/api/citizens.md): public categories, photo upload, reports by
 * tracking code, ratings, and the citizen account. A citizen's session is the HTTP-only
 * `shuzhi_citizen` cookie set at login; its token is kept in this tab's memory only to send it as
 * a bearer token on writes (no CSRF token is needed for bearer requests).
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

let token: string | null = null;
const citizenApi = createApi({ bearer: () => token });

export const citizen = {
  categories: () => citizenApi.get<{ items: Category[] }>('/public/categories'),
  uploadPhoto: (file: File): Promise<UploadedPhoto> => {
    const form = new FormData();
    form.append('file', file, file.name);
    return citizenApi.post<UploadedPhoto>('/public/photos', form);
  },
  submit: (report: NewReport, key: string) =>
    citizenApi.post<Receipt>('/public/reports', report, { idempotencyKey: key }),
  report: (code: string) => citizenApi.get<PublicReport>(`/public/reports/${encodeURIComponent(code)}`),
  rate: (code: string, rating: Rating) =>
    citizenApi.post<PublicReport>(`/public/reports/${encodeURIComponent(code)}/rating`, rating),
  register: (body: { phone: string; password: string; displayName?: string }) =>
    citizenApi.post<Citizen>('/citizens', body),
  async login(body: { phone: string; password: string }): Promise<Citizen> {
    const session = await citizenApi.post<{ token: string; citizen: Citizen }>('/citizens/session', body);
    token = session.token;
    return session.citizen;
  },
  async logout(): Promise<void> {
    await citizenApi.delete('/citizens/session');
    token = null;
  },
  me: () => citizenApi.get<Citizen>('/citizens/me'),
  myReports: (cursor?: string) =>
    citizenApi.get<Page<PublicReport>>('/citizens/me/reports', { cursor, limit: 20 }),
  fileUrl: (url: string) => url,
};
