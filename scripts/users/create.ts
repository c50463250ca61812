/**
 * Creates an account, in production or demo: `npm run users:create -- --username ana --role supervisor
 * [--team team-praia] [--name "Ana Lopes"]`. The password is read from MORABEZA_NEW_PASSWORD or, when that is
 * not set, from standard input (first line), so it never appears in the shell history.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { openDatabaseFromEnv } from '../../server/db/from-env.ts';
import { migrateDatabase } from '../../server/db/migrate.ts';
import { ROLES, type Role, teams, users } from '../../server/db/schema.ts';
import { createUser } from '../../server/domain/accounts.ts';
import { audit } from '../../server/domain/audit.ts';
import { loadEnv } from '../../server/env.ts';

function fail(message: string): never {
  console.error(`users:create: ${message}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    username: { type: 'string' },
    role: { type: 'string' },
    team: { type: 'string' },
    name: { type: 'string' },
  },
});
if (!values.username || !/^[a-z0-9._-]{2,50}$/.test(values.username)) {
  fail('--username is required: 2-50 lower-case letters, digits, dot, dash or underscore');
}
if (!values.role || !(ROLES as readonly string[]).includes(values.role))
  fail(`--role must be one of ${ROLES.join(', ')}`);

const env = loadEnv();
let password = env.MORABEZA_NEW_PASSWORD;
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  password = await rl.question('Password (12 characters or more): ');
  rl.close();
}
if (!password || password.length < 12) fail('the password must have at least 12 characters');

const database = await openDatabaseFromEnv(env);
try {
  await migrateDatabase(database.db);
  if (await database.db.query.users.findFirst({ where: eq(users.username, values.username) })) {
    fail(`the username ${values.username} is taken`);
  }
  if (values.team && !(await database.db.query.teams.findFirst({ where: eq(teams.id, values.team) }))) {
    await database.db.insert(teams).values({ id: values.team, name: values.team });
  }
  const id = await createUser(database.db, {
    username: values.username,
    displayName: values.name ?? values.username,
    role: values.role as Role,
    teamId: values.team ?? null,
    password,
  });
  await audit(database.db, {
    actorId: null,
    action: 'user.created',
    entityType: 'user',
    entityId: id,
    details: { role: values.role },
  });
  console.log(`created ${values.role} ${values.username} (${id})`);
} finally {
  database.close();
}
