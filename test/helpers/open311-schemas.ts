/**
 * JSON Schemas of the GeoReport v2 JSON answers, written from the spec
 * (https://wiki.open311.org/GeoReport_v2) for the tests to validate against. Fields the spec
 * marks optional may be null; datetimes are W3C with an offset.
 */
const W3C_DATETIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$';
const nullableString = { type: ['string', 'null'] };

export const ERRORS_SCHEMA = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['code', 'description'],
    properties: { code: { type: 'integer' }, description: { type: 'string', minLength: 1 } },
  },
};

export const DISCOVERY_SCHEMA = {
  type: 'object',
  required: ['changeset', 'contact', 'key_service', 'endpoints'],
  properties: {
    changeset: { type: 'string', pattern: W3C_DATETIME },
    contact: { type: 'string' },
    key_service: { type: 'string' },
    endpoints: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['specification', 'url', 'changeset', 'type', 'formats'],
        properties: {
          specification: { type: 'string' },
          url: { type: 'string' },
          changeset: { type: 'string', pattern: W3C_DATETIME },
          type: { enum: ['production', 'test'] },
          formats: { type: 'array', items: { enum: ['text/xml', 'application/json'] } },
        },
      },
    },
  },
};

export const SERVICES_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'],
    additionalProperties: false,
    properties: {
      service_code: { type: 'string', minLength: 1 },
      service_name: { type: 'string', minLength: 1 },
      description: { type: 'string' },
      metadata: { type: 'boolean' },
      type: { enum: ['realtime', 'batch', 'blackbox'] },
      keywords: { type: 'string' },
      group: { type: 'string' },
    },
  },
};

export const SERVICE_DEFINITION_SCHEMA = {
  type: 'object',
  required: ['service_code', 'attributes'],
  properties: {
    service_code: { type: 'string' },
    attributes: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'variable',
          'code',
          'datatype',
          'required',
          'datatype_description',
          'order',
          'description',
        ],
        properties: {
          variable: { type: 'boolean' },
          code: { type: 'string', minLength: 1 },
          datatype: { enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
          required: { type: 'boolean' },
          datatype_description: { type: 'string' },
          order: { type: 'integer' },
          description: { type: 'string' },
          values: {
            type: 'array',
            items: {
              type: 'object',
              required: ['key', 'name'],
              properties: { key: { type: 'string' }, name: { type: 'string' } },
            },
          },
        },
        if: { properties: { datatype: { enum: ['singlevaluelist', 'multivaluelist'] } } },
        then: { required: ['values'] },
      },
    },
  },
};

export const POST_RESPONSE_SCHEMA = {
  type: 'array',
  minItems: 1,
  maxItems: 1,
  items: {
    type: 'object',
    anyOf: [{ required: ['service_request_id'] }, { required: ['token'] }],
    additionalProperties: false,
    properties: {
      service_request_id: { type: 'string', minLength: 1 },
      token: { type: 'string', minLength: 1 },
      service_notice: nullableString,
      account_id: nullableString,
    },
  },
};

/** FixMyStreet's update statuses (mySociety's servicerequestupdates extension), as this server writes them. */
export const UPDATE_STATUS = {
  enum: [
    'open',
    'closed',
    'fixed',
    'in_progress',
    'action_scheduled',
    'investigating',
    'duplicate',
    'not_councils_responsibility',
    'no_further_action',
    'internal_referral',
  ],
};

/** extensions=true: what this server adds under `extended_attributes` (docs/api/open311.md). */
const EXTENDED_ATTRIBUTES = {
  type: 'object',
  required: ['detailed_status', 'location_rounded', 'attributes', 'photos', 'updates'],
  additionalProperties: false,
  properties: {
    detailed_status: UPDATE_STATUS,
    location_rounded: { type: 'boolean' },
    attributes: {
      type: 'object',
      additionalProperties: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    },
    photos: {
      type: 'array',
      items: {
        type: 'object',
        required: ['media_url', 'kind'],
        additionalProperties: false,
        properties: {
          media_url: { type: 'string', pattern: '^https?://' },
          kind: { enum: ['report', 'after'] },
        },
      },
    },
    updates: {
      type: 'array',
      items: {
        type: 'object',
        required: ['update_id', 'status', 'description', 'updated_datetime'],
        additionalProperties: false,
        properties: {
          update_id: { type: 'string', minLength: 1 },
          status: UPDATE_STATUS,
          description: { type: 'string' },
          updated_datetime: { type: 'string', pattern: W3C_DATETIME },
        },
      },
    },
  },
};

/**
 * The spec's fields and nothing else (extended_attributes only with extensions=true): a reporter's
 * email, name, phone or device id can never slip into an answer.
 */
export const REQUESTS_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['service_request_id', 'status', 'service_code', 'requested_datetime', 'lat', 'long'],
    additionalProperties: false,
    properties: {
      service_request_id: { type: 'string', minLength: 1 },
      status: { enum: ['open', 'closed'] },
      status_notes: nullableString,
      service_name: { type: 'string' },
      service_code: { type: 'string' },
      description: { type: 'string', maxLength: 4000 },
      agency_responsible: nullableString,
      service_notice: nullableString,
      requested_datetime: { type: 'string', pattern: W3C_DATETIME },
      updated_datetime: { type: ['string', 'null'], pattern: W3C_DATETIME },
      expected_datetime: { type: ['string', 'null'], pattern: W3C_DATETIME },
      address: nullableString,
      address_id: nullableString,
      zipcode: nullableString,
      lat: { type: 'number', minimum: -90, maximum: 90 },
      long: { type: 'number', minimum: -180, maximum: 180 },
      media_url: nullableString,
      extended_attributes: EXTENDED_ATTRIBUTES,
    },
  },
};

export const TOKENS_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['token'],
    properties: { service_request_id: nullableString, token: { type: 'string' } },
  },
};

/** GET servicerequestupdates (mySociety's extension, as FixMyStreet's client reads it). */
export const UPDATES_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['update_id', 'service_request_id', 'status', 'updated_datetime', 'description'],
    additionalProperties: false,
    properties: {
      update_id: { type: 'string', minLength: 1 },
      service_request_id: { type: 'string', minLength: 1 },
      status: UPDATE_STATUS,
      external_status_code: nullableString,
      description: { type: 'string' },
      updated_datetime: { type: 'string', pattern: W3C_DATETIME },
      media_url: nullableString,
    },
  },
};

/** POST servicerequestupdates: the update_id FixMyStreet stores as the comment's external id. */
export const POST_UPDATE_RESPONSE_SCHEMA = {
  type: 'array',
  minItems: 1,
  maxItems: 1,
  items: {
    type: 'object',
    required: ['update_id'],
    additionalProperties: false,
    properties: { update_id: { type: 'string', minLength: 1 } },
  },
};
