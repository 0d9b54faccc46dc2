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
  relation: string;
  idNumberMasked?: string | null;
  /** The recorded authorisation the window must see (委托书: scope and validity). */
  authorisation?: {
    id?: number;
    kind?: string;
    scope?: string | null;
    allItems?: boolean;
    validFrom?: string | null;
    validTo?: string | null;
    note?: string | null;
  } | null;
}

export interface MaterialView {
  key: string;
  name: string;
  fileId: string | null;
  fileName?: string | null;
  mediaType?: string | null;
  mark: MaterialMark | null;
  note?: string | null;
  url?: string | null;
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
  rejection?: { reason: string; legalBasis: string } | null;
  pendingHold?: { reason: string } | null;
  pendingExtension?: { days: number; reason: string } | null;
  specialStep?: { kind: SpecialStepKind; note?: string | null; startedAt?: string } | null;
  children?: ChildRef[];
  parentId?: number | null;
  parent?: { id: number; number: string; item?: { name: string } } | null;
  history: HistoryEntry[];
  allowedActions: string[];
  version: number;
}

/** A list row. */
export interface ApplicationSummary {
  id: number;
  number: string;
  state: ApplicationState;
  stateName?: string;
  item: ItemRef;
  channel: 'online' | 'window';
  applicant: { kind: 'person' | 'legal_person'; name: string };
  submittedAt?: string | null;
  createdAt?: string;
  acceptedAt?: string | null;
  clock: ApplicationClock;
  isBundle?: boolean;
  parentId?: number | null;
  childCount?: number;
  version?: number;
}

export type ApplicationSort = 'submittedAt' | 'dueAt' | 'number' | 'state';

export interface ApplicationFilter {
  state?: string;
  itemId?: number;
  departmentId?: number;
  overdue?: boolean;
  light?: string;
  q?: string;
  from?: string;
  to?: string;
}

export interface ApplicationPage {
  items: ApplicationSummary[];
  nextCursor: string | null;
  total: number;
}

export function listApplications(
  filter: ApplicationFilter,
  page: { cursor?: string | null; limit: number; sort?: string },
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
  if (material.url) return material.url;
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
