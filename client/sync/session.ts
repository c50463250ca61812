/**
 * Login while online, unlock offline with the on-device verifier, renew the token when the network
 * returns. The password is held in memory only (to renew), never written anywhere.
 */
import type { ApiUser } from '../../server/contract/auth.ts';
import type { MorabezaDb } from '../offline/db.ts';
import { getSession, getVerifier, setSession, setVerifier } from '../offline/store.ts';
import { checkVerifier, makeVerifier } from '../offline/verifier.ts';
import type { ApiClient } from './api-client.ts';

export type LoginOutcome =
  | { ok: true; mode: 'online' | 'offline'; user: ApiUser }
  | { ok: false; reason: 'failed' | 'throttled' | 'offlineUnknown' | 'server' };

const UNLOCK_KEY = 'morabeza.unlocked';

export class SessionManager {
  private tokenValue: string | null = null;
  private expiresAt = 0;
  private password: string | null = null;
  private username: string | null = null;
  user: ApiUser | null = null;

  constructor(
    private readonly db: MorabezaDb,
    private readonly api: () => ApiClient,
    private readonly now: () => number = Date.now,
  ) {}

  token = (): string | null => (this.tokenValue && this.expiresAt > this.now() ? this.tokenValue : null);

  hasValidToken(): boolean {
    return this.token() !== null;
  }

  /** After a reload in the same tab: the unlock survives (sessionStorage), the token comes from IndexedDB. */
  async restore(): Promise<ApiUser | null> {
    const username = globalThis.sessionStorage?.getItem(UNLOCK_KEY);
    if (!username) return null;
    const verifier = await getVerifier(this.db, username);
    if (!verifier) return null;
    const stored = await getSession(this.db);
    if (stored && stored.user.username.toLowerCase() === username) {
      this.tokenValue = stored.token;
      this.expiresAt = stored.expiresAt;
    }
    this.username = username;
    this.user = verifier.user;
    return this.user;
  }

  async login(username: string, password: string): Promise<LoginOutcome> {
    const result = await this.api().login(username, password);
    if (result.kind === 'ok') {
      const { token, expiresAt, user } = result.data;
      this.tokenValue = token;
      this.expiresAt = Date.parse(expiresAt);
      await setSession(this.db, { token, expiresAt: this.expiresAt, user });
      await setVerifier(this.db, await makeVerifier(username, password, user));
      return this.unlocked(username, password, user, 'online');
    }
    if (result.kind === 'unauthorized' || result.kind === 'rejected') return { ok: false, reason: 'failed' };
    if (result.kind === 'transient' && result.status === 429) return { ok: false, reason: 'throttled' };
    if (result.kind === 'transient' && result.status !== null && result.status < 500) {
      return { ok: false, reason: 'server' };
    }
    // No network, or the server is down: unlock with the verifier kept on the device.
    const verifier = await getVerifier(this.db, username);
    if (!verifier) return { ok: false, reason: 'offlineUnknown' };
    if (!(await checkVerifier(verifier, password))) return { ok: false, reason: 'failed' };
    const stored = await getSession(this.db);
    if (stored && stored.user.username.toLowerCase() === username.toLowerCase()) {
      this.tokenValue = stored.token;
      this.expiresAt = stored.expiresAt;
    }
    return this.unlocked(username, password, verifier.user, 'offline');
  }

  /** Gets a fresh token with the password held in memory; false when that is not possible now. */
  async renew(): Promise<boolean> {
    if (!this.username || !this.password) return false;
    const result = await this.api().login(this.username, this.password);
    if (result.kind !== 'ok') return false;
    this.tokenValue = result.data.token;
    this.expiresAt = Date.parse(result.data.expiresAt);
    await setSession(this.db, { token: this.tokenValue, expiresAt: this.expiresAt, user: result.data.user });
    return true;
  }

  /** The server said 401: forget the token (the unlock stays; the enumerator keeps working). */
  expire(): void {
    this.tokenValue = null;
    this.expiresAt = 0;
  }

  /**
   * Sign out: ends the server session (POST /api/auth/logout) and forgets the token on the device, then
   * locks. Unlike a lock, the next use needs a login; the on-device verifier stays, so a later offline
   * unlock still works. True when the server confirmed the end of the session.
   */
  async signOut(): Promise<boolean> {
    const ended = await this.api().logout();
    this.expire();
    await setSession(this.db, null);
    this.lock();
    return ended;
  }

  /** Lock: the device asks for the password again; the server session (token) is kept for uploads. */
  lock(): void {
    this.password = null;
    this.user = null;
    this.username = null;
    globalThis.sessionStorage?.removeItem(UNLOCK_KEY);
  }

  private unlocked(
    username: string,
    password: string,
    user: ApiUser,
    mode: 'online' | 'offline',
  ): LoginOutcome {
    this.username = username.toLowerCase();
    this.password = password;
    this.user = user;
    globalThis.sessionStorage?.setItem(UNLOCK_KEY, this.username);
    return { ok: true, mode, user };
  }
}
