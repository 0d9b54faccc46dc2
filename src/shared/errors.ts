/**
 * Domain errors with stable machine codes. Domain code knows nothing of HTTP: the catalogue below
 * is mapped once to problem+json status codes in src/http/problem.ts (docs/api/errors.md).
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  AUTH_REQUIRED: { status: 401, title: 'Authentication is required' },
  AUTH_INVALID_CREDENTIALS: { status: 401, title: 'Wrong username or password' },
  CSRF_TOKEN_INVALID: { status: 403, title: 'Missing or wrong CSRF token' },
  FORBIDDEN: { status: 403, title: 'You may not do this' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, title: 'Change your password first' },
  LOCATION_OUTSIDE_JURISDICTION: { status: 403, title: 'The location is outside your jurisdiction' },
  OUT_OF_JURISDICTION: { status: 404, title: 'Not found in your jurisdiction' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  REGION_NOT_FOUND: { status: 404, title: 'Region not found' },
  LOCATION_OUTSIDE_DISTRICT: { status: 404, title: 'The location is outside every unit grid' },
  DEPARTMENT_NOT_FOUND: { status: 404, title: 'Department not found' },
  CLASSIFICATION_NOT_FOUND: { status: 404, title: 'Classification not found' },
  COMPONENT_NOT_FOUND: { status: 404, title: 'Component not found' },
  USER_NOT_FOUND: { status: 404, title: 'User not found' },
  FILE_NOT_FOUND: { status: 404, title: 'File not found' },
  REPORTER_NOT_FOUND: { status: 404, title: 'The case has no reporter on record' },
  VERSION_CONFLICT: { status: 409, title: 'The record was changed by someone else' },
  ALREADY_EXISTS: { status: 409, title: 'The record already exists' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'The Idempotency-Key was used for a different request' },
  IDEMPOTENCY_KEY_IN_FLIGHT: { status: 409, title: 'A request with this Idempotency-Key is in progress' },
  LOCATION_OUTSIDE_GRIDS: { status: 422, title: 'The location lies outside every unit grid' },
  IMPORT_REJECTED: { status: 422, title: 'The import was rejected' },
  GRID_GENERATION_FAILED: { status: 422, title: 'The unit grids could not be generated' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  IMAGE_UNREADABLE: { status: 400, title: 'The image is damaged or incomplete' },
  IMAGE_TOO_MANY_PIXELS: { status: 413, title: 'The image has too many pixels' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  // Messaging: notifications and webhooks (src/notifications, src/webhooks).
  NOTIFICATION_NOT_FOUND: { status: 404, title: 'Notification not found' },
  WEBHOOK_NOT_FOUND: { status: 404, title: 'Webhook subscription not found' },
  WEBHOOK_DELIVERY_NOT_FOUND: { status: 404, title: 'Webhook delivery not found' },
  WEBHOOK_INACTIVE: { status: 409, title: 'The webhook subscription is not active' },
  CASE_ILLEGAL_ACTION: { status: 409, title: "This action is not possible in the case's current status" },
  CASE_FORBIDDEN_ROLE: { status: 403, title: 'Your role may not take this action on a case' },
  CASE_GUARD_FAILED: { status: 403, title: 'This action is not yours to take on this case' },
  CASE_INPUT_INVALID: { status: 400, title: 'The action is missing what it needs' },
  // The citizen channel (src/public, src/citizens).
  TRACKING_CODE_NOT_FOUND: { status: 404, title: 'No report has this tracking code' },
  RATING_NOT_OPEN: { status: 409, title: 'The report cannot be rated now' },
  ALREADY_RATED: { status: 409, title: 'The report has already been rated' },
  REOPEN_WINDOW_PASSED: { status: 409, title: 'The time to ask for a reopening has passed' },
  REOPEN_REQUEST_NOT_FOUND: { status: 404, title: 'Reopen request not found' },
  REOPEN_REQUEST_DECIDED: { status: 409, title: 'The reopen request has already been decided' },
  // The service item catalogue (src/catalogue).
  CATALOGUE_ITEM_NOT_FOUND: { status: 404, title: 'Service item not found' },
  CATALOGUE_VERSION_NOT_FOUND: { status: 404, title: 'Service item version not found' },
  CATALOGUE_VERSION_FROZEN: {
    status: 409,
    title: 'A published version cannot be changed; create a new draft',
  },
  CATALOGUE_ILLEGAL_ACTION: { status: 409, title: "This action is not possible in the version's state" },
  CATALOGUE_DRAFT_EXISTS: { status: 409, title: 'The item already has a draft version' },
  CATALOGUE_VALIDITY_OVERLAP: { status: 409, title: "The validity overlaps another published version's" },
  CATALOGUE_ITEM_FIXED: {
    status: 409,
    title: 'The codes and implementing organ of a published item are fixed',
  },
  // Applicants of government services (src/applicants, src/citizens identity).
  APPLICANT_NOT_FOUND: { status: 404, title: 'Applicant not found' },
  LEGAL_PERSON_NOT_FOUND: { status: 404, title: 'Legal person not found' },
  AUTHORISATION_NOT_FOUND: { status: 404, title: 'Authorisation not found' },
  AUTHORISATION_REQUIRED: {
    status: 403,
    title: 'Acting for this applicant needs a valid authorisation covering the item',
  },
  IDENTITY_LEVEL_TOO_LOW: { status: 403, title: 'Your identity is not verified to the level this needs' },
  APPLICANT_INCOMPLETE: { status: 409, title: "The applicant's real name and ID number are not on record" },
  // Applications (src/applications).
  APPLICATION_NOT_FOUND: { status: 404, title: 'Application not found' },
  APPLICATION_ILLEGAL_ACTION: {
    status: 409,
    title: "This action is not possible in the application's state",
  },
  APPLICATION_FORBIDDEN_ROLE: { status: 403, title: 'Your role may not take this action on an application' },
  APPLICATION_CORRECTION_ALREADY_USED: {
    status: 409,
    title: 'The one correction (一次性告知) was already asked for this application',
  },
  APPLICATION_NOT_INSTANT: { status: 409, title: 'The item is not handled on the spot (即办件)' },
  APPLICATION_ITEM_NOT_AVAILABLE: {
    status: 422,
    title: 'The item cannot be applied for through this channel today',
  },
  APPLICATION_NOTICE_UNAVAILABLE: { status: 409, title: 'The application has no such notice (yet)' },
  // Material files (src/files).
  FILE_CONTENT_REFUSED: { status: 422, title: 'The file content is refused' },
  // Open311 GeoReport v2 (src/open311), answered in the spec's error format.
  API_KEY_INVALID: { status: 403, title: 'The api_key is missing, unknown or revoked' },
  INTERNAL: { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface FieldError {
  /** JSON pointer-like path of the failing field, e.g. `body.features[3].properties.code`. */
  field: string;
  reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly extra: { errors?: FieldError[] } & Record<string, unknown> = {},
  ) {
    super(detail ?? ERROR_CATALOGUE[code].title);
    this.name = 'DomainError';
  }
}

export function validationError(errors: FieldError[], detail?: string): DomainError {
  return new DomainError(
    'VALIDATION_FAILED',
    detail ?? errors.map((e) => `${e.field}: ${e.reason}`).join('; '),
    { errors },
  );
}

export function notFound(code: ErrorCode, detail: string): DomainError {
  return new DomainError(code, detail);
}
