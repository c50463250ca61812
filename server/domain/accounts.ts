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

export async function authenticate(db: Db, token: string): Promise<SessionUser> {
  const rows = await db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, Date.now())))
    .limit(1);
  const user = rows[0]?.user;
  if (!user?.active) throw new Problem('auth.invalid_token');
  return toSessionUser(user);
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
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
