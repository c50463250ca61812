/**
 * `npm run interviews:decrypt -- <survey> --key <private key file>`: the office opens the sealed interviews
 * of an end-to-end encrypted survey (server/domain/sealed-interviews.ts) in the database configured by the
 * environment (server/env.ts). Opened interviews become `received` and are validated by the server's
 * background job like any other. A key that opens none of them stops the run, naming the interviews, with
 * nothing changed (exit 2); tampered or damaged envelopes are listed with their ids and kept sealed (exit 1).
 */
import { existsSync, readFileSync } from 'node:fs';
import { openDatabaseFromEnv } from '../../server/db/from-env.ts';
import { migrateDatabase } from '../../server/db/migrate.ts';
import { decryptSealedInterviews, WrongKeyError } from '../../server/domain/sealed-interviews.ts';
import { loadEnv } from '../../server/env.ts';

function fail(message: string, code = 2): never {
  console.error(`interviews:decrypt: ${message}`);
  process.exit(code);
}

const args = process.argv.slice(2);
let keyFile: string | null = null;
const ids: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--key') keyFile = args[++i] ?? null;
  else ids.push(args[i]);
}
if (ids.length !== 1 || !/^[a-z][a-z0-9]*$/.test(ids[0]))
  fail('name one survey id: npm run interviews:decrypt -- <survey> --key <file>');
if (!keyFile) fail('--key <file>: the private key file written by npm run survey:keys');
if (!existsSync(keyFile)) fail(`--key: ${keyFile} does not exist`);
let privateKey: JsonWebKey;
try {
  privateKey = JSON.parse(readFileSync(keyFile, 'utf8')) as JsonWebKey;
  if (!privateKey.d) throw new Error('no private part');
} catch {
  fail(`--key: ${keyFile} is not a private key written by npm run survey:keys (a JWK with "d")`);
}

const database = await openDatabaseFromEnv(loadEnv());
try {
  await migrateDatabase(database.db);
  const report = await decryptSealedInterviews(database, ids[0], privateKey);
  console.log(`decrypted ${report.decrypted.length} interview(s); the server validates them next`);
  for (const d of report.damaged) console.error(`kept sealed: interview ${d.interviewId}: ${d.reason}`);
  if (report.damaged.length) process.exitCode = 1;
} catch (error) {
  if (error instanceof WrongKeyError) fail(error.message);
  throw error;
} finally {
  database.close();
}
