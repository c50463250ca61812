/**
 * The analysts' outputs kept in memory, so that what was just computed is not computed again: each
 * computed table (per plan), each rendered table file (JSON, CSV, Excel; per language and release)
 * and each microdata export (per format and language). A key names the data (the weighting run, or
 * the folder's version: LoadedData.origin), the survey's context (plans, labels, rules, design,
 * codebook: a fingerprint of the questionnaire version and tables.json) and the output; a new
 * weighting run gives new keys, and the first request that sees a newer run of a survey drops that
 * survey's entries of older runs. Bounded: the least recently used entries go first once the bytes
 * or the entry count pass the limits. Two requests for the same missing entry share one computation.
 */
import { createHash } from 'node:crypto';
import type { LoadedData } from './analysis-data.ts';

export interface CacheLimits {
  /** The estimated bytes kept at most (default 256 MB). */
  maxBytes: number;
  /** The entries kept at most (default 2,000). */
  maxEntries: number;
}

export interface CacheKey {
  id: string;
  scope: string;
  generation: number;
}

interface Entry {
  value: unknown;
  bytes: number;
  scope: string;
  generation: number;
}

/** A short hash of a string or of a value's JSON. */
export const sha = (x: unknown) =>
  createHash('sha256')
    .update(typeof x === 'string' ? x : JSON.stringify(x))
    .digest('hex')
    .slice(0, 24);

export class OutputCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<unknown>>();
  private readonly newest = new Map<string, number>();
  private bytes = 0;

  constructor(private readonly limits: CacheLimits = { maxBytes: 256 * 2 ** 20, maxEntries: 2000 }) {}

  /** The key of an output of these data: the origin, the context fingerprint and the output's parts. */
  key(loaded: LoadedData, fingerprint: string, ...parts: Array<string | number | null>): CacheKey {
    const { scope, generation } = loaded.origin;
    this.see(loaded.origin);
    return { id: JSON.stringify([scope, generation, fingerprint, ...parts]), scope, generation };
  }

  /** Whether a newer generation of these data's scope has been seen (a later weighting run). */
  superseded({ scope, generation }: LoadedData['origin']): boolean {
    const known = this.newest.get(scope);
    return known !== undefined && known > generation;
  }

  /** Drops a scope's older generations the first time a newer one is seen (a new weighting run). */
  private see({ scope, generation }: LoadedData['origin']): void {
    const known = this.newest.get(scope);
    if (known !== undefined && generation <= known) return;
    this.newest.set(scope, generation);
    if (known === undefined) return;
    for (const [k, e] of this.entries) if (e.scope === scope && e.generation < generation) this.drop(k);
  }

  get<T>(key: CacheKey): T | undefined {
    const e = this.entries.get(key.id);
    if (!e) return undefined;
    this.entries.delete(key.id); // most recently used last
    this.entries.set(key.id, e);
    return e.value as T;
  }

  set(key: CacheKey, value: unknown, bytes: number): void {
    this.drop(key.id);
    if (bytes > this.limits.maxBytes) return;
    this.entries.set(key.id, { value, bytes, scope: key.scope, generation: key.generation });
    this.bytes += bytes;
    for (const k of this.entries.keys()) {
      if (this.bytes <= this.limits.maxBytes && this.entries.size <= this.limits.maxEntries) break;
      this.drop(k);
    }
  }

  /** The stored value, or `make()`'s (stored); concurrent callers of a missing key wait for one make. */
  async getOrMake<T>(key: CacheKey, make: () => Promise<T>, size: (v: T) => number): Promise<T> {
    const hit = this.get<T>(key);
    if (hit !== undefined) return hit;
    const running = this.pending.get(key.id);
    if (running) return running as Promise<T>;
    const p = make().then(
      (v) => {
        this.pending.delete(key.id);
        this.set(key, v, size(v));
        return v;
      },
      (error) => {
        this.pending.delete(key.id);
        throw error;
      },
    );
    this.pending.set(key.id, p);
    return p;
  }

  /** The entries and estimated bytes held (for tests and logs). */
  stats(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.bytes -= e.bytes;
  }
}

/** The process's cache of analysis outputs. */
export const outputCache = new OutputCache();

const fingerprints = new WeakMap<object, string>();
/** A survey context's fingerprint (once per context object). */
export function fingerprintOf(ctx: object): string {
  let f = fingerprints.get(ctx);
  if (!f) {
    f = sha(ctx);
    fingerprints.set(ctx, f);
  }
  return f;
}

/** The output cache's key of one computed table (a parsed plan) on these data with this context. */
export function planKey(ctx: object, loaded: LoadedData, plan: unknown): CacheKey {
  return outputCache.key(loaded, fingerprintOf(ctx), 'plan', sha(plan));
}

/** The bytes a computed table is counted for in the output cache. */
export const planBytes = (result: unknown) => 2 * JSON.stringify(result).length;
