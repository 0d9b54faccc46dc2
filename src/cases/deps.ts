/** What the case loop's use cases depend on, given once by the app (and by the jobs and the demo). */
import type { CalendarProvider } from '../calendar/index.js';
import type { GeographyIndex } from '../geography/index.js';
import type { KeyRing } from '../reporters/index.js';
import type { InputCrs } from '../shared/crs.js';
import type { WorkflowConfig } from './workflow/index.js';

export type Urgency = 'normal' | 'urgent';

export interface CaseServiceDeps {
  geography: GeographyIndex;
  calendars: CalendarProvider;
  timeZone: string;
  workflow?: WorkflowConfig;
  /** Keys of reporters' personal data (operators register callers' contact details). */
  reporterKeys?: KeyRing;
  /** Probable-duplicate window; defaults to 50 m and 7 days. */
  duplicates?: { radiusM: number; days: number };
  /** The clock, injectable so tests and the demo simulation can run in simulated time. */
  now?: () => Date;
}

export interface PointInput {
  lng: number;
  lat: number;
  crs?: InputCrs;
}

export function nowOf(deps: Pick<CaseServiceDeps, 'now'>): Date {
  return deps.now ? deps.now() : new Date();
}
