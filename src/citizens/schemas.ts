import { Type } from 'typebox';
import { Name, PageQuery } from '../http/schemas.js';

export const RegisterBody = Type.Object(
  {
    phone: Type.String({ minLength: 1, maxLength: 30, description: 'Mainland mobile number' }),
    password: Type.String({ minLength: 1, maxLength: 256, description: 'At least 10 characters' }),
    displayName: Type.Optional(Type.Union([Type.Null(), Name({ maxLength: 60 })])),
    idNumber: Type.Optional(
      Type.Union([
        Type.Null(),
        Type.String({ maxLength: 30, description: 'Resident ID (GB 11643), optional' }),
      ]),
    ),
  },
  { additionalProperties: false },
);

export const LoginBody = Type.Object(
  {
    phone: Type.String({ minLength: 1, maxLength: 30 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export const CitizenSchema = Type.Object({
  id: Type.Integer(),
  phoneMasked: Type.String({ description: '138****5678' }),
  displayName: Type.Union([Type.Null(), Type.String()]),
  idNumberMasked: Type.Union([Type.Null(), Type.String()]),
  createdAt: Type.String({ format: 'date-time' }),
});

export const LoginResponse = Type.Object({
  token: Type.String({ description: 'Bearer token (shc_…), the same session as the cookie' }),
  csrfToken: Type.String({ description: 'Send as X-CSRF-Token on writes authenticated by the cookie' }),
  expiresAt: Type.String({ format: 'date-time' }),
  citizen: CitizenSchema,
});

export const MyReportsQuery = Type.Object({ ...PageQuery });
