/**
 * Login while online, unlock offline with the keyring on the device (the password unwraps the data key,
 * see offline/keyring.ts), renew the token when the network returns. The password is held in memory
 * only (to renew), never written anywhere; the data key is in memory while unlocked and, so that a
 * reload of the same tab stays unlocked, in that tab's sessionStorage. Lock drops both.
 */
import type { ApiUser } from '../../server/contract/auth.ts';
import { exportDataKey, fromB64, importDataKey, toB64 } from '../offline/crypto.ts';
import type { MorabezaDb } from '../offline/db.ts';
import { dataKeyFromDevice, keepDeviceWrap } from '../offline/device-key.ts';
import { type UnlockResult, unlockOffline, unlockOnline, writeKeyring } from '../offline/keyring.ts';
import { deviceId, getSession, getVerifier, setSession } from '../offline/store.ts';
import type { ApiClient, ApiResult } from './api-client.ts';
import {
  RENEWAL_EFFECTS,
  type RenewAnswer,
  type RenewOutcomeKind,
  renewAnswer,
  renewOutcome,
} from './renewal.ts';

/** Why the server did not log the user in, as the API client returned it (told by error-sentence.ts). */
export type LoginFailure = Exclude<ApiResult<unknown>, { kind: 'ok' }>;

/**
 * A login's outcome. `problem` is the server's failure whenever it was not a plain "wrong password": a
 * refusal, a 429, an answer that is not the server's, or the failure (no network, a timeout, a 5xx)
 * that made the tablet unlock offline, or try to.
 */
export type LoginOutcome =
  | { ok: true; mode: 'online' | 'offline'; user: ApiUser; problem?: LoginFailure }
  | {
      ok: false;
      reason: 'failed' | 'offlineUnknown' | 'otherUser' | 'passwordChanged';
      problem?: LoginFailure;
    }
  /** the server refused (a 429) or did not answer as the server: told by the failure's own sentence */
  | { ok: false; reason: 'throttled' | 'server'; problem: LoginFailure };

/**
 * A renewal's outcome (client/sync/renewal.ts's tables): `renewed`; `login` when only a new login can
 * help; `refused` when the server (or something between) refused otherwise, not tried again by itself
 * until a login; `unreachable` whenever the server was not reached. `answer` is what the answer said,
 * `problem` the failure as it came.
 */
export interface RenewOutcome {
  kind: RenewOutcomeKind;
  answer: RenewAnswer;
  problem?: LoginFailure;
}

const UNLOCK_KEY = 'morabeza.unlocked';
const DATA_KEY = 'morabeza.unlocked.key';

export class SessionManager {
  private tokenValue: string | null = null;
  private expiresAt = 0;
  private password: string | null = null;
  private username: string | null = null;
  user: ApiUser | null = null;
  /** What the server said of this tablet at the last online login (enumerators): revoked means retire. */
  deviceStatus: 'active' | 'revoked' | 'wiped' | null = null;
  /**
   * A renewal that is not to be tried again by itself (renewal.ts RENEWAL_EFFECTS `retries`: a refusal,
   * a refused password), answered again without asking the server until the password is typed again (a
   * login, online or offline): the same password sent at every `online` event would only meet the
   * login throttle.
   */
  private heldRenewal: RenewOutcome | null = null;

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
    const raw = globalThis.sessionStorage?.getItem(DATA_KEY);
    if (!username || !raw) return null;
    const verifier = await getVerifier(this.db, username);
    if (!verifier) return null;
    this.db.keyHold.set(await importDataKey(fromB64(raw)));
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
      const device = user.role === 'enumerator' ? await this.deviceKey() : null;
      let unlock = await unlockOnline(this.db, username, password, user);
      if (!unlock.ok && unlock.reason === 'passwordChanged' && device?.key) {
        // The password changed on the server: the device key opens the data; rewrap under the new one.
        const key = await dataKeyFromDevice(this.db, device.key);
        if (key) {
          await writeKeyring(this.db, username, password, user, key);
          unlock = { ok: true, key, user };
        }
      }
      if (unlock.ok && device?.key) await keepDeviceWrap(this.db, unlock.key, device.key);
      this.deviceStatus = device?.status ?? null;
      return this.unlocked(username, password, unlock, 'online');
    }
    if (result.kind === 'unauthorized') return { ok: false, reason: 'failed' };
    // a 403 or 404 (a proxy's page), a 409: not the server's "wrong password"
    if (result.kind === 'rejected' || result.kind === 'conflict')
      return { ok: false, reason: 'server', problem: result };
    if (result.status === 429) return { ok: false, reason: 'throttled', problem: result };
    if (result.status !== null && result.status < 500)
      return { ok: false, reason: 'server', problem: result };
    // No network, or the server is down: unlock with the verifier kept on the device.
    const unlock = await unlockOffline(this.db, username, password);
    if (!unlock.ok) return { ...unlock, problem: result };
    const stored = await getSession(this.db);
    if (stored && stored.user.username.toLowerCase() === username.toLowerCase()) {
      this.tokenValue = stored.token;
      this.expiresAt = stored.expiresAt;
    }
    const outcome = await this.unlocked(username, password, unlock, 'offline');
    return { ...outcome, problem: result };
  }

  /** This tablet's device key and status from the server, or null when it cannot say now. */
  async deviceKey() {
    const result = await this.api().deviceKey(await deviceId(this.db));
    return result.kind === 'ok' ? result.data : null;
  }

  /**
   * Gets a fresh token with the password held in memory; else says why not, as renewal.ts's table
   * reads the answer. One its table does not retry is not asked of the server again until a login.
   */
  async renew(): Promise<RenewOutcome> {
    if (this.heldRenewal) return this.heldRenewal;
    if (!this.username || !this.password) return renewOutcome('noPassword');
    const result = await this.api().login(this.username, this.password);
    const outcome = renewOutcome(renewAnswer(result, this.user), result.kind === 'ok' ? undefined : result);
    if (outcome.kind !== 'renewed' && !RENEWAL_EFFECTS[outcome.kind].retries) this.heldRenewal = outcome;
    if (outcome.kind !== 'renewed' || result.kind !== 'ok') return outcome;
    this.tokenValue = result.data.token;
    this.expiresAt = Date.parse(result.data.expiresAt);
    await setSession(this.db, { token: this.tokenValue, expiresAt: this.expiresAt, user: result.data.user });
    return outcome;
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

  /**
   * Lock: the password, the user and the data key are dropped from memory and from the tab; the server
   * session (token) is kept for uploads.
   */
  lock(): void {
    this.password = null;
    this.user = null;
    this.username = null;
    this.db.keyHold.clear();
    globalThis.sessionStorage?.removeItem(UNLOCK_KEY);
    globalThis.sessionStorage?.removeItem(DATA_KEY);
  }

  private async unlocked(
    username: string,
    password: string,
    unlock: UnlockResult,
    mode: 'online' | 'offline',
  ): Promise<LoginOutcome> {
    if (!unlock.ok) return unlock;
    // a password typed again (online or offline): the next renewal asks the server again
    this.heldRenewal = null;
    this.db.keyHold.set(unlock.key);
    this.username = username.toLowerCase();
    this.password = password;
    this.user = unlock.user;
    globalThis.sessionStorage?.setItem(UNLOCK_KEY, this.username);
    globalThis.sessionStorage?.setItem(DATA_KEY, toB64(await exportDataKey(unlock.key)));
    return { ok: true, mode, user: unlock.user };
  }
}
