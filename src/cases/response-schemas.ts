/**
 * Response schemas of the cases API, mirroring presenter.ts field for field (nullable where the
 * presenter can give null): Fastify serializes answers through them, so a field missing here is a
 * field the client never sees, and /openapi.json documents the case as it is.
 */
import { Type, type TSchema } from 'typebox';
import { Timestamp } from '../http/schemas.js';
import {
  CASE_ACTIONS,
  CASE_CLOCKS,
  CASE_SOURCES,
  CASE_STATUSES,
  CLOSURE_TYPES,
  STAGES,
} from './workflow/index.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);
const NullableString = Nullable(Type.String());
const NullableInteger = Nullable(Type.Integer());
const NullableTimestamp = Nullable(Timestamp);
const Light = Type.Enum(['green', 'yellow', 'red']);
const OverdueTier = Type.Enum(['on_time', 'overdue', 'severely_overdue']);

/** The case as lists and the detail share it (presentCaseSummary). */
const summaryProperties = {
  id: Type.Integer(),
  number: Type.String({ description: '案卷编号: district code, local date and daily sequence (19 digits)' }),
  source: Type.Enum(CASE_SOURCES),
  kind: Type.Enum(['component', 'matter']),
  classification: Type.Object({
    id: Type.Integer(),
    standard: Type.String(),
    code: Type.String(),
    name: Type.String(),
  }),
  filingCondition: Type.String(),
  componentId: Nullable(Type.String({ format: 'uuid' })),
  location: Type.Object({ lng: Type.Number(), lat: Type.Number() }, { description: 'WGS 84' }),
  gridCode: Type.String(),
  communityCode: Type.String(),
  streetCode: Type.String(),
  districtCode: Type.String(),
  address: NullableString,
  description: Type.String(),
  urgency: Type.Enum(['normal', 'urgent']),
  status: Type.Enum(CASE_STATUSES),
  stage: Type.Enum(STAGES),
  departmentId: NullableInteger,
  suggestedDepartmentId: NullableInteger,
  routingExplanation: NullableString,
  checkResult: Nullable(Type.Enum(['confirmed', 'not_found'])),
  duplicateOf: NullableInteger,
  counters: Type.Object({
    returns: Type.Integer(),
    reworks: Type.Integer(),
    extensions: Type.Integer(),
    suspensions: Type.Integer(),
    reopenings: Type.Integer(),
    escalations: Type.Integer(),
  }),
  escalated: Type.Boolean(),
  handlingDueAt: NullableTimestamp,
  handlingOverdue: Type.Boolean(),
  overdueTier: OverdueTier,
  closureType: Nullable(Type.Enum(CLOSURE_TYPES)),
  closedAt: NullableTimestamp,
  reportedAt: Timestamp,
  updatedAt: Timestamp,
  version: Type.Integer({ description: 'Send it with the next action; 409 if it changed since' }),
};

/** Names of the case's grid, community and street (short names where recorded). */
const regionNameProperties = {
  gridName: NullableString,
  communityName: NullableString,
  streetName: NullableString,
};

const Clock = Type.Object({
  clock: Type.String(),
  round: Type.Integer(),
  startedAt: Timestamp,
  limit: Type.Object({ amount: Type.Integer(), unit: Type.String() }),
  dueAt: NullableTimestamp,
  stoppedAt: NullableTimestamp,
  suspended: Type.Boolean(),
  elapsedMinutes: Type.Integer(),
  remainingMinutes: Type.Integer({ description: 'Negative when overdue' }),
  light: Light,
  tier: OverdueTier,
});

const TimelineActor = Type.Union([
  Type.Object({
    kind: Type.Literal('staff'),
    id: Type.Integer(),
    name: NullableString,
    role: NullableString,
    position: NullableString,
    department: NullableString,
  }),
  Type.Object({ kind: Type.Literal('citizen') }),
  Type.Object({
    kind: Type.Literal('open311'),
    application: Nullable(Type.String({ description: 'The reporting application, as its API key is named' })),
  }),
  Type.Object({ kind: Type.Literal('system') }),
]);

const ClockName = Nullable(Type.Enum(CASE_CLOCKS));
const TimelineDetail = Type.Union([
  Type.Object({
    kind: Type.Literal('deadline_overdue'),
    clock: ClockName,
    overdueMinutes: Nullable(Type.Number()),
  }),
  Type.Object({ kind: Type.Literal('deadline_escalation'), clock: ClockName }),
  Type.Object({ kind: Type.Literal('merged_in'), caseNumber: NullableString }),
]);

const TimelineEvent = Type.Object({
  id: Type.Integer(),
  at: Timestamp,
  action: Type.String(),
  fromStatus: NullableString,
  toStatus: Type.String(),
  actor: TimelineActor,
  detail: Nullable(TimelineDetail),
  reason: NullableString,
  note: NullableString,
  attachments: Type.Array(Type.String({ format: 'uuid' })),
  changes: Type.Record(
    Type.String(),
    Type.Object({ before: Type.Optional(Type.Unknown()), after: Type.Optional(Type.Unknown()) }),
    { description: 'Each changed field (column) with its value before and after' },
  ),
});

/** GET /cases/{id} and the answer of intake and of every action (presentCaseDetail). */
export const CaseDetailView = Type.Object({
  ...summaryProperties,
  ...regionNameProperties,
  rating: Nullable(
    Type.Object({
      score: Type.Integer({ minimum: 1, maximum: 5 }),
      comment: NullableString,
      requestReopen: Type.Boolean(),
      ratedAt: Timestamp,
    }),
  ),
  departmentName: NullableString,
  suggestedDepartmentName: NullableString,
  photos: Type.Array(
    Type.Object({
      fileId: Type.String({ format: 'uuid' }),
      phase: Type.Enum(['before', 'after']),
      addedAt: Timestamp,
      url: Type.String(),
    }),
  ),
  clocks: Type.Array(Clock),
  deadlineWarning: Nullable(
    Type.Object({
      code: Type.Literal('CALENDAR_YEAR_UNCONFIRMED'),
      years: Type.Array(Type.Integer()),
    }),
  ),
  timeline: Type.Array(TimelineEvent),
  allowedActions: Type.Array(Type.Enum(CASE_ACTIONS), { description: 'What the caller may do now' }),
  probableDuplicates: Type.Array(
    Type.Object({
      id: Type.Integer(),
      number: Type.String(),
      distanceM: Type.Number(),
      status: Type.Enum(CASE_STATUSES),
      reportedAt: Timestamp,
    }),
  ),
});

/** A row of GET /cases (presentCaseListItem): the summary, its place names and the running clock. */
export const CaseListItemView = Type.Object({
  ...summaryProperties,
  ...regionNameProperties,
  runningClock: Nullable(
    Type.Object({
      clock: Type.String(),
      round: Type.Integer(),
      dueAt: NullableTimestamp,
      remainingMinutes: Type.Integer(),
      suspended: Type.Boolean(),
      light: Light,
    }),
  ),
});
