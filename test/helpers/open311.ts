/**
 * Open311 test support: an XML reader (fast-xml-parser, a real parser, so malformed documents
 * fail) and a client that speaks to the API the way FixMyStreet's perllib/Open311.pm does. The
 * Open311 routes are part of the application, so their tests use the standard test app (app.ts).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './app.js';

/** Elements that are list items in GeoReport v2 (and the extensions): always arrays when parsed. */
const LIST_ITEMS = new Set([
  'service',
  'attribute',
  'value',
  'endpoint',
  'format',
  'request',
  'request_update',
  'error',
  'photo',
  'update',
]);

const parser = new XMLParser({
  ignoreDeclaration: true,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => LIST_ITEMS.has(name),
});

/**
 * Parses an Open311 XML answer after checking it is well-formed, starts with the UTF-8
 * declaration and has exactly one root element; returns the root's name and content.
 */
export function parseXml(xml: string): { root: string; value: Record<string, unknown> } {
  if (!xml.startsWith('<?xml version="1.0" encoding="utf-8"?>'))
    throw new Error(`no XML declaration: ${xml.slice(0, 80)}`);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const document = parser.parse(xml) as Record<string, unknown>;
  const roots = Object.keys(document);
  if (roots.length !== 1) throw new Error(`expected one root element, got ${roots.join(', ')}`);
  const value = document[roots[0]!];
  return {
    root: roots[0]!,
    value: (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>,
  };
}

/** The items of a list root (`service_requests` → its `request` elements). */
export function xmlItems<T = Record<string, unknown>>(xml: string, root: string, item: string): T[] {
  const parsed = parseXml(xml);
  if (parsed.root !== root) throw new Error(`expected root ${root}, got ${parsed.root}`);
  return (parsed.value[item] as T[] | undefined) ?? [];
}

/**
 * What FixMyStreet's Open311 client does on the wire (perllib/Open311.pm): GETs of `.xml`
 * resources with `jurisdiction_id` (and `api_key` for updates) in the query, POSTs as
 * application/x-www-form-urlencoded with `jurisdiction_id` and `api_key` added to the fields.
 */
export class FixMyStreetClient {
  constructor(
    private readonly t: TestApp,
    private readonly apiKey: string,
    private readonly jurisdiction?: string,
  ) {}

  get(path: string, params: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const query = new URLSearchParams({
      ...params,
      ...(this.jurisdiction ? { jurisdiction_id: this.jurisdiction } : {}),
    }).toString();
    return this.t.app.inject({ method: 'GET', url: `/open311/v2/${path}${query ? `?${query}` : ''}` });
  }

  post(path: string, params: Record<string, string>): Promise<LightMyRequestResponse> {
    return this.t.app.inject({
      method: 'POST',
      url: `/open311/v2/${path}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        ...(this.jurisdiction ? { jurisdiction_id: this.jurisdiction } : {}),
        api_key: this.apiKey,
        ...params,
      }).toString(),
    });
  }

  /** send_service_request: the id from the answer, else from the token; 0 when there is none yet. */
  async sendServiceRequest(
    params: Record<string, string>,
  ): Promise<{ id: string | 0; token: string | null; response: LightMyRequestResponse }> {
    const response = await this.post('requests.xml', params);
    if (response.statusCode >= 300) return { id: 0, token: null, response };
    const [request] = xmlItems<{ service_request_id?: string; token?: string }>(
      response.body,
      'service_requests',
      'request',
    );
    if (request?.service_request_id)
      return { id: request.service_request_id, token: request.token ?? null, response };
    const token = request?.token ?? null;
    return { id: token ? await this.serviceRequestIdFromToken(token) : 0, token, response };
  }

  /** get_service_request_id_from_token. */
  async serviceRequestIdFromToken(token: string): Promise<string | 0> {
    const response = await this.get(`tokens/${token}.xml`);
    const [request] = xmlItems<{ service_request_id?: string }>(response.body, 'service_requests', 'request');
    return request?.service_request_id ?? 0;
  }

  /** get_service_request_updates: both dates or neither, W3C (DateTime::Format::W3CDTF, UTC). */
  async serviceRequestUpdates(start: Date, end: Date): Promise<Array<Record<string, string>>> {
    const w3c = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const response = await this.get('servicerequestupdates.xml', {
      api_key: this.apiKey,
      start_date: w3c(start),
      end_date: w3c(end),
    });
    if (response.statusCode !== 200) throw new Error(`updates: ${response.statusCode} ${response.body}`);
    return xmlItems<Record<string, string>>(response.body, 'service_request_updates', 'request_update');
  }
}
