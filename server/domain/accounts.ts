/** Accounts and sessions: log in, resolve a bearer token to a user, log out, create users. */
import { randomUUID } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type Role, sessions, users } from '../db/schema.ts';
import { Problem } from '../problems.ts';
import { audit } from './audit.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { hashToken, newToken } from './tokens.ts';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  teamId: string | null;
}

/** A hash of a random password, so an unknown username costs as much time as a known one. */
let decoyHash: Promise<string> | null = null;

export async function login(
  db: Db,
  username: string,
  password: string,
  ttlMs: number,
): Promise<{ token: string; expiresAt: number; user: SessionUser }> {
  const found = await db.query.users.findFirst({ where: eq(users.username, username) });
  decoyHash ??= hashPassword(randomUUID());
  const ok = await verifyPassword(password, found?.passwordHash ?? (await decoyHash));
  if (!found || !ok || !found.active) throw new Problem('auth.failed');
  const token = newToken();
  const expiresAt = Date.now() + ttlMs;
  await db
    .insert(sessions)
    .values({ id: randomUUID(), tokenHash: hashToken(token), userId: found.id, expiresAt });
  await audit(db, { actorId: found.id, action: 'auth.login', entityType: 'user', entityId: found.id });
  return { token, expiresAt, user: toSessionUser(found) };
}

/**
 * Sessions recently seen by this process, so that a tablet's stream of uploads does not read the
 * sessions table for each one. An entry lives at most CACHE_MS and never past the session's expiry; a
 * logout on this process removes it at once (on another API node it lasts at most CACHE_MS).
 */
const CACHE_MS = 30_000;
const MAX_CACHED = 10_000;
const recent = new Map<string, { user: SessionUser; expiresAt: number; seenAt: number }>();

export async function authenticate(db: Db, token: string): Promise<SessionUser> {
  const tokenHash = hashToken(token);
  const now = Date.now();
  const hit = recent.get(tokenHash);
  if (hit && now < hit.expiresAt && now - hit.seenAt < CACHE_MS) return hit.user;
  recent.delete(tokenHash);
  const rows = await db
    .select({ user: users, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .limit(1);
  const row = rows[0];
  if (!row?.user.active) throw new Problem('auth.invalid_token');
  const user = toSessionUser(row.user);
  if (recent.size >= MAX_CACHED) recent.clear();
  recent.set(tokenHash, { user, expiresAt: row.expiresAt, seenAt: now });
  return user;
}

export async function logout(db: Db, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  recent.delete(tokenHash);
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  /** A hash already computed for this password (seeding many accounts with one password). */
  passwordHash?: string;
  teamId?: string | null;
  isDemo?: boolean;
}

export async function createUser(db: Db, input: NewUser): Promise<string> {
  const id = randomUUID();
  await db.insert(users).values({
    id,
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    teamId: input.teamId ?? null,
    passwordHash: input.passwordHash ?? (await hashPassword(input.password)),
    isDemo: input.isDemo ?? false,
  });
  return id;
}

function toSessionUser(row: typeof users.$inferSelect): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    teamId: row.teamId,
  };
}
