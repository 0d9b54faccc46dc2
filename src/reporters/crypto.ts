/**
 * 字段加密 — field-level encryption of personal data with a key ring (docs/privacy.md).
 *
 * Each configured key is 32 random bytes. Two subkeys are derived from it with HKDF-SHA256 and
 * distinct `info` labels, so the encryption key and the blind-index key are never the same bytes:
 * - encryption: AES-256-GCM, a random 12-byte IV per value, envelope
 *   `v1:<keyId>:<iv base64url>:<ciphertext‖tag base64url>`; the envelope header and an optional
 *   caller context (e.g. `case_reporters.phone:42`) are bound as additional authenticated data, so
 *   a value copied to another row or column no longer decrypts;
 * - blind index: HMAC-SHA256 of the value, `<keyId>:<mac base64url>`, for exact-match lookups
 *   without decrypting.
 *
 * The first key of the ring is active (encrypts and indexes); the others only decrypt, until
 * `reencryptAll` (./service.ts) has rewritten every row under the active key.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export const ENVELOPE_VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const ENCRYPTION_INFO = 'shuzhi/field-encryption/v1';
const INDEX_INFO = 'shuzhi/blind-index/v1';

interface DerivedKey {
  id: string;
  encryption: Buffer;
  index: Buffer;
}

/** An immutable set of keys; `activeId` encrypts and indexes, every key decrypts. */
export interface KeyRing {
  readonly activeId: string;
  readonly ids: readonly string[];
  /** @internal derived subkeys, by id */
  readonly keys: ReadonlyMap<string, DerivedKey>;
}

/** A key ring that cannot be built: bad key id, key length, duplicate, missing active key. */
export class KeyRingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyRingError';
  }
}

export type DecryptFailure = 'malformed' | 'unknown_key' | 'tampered';

/** An envelope that does not decrypt. The message never contains the plaintext or key material. */
export class DecryptError extends Error {
  constructor(
    readonly reason: DecryptFailure,
    message: string,
  ) {
    super(message);
    this.name = 'DecryptError';
  }
}

function derive(key: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, KEY_BYTES));
}

export function createKeyRing(keys: ReadonlyArray<{ id: string; key: Buffer }>, activeId: string): KeyRing {
  if (keys.length === 0) throw new KeyRingError('the key ring needs at least one key');
  const derived = new Map<string, DerivedKey>();
  for (const { id, key } of keys) {
    if (!KEY_ID.test(id)) throw new KeyRingError(`key id "${id}" must be 1–32 of A–Z a–z 0–9 _ -`);
    if (key.length !== KEY_BYTES) {
      throw new KeyRingError(`key ${id} must be ${KEY_BYTES} bytes, got ${key.length}`);
    }
    if (derived.has(id)) throw new KeyRingError(`key id ${id} appears twice`);
    derived.set(id, { id, encryption: derive(key, ENCRYPTION_INFO), index: derive(key, INDEX_INFO) });
  }
  if (!derived.has(activeId)) throw new KeyRingError(`the active key ${activeId} is not in the ring`);
  return { activeId, ids: keys.map((k) => k.id), keys: derived };
}

/**
 * Parses `SHUZHI_DATA_KEYS`: comma-separated `<id>:<base64 of 32 bytes>`, the first is active,
 * e.g. `k2:3q2+7w…=,k1:AAEC…=`. Whitespace around entries is ignored. Throws {@link KeyRingError}
 * with a message that names the entry but never echoes key material.
 */
export function parseKeyRing(value: string): KeyRing {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) throw new KeyRingError('no keys given; expected "<id>:<base64 key>,…"');
  const keys = entries.map((entry, index) => {
    const colon = entry.indexOf(':');
    if (colon <= 0) throw new KeyRingError(`entry ${index + 1} is not "<id>:<base64 key>"`);
    const id = entry.slice(0, colon);
    const encoded = entry.slice(colon + 1);
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded)) {
      throw new KeyRingError(`key ${id} is not base64`);
    }
    // Node's base64 decoder also accepts the URL-safe alphabet.
    return { id, key: Buffer.from(encoded, 'base64') };
  });
  return createKeyRing(keys, keys[0]!.id);
}

/** A new random key in the `SHUZHI_DATA_KEYS` entry format, e.g. for `generateKeyEntry('k3')`. */
export function generateKeyEntry(id: string): string {
  if (!KEY_ID.test(id)) throw new KeyRingError(`key id "${id}" must be 1–32 of A–Z a–z 0–9 _ -`);
  return `${id}:${randomBytes(KEY_BYTES).toString('base64')}`;
}

function aadOf(keyId: string, context: string): Buffer {
  return Buffer.from(`${ENVELOPE_VERSION}:${keyId}\n${context}`, 'utf8');
}

/** Encrypts under the active key. `context` (default empty) must be given again to decrypt. */
export function encrypt(ring: KeyRing, plaintext: string, context = ''): string {
  const key = ring.keys.get(ring.activeId)!;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.encryption, iv);
  cipher.setAAD(aadOf(key.id, context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${ENVELOPE_VERSION}:${key.id}:${iv.toString('base64url')}:${body.toString('base64url')}`;
}

interface Envelope {
  keyId: string;
  iv: Buffer;
  body: Buffer;
}

function parseEnvelope(envelope: string): Envelope {
  const parts = envelope.split(':');
  if (parts.length !== 4) throw new DecryptError('malformed', 'not an encrypted value (expected 4 parts)');
  const [version, keyId, iv, body] = parts as [string, string, string, string];
  if (version !== ENVELOPE_VERSION) {
    throw new DecryptError('malformed', `unsupported envelope version ${version.slice(0, 8)}`);
  }
  const b64url = /^[A-Za-z0-9_-]*$/;
  if (!b64url.test(iv) || !b64url.test(body))
    throw new DecryptError('malformed', 'envelope is not base64url');
  const parsed = { keyId, iv: Buffer.from(iv, 'base64url'), body: Buffer.from(body, 'base64url') };
  if (parsed.iv.length !== IV_BYTES || parsed.body.length < TAG_BYTES) {
    throw new DecryptError('malformed', 'envelope has a wrong IV or tag length');
  }
  return parsed;
}

/** The id of the key an envelope was encrypted with (without decrypting), or throws `malformed`. */
export function envelopeKeyId(envelope: string): string {
  return parseEnvelope(envelope).keyId;
}

/** Decrypts with whichever key of the ring the envelope names; throws {@link DecryptError}. */
export function decrypt(ring: KeyRing, envelope: string, context = ''): string {
  const { keyId, iv, body } = parseEnvelope(envelope);
  const key = ring.keys.get(keyId);
  if (!key) {
    throw new DecryptError(
      'unknown_key',
      `encrypted with key ${keyId.slice(0, 32)}, which is not in the key ring (${ring.ids.join(', ')})`,
    );
  }
  const decipher = createDecipheriv('aes-256-gcm', key.encryption, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aadOf(keyId, context));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(body.subarray(0, body.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new DecryptError(
      'tampered',
      'the value failed authentication: it was altered, moved to another field, or the key is wrong',
    );
  }
}

/** Whether a value should be rewritten: encrypted or indexed under a key other than the active one. */
export function isStale(ring: KeyRing, envelopeOrIndex: string): boolean {
  const keyId = envelopeOrIndex.startsWith(`${ENVELOPE_VERSION}:`)
    ? envelopeOrIndex.split(':')[1]
    : envelopeOrIndex.split(':')[0];
  return keyId !== ring.activeId;
}

function indexWith(key: DerivedKey, value: string): string {
  return `${key.id}:${createHmac('sha256', key.index).update(value, 'utf8').digest('base64url')}`;
}

/** Blind index of `value` (normalise it first) under the active key: `<keyId>:<HMAC-SHA256>`. */
export function blindIndex(ring: KeyRing, value: string): string {
  return indexWith(ring.keys.get(ring.activeId)!, value);
}

/**
 * The blind index of `value` under every key of the ring, active first: look up with `IN (…)` so
 * rows not yet re-indexed after a rotation are still found.
 */
export function blindIndexCandidates(ring: KeyRing, value: string): string[] {
  return ring.ids.map((id) => indexWith(ring.keys.get(id)!, value));
}
