/** Request and response schemas of the application routes (docs/api/services.md "Applications"). */
import { Type, type TSchema } from 'typebox';
import { DELIVERY_METHODS, SPECIAL_STEP_KINDS } from '../catalogue/index.js';
import { BigSerialId, CivilDate, Name, PageQuery, SerialId, Timestamp, Version } from '../http/schemas.js';
import { APPLICATION_ACTIONS, APPLICATION_STATES, MATERIAL_MARKS, OUTCOMES } from './model.js';
import { NOTICE_KINDS } from './notices.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);
const Enum = <const T extends readonly string[]>(values: T, options: Record<string, unknown> = {}) =>
  Type.Enum([...values] as T[number][], options);

const Text = (max: number, options: Record<string, unknown> = {}) => Name({ maxLength: max, ...options });
const Reason = Text(1000, { minLength: 1 });
const Note = Type.Optional(Nullable(Text(1000)));
const FileId = Type.String({
  format: 'uuid',
  description: 'A file uploaded as application_material (src/files)',
});
const MaterialKey = Type.String({
  pattern: '^[a-z][a-z0-9_]{0,59}$',
  description: 'The material requirement key of the item version',
});

/** Form values: checked against the item version's JSON Schema by the service (errors /form/<field>). */
const FormValues = Type.Record(Type.String({ maxLength: 60 }), Type.Unknown(), {
  maxProperties: 200,
  description: 'Form values by field name',
});
const MaterialRefs = Type.Array(
  Type.Object({ key: MaterialKey, fileId: FileId }, { additionalProperties: false }),
  {
    maxItems: 100,
  },
);

export const ApplicationIdParam = Type.Object({ id: BigSerialId() });
export const NoticeParam = Type.Object({ id: BigSerialId(), kind: Enum(NOTICE_KINDS) });

const WalkIn = Type.Object(
  {
    realName: Name({ minLength: 1, maxLength: 50 }),
    idNumber: Type.String({ minLength: 15, maxLength: 30 }),
    phone: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 30 }))),
  },
  { additionalProperties: false },
);
const CitizenRef = Type.Object({ citizenId: SerialId() }, { additionalProperties: false });
const LegalPersonRef = Type.Object({ legalPersonId: BigSerialId() }, { additionalProperties: false });
const WalkInRef = Type.Object({ walkIn: WalkIn }, { additionalProperties: false });

export const OnlineBody = Type.Object(
  {
    itemId: BigSerialId(),
    onBehalfOf: Type.Optional(Nullable(Type.Union([LegalPersonRef, CitizenRef]))),
    form: Type.Optional(FormValues),
    materials: Type.Optional(MaterialRefs),
    submit: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const DraftBody = Type.Object(
  { form: Type.Optional(FormValues), materials: Type.Optional(MaterialRefs), version: Version },
  { additionalProperties: false },
);
export const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });
export const CorrectBody = Type.Object(
  { materials: MaterialRefs, form: Type.Optional(FormValues), version: Version },
  { additionalProperties: false },
);
export const WithdrawBody = Type.Object(
  { reason: Type.Optional(Nullable(Text(1000))), version: Version },
  { additionalProperties: false },
);
export const PrefillQuery = Type.Object(
  {
    itemId: BigSerialId(),
    legalPersonId: Type.Optional(BigSerialId()),
    citizenId: Type.Optional(SerialId()),
  },
  { additionalProperties: false },
);
export const MineQuery = Type.Object(
  { state: Type.Optional(Enum(APPLICATION_STATES)), ...PageQuery },
  { additionalProperties: false },
);

export const WindowBody = Type.Object(
  {
    itemId: BigSerialId(),
    applicant: Type.Union([CitizenRef, LegalPersonRef, WalkInRef]),
    agent: Type.Optional(Nullable(Type.Union([CitizenRef, WalkInRef]))),
    agentRelation: Type.Optional(Nullable(Enum(['委托', '代办'] as const))),
    form: FormValues,
    materials: MaterialRefs,
    instant: Type.Optional(Type.Boolean()),
    note: Note,
  },
  { additionalProperties: false },
);

export const StaffQuery = Type.Object(
  {
    state: Type.Optional(Enum(APPLICATION_STATES)),
    itemId: Type.Optional(BigSerialId()),
    departmentId: Type.Optional(SerialId()),
    overdue: Type.Optional(Type.Boolean()),
    light: Type.Optional(Enum(['green', 'yellow', 'red', 'paused', 'none'] as const)),
    q: Type.Optional(
      Type.String({ pattern: '^(SQ|SL|sq|sl)[0-9]{14}$', description: '申请编号 or 受理编号' }),
    ),
    from: Type.Optional(CivilDate()),
    to: Type.Optional(CivilDate()),
    sort: Type.Optional(Enum(['newest', 'oldest'] as const, { default: 'newest' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const AcceptBody = Type.Object({ version: Version, note: Note }, { additionalProperties: false });
export const RejectBody = Type.Object(
  { version: Version, reason: Reason, legalBasis: Text(1000, { minLength: 1 }) },
  { additionalProperties: false },
);
export const CorrectionBody = Type.Object(
  {
    version: Version,
    items: Type.Array(
      Type.Object(
        {
          key: Type.Optional(Nullable(MaterialKey)),
          name: Type.Optional(Nullable(Text(200))),
          reason: Reason,
        },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
    note: Note,
  },
  { additionalProperties: false },
);
export const MarksBody = Type.Object(
  {
    version: Version,
    marks: Type.Array(
      Type.Object(
        { key: MaterialKey, mark: Enum(MATERIAL_MARKS), note: Type.Optional(Nullable(Text(500))) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);
export const SpecialStepBody = Type.Object(
  { version: Version, kind: Enum(SPECIAL_STEP_KINDS), note: Note },
  { additionalProperties: false },
);
export const NoteBody = Type.Object({ version: Version, note: Note }, { additionalProperties: false });
export const HoldBody = Type.Object({ version: Version, reason: Reason }, { additionalProperties: false });
export const ResumeBody = Type.Object(
  { version: Version, reason: Type.Optional(Nullable(Text(1000))) },
  { additionalProperties: false },
);
export const ExtensionBody = Type.Object(
  { version: Version, days: Type.Integer({ minimum: 1, maximum: 3650 }), reason: Reason },
  { additionalProperties: false },
);
export const DecideBody = Type.Object(
  {
    version: Version,
    outcome: Enum(OUTCOMES),
    reason: Type.Optional(Nullable(Text(1000))),
    legalBasis: Type.Optional(Nullable(Text(1000))),
    resultDescription: Type.Optional(Nullable(Text(500))),
    delivery: Enum(DELIVERY_METHODS),
  },
  { additionalProperties: false },
);

// --- Responses ---------------------------------------------------------------------------------

const Light = Enum(['green', 'yellow', 'red', 'paused', 'none'] as const);
const Clock = Type.Object({
  acceptDueAt: Nullable(Timestamp),
  dueAt: Nullable(Timestamp),
  expectedCompletionDate: Nullable(Type.String()),
  light: Light,
  pausedDays: Type.Number(),
  extensionDays: Type.Integer(),
});

export const SummarySchema = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  state: Enum(APPLICATION_STATES),
  stateName: Type.String(),
  itemId: Type.Integer(),
  itemName: Type.String(),
  departmentId: Type.Integer(),
  departmentName: Type.String(),
  channel: Type.String(),
  applicantKind: Type.String(),
  applicantName: Type.String({ description: 'Masked for a person (张*); a legal person’s name in full' }),
  isBundle: Type.Boolean(),
  parentId: Nullable(Type.Integer()),
  acceptanceNumber: Nullable(Type.String()),
  submittedAt: Nullable(Timestamp),
  acceptedAt: Nullable(Timestamp),
  createdAt: Timestamp,
  clock: Clock,
  version: Type.Integer(),
});

export const MinePageSchema = Type.Object({
  items: Type.Array(SummarySchema),
  nextCursor: Nullable(Type.String()),
});
export const StaffPageSchema = Type.Object({
  items: Type.Array(SummarySchema),
  nextCursor: Nullable(Type.String()),
  total: Type.Integer(),
});

export const ApplicationSchema = Type.Object(
  {
    id: Type.Integer(),
    number: Type.String({ description: 'SQ + yyyymmdd + 6 digits' }),
    state: Enum(APPLICATION_STATES),
    stateName: Type.String(),
    item: Type.Object({
      id: Type.Integer(),
      versionId: Type.Integer(),
      versionNumber: Type.Integer(),
      name: Type.String(),
      implementationCode: Type.String(),
      departmentId: Type.Integer(),
      departmentName: Type.String(),
      promisedDays: Type.Integer(),
      legalDays: Type.Integer(),
      isBundle: Type.Boolean(),
    }),
    channel: Type.String(),
    applicant: Type.Object({
      kind: Type.String(),
      name: Type.String(),
      idNumberMasked: Nullable(Type.String()),
      creditCode: Nullable(Type.String()),
      phoneMasked: Nullable(Type.String()),
    }),
    agent: Nullable(Type.Object({ name: Type.String(), relation: Type.String() })),
    form: Type.Object({}, { additionalProperties: true }),
    materials: Type.Array(
      Type.Object({
        key: Type.String(),
        name: Type.String(),
        required: Type.Boolean(),
        fileId: Nullable(Type.String()),
        fileName: Nullable(Type.String()),
        mediaType: Nullable(Type.String()),
        mark: Nullable(Enum(MATERIAL_MARKS)),
        note: Nullable(Type.String()),
      }),
    ),
    correction: Nullable(
      Type.Object({
        requestedAt: Timestamp,
        items: Type.Array(
          Type.Object({ key: Nullable(Type.String()), name: Type.String(), reason: Type.String() }),
        ),
        note: Nullable(Type.String()),
        correctedAt: Nullable(Timestamp),
        used: Type.Boolean(),
      }),
    ),
    acceptanceNumber: Nullable(Type.String()),
    acceptedAt: Nullable(Timestamp),
    submittedAt: Nullable(Timestamp),
    clock: Clock,
    pending: Type.Object({
      hold: Nullable(Type.Object({ byName: Type.String(), at: Timestamp, reason: Type.String() })),
      extension: Nullable(
        Type.Object({ byName: Type.String(), at: Timestamp, reason: Type.String(), days: Type.Integer() }),
      ),
    }),
    specialStep: Nullable(
      Type.Object({ kind: Type.String(), from: Timestamp, note: Nullable(Type.String()) }),
    ),
    decision: Nullable(
      Type.Object({
        outcome: Enum(OUTCOMES),
        reason: Nullable(Type.String()),
        legalBasis: Nullable(Type.String()),
        decidedAt: Timestamp,
        resultDescription: Type.String(),
        delivery: Enum(DELIVERY_METHODS),
      }),
    ),
    deliveredAt: Nullable(Timestamp),
    closed: Nullable(Type.Object({ reason: Nullable(Type.String()), legalBasis: Nullable(Type.String()) })),
    children: Type.Array(
      Type.Object({
        id: Type.Integer(),
        number: Type.String(),
        state: Enum(APPLICATION_STATES),
        stateName: Type.String(),
        item: Type.Object({ name: Type.String(), departmentName: Type.String() }),
      }),
    ),
    progress: Nullable(
      Type.Object({
        total: Type.Integer(),
        decided: Type.Integer(),
        percent: Type.Integer(),
        complete: Type.Boolean(),
        outcome: Nullable(Enum(OUTCOMES)),
        refused: Type.Integer(),
      }),
    ),
    parentId: Nullable(Type.Integer()),
    history: Type.Array(
      Type.Object({
        at: Timestamp,
        action: Type.String(),
        actionName: Type.String(),
        actorName: Type.String(),
        note: Nullable(Type.String()),
        state: Enum(APPLICATION_STATES),
      }),
    ),
    allowedActions: Type.Array(Enum(APPLICATION_ACTIONS)),
    createdAt: Timestamp,
    version: Type.Integer(),
  },
  { description: '办件 (docs/api/services.md)' },
);

export const PrefillSchema = Type.Object({ values: Type.Object({}, { additionalProperties: true }) });
