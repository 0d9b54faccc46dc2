/**
 * application/x-www-form-urlencoded bodies of Open311 clients: plain fields, `attribute[code]=v`
 * and repeated `attribute[code][]=v` (multivaluelist). Keys become own properties only, so a
 * `__proto__` field cannot reach a prototype.
 */

export interface ParsedBody {
  fields: Record<string, string | undefined>;
  attributes: Record<string, string | string[]>;
  /** Files of a multipart body (`media`), as received. */
  media?: Array<{ data: Buffer; filename: string | null }>;
}

const ATTRIBUTE = /^attribute\[([^\][]{1,100})\](\[\])?$/;

export function parseForm(body: string): ParsedBody {
  const fields = new Map<string, string>();
  const attributes = new Map<string, string | string[]>();
  for (const [key, value] of new URLSearchParams(body)) {
    const match = ATTRIBUTE.exec(key);
    if (!match) {
      fields.set(key, value);
      continue;
    }
    const code = match[1]!;
    if (match[2]) {
      const current = attributes.get(code);
      attributes.set(
        code,
        Array.isArray(current) ? [...current, value] : current === undefined ? [value] : [current, value],
      );
    } else {
      attributes.set(code, value);
    }
  }
  return { fields: Object.fromEntries(fields), attributes: Object.fromEntries(attributes) };
}
