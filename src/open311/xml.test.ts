import { describe, expect, it } from 'vitest';
import { parseForm } from './form.js';
import { escapeXml, toXml } from './xml.js';

describe('the XML writer', () => {
  it('escapes markup and quotes and drops characters XML 1.0 forbids', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>\u0000\u0008ok\u{1F600}`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;ok\u{1F600}',
    );
  });

  it('names list items after the list and leaves out null fields', () => {
    expect(toXml('service_requests', [{ service_request_id: '1', token: null, lat: 39.9, ok: true }])).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<service_requests><request><service_request_id>1</service_request_id>' +
        '<lat>39.9</lat><ok>true</ok></request></service_requests>\n',
    );
    expect(toXml('service_definition', { attributes: [{ values: [{ key: 'a', name: '甲' }] }] })).toContain(
      '<attributes><attribute><values><value><key>a</key><name>甲</name></value></values></attribute></attributes>',
    );
  });

  it('refuses a list it has no item name for', () => {
    expect(() => toXml('things', [1])).toThrow(/item element name/);
  });
});

describe('the form parser', () => {
  it('reads fields, attribute[code] and repeated attribute[code][]', () => {
    const parsed = parseForm(
      'service_code=M06010&lat=39.900000&attribute%5Burgency%5D=urgent&attribute[tags][]=a&attribute[tags][]=b&description=%E5%9E%83+%3C%26%3E',
    );
    expect(parsed.fields).toEqual({ service_code: 'M06010', lat: '39.900000', description: '垃 <&>' });
    expect(parsed.attributes).toEqual({ urgency: 'urgent', tags: ['a', 'b'] });
  });

  it('keeps a __proto__ field an own property', () => {
    const parsed = parseForm('__proto__=x&attribute[__proto__]=y');
    expect(Object.getPrototypeOf(parsed.fields)).toBe(Object.prototype);
    expect(Object.hasOwn(parsed.fields, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
