import { Type } from 'typebox';
import { STAFF_ROLES, SUPERVISOR_POSITIONS } from './actor.js';
import { Name, RegionCode, SerialId, Timestamp, Version } from '../http/schemas.js';

export const Role = Type.Enum(STAFF_ROLES);
export const Position = Type.Enum(SUPERVISOR_POSITIONS);

export const ActorView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: Role,
  position: Type.Union([Type.Null(), Position]),
  departmentId: Type.Union([Type.Null(), Type.Integer()]),
  regionCodes: Type.Array(Type.String()),
  mustChangePassword: Type.Optional(Type.Boolean()),
});

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export const LoginResponse = Type.Object({
  token: Type.String({ description: 'Bearer token for API clients (the same session as the cookie)' }),
  csrfToken: Type.String({
    description: 'Send as X-CSRF-Token on unsafe requests authenticated by the cookie',
  }),
  expiresAt: Timestamp,
  user: ActorView,
});

export const SessionResponse = Type.Object({
  user: ActorView,
  csrfToken: Type.Union([Type.Null(), Type.String()]),
  via: Type.Union([Type.Literal('bearer'), Type.Literal('cookie')]),
  kind: Type.Union([Type.Literal('session'), Type.Literal('api_token')]),
});

export const ApiTokenView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Timestamp,
  expiresAt: Type.Union([Type.Null(), Timestamp]),
  lastUsedAt: Type.Union([Type.Null(), Timestamp]),
  revokedAt: Type.Union([Type.Null(), Timestamp]),
});

export const CreateApiTokenBody = Type.Object(
  {
    name: Name({ minLength: 1, maxLength: 100 }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);

export const UserView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: Role,
  position: Type.Union([Type.Null(), Position]),
  departmentId: Type.Union([Type.Null(), Type.Integer()]),
  regionCodes: Type.Array(Type.String()),
  active: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const CreateUserBody = Type.Object(
  {
    username: Type.String({
      pattern: '^[a-z0-9][a-z0-9._-]{1,49}$',
      description: 'lower-case letters, digits, . _ -',
    }),
    displayName: Name({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 10, maxLength: 256 }),
    role: Role,
    position: Type.Optional(Type.Union([Type.Null(), Position])),
    departmentId: Type.Optional(Type.Union([Type.Null(), SerialId()])),
    regionCodes: Type.Array(RegionCode, { maxItems: 200 }),
    mustChangePassword: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const UpdateUserBody = Type.Object(
  {
    version: Version,
    displayName: Type.Optional(Name({ minLength: 1, maxLength: 100 })),
    role: Type.Optional(Role),
    position: Type.Optional(Type.Union([Type.Null(), Position])),
    departmentId: Type.Optional(Type.Union([Type.Null(), SerialId()])),
    regionCodes: Type.Optional(Type.Array(RegionCode, { maxItems: 200 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const SetPasswordBody = Type.Object(
  {
    password: Type.String({ minLength: 10, maxLength: 256 }),
    mustChangePassword: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);

export const ChangeOwnPasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 10, maxLength: 256 }),
  },
  { additionalProperties: false },
);
