/**
 * The tablet's at-rest cryptography, all WebCrypto: one random AES-GCM-256 data key per device seals every
 * personal record; the data key is only ever stored wrapped (AES-GCM) under a key-encryption key, either
 * derived from the enumerator's offline password with PBKDF2-SHA-256 or (see device-key.ts) held by the
 * server for this device. Unwrapping with a wrong password fails the GCM tag: the wrapped key is the
 * password check, so no separate verifier hash is kept.
 */

/**
 * PBKDF2-SHA-256 iterations for a new keyring: OWASP's 2023 figure for PBKDF2-HMAC-SHA256 (600,000).
 * It is paid once per unlock, not per save: `npm run bench -- tablet-crypto` measures it (0.17 s in Node
 * on the 2-core CI machine, so under a second on a 4x slower tablet), which an unlock screen absorbs.
 */
export const KDF_ITERATIONS = 600_000;

export interface WrappedKey {
  /** base64 of the 12-byte GCM nonce */
  iv: string;
  /** base64 of the wrapped 32-byte data key with its 16-byte tag */
  wrapped: string;
}

export const toB64 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};
export const fromB64 = (s: string): Uint8Array => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

const GCM_IV_BYTES = 12;
const text = new TextEncoder();
const untext = new TextDecoder();

/** A fresh data key. Extractable only so that it can be wrapped (and kept for the tab's reloads). */
export function newDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

export function importDataKey(raw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw as BufferSource, { name: 'AES-GCM' }, true, [
    'encrypt',
    'decrypt',
  ]);
}

export async function exportDataKey(key: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.exportKey('raw', key));
}

/** The key-encryption key derived from a password (never stored, never extractable). */
export async function passwordKey(password: string, salt: Uint8Array, iterations: number) {
  const base = await crypto.subtle.importKey('raw', text.encode(password), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** A key-encryption key from 32 raw bytes (the server-held device key). */
export function rawWrappingKey(raw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw as BufferSource, { name: 'AES-GCM' }, false, [
    'wrapKey',
    'unwrapKey',
  ]);
}

export async function wrapDataKey(dataKey: CryptoKey, kek: CryptoKey): Promise<WrappedKey> {
  const iv = crypto.getRandomValues(new Uint8Array(GCM_IV_BYTES));
  const wrapped = await crypto.subtle.wrapKey('raw', dataKey, kek, { name: 'AES-GCM', iv });
  return { iv: toB64(iv), wrapped: toB64(new Uint8Array(wrapped)) };
}

/** The data key, or null when the wrapping key is not the one it was wrapped with (wrong password). */
export async function unwrapDataKey(w: WrappedKey, kek: CryptoKey): Promise<CryptoKey | null> {
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      fromB64(w.wrapped) as BufferSource,
      kek,
      { name: 'AES-GCM', iv: fromB64(w.iv) as BufferSource },
      { name: 'AES-GCM' },
      true,
      ['encrypt', 'decrypt'],
    );
  } catch {
    return null;
  }
}

/**
 * Seals a JSON value: 12-byte random nonce then ciphertext and tag. `context` (the table's name) is
 * authenticated, so a record moved to another table does not open.
 */
export async function seal(key: CryptoKey, value: unknown, context: string): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(GCM_IV_BYTES));
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: text.encode(context) },
    key,
    text.encode(JSON.stringify(value)),
  );
  const out = new Uint8Array(GCM_IV_BYTES + ct.byteLength);
  out.set(iv);
  out.set(new Uint8Array(ct), GCM_IV_BYTES);
  return out;
}

/** Opens what seal() made; throws when the bytes were altered or the key is another one. */
export async function unseal(key: CryptoKey, sealed: Uint8Array, context: string): Promise<unknown> {
  const plain = await crypto.subtle.decrypt(
    {
      name: 'AES-GCM',
      iv: sealed.subarray(0, GCM_IV_BYTES) as BufferSource,
      additionalData: text.encode(context),
    },
    key,
    sealed.subarray(GCM_IV_BYTES) as BufferSource,
  );
  return JSON.parse(untext.decode(plain));
}
