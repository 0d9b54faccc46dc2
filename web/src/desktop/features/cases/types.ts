/** The cases API's shapes as the desktop reads them (src/cases/presenter.ts). */
import type {
  CaseAction,
  CaseKind,
  CaseStatus,
  OverdueTier,
  Source,
  Stage,
  Urgency,
} from '../../../shared/labels.js';
import { api, type Page } from '../../../shared/api.js';
import type { TimelineActor, TimelineDetail } from '../../../shared/history.js';

export interface CaseSummary {
  id: number;
  number: string;
  source: Source;
  kind: CaseKind;
  classification: { id: number; standard: string; code: string; name: string };
  filingCondition: string | null;
  componentId: number | null;
  location: { lng: number; lat: number };
  gridCode: string | null;
  communityCode: string | null;
  streetCode: string | null;
  districtCode: string | null;
  address: string | null;
  description: string | null;
  urgency: Urgency;
  status: CaseStatus;
  stage: Stage;
  departmentId: number | null;
  suggestedDepartmentId: number | null;
  routingExplanation: string | null;
  checkResult: 'confirmed' | 'not_found' | null;
  duplicateOf: number | null;
  counters: Record<
    'returns' | 'reworks' | 'extensions' | 'suspensions' | 'reopenings' | 'escalations',
    number
  >;
  escalated: boolean;
  handlingDueAt: string | null;
  handlingOverdue: boolean;
  overdueTier: OverdueTier | null;
  closureType: string | null;
  closedAt: string | null;
  reportedAt: string;
  updatedAt: string;
  version: number;
}

/** A list row: the summary with region names and the clock running now (src/cases/list-view.ts). */
export interface CaseListItem extends CaseSummary {
  gridName: string | null;
  communityName: string | null;
  streetName: string | null;
  runningClock: {
    clock: string;
    round: number;
    dueAt: string | null;
    remainingMinutes: number;
    suspended: boolean;
    light: 'green' | 'yellow' | 'red';
  } | null;
}

export interface ClockView {
  clock: string;
  round: number;
  startedAt: string;
  limit: { amount: number; unit: string };
  dueAt: string | null;
  stoppedAt: string | null;
  suspended: boolean;
  elapsedMinutes: number;
  remainingMinutes: number;
  light: 'green' | 'yellow' | 'red';
  tier: OverdueTier;
}

export interface TimelineEvent {
  id: number;
  at: string;
  action: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  actor: TimelineActor;
  /** The system's own record (超时, 自动督办, 并入) as facts; shown through shared/history.ts. */
  detail: TimelineDetail | null;
  reason: string | null;
  note: string | null;
  attachments: string[];
  changes: Record<string, { before: unknown; after: unknown }>;
}

export interface CaseDetail extends CaseSummary {
  gridName: string | null;
  communityName: string | null;
  streetName: string | null;
  rating: { score: number; comment: string | null; requestReopen: boolean; ratedAt: string } | null;
  departmentName: string | null;
  suggestedDepartmentName: string | null;
  photos: Array<{ fileId: string; phase: 'before' | 'after'; addedAt: string; url: string }>;
  clocks: ClockView[];
  /** Set when a deadline was computed over a year without a known holiday schedule. */
  deadlineWarning?: { code: 'CALENDAR_YEAR_UNCONFIRMED'; years: number[] } | null;
  timeline: TimelineEvent[];
  allowedActions: CaseAction[];
  probableDuplicates: Array<{
    id: number;
    number: string;
    status: CaseStatus;
    distanceM: number;
    reportedAt: string;
    description?: string | null;
  }>;
}

export interface CaseFilter {
  status?: string;
  classificationId?: number;
  stage?: Stage;
  departmentId?: number;
  regionCode?: string;
  overdueTier?: OverdueTier;
  escalated?: boolean;
  source?: Source;
  q?: string;
  from?: string;
  to?: string;
}

export type CaseSort = 'reportedAt' | 'handlingDueAt' | 'number' | 'status' | 'class';

/** One numbered page (页码) of cases, sorted; the total is `countCases`. */
export function listCases(
  filter: CaseFilter,
  page: { offset: number; limit: number; sort?: CaseSort; order?: 'asc' | 'desc' },
  signal?: AbortSignal,
) {
  return api.get<Page<CaseListItem>>('/cases', { ...filter, ...page }, signal);
}

export function countCases(filter: CaseFilter, signal?: AbortSignal) {
  return api.get<{ count: number }>('/cases/count', { ...filter }, signal);
}

/** The short name of a department where one is recorded (区城管执法局, not 北京市东城区城市管理综合执法局). */
export function departmentLabel(department: Department | undefined): string | null {
  if (!department) return null;
  return department.shortName || department.name;
}

export function getCase(id: number, signal?: AbortSignal) {
  return api.get<CaseDetail>(`/cases/${id}`, undefined, signal);
}

export interface Department {
  id: number;
  name: string;
  shortName?: string | null;
  code?: string | null;
  parentId?: number | null;
  active?: boolean;
  version: number;
}

let departments: Promise<Department[]> | null = null;
/** Every department (the list is small and changes rarely). */
export function allDepartments(): Promise<Department[]> {
  departments ??= api
    .get<Page<Department> | Department[]>('/departments', { limit: 500 })
    .then((r) => (Array.isArray(r) ? r : r.items))
    .catch((e: unknown) => {
      departments = null;
      throw e;
    });
  return departments;
}

/** After an administrator changed departments: the next read fetches them again. */
export function resetDepartments(): void {
  departments = null;
}

export async function uploadPhotos(files: File[]): Promise<string[]> {
  const form = new FormData();
  for (const file of files) form.append('file', file, file.name);
  const result = await api.post<{ files: Array<{ id: string }> }>('/files', form, { idempotencyKey: true });
  return result.files.map((f) => f.id);
}
