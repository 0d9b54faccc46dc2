/**
 * The applications (办件) API as the window and the department workbench read it
 * (docs/api/services.md "Applications"; the shapes are restated here because ESLint lets web/src
 * import only the server's I/O-free vocabulary modules).
 */
import { api } from '../../../shared/api.js';

/** 办件状态 (the server's lifecycle). */
export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'correction_requested',
  'accepted',
  'in_review',
  'on_hold',
  'special_step',
  'decided',
  'delivered',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export type Light = 'green' | 'yellow' | 'red' | 'paused' | 'none';
export type MaterialMark = 'ok' | 'missing' | 'wrong';
export type Delivery = 'pickup' | 'post' | 'online';
export type Outcome = 'approved' | 'refused';

export const SPECIAL_STEP_KINDS = [
  'site_inspection',
  'expert_review',
  'publicity',
  'hearing',
  'testing',
] as const;
export type SpecialStepKind = (typeof SPECIAL_STEP_KINDS)[number];

export interface ApplicationClock {
  acceptDueAt?: string | null;
  dueAt?: string | null;
  expectedCompletionDate?: string | null;
  light: Light;
  pausedDays?: number;
  extensionDays?: number;
  /** Working minutes left on the clock running now (negative: overdue), where the server says. */
  remainingMinutes?: number | null;
  /** Working days left on the decision clock, where the server says. */
  remainingDays?: number | null;
  overdue?: boolean;
}

export interface ItemRef {
  id: number;
  versionId?: number;
  versionNumber?: number;
  name: string;
  implementationCode?: string;
  departmentId?: number | null;
  departmentName?: string | null;
  promisedDays?: number;
  legalDays?: number;
  isBundle?: boolean;
}

export interface ApplicantView {
  kind: 'person' | 'legal_person';
  name: string;
  idNumberMasked?: string | null;
  creditCode?: string | null;
  phoneMasked?: string | null;
  representativeName?: string | null;
}

export interface AgentView {
  name: string;
  /** 委托 or 代办, as recorded with the authorisation the application was made under. */
  relation: string;
}

export interface MaterialView {
  key: string;
  name: string;
  fileId: string | null;
  fileName?: string | null;
  mediaType?: string | null;
  required?: boolean;
  mark: MaterialMark | null;
  note?: string | null;
}

export interface HistoryEntry {
  at: string;
  action: string;
  actionName?: string;
  actorName?: string;
  note?: string | null;
}

export interface ChildRef {
  id: number;
  number: string;
  state: ApplicationState;
  stateName?: string;
  item: { name: string; departmentName?: string | null };
  clock?: ApplicationClock | null;
}

export interface Application {
  id: number;
  number: string;
  state: ApplicationState;
  stateName?: string;
  item: ItemRef;
  channel: 'online' | 'window';
  applicant: ApplicantView;
  agent?: AgentView | null;
  form: Record<string, unknown>;
  materials: MaterialView[];
  correction?: {
    requestedAt: string;
    items: Array<{ key?: string | null; name: string; reason: string }>;
    note?: string | null;
    correctedAt?: string | null;
  } | null;
  acceptanceNumber?: string | null;
  acceptedAt?: string | null;
  submittedAt?: string | null;
  clock: ApplicationClock;
  decision?: {
    outcome: Outcome;
    reason?: string | null;
    legalBasis?: string | null;
    decidedAt: string;
    resultDescription?: string | null;
    delivery?: Delivery | null;
  } | null;
  deliveredAt?: string | null;
  /** 不予受理 (or 撤回): the reason and legal basis. */
  closed?: { reason: string | null; legalBasis: string | null } | null;
  pending?: {
    hold: { byName: string; at: string; reason: string } | null;
    extension: { byName: string; at: string; reason: string; days: number } | null;
  };
  specialStep?: { kind: SpecialStepKind; from: string; note?: string | null } | null;
  children?: ChildRef[];
  progress?: { total: number; decided: number; percent: number; complete: boolean } | null;
  parentId?: number | null;
  history: HistoryEntry[];
  allowedActions: string[];
  version: number;
}

/** A list row (the applicant's name masked for a person). */
export interface ApplicationSummary {
  id: number;
  number: string;
  state: ApplicationState;
  stateName?: string;
  itemId: number;
  itemName: string;
  departmentId: number;
  departmentName: string;
  channel: 'online' | 'window';
  applicantKind: 'person' | 'legal_person';
  applicantName: string;
  isBundle: boolean;
  parentId: number | null;
  acceptanceNumber: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
  createdAt: string;
  clock: ApplicationClock;
  version: number;
}

/** The list's order: by submission, newest or oldest first. */
export type ApplicationSort = 'newest' | 'oldest';

export interface ApplicationFilter {
  /** One state (the API filters by one). */
  state?: ApplicationState;
  itemId?: number;
  departmentId?: number;
  overdue?: boolean;
  light?: string;
  /** 申请编号 (SQ…) or 受理编号 (SL…), exactly. */
  q?: string;
  /** Submission dates, YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
}

/** What the API accepts in `q`. */
export const NUMBER_PATTERN = /^(SQ|SL)[0-9]{14}$/i;

export interface ApplicationPage {
  items: ApplicationSummary[];
  nextCursor: string | null;
  total: number;
}

export function listApplications(
  filter: ApplicationFilter,
  page: { cursor?: string | null; limit: number; sort?: ApplicationSort },
  signal?: AbortSignal,
) {
  return api.get<ApplicationPage>(
    '/applications',
    { ...filter, cursor: page.cursor ?? undefined, limit: page.limit, sort: page.sort },
    signal,
  );
}

export function getApplication(id: number, signal?: AbortSignal) {
  return api.get<Application>(`/applications/${id}`, undefined, signal);
}

/** A material's bytes, for the viewer (the files API serves them inline). */
export function materialUrl(material: MaterialView): string | null {
  return material.fileId ? api.url(`/files/${material.fileId}`) : null;
}

export function noticeUrl(id: number, kind: 'acceptance' | 'correction' | 'rejection'): string {
  return api.url(`/applications/${id}/notices/${kind}`);
}

/** The catalogue's requirement list for the version the application was made under. */
export interface RequirementView {
  key: string;
  name: string;
  form: 'original' | 'copy' | 'electronic';
  copies: number;
  required: boolean;
  condition: string | null;
  source: string;
  notes: string;
}

export interface VersionView {
  id: number;
  name?: string;
  guide: {
    materials: RequirementView[];
    legalBases?: Array<{ law: string; article: string; text: string }>;
    deliveryMethods?: Delivery[];
    specialSteps?: Array<{ kind: SpecialStepKind; name: string; days: number }>;
  };
  /** The form's JSON Schema: the window shows each value under its field's title. */
  form?: {
    schema?: { properties?: Record<string, { title?: string; enum?: unknown[]; enumNames?: string[] }> };
    layout?: { sections?: Array<{ title: string; fields: string[] }> };
  };
}

export function getVersion(versionId: number, signal?: AbortSignal) {
  return api.get<VersionView>(`/service-item-versions/${versionId}`, undefined, signal);
}

export interface ItemOption {
  itemId: number;
  name: string;
  departmentName?: string;
}

export function searchItems(q: string, signal?: AbortSignal) {
  return api.get<{ items: ItemOption[] }>('/service-items', { q: q || undefined, limit: 20 }, signal);
}
