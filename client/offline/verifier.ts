/**
 * Offline unlock: a PBKDF2-SHA-256 verifier of the password, derived with WebCrypto and kept on the device.
 * The password itself is never stored.
 */
import type { ApiUser } from '../../server/contract/auth.ts';
import type { Verifier } from './db.ts';

export const VERIFIER_ITERATIONS = 210_000;

const toB64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromB64 = (s: string): Uint8Array => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function makeVerifier(
  username: string,
  password: string,
  user: ApiUser,
  iterations = VERIFIER_ITERATIONS,
): Promise<Verifier> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, iterations);
  return { username: username.toLowerCase(), salt: toB64(salt), iterations, hash: toB64(hash), user };
}

/** Constant-time comparison of the derived bits against the stored verifier. */
export async function checkVerifier(verifier: Verifier, password: string): Promise<boolean> {
  const got = await derive(password, fromB64(verifier.salt), verifier.iterations);
  const want = fromB64(verifier.hash);
  if (got.length !== want.length) return false;
  let diff = 0;
  for (let i = 0; i < got.length; i++) diff |= got[i] ^ want[i];
  return diff === 0;
}
