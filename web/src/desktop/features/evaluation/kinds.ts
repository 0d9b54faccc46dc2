/**
 * The kinds of subject an evaluation ranks (src/evaluation: departments, places, people), which a
 * role may read, the base counts each kind's table shows, and the page's tabs.
 */
import type { Role } from '../../../shared/labels.js';
import {
  isRegionKind,
  SUBJECT_KINDS,
  type FactKey,
  type SubjectKind,
} from '../../../../../src/evaluation/vocabulary.js';

export {
  profileObjectOf,
  SUBJECT_KINDS,
  type SubjectKind,
} from '../../../../../src/evaluation/vocabulary.js';

export const PEOPLE = ['operator', 'shift_lead', 'dispatcher'] as const;

/** The kinds a role may read (as src/evaluation/scope.ts authorizes them). */
export function kindsFor(role: Role): readonly SubjectKind[] {
  if (role === 'department_lead' || role === 'handler') return ['department'];
  if (role === 'inspector') return ['street', 'community', 'grid', 'inspector'];
  return SUBJECT_KINDS;
}

/** Departments and places may be evaluated for one class. */
export const byClass = (kind: SubjectKind) => isRegionKind(kind) || kind === 'department';

const PLACE_COUNTS: FactKey[] = [
  'reported',
  'filed',
  'filed_by_inspector',
  'to_close',
  'closed',
  'closed_on_time',
];

/** The counts shown for each kind (every indicator of the kind is computed from them). */
export const FACT_COLUMNS: Record<SubjectKind, FactKey[]> = {
  department: [
    'to_handle',
    'handled_of_due',
    'handled_on_time_of_due',
    'handled',
    'handled_on_time',
    'handled_late',
    'overdue',
    'returns',
    'reworks',
    'extensions',
    'suspensions',
    'filed',
    'to_close',
    'closed',
    'closed_on_time',
  ],
  street: [...PLACE_COUNTS, 'grids', 'area_km2'],
  community: [...PLACE_COUNTS, 'grids', 'area_km2'],
  grid: [...PLACE_COUNTS, 'area_km2'],
  inspector: [
    'reports',
    'valid_reports',
    'grid_filed',
    'grid_filed_by_others',
    'checks',
    'checks_on_time',
    'verifications',
    'verifications_on_time',
  ],
  operator: [
    'reports',
    'check_tasks_sent',
    'check_tasks_sent_on_time',
    'verify_tasks_sent',
    'verify_tasks_sent_on_time',
  ],
  shift_lead: [
    'filings',
    'filings_on_time',
    'filings_voided',
    'filings_kept',
    'closings',
    'closings_on_time',
  ],
  dispatcher: ['dispatches', 'dispatches_on_time', 'dispatches_undone', 'dispatches_accurate'],
};
/** Counts that are not cases (no drill-down). */
export const NOT_CASES: ReadonlySet<string> = new Set(['grids', 'area_km2']);

/** One tab per kind, the posts (受理员 / 值班长 / 派遣员) together in one. */
export const TAB_KEYS = ['department', 'street', 'community', 'grid', 'inspector', 'people'] as const;
export type TabKey = (typeof TAB_KEYS)[number];
export const TAB_LABELS = {
  department: 'tabDepartment',
  street: 'tabStreet',
  community: 'tabCommunity',
  grid: 'tabGrid',
  inspector: 'tabInspector',
  people: 'tabPeople',
} as const;
