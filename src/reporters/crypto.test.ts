import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  blindIndex,
  blindIndexCandidates,
  createKeyRing,
  decrypt,
  DecryptError,
  encrypt,
  envelopeKeyId,
  generateKeyEntry,
  isStale,
  KeyRingError,
  parseKeyRing,
  type KeyRing,
} from './crypto.js';

const k1 = Buffer.alloc(32, 1);
const k2 = Buffer.alloc(32, 2);
const ring1 = createKeyRing([{ id: 'k1', key: k1 }], 'k1');
const ring21 = createKeyRing(
  [
    { id: 'k2', key: k2 },
    { id: 'k1', key: k1 },
  ],
  'k2',
);

function failure(fn: () => unknown): DecryptError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DecryptError);
    return error as DecryptError;
  }
  throw new Error('expected a DecryptError');
}

function flip(envelope: string, part: 2 | 3, at = 0): string {
  const parts = envelope.split(':');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[at] = bytes[at]! ^ 1;
  parts[part] = bytes.toString('base64url');
  return parts.join(':');
}

describe('encrypt / decrypt', () => {
  it.each(['', '张三', '13812345678', '11010519491231002X', 'x'.repeat(5000), '😀 emoji ok'])(
    'round-trips %#',
    (plaintext) => {
      const envelope = encrypt(ring1, plaintext, 'ctx');
      expect(decrypt(ring1, envelope, 'ctx')).toBe(plaintext);
    },
  );

  it('writes a versioned envelope with a fresh 12-byte IV and no plaintext', () => {
    const a = encrypt(ring1, '13812345678');
    const b = encrypt(ring1, '13812345678');
    expect(a).toMatch(/^v1:k1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(Buffer.from(a.split(':')[2]!, 'base64url')).toHaveLength(12);
    expect(a).not.toBe(b);
    expect(a).not.toContain('13812345678');
    expect(envelopeKeyId(a)).toBe('k1');
  });

  it('refuses a changed ciphertext, tag or IV as tampered', () => {
    const envelope = encrypt(ring1, '13812345678');
    const tagStart = Buffer.from(envelope.split(':')[3]!, 'base64url').length - 1;
    for (const altered of [flip(envelope, 3), flip(envelope, 3, tagStart), flip(envelope, 2)]) {
      expect(failure(() => decrypt(ring1, altered)).reason).toBe('tampered');
    }
  });

  it('binds the context: a value moved to another row or field does not decrypt', () => {
    const envelope = encrypt(ring1, '张三', 'case_reporters.name_enc:1');
    expect(failure(() => decrypt(ring1, envelope, 'case_reporters.name_enc:2')).reason).toBe('tampered');
    expect(failure(() => decrypt(ring1, envelope)).reason).toBe('tampered');
  });

  it('refuses a key id swapped in the header (authenticated) and an unknown key', () => {
    const envelope = encrypt(ring21, 'secret');
    const relabelled = envelope.replace(/^v1:k2:/, 'v1:k1:');
    expect(failure(() => decrypt(ring21, relabelled)).reason).toBe('tampered');
    const error = failure(() => decrypt(ring1, envelope));
    expect(error.reason).toBe('unknown_key');
    expect(error.message).toMatch(/key k2, which is not in the key ring \(k1\)/);
  });

  it('refuses a wrong key under the same id as tampered', () => {
    const impostor = createKeyRing([{ id: 'k1', key: Buffer.alloc(32, 9) }], 'k1');
    expect(failure(() => decrypt(impostor, encrypt(ring1, 'secret'))).reason).toBe('tampered');
  });

  it.each([
    ['plaintext', '13812345678'],
    ['too few parts', 'v1:k1:abc'],
    ['too many parts', 'v1:k1:a:b:c'],
    ['unknown version', 'v9:k1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA'],
    ['short IV', 'v1:k1:AAAA:AAAAAAAAAAAAAAAAAAAAAA'],
    ['short body', 'v1:k1:AAAAAAAAAAAAAAAA:AAAA'],
    ['not base64url', 'v1:k1:AAAAAAAAAAAA+AAA:AAAAAAAAAAAAAAAAAAAAAA'],
  ])('refuses a malformed envelope: %s', (_, envelope) => {
    expect(failure(() => decrypt(ring1, envelope)).reason).toBe('malformed');
  });

  it('never puts the plaintext or key material into error messages', () => {
    const envelope = encrypt(ring1, 'very-secret-name');
    const error = failure(() => decrypt(ring1, flip(envelope, 3)));
    expect(error.message).not.toContain('very-secret-name');
    expect(error.message).not.toContain(k1.toString('base64'));
  });
});

describe('key rotation', () => {
  it('encrypts under the active key and still decrypts the old keys', () => {
    const old = encrypt(ring1, '李四');
    expect(decrypt(ring21, old)).toBe('李四');
    const fresh = encrypt(ring21, '李四');
    expect(envelopeKeyId(fresh)).toBe('k2');
    expect(isStale(ring21, old)).toBe(true);
    expect(isStale(ring21, fresh)).toBe(false);
    expect(isStale(ring21, blindIndex(ring1, 'x'))).toBe(true);
    expect(isStale(ring21, blindIndex(ring21, 'x'))).toBe(false);
  });

  it('drops an old key only after re-encryption: then old values fail clearly', () => {
    const old = encrypt(ring1, '李四');
    const ring2 = createKeyRing([{ id: 'k2', key: k2 }], 'k2');
    const reencrypted = encrypt(ring21, decrypt(ring21, old));
    expect(decrypt(ring2, reencrypted)).toBe('李四');
    expect(failure(() => decrypt(ring2, old)).reason).toBe('unknown_key');
  });
});

describe('blind index', () => {
  it('is deterministic, keyed, prefixed with the key id and reveals nothing', () => {
    const a = blindIndex(ring1, '13812345678');
    expect(a).toBe(blindIndex(ring1, '13812345678'));
    expect(a).toMatch(/^k1:[A-Za-z0-9_-]{43}$/);
    expect(a).not.toContain('5678');
    expect(blindIndex(ring1, '13812345679')).not.toBe(a);
    const otherKey = createKeyRing([{ id: 'k1', key: Buffer.alloc(32, 7) }], 'k1');
    expect(blindIndex(otherKey, '13812345678')).not.toBe(a);
  });

  it('uses a subkey separate from the encryption key', () => {
    // HMAC with the raw key would be the naive construction; the index must not equal it.
    const naive = createHmac('sha256', k1).update('v').digest('base64url');
    expect(blindIndex(ring1, 'v')).not.toBe(`k1:${naive}`);
  });

  it('gives candidates under every key, active first, so lookups work mid-rotation', () => {
    const candidates = blindIndexCandidates(ring21, '13812345678');
    expect(candidates).toEqual([blindIndex(ring21, '13812345678'), blindIndex(ring1, '13812345678')]);
  });
});

describe('key rings', () => {
  const b64 = (key: Buffer) => key.toString('base64');

  it('parses SHUZHI_DATA_KEYS, first entry active', () => {
    const ring: KeyRing = parseKeyRing(` k2:${b64(k2)} , k1:${b64(k1)} `);
    expect(ring.activeId).toBe('k2');
    expect(ring.ids).toEqual(['k2', 'k1']);
    expect(decrypt(ring, encrypt(ring1, 'a'))).toBe('a');
    expect(envelopeKeyId(encrypt(ring, 'a'))).toBe('k2');
  });

  it('accepts base64url keys and generated entries', () => {
    expect(parseKeyRing(`k1:${k1.toString('base64url')}`).activeId).toBe('k1');
    const entry = generateKeyEntry('k3');
    expect(entry).toMatch(/^k3:[A-Za-z0-9+/]{43}=$/);
    expect(parseKeyRing(entry).ids).toEqual(['k3']);
    expect(generateKeyEntry('k3')).not.toBe(entry);
  });

  it.each([
    ['empty', '', /no keys given/],
    ['no id', `:${b64(k1)}`, /entry 1 is not/],
    ['no colon', b64(k1), /entry 1 is not/],
    ['not base64', 'k1:not base64!', /key k1 is not base64/],
    ['short key', `k1:${b64(randomBytes(16))}`, /key k1 must be 32 bytes, got 16/],
    ['bad id', `k.1:${b64(k1)}`, /key id "k.1"/],
    ['duplicate', `k1:${b64(k1)},k1:${b64(k2)}`, /key id k1 appears twice/],
  ])('refuses %s without echoing key material', (_, value, message) => {
    let error: unknown;
    try {
      parseKeyRing(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KeyRingError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain(b64(k2));
  });

  it('needs the active key in the ring', () => {
    expect(() => createKeyRing([{ id: 'k1', key: k1 }], 'k2')).toThrow(/active key k2 is not in the ring/);
    expect(() => createKeyRing([], 'k1')).toThrow(KeyRingError);
  });
});
