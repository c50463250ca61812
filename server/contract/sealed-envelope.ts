/**
 * End-to-end sealing of an interview envelope with the survey's public key (ODK-style), shared by the
 * tablet (seals), the server (stores the sealed form without reading it) and the office command (opens it
 * with the private key). A sealed envelope keeps its routing fields in clear (ids, revision, questionnaire,
 * assignment, outcome, locale, times, device) so intake, idempotency and conflict detection work as for
 * any envelope; its `answers` and `paradata` travel only as AES-256-GCM ciphertext under a fresh key per
 * envelope, that key wrapped with RSA-OAEP-256 by the public key. The AES-GCM additional data binds the
 * ciphertext to its interview id and revision, so it cannot be replayed under another interview. WebCrypto
 * only (browsers and Node 20 alike); no I/O.
 */
import { z } from 'zod/mini';
import { type InterviewEnvelope, interviewEnvelopeSchema } from './interview.ts';

export const SEAL_ALGORITHM = 'RSA-OAEP-256+A256GCM' as const;

/** An RSA-OAEP-256 public key as a JWK (what `npm run survey:keys` writes into the profile). */
export const sealingPublicKeySchema = z
  .looseObject({
    kty: z.literal('RSA', 'must be "RSA" (an RSA-OAEP-256 public key)'),
    alg: z.literal('RSA-OAEP-256', 'must be "RSA-OAEP-256"'),
    n: z
      .string()
      .check(z.regex(/^[A-Za-z0-9_-]{340,}$/, 'must be the base64url modulus of a key of 2048 bits or more')),
    e: z.string().check(z.regex(/^[A-Za-z0-9_-]+$/, 'must be the base64url public exponent')),
  })
  .check(
    z.superRefine((k, ctx) => {
      for (const part of ['d', 'p', 'q', 'dp', 'dq', 'qi'])
        if (part in k)
          ctx.addIssue({
            code: 'custom',
            path: [part],
            message:
              'is a part of the PRIVATE key: it must never be in the profile (keep the private key off the repository and the server)',
          });
    }),
  );
export type SealingPublicKey = z.infer<typeof sealingPublicKeySchema>;

const base64 = z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'));

export const sealedBlockSchema = z.strictObject({
  alg: z.literal(SEAL_ALGORITHM),
  /** Which public key sealed it (its thumbprint), to tell a wrong private key from a damaged envelope. */
  keyId: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
  wrappedKey: base64.check(z.maxLength(2_000)),
  iv: base64.check(z.length(16)),
  ciphertext: base64.check(z.maxLength(4_000_000)),
});
export type SealedBlock = z.infer<typeof sealedBlockSchema>;

/** The envelope with answers and paradata replaced by their ciphertext. */
export const sealedEnvelopeSchema = z.extend(
  z.omit(interviewEnvelopeSchema, { answers: true, paradata: true }),
  { sealed: sealedBlockSchema },
);
export type SealedEnvelope = z.infer<typeof sealedEnvelopeSchema>;

/** Either form, as the intake route takes it: a body with `sealed` is a sealed envelope. */
export const anyEnvelopeSchema = z.union([sealedEnvelopeSchema, interviewEnvelopeSchema]);
export type AnyEnvelope = InterviewEnvelope | SealedEnvelope;
export const isSealed = (env: AnyEnvelope): env is SealedEnvelope => 'sealed' in env;

const subtle = () => globalThis.crypto.subtle;
const RSA = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x8000, bytes.length)));
  return btoa(s);
}
function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** The first 16 hex digits of SHA-256 over the key's modulus and exponent. */
export async function keyIdOf(key: { n?: string; e?: string }): Promise<string> {
  const digest = await subtle().digest('SHA-256', new TextEncoder().encode(`${key.e}.${key.n}`));
  return [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const aadOf = (env: { interviewId: string; revision: number }) =>
  new TextEncoder().encode(`${env.interviewId}#${env.revision}`);

/** Seals an envelope's answers and paradata with the survey's public key. */
export async function sealEnvelope(
  env: InterviewEnvelope,
  publicKey: SealingPublicKey,
): Promise<SealedEnvelope> {
  const { answers, paradata, ...clear } = env;
  const rsa = await subtle().importKey('jwk', { ...publicKey, ext: true }, RSA, false, ['encrypt']);
  const aes = await subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify({ answers, paradata }));
  const ciphertext = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: aadOf(env) }, aes, plain);
  const wrappedKey = await subtle().encrypt(RSA, rsa, await subtle().exportKey('raw', aes));
  return {
    ...clear,
    sealed: {
      alg: SEAL_ALGORITHM,
      keyId: await keyIdOf(publicKey),
      wrappedKey: toBase64(new Uint8Array(wrappedKey)),
      iv: toBase64(iv),
      ciphertext: toBase64(new Uint8Array(ciphertext)),
    },
  };
}

/** Why a sealed envelope could not be opened. */
export type OpenFailure = 'wrong_key' | 'damaged';
export class SealOpenError extends Error {
  constructor(
    readonly reason: OpenFailure,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Opens a sealed envelope with the private key (a JWK): the plain envelope, checked against the contract.
 * Throws SealOpenError 'wrong_key' when the envelope was sealed for another key, 'damaged' when the
 * ciphertext, its key or its binding to the interview was altered.
 */
export async function openEnvelope(env: SealedEnvelope, privateKey: JsonWebKey): Promise<InterviewEnvelope> {
  const keyId = await keyIdOf(privateKey);
  if (keyId !== env.sealed.keyId)
    throw new SealOpenError(
      'wrong_key',
      `sealed for key ${env.sealed.keyId}, but the private key given is ${keyId}`,
    );
  const rsa = await subtle().importKey('jwk', privateKey, RSA, false, ['decrypt']);
  let plain: ArrayBuffer;
  try {
    const raw = await subtle().decrypt(RSA, rsa, fromBase64(env.sealed.wrappedKey));
    const aes = await subtle().importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
    plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: fromBase64(env.sealed.iv), additionalData: aadOf(env) },
      aes,
      fromBase64(env.sealed.ciphertext),
    );
  } catch {
    throw new SealOpenError('damaged', 'the ciphertext fails its integrity check (altered or damaged)');
  }
  const { sealed: _sealed, ...clear } = env;
  const inner = JSON.parse(new TextDecoder().decode(plain)) as { answers: unknown; paradata: unknown };
  return interviewEnvelopeSchema.parse({ ...clear, answers: inner.answers, paradata: inner.paradata });
}

/** A fresh key pair: the public JWK for the profile, the private JWK for the office only. */
export async function generateSealingKeys(): Promise<{
  publicKey: SealingPublicKey;
  privateKey: JsonWebKey;
}> {
  const pair = await subtle().generateKey(
    { ...RSA, modulusLength: 3072, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['encrypt', 'decrypt'],
  );
  const pub = await subtle().exportKey('jwk', pair.publicKey);
  const priv = await subtle().exportKey('jwk', pair.privateKey);
  return {
    publicKey: { kty: 'RSA', alg: 'RSA-OAEP-256', n: pub.n ?? '', e: pub.e ?? '' },
    privateKey: priv,
  };
}
