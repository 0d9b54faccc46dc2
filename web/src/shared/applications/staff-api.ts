/**
 * The window's side of registering an application (staff session): find or register the walk-in
 * applicant (applicants API, docs/api/applicants.md), the authorisations the window must see,
 * materials scanned and uploaded, and POST /applications/window.
 */
import { api } from '../api.js';
import type { Application, ServiceItem, StoredFile } from './types.js';

export interface WindowPerson {
  citizenId: number;
  realName: string | null;
  idNumber: string | null;
  phone: string | null;
  identityLevel: number;
  identityLevelName: string;
  hasAccount: boolean;
}

export interface WindowLegalPerson {
  id: number;
  creditCode: string;
  name: string;
  kind: string;
  kindName: string;
  representativeName: string;
  representativeIdNumber: string;
  phone: string | null;
}

export interface WindowAuthorisation {
  id: number;
  kindName: string;
  principal: { kind: 'person' | 'legal_person'; name: string | null };
  agent: { citizenId: number; name: string | null; idNumber: string | null };
  allItems: boolean;
  itemIds: number[];
  validFrom: string;
  validTo: string;
  state: 'pending' | 'active' | 'expired' | 'revoked';
  stateName: string;
  documentFileId: string | null;
}

export interface ItemHit {
  itemId: number;
  name: string;
  departmentName: string;
  applicable: boolean;
  promisedDays: number;
}

export type WindowApplicant = { citizenId: number } | { legalPersonId: number };

export const windowApi = {
  findPerson: (idNumber: string) =>
    api.get<{ persons: WindowPerson[]; legalPersons: WindowLegalPerson[] }>('/applicants', {
      idNumber,
      full: true,
    }),
  findLegalPerson: (creditCode: string) =>
    api.get<{ persons: WindowPerson[]; legalPersons: WindowLegalPerson[] }>('/applicants', {
      creditCode,
      full: true,
    }),
  registerPerson: (body: { realName: string; idNumber: string; phone?: string | null }) =>
    api.post<{ person: WindowPerson; created: boolean }>('/applicants/persons', body, {
      idempotencyKey: true,
    }),
  registerLegalPerson: (body: {
    creditCode: string;
    name: string;
    kind: string;
    phone?: string | null;
    representative: { realName: string; idNumber: string };
  }) => api.post<WindowLegalPerson>('/applicants/legal-persons', body, { idempotencyKey: true }),
  authorisations: (of: WindowApplicant) =>
    api.get<{ items: WindowAuthorisation[] }>('/applicants/authorisations', of),
  /** A paper 授权委托书 seen at the window, with its scan (docs/api/applicants.md). */
  recordAuthorisation: (body: {
    principal: WindowApplicant;
    agentCitizenId: number;
    kind: 'entrust' | 'proxy';
    allItems: boolean;
    itemIds: number[];
    validFrom: string;
    validTo: string;
    documentFileId: string;
  }) => api.post<WindowAuthorisation>('/applicants/authorisations', body, { idempotencyKey: true }),
  searchItems: (q: string) => api.get<{ items: ItemHit[] }>('/service-items', { q, limit: 20 }),
  item: (itemId: number) => api.get<ServiceItem>(`/service-items/${itemId}`),
  async upload(file: File): Promise<StoredFile> {
    const form = new FormData();
    form.append('file', file, file.name);
    const stored = await api.post<{ files: StoredFile[] }>('/files', form, {
      idempotencyKey: true,
      query: { purpose: 'application_material' },
    });
    return stored.files[0]!;
  },
  register: (
    body: {
      itemId: number;
      applicant: WindowApplicant;
      agent?: { citizenId: number };
      form: Record<string, unknown>;
      materials: { key: string; fileId: string }[];
      instant?: boolean;
    },
    key: string,
  ) => api.post<Application>('/applications/window', body, { idempotencyKey: key }),
};
