/** Request and response schemas of the applicant routes. */
import { Type, type TSchema } from 'typebox';
import { BigSerialId, CivilDate, Name, SerialId, Timestamp, Version } from '../http/schemas.js';
import { AUTHORISATION_KINDS, LEGAL_PERSON_KINDS, LINK_RELATIONS } from './model.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

export const RealName = Name({ minLength: 1, maxLength: 50, description: '姓名, as on the ID card' });
export const IdNumber = Type.String({
  minLength: 15,
  maxLength: 30,
  description: 'Resident ID number (GB 11643, 18 characters; check digit verified)',
});
export const CreditCode = Type.String({
  minLength: 1,
  maxLength: 30,
  description: '统一社会信用代码 (GB 32100, 18 characters; check characters verified)',
});
const Phone = Type.String({ minLength: 1, maxLength: 30, description: 'Mainland mobile number' });
const ItemIds = Type.Array(BigSerialId(), {
  maxItems: 200,
  description: 'Catalogue item ids (事项) the authorisation covers; an item’s sub-items are covered too',
});
const Reason = Nullable(Type.String({ maxLength: 500 }));

export const IdentityBody = Type.Object(
  { realName: RealName, idNumber: IdNumber, version: Version },
  { additionalProperties: false },
);

export const WalkInBody = Type.Object(
  {
    realName: RealName,
    idNumber: IdNumber,
    phone: Type.Optional(Nullable(Phone)),
  },
  { additionalProperties: false },
);

const LegalPersonFields = {
  creditCode: CreditCode,
  name: Name({ minLength: 1, maxLength: 200 }),
  kind: Type.Enum(LEGAL_PERSON_KINDS, { description: '企业 / 社会组织 / 个体工商户 / 机关事业单位' }),
  address: Type.Optional(Nullable(Name({ maxLength: 300 }))),
  phone: Type.Optional(Nullable(Phone)),
};

export const MyLegalPersonBody = Type.Object(LegalPersonFields, { additionalProperties: false });
export const WindowLegalPersonBody = Type.Object(
  {
    ...LegalPersonFields,
    representative: Type.Object(
      { realName: RealName, idNumber: IdNumber },
      { additionalProperties: false, description: '法定代表人 (负责人、经营者) as on the licence' },
    ),
  },
  { additionalProperties: false },
);

const AuthorisationFields = {
  kind: Type.Enum(AUTHORISATION_KINDS, { description: 'entrust 委托 / proxy 代办' }),
  allItems: Type.Boolean({ description: 'All items, or only `itemIds`' }),
  itemIds: ItemIds,
  validFrom: CivilDate(),
  validTo: CivilDate(),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
};

export const GrantBody = Type.Object(
  {
    principal: Type.Union(
      [Type.Literal('self'), Type.Object({ legalPersonId: BigSerialId() }, { additionalProperties: false })],
      {
        description: '`self`, or a legal person you represent',
      },
    ),
    agent: Type.Union(
      [
        Type.Object({ phone: Phone }, { additionalProperties: false }),
        Type.Object({ realName: RealName, idNumber: IdNumber }, { additionalProperties: false }),
      ],
      { description: 'The agent: by the phone number of their account, or by name and ID number' },
    ),
    ...AuthorisationFields,
  },
  { additionalProperties: false },
);

export const PaperAuthorisationBody = Type.Object(
  {
    principal: Type.Union([
      Type.Object({ citizenId: SerialId() }, { additionalProperties: false }),
      Type.Object({ legalPersonId: BigSerialId() }, { additionalProperties: false }),
    ]),
    agentCitizenId: SerialId(),
    documentFileId: Type.String({ format: 'uuid', description: 'The scan of the paper, uploaded by you' }),
    ...AuthorisationFields,
  },
  { additionalProperties: false },
);

export const RevokeBody = Type.Object(
  { version: Version, reason: Type.Optional(Reason) },
  { additionalProperties: false },
);

export const FullQuery = Type.Object(
  {
    full: Type.Boolean({
      default: false,
      description: 'Numbers unmasked (window roles only; audited either way)',
    }),
  },
  { additionalProperties: false },
);

export const SearchQuery = Type.Object(
  {
    idNumber: Type.Optional(IdNumber),
    creditCode: Type.Optional(CreditCode),
    full: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);

export const AuthorisationsQuery = Type.Object(
  {
    citizenId: Type.Optional(SerialId()),
    legalPersonId: Type.Optional(BigSerialId()),
    full: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);

export const PersonSchema = Type.Object({
  citizenId: Type.Integer(),
  realName: Nullable(Type.String()),
  idNumber: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  masked: Type.Boolean(),
  identityLevel: Type.Integer({
    minimum: 2,
    maximum: 4,
    description: '2 自行声明, 3 权威库核验, 4 窗口现场核验',
  }),
  identityLevelName: Type.String(),
  identityVerifiedAt: Nullable(Timestamp),
  identityRegistry: Nullable(Type.String()),
  hasAccount: Type.Boolean({ description: 'false for a walk-in record registered at a window' }),
  version: Type.Integer(),
});

export const LinkSchema = Type.Object({
  legalPersonId: Type.Integer(),
  legalPersonName: Type.String(),
  creditCode: Type.String(),
  citizenId: Type.Integer(),
  relation: Type.Enum(LINK_RELATIONS),
  relationName: Type.String(),
  verified: Type.Boolean({
    description: 'A window saw the licence (or the representative granted the agent)',
  }),
  since: Timestamp,
});

export const MyProfileSchema = Type.Object({ person: PersonSchema, legalPersons: Type.Array(LinkSchema) });

export const LegalPersonSchema = Type.Object({
  id: Type.Integer(),
  creditCode: Type.String(),
  name: Type.String(),
  kind: Type.Enum(LEGAL_PERSON_KINDS),
  kindName: Type.String(),
  representativeName: Type.String(),
  representativeIdNumber: Type.String(),
  address: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  masked: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Timestamp,
});

export const LegalPersonDetailSchema = Type.Object({
  ...LegalPersonSchema.properties,
  links: Type.Array(
    Type.Object({
      citizenId: Type.Integer(),
      name: Nullable(Type.String()),
      relation: Type.Enum(LINK_RELATIONS),
      verified: Type.Boolean(),
    }),
  ),
});

export const SearchResultSchema = Type.Object({
  persons: Type.Array(PersonSchema),
  legalPersons: Type.Array(LegalPersonSchema),
});

export const PersonDetailSchema = Type.Object({ person: PersonSchema, legalPersons: Type.Array(LinkSchema) });
export const WalkInResultSchema = Type.Object({ person: PersonSchema, created: Type.Boolean() });

export const AuthorisationSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(AUTHORISATION_KINDS),
  kindName: Type.String(),
  principal: Type.Union([
    Type.Object({ kind: Type.Literal('person'), citizenId: Type.Integer(), name: Nullable(Type.String()) }),
    Type.Object({
      kind: Type.Literal('legal_person'),
      legalPersonId: Type.Integer(),
      name: Type.String(),
      creditCode: Type.String(),
    }),
  ]),
  agent: Type.Object({
    citizenId: Type.Integer(),
    name: Nullable(Type.String()),
    idNumber: Nullable(Type.String()),
  }),
  allItems: Type.Boolean(),
  itemIds: Type.Array(Type.Integer()),
  validFrom: Type.String({ format: 'date' }),
  validTo: Type.String({ format: 'date' }),
  state: Type.Enum(['pending', 'active', 'expired', 'revoked'] as const),
  stateName: Type.String(),
  channel: Type.Enum(['online', 'window'] as const),
  documentFileId: Nullable(Type.String()),
  note: Nullable(Type.String()),
  revokedAt: Nullable(Timestamp),
  revokeReason: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Timestamp,
});

export const MyAuthorisationsSchema = Type.Object({
  granted: Type.Array(AuthorisationSchema),
  received: Type.Array(AuthorisationSchema),
});
