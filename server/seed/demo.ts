/**
 * Seeds the demo on an empty database: accounts for every role (password MORABEZA_DEMO_PASSWORD,
 * default "demo"), the teams, and a small sample with assignments. Only ever run in demo mode.
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import {
  assignments,
  enumerationAreas,
  households,
  questionnaireVersions,
  type Role,
  teams,
  users,
} from '../db/schema.ts';
import { createUser } from '../domain/accounts.ts';
import { audit } from '../domain/audit.ts';
import { hashPassword } from '../domain/passwords.ts';
import { DEMO_EAS, DEMO_TEAMS } from './demo-sample.ts';

export const DEMO_QUESTIONNAIRE = 'ipei-household';

export interface DemoAccount {
  username: string;
  role: Role;
}

export async function isEmpty(database: Database): Promise<boolean> {
  const rows = await database.db.select({ n: sql<number>`count(*)` }).from(users);
  return (rows[0]?.n ?? 0) === 0;
}

export async function seedDemo(database: Database, password: string): Promise<DemoAccount[]> {
  const { db } = database;
  for (const team of DEMO_TEAMS) await db.insert(teams).values({ id: team.id, name: team.name });
  const accounts: Array<DemoAccount & { displayName: string; teamId: string | null }> = [
    { username: 'admin', role: 'admin', displayName: 'Administrador', teamId: null },
    { username: 'coordinator', role: 'coordinator', displayName: 'Coordenação nacional', teamId: null },
    { username: 'analyst', role: 'analyst', displayName: 'Observatório das Migrações', teamId: null },
  ];
  for (const team of DEMO_TEAMS) {
    accounts.push({
      username: team.supervisor,
      role: 'supervisor',
      displayName: `Supervisor ${team.name}`,
      teamId: team.id,
    });
    for (const e of team.enumerators) {
      accounts.push({
        username: e,
        role: 'enumerator',
        displayName: `Inquiridor ${e.replace('enumerator', '')} (${team.name})`,
        teamId: team.id,
      });
    }
  }
  const ids = new Map<string, string>();
  const passwordHash = await hashPassword(password);
  for (const a of accounts)
    ids.set(a.username, await createUser(db, { ...a, password, passwordHash, isDemo: true }));

  const latest = await db.query.questionnaireVersions.findFirst({
    where: eq(questionnaireVersions.questionnaireId, DEMO_QUESTIONNAIRE),
    orderBy: desc(questionnaireVersions.version),
  });
  await database.write(async (tx) => {
    for (const ea of DEMO_EAS) {
      const { eligible, selected, enumerators, team, ...row } = ea;
      await tx.insert(enumerationAreas).values({ ...row, certainty: row.pi1 === 1, teamId: team });
      const step = eligible / selected;
      for (let k = 0; k < selected; k++) {
        const dwelling = Math.floor(k * step) + 1;
        const householdId = `${ea.code}-${String(dwelling).padStart(3, '0')}-1`;
        await tx
          .insert(households)
          .values({ id: householdId, eaCode: ea.code, dwelling, household: 1, pi2: selected / eligible });
        if (!latest) continue;
        await tx.insert(assignments).values({
          id: `A-${householdId}`,
          householdId,
          questionnaireId: DEMO_QUESTIONNAIRE,
          questionnaireVersion: latest.version,
          enumeratorId: ids.get(enumerators[k % enumerators.length]) as string,
        });
      }
    }
    await audit(tx, {
      actorId: null,
      action: 'demo.seeded',
      entityType: 'database',
      details: { accounts: accounts.length },
    });
  });
  return accounts.map(({ username, role }) => ({ username, role }));
}

/** Production refuses to run while demo accounts exist. */
export async function demoAccountsPresent(database: Database): Promise<string[]> {
  const rows = await database.db
    .select({ username: users.username })
    .from(users)
    .where(eq(users.isDemo, true));
  return rows.map((r) => r.username);
}
