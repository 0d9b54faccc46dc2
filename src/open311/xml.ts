/**
 * The XML of GeoReport v2: plain nested elements, no attributes, no namespaces. A JSON-like value
 * is written as elements named after its keys; an array is a wrapper element whose items are named
 * by ITEM_NAMES (`services` → `service` …). `null` and `undefined` are left out, as XML clients
 * (FixMyStreet's XML::Simple) read an empty element as a hash, not as "no value".
 */

/** The element name of the items of each list of the spec. */
export const ITEM_NAMES: Readonly<Record<string, string>> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  service_requests: 'request',
  service_request_updates: 'request_update',
  errors: 'error',
  photos: 'photo',
  updates: 'update',
};

/** Escapes text for element content and attribute values; drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name];
    if (!item) throw new Error(`no item element name for the list ${name}`);
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([key, v]) => element(key, v))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return `<${name}>${escapeXml(String(value))}</${name}>`;
  throw new Error(`${typeof value} cannot be written as XML (${name})`);
}

/** A whole document: `toXml('services', [...])` → `<?xml …?><services><service>…</service></services>`. */
export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}\n`;
}
