/**
 * The bad inputs the OpenAPI fuzz test sends (issue #11 §1) and a tiny sample generator that fills
 * the other parts of a request with plausible values, so each bad value reaches its own check.
 */

/** A JSON Schema as /openapi.json gives it (only what the generator reads). */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

/** A value to place in a URL (already percent-encoded) and in a JSON body (raw JSON text). */
export interface BadInput {
  name: string;
  url: string;
  json: string;
}

const base64url = (text: string) => Buffer.from(text).toString('base64url');
const deepJson = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

export const BAD_INPUTS: readonly BadInput[] = [
  { name: 'NUL byte', url: 'a%00b', json: '"a\\u0000b"' },
  { name: 'lone surrogate', url: 'a%ED%A0%80b', json: '"a\\ud800b"' },
  { name: 'int4 overflow', url: '2147483648', json: '2147483648' },
  { name: 'beyond 2^53', url: '9007199254740993', json: '9007199254740993' },
  { name: '1e308', url: '1e308', json: '1e308' },
  { name: 'negative', url: '-1', json: '-1' },
  { name: 'year 0000', url: '0000-01-01T00%3A00%3A00Z', json: '"0000-01-01T00:00:00Z"' },
  { name: 'date 0001', url: '0001-01-01', json: '"0001-01-01"' },
  { name: 'string cursor', url: base64url('["x",1]'), json: JSON.stringify(base64url('["x",1]')) },
  {
    name: 'fraction cursor',
    url: base64url('["2026-01-01T00:00:00Z",1.5]'),
    json: JSON.stringify(base64url('["2026-01-01T00:00:00Z",1.5]')),
  },
  { name: '1,000 characters', url: 'x'.repeat(1000), json: JSON.stringify('x'.repeat(1000)) },
  { name: '5,000 deep', url: encodeURIComponent(deepJson(200)), json: deepJson(5000) },
  { name: 'array for a string', url: 'x&{name}=y', json: '["x"]' },
  { name: 'case number', url: '1101012026120700031', json: '"1101012026120700031"' },
  { name: 'bidi override', url: 'a%E2%80%AEb', json: '"a\\u202eb"' },
];

const PATTERN_CANDIDATES = ['110101', '11010100101', 'x', 'a1', 'A01', '2026-06-01', '2026-06', '1'];

/** A plausible value for a schema: enough to pass validation of the parts not under test. */
export function sample(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return 'x';
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    const chosen = variants.find((v) => v.type !== 'null') ?? variants[0];
    return sample(chosen, depth + 1);
  }
  const type = (Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type) ?? 'string';
  switch (type) {
    case 'string':
      return sampleString(schema);
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items, depth + 1));
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) value[key] = sample(schema.properties?.[key], depth + 1);
      return value;
    }
    default:
      return 'x';
  }
}

function sampleString(schema: JsonSchema): string {
  if (schema.format === 'date-time') return '2026-06-01T08:00:00+08:00';
  if (schema.format === 'date') return '2026-06-01';
  if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (schema.format === 'uri') return 'https://example.gov.cn/hook';
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, 'u');
    const found = PATTERN_CANDIDATES.find((candidate) => pattern.test(candidate));
    if (found) return found;
  }
  return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
}
