/**
 * Walks every operation of /openapi.json with the classes of bad input of issue #11 §1 (NUL, lone
 * surrogates, integers no column holds, year-0000 dates, meaningless cursors, 5,000-deep JSON,
 * arrays for strings, 1,000-character values…), anonymously and as an administrator, and asserts
 * that none reaches a 5xx and that every refusal is problem+json (Open311: its error list). Bounded:
 * every operation meets every class and every parameter at least once, not their product.
 */
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type TestUser } from '../helpers/app.js';
import { BAD_INPUTS, sample, type BadInput, type JsonSchema } from './inputs.js';

const t = useTestApp();

interface Parameter {
  in: 'path' | 'query';
  name: string;
  schema?: JsonSchema;
}
interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
  public: boolean;
}
interface OpenApiOperation {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
}

/** Open311 reads these itself (its spec's names), so /openapi.json does not list them. */
const OPEN311_QUERY = ['start_date', 'end_date', 'service_request_id', 'service_code', 'status', 'page_size'];
const OPEN311_BODY: JsonSchema = {
  type: 'object',
  properties: Object.fromEntries(
    [
      'service_code',
      'lat',
      'long',
      'description',
      'address_string',
      'email',
      'first_name',
      'service_request_id',
      'updated_datetime',
      'update_id',
      'media_url',
    ].map((name) => [name, { type: 'string' }]),
  ),
};

function operationsOf(doc: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = (op.parameters ?? []).filter(
        (p): p is Parameter => p.in === 'path' || p.in === 'query',
      );
      let body = op.requestBody?.content?.['application/json']?.schema;
      if (path.startsWith('/open311/')) {
        if (method === 'get')
          parameters.push(...OPEN311_QUERY.map((name) => ({ in: 'query' as const, name })));
        if (method === 'post') body = OPEN311_BODY;
      }
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        parameters,
        body,
        public: op.security?.length === 0,
      });
    }
  }
  return operations;
}

type Target = { kind: 'param'; parameter: Parameter } | { kind: 'body'; property: string | null };

function targetsOf(op: Operation): Target[] {
  const targets: Target[] = op.parameters.map((parameter) => ({ kind: 'param', parameter }));
  if (op.body) {
    targets.push({ kind: 'body', property: null });
    for (const property of Object.keys(op.body.properties ?? {})) targets.push({ kind: 'body', property });
  }
  return targets;
}

/** Open311 names its resources `<id>.json`; a bad id keeps the suffix so the route is reached. */
function pathValue(op: Operation, parameter: Parameter, value: string): string {
  if (parameter.name === 'file') return `${value}.json`;
  return value;
}

function defaultParam(parameter: Parameter): string {
  if (parameter.name === 'format') return 'json';
  if (parameter.name === 'file') return '1.json';
  return encodeURIComponent(String(sample(parameter.schema)));
}

interface Built {
  url: string;
  payload?: string;
}

function build(op: Operation, target: Target, bad: BadInput, apiKey: string): Built {
  let url = op.path;
  const query: string[] = [];
  for (const parameter of op.parameters) {
    const isTarget = target.kind === 'param' && target.parameter === parameter;
    const value = isTarget ? bad.url.replaceAll('{name}', parameter.name) : null;
    if (parameter.in === 'path') {
      url = url.replace(
        `{${parameter.name}}`,
        value !== null ? pathValue(op, parameter, value) : defaultParam(parameter),
      );
    } else if (value !== null) {
      query.push(`${parameter.name}=${value}`);
    }
  }
  if (query.length > 0) url = `${url}?${query.join('&')}`;
  if (!op.body) return { url };
  if (target.kind === 'body' && target.property === null) return { url, payload: bad.json };
  const base = sample(op.body) as Record<string, unknown>;
  if (op.path.startsWith('/open311/')) base.api_key = apiKey;
  const marker = '"__fuzz__"';
  if (target.kind === 'body' && target.property !== null) base[target.property] = '__fuzz__';
  return { url, payload: JSON.stringify(base).replace(marker, bad.json) };
}

/** Why a response breaks the contract, or null when it keeps it. */
function violation(url: string, response: LightMyRequestResponse): string | null {
  if (response.statusCode >= 500) return `${response.statusCode}: ${response.body.slice(0, 300)}`;
  if (response.statusCode < 400) return null;
  const type = String(response.headers['content-type'] ?? '');
  if (url.startsWith('/open311/')) {
    if (url.split('?')[0]!.endsWith('.xml'))
      return type.startsWith('text/xml') && response.body.includes('<errors>')
        ? null
        : `not an XML error list`;
    try {
      const list = JSON.parse(response.body) as { code?: unknown; description?: unknown }[];
      const ok =
        Array.isArray(list) &&
        list.every((e) => typeof e.code === 'number' && typeof e.description === 'string');
      return ok ? null : `not an Open311 error list: ${response.body.slice(0, 200)}`;
    } catch {
      return `not an Open311 error list: ${response.body.slice(0, 200)}`;
    }
  }
  if (!type.startsWith('application/problem+json'))
    return `${response.statusCode} as ${type}: ${response.body.slice(0, 200)}`;
  const problem = JSON.parse(response.body) as { code?: unknown; errors?: { field?: unknown }[] };
  if (typeof problem.code !== 'string') return `problem without a code: ${response.body.slice(0, 200)}`;
  if (problem.code === 'VALIDATION_FAILED' && !problem.errors?.every((e) => typeof e.field === 'string'))
    return `validation problem without fields: ${response.body.slice(0, 200)}`;
  return null;
}

describe('every operation of /openapi.json refuses bad input without a 5xx', () => {
  let operations: Operation[] = [];
  let admin: TestUser;
  let apiKey = '';

  beforeAll(async () => {
    operations = operationsOf((await t().app.inject({ method: 'GET', url: '/openapi.json' })).json());
    admin = await t().user({ role: 'admin' });
    const key = await t().as(admin, {
      method: 'POST',
      url: '/api/v1/open311/keys',
      payload: { name: 'fuzz' },
    });
    apiKey = key.json<{ key: string }>().key;
  });

  it('answers 4xx problem+json (or an Open311 error list), never 5xx', async () => {
    expect(operations.length).toBeGreaterThan(100);
    const failures: string[] = [];
    let sent = 0;
    const started = Date.now();
    for (const op of operations) {
      const targets = targetsOf(op);
      if (targets.length === 0) continue;
      const rounds = Math.max(BAD_INPUTS.length, targets.length);
      for (let i = 0; i < rounds; i += 1) {
        const bad = BAD_INPUTS[i % BAD_INPUTS.length]!;
        const target = targets[i % targets.length]!;
        const request = build(op, target, bad, apiKey);
        for (const asAdmin of op.public ? [false, true] : [true]) {
          const send = () =>
            t().as(asAdmin ? admin : null, {
              method: op.method,
              url: request.url,
              ...(request.payload !== undefined
                ? { payload: request.payload, headers: { 'content-type': 'application/json' } }
                : {}),
            });
          let response = await send();
          sent += 1;
          // Some operations end the administrator's session (logout, password): log in again.
          if (asAdmin && response.statusCode === 401) {
            admin = await t().user({ role: 'admin' });
            response = await send();
          }
          const broken = violation(request.url, response);
          if (broken)
            failures.push(`${op.method} ${op.path} [${bad.name} → ${describeTarget(target)}] ${broken}`);
        }
      }
    }
    console.info(`fuzz: ${sent} requests over ${operations.length} operations in ${Date.now() - started} ms`);
    expect(failures).toEqual([]);
  }, 300_000);
});

function describeTarget(target: Target): string {
  if (target.kind === 'param') return `${target.parameter.in}.${target.parameter.name}`;
  return target.property === null ? 'body' : `body.${target.property}`;
}
