/** The staff API as the inspector's phone uses it (docs/api/cases.md, docs/api/files.md). */
import { api, type Page } from '../../shared/api.js';
import type { TimelineActor, TimelineDetail } from '../../shared/history.js';
import type { CaseAction, CaseStatus, Role } from '../../shared/labels.js';

export interface StaffUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  position: 'operator' | 'shift_lead' | null;
  departmentId: number | null;
  regionCodes: string[];
  mustChangePassword?: boolean;
}

export interface CaseSummary {
  id: number;
  number: string;
  kind: 'component' | 'matter';
  classification: { id: number; code: string; name: string };
  location: { lng: number; lat: number };
  gridCode: string | null;
  gridName?: string | null;
  communityName?: string | null;
  streetName?: string | null;
  address: string | null;
  description: string;
  urgency: 'normal' | 'urgent';
  status: CaseStatus;
  reportedAt: string;
  version: number;
}

export interface CaseDetail extends CaseSummary {
  departmentName: string | null;
  photos: { fileId: string; phase: 'before' | 'after'; addedAt: string; url: string }[];
  timeline: {
    id: number;
    at: string;
    action: string;
    fromStatus: CaseStatus | null;
    toStatus: CaseStatus | null;
    actor: TimelineActor;
    detail: TimelineDetail | null;
    reason: string | null;
    note: string | null;
  }[];
  allowedActions: CaseAction[];
}

export interface Classification {
  id: number;
  standard: string;
  kind: 'component' | 'matter';
  code: string;
  name: string;
  majorName?: string;
  active: boolean;
}

export const staff = {
  session: () => api.get<{ user: StaffUser; csrfToken: string }>('/auth/session'),
  async login(username: string, password: string): Promise<StaffUser> {
    const answer = await api.post<{ user: StaffUser; csrfToken: string }>('/auth/login', {
      username,
      password,
    });
    api.csrf.set(answer.csrfToken);
    return answer.user;
  },
  async logout(): Promise<void> {
    await api.post('/auth/logout');
    api.csrf.set(null);
  },
  tasks: () => api.get<Page<CaseSummary>>('/cases', { status: 'check_pending,verify_pending', limit: 100 }),
  openCases: () =>
    api.get<Page<CaseSummary>>('/cases', {
      status: 'reported,check_pending,filed,dispatched,in_progress,handled,verify_pending',
      limit: 200,
    }),
  case: (id: number) => api.get<CaseDetail>(`/cases/${id}`),
  act: (id: number, action: CaseAction, body: Record<string, unknown>) =>
    api.post<CaseDetail>(`/cases/${id}/actions/${action}`, body),
  classifications: () =>
    api.get<Page<Classification>>('/classifications', {
      limit: 1000,
      active: true,
      standard: 'GB/T 47678.5-2026',
    }),
  uploadPhoto: async (file: File): Promise<{ id: string; thumbnailUrl: string }> => {
    const form = new FormData();
    form.append('file', file, file.name);
    const answer = await api.post<{ files: { id: string; thumbnailUrl: string }[] }>('/files', form, {
      query: { purpose: 'case_photo' },
    });
    const stored = answer.files[0];
    if (!stored) throw new Error('no file stored');
    return stored;
  },
  report: (body: Record<string, unknown>, key: string) =>
    api.post<CaseDetail>('/cases', body, { idempotencyKey: key }),
};
