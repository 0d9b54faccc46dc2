/**
 * 办件 as the applications API shows them (the contract of issue #13 §3, docs/api/services.md
 * "Applications"). Restated for the web, which may not import the server's modules.
 */
import type { ApplicationForm } from '../form/model.js';

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

export interface ApplicationMaterial {
  key: string;
  name: string;
  fileId: string | null;
  fileName: string | null;
  mediaType: string | null;
  mark: 'ok' | 'missing' | 'wrong' | null;
  note: string | null;
}

export interface Application {
  id: number | string;
  number: string;
  state: ApplicationState;
  stateName: string;
  item: {
    id: number;
    versionId: number;
    versionNumber?: number;
    name: string;
    implementationCode?: string;
    departmentId?: number;
    departmentName: string;
    promisedDays: number;
    legalDays?: number;
    isBundle?: boolean;
  };
  channel: 'online' | 'window';
  applicant: {
    kind: 'person' | 'legal_person';
    name: string;
    idNumberMasked?: string | null;
    creditCode?: string | null;
    phoneMasked?: string | null;
  };
  agent?: { name: string; relation: string } | null;
  form: Record<string, unknown>;
  materials: ApplicationMaterial[];
  correction?: {
    requestedAt: string;
    items: { key?: string | null; name: string; reason: string }[];
    note?: string | null;
    correctedAt?: string | null;
  } | null;
  acceptanceNumber?: string | null;
  acceptedAt?: string | null;
  submittedAt?: string | null;
  createdAt?: string;
  clock?: {
    acceptDueAt?: string | null;
    dueAt?: string | null;
    expectedCompletionDate?: string | null;
    light?: string;
    pausedDays?: number;
    extensionDays?: number;
  } | null;
  decision?: {
    outcome: 'approved' | 'refused';
    reason?: string | null;
    legalBasis?: string | null;
    decidedAt: string;
    resultDescription?: string | null;
    delivery?: string | null;
  } | null;
  /** Why it ended without a decision (不予受理): the reason and its legal basis. */
  closed?: { reason: string | null; legalBasis: string | null } | null;
  deliveredAt?: string | null;
  /** A bundle's progress over its children. */
  progress?: { total: number; decided: number; percent: number; complete: boolean } | null;
  children?: {
    id: number | string;
    number: string;
    state: ApplicationState;
    stateName: string;
    item: { name: string; departmentName: string };
  }[];
  parentId?: number | string | null;
  history: { at: string; action: string; actionName: string; actorName: string; note?: string | null }[];
  allowedActions: string[];
  version: number;
}

export interface ApplicationSummary {
  id: number;
  number: string;
  state: ApplicationState;
  stateName: string;
  itemId: number;
  itemName: string;
  departmentName: string;
  channel: string;
  applicantName: string;
  isBundle: boolean;
  parentId: number | null;
  acceptanceNumber: string | null;
  submittedAt: string | null;
  createdAt: string;
  clock: { expectedCompletionDate: string | null } | null;
  version: number;
}

export interface MaterialRequirement {
  key: string;
  name: string;
  form: 'original' | 'copy' | 'electronic';
  copies: number;
  required: boolean;
  condition: string | null;
  source: 'applicant' | 'issued_by_government' | 'sharing' | 'certificate';
  notes: string;
}

/** The item page as the catalogue serves it (`GET /service-items/{id}`), the fields the portal reads. */
export interface ServiceItem {
  itemId: number;
  versionId: number;
  name: string;
  department: { id: number; name: string };
  guide: {
    subjects: ('person' | 'legal_person')[];
    materials: MaterialRequirement[];
    promisedDays: number;
    legalDays: number;
    acceptanceDays: number;
    conditions: string;
    channels: string[];
    fee: { amount: number };
  };
  form: ApplicationForm;
  applicable: boolean;
  children: { itemId: number; name: string }[];
  bundleItems: { itemId: number; name: string; departmentName: string }[];
}

/** A stored upload (`POST /citizens/me/files`, `POST /files?purpose=application_material`). */
export interface StoredFile {
  id: string;
  contentType: string;
  byteSize: number;
  originalName: string | null;
  url: string;
  thumbnailUrl: string | null;
}

/** The citizen's applicant profile (`GET /citizens/me/applicant`). */
export interface ApplicantProfile {
  person: {
    citizenId: number;
    realName: string | null;
    idNumber: string | null;
    phone: string | null;
    identityLevel: number;
    identityLevelName: string;
  };
  legalPersons: {
    legalPersonId: number;
    legalPersonName: string;
    creditCode: string;
    relation: string;
    relationName: string;
    verified: boolean;
  }[];
}

export interface Authorisation {
  id: number;
  kind: 'entrust' | 'proxy';
  kindName: string;
  principal:
    | { kind: 'person'; citizenId: number; name: string | null }
    | { kind: 'legal_person'; legalPersonId: number; name: string; creditCode: string };
  agent: { citizenId: number; name: string | null; idNumber: string | null };
  allItems: boolean;
  itemIds: number[];
  validFrom: string;
  validTo: string;
  state: 'pending' | 'active' | 'expired' | 'revoked';
  stateName: string;
}

/** Who an online application is for: oneself, or a principal the applicant is authorised by. */
export type OnBehalfOf = { citizenId: number } | { legalPersonId: number };
