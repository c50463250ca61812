/**
 * `npm run survey:keys -- <survey> --private <file> [--root <questionnaires folder>]`: generates the key
 * pair of a survey's end-to-end encryption (RSA-OAEP-256, 3072 bits). The public key goes into the
 * survey's profile.json (`encryption.publicKey`), which the tablets receive; the private key is written,
 * with owner-only permissions, to the file the user names, which must lie outside the repository and must
 * not exist yet. Losing that file loses every sealed interview: nobody, not even the server, can open them.
 */
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { generateSealingKeys, keyIdOf } from '../../server/contract/sealed-envelope.ts';

const args = process.argv.slice(2);
let root = 'questionnaires';
let privateFile: string | null = null;
const ids: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--root') root = args[++i] ?? root;
  else if (args[i] === '--private') privateFile = args[++i] ?? null;
  else ids.push(args[i]);
}

function fail(message: string): never {
  console.error(`survey:keys: ${message}`);
  process.exit(1);
}

if (ids.length !== 1) fail('name one survey: npm run survey:keys -- <survey> --private <file>');
if (!privateFile) fail('--private <file>: where to write the private key (outside the repository)');
const profileFile = join(root, ids[0], 'profile.json');
if (!existsSync(profileFile)) fail(`${profileFile} does not exist: is ${ids[0]} a survey folder?`);
const target = resolve(privateFile);
if (existsSync(target)) fail(`${target} exists: refusing to overwrite a private key`);
if (!existsSync(dirname(target))) fail(`${dirname(target)} does not exist`);
const repo = realpathSync(resolve(root, '..'));
const rel = relative(repo, realpathSync(dirname(target)));
if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel)))
  fail(`${target} is inside the repository (${repo}): keep the private key elsewhere`);

const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as Record<string, unknown>;
if (profile.encryption)
  fail(
    `${profileFile} already has encryption.publicKey: remove it first if you really mean to change keys (envelopes sealed with the old key need the old private key)`,
  );
const { publicKey, privateKey } = await generateSealingKeys();
writeFileSync(target, `${JSON.stringify(privateKey, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
profile.encryption = { publicKey };
writeFileSync(profileFile, `${JSON.stringify(profile, null, 2)}\n`);
const keyId = await keyIdOf(publicKey);
console.log(`wrote the public key ${keyId} into ${profileFile}`);
console.log(`wrote the private key to ${target} (permissions 600)`);
console.warn(
  'WARNING: keep a copy of the private key in a safe place. If it is lost, every interview sealed with this survey key is lost: nobody can decrypt it.',
);
