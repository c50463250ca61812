import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEnvelope, sealEnvelope } from '../../server/contract/sealed-envelope.ts';
import { surveyProfileSchema } from '../../server/contract/survey-profile.ts';

const repo = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'survey-keys-'));
const root = join(work, 'repo', 'questionnaires');
const safe = join(work, 'office');
mkdirSync(root, { recursive: true });
mkdirSync(safe);
cpSync(join(repo, 'questionnaires/desks'), join(root, 'desks'), { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the script through npm (proving the package.json line): exit code, stdout and stderr together. */
function keys(...args: string[]): { code: number; out: string } {
  const r = spawnSync('npm', ['run', '-s', 'survey:keys', '--', ...args, '--root', root], {
    cwd: repo,
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

const profileOf = () => JSON.parse(readFileSync(join(root, 'desks/profile.json'), 'utf8'));

describe('npm run survey:keys', () => {
  it('refuses a private key file inside the repository, and writes nothing', () => {
    const r = keys('desks', '--private', join(root, 'desks', 'office.key'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/inside the repository/);
    expect(existsSync(join(root, 'desks', 'office.key'))).toBe(false);
    expect(profileOf().encryption).toBeUndefined();
  });

  it('writes the public key into the profile and the private key (600) to the chosen file, with a warning', async () => {
    const file = join(safe, 'desks.key');
    const r = keys('desks', '--private', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/lost/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const profile = surveyProfileSchema.parse(profileOf());
    expect(profile.encryption?.publicKey.kty).toBe('RSA');
    expect(JSON.stringify(profile)).not.toContain('"d"');
    // the pair works: what the profile's key seals, the file's key opens
    const env = {
      interviewId: '0b0c8a5e-52b4-4c55-9a39-6f4e7b0b2a11',
      revision: 1,
      questionnaireId: 'desks-exit',
      questionnaireVersion: 1,
      assignmentId: 'a1',
      answers: { q01: 'secret' },
      paradata: {},
      outcome: 11,
      locale: 'pt',
      startedAt: '2026-12-06T10:00:00Z',
      completedAt: null,
      deviceId: 'tab-1',
    };
    const sealed = await sealEnvelope(env, profile.encryption!.publicKey);
    expect(JSON.stringify(sealed)).not.toContain('secret');
    expect(await openEnvelope(sealed, JSON.parse(readFileSync(file, 'utf8')))).toEqual(env);
  });

  it('refuses to replace an existing key or overwrite a key file', () => {
    const r = keys('desks', '--private', join(safe, 'other.key'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/already has encryption.publicKey/);
  });
});

describe('the profile schema on encryption.publicKey', () => {
  const base = JSON.parse(readFileSync(join(repo, 'questionnaires/desks/profile.json'), 'utf8'));
  const issuesOf = (publicKey: unknown) =>
    (surveyProfileSchema.safeParse({ ...base, encryption: { publicKey } }).error?.issues ?? []).map(
      (i) => `${i.path.join('.')}: ${i.message}`,
    );

  it('names the field of a key of the wrong kind', () => {
    expect(issuesOf({ kty: 'EC', alg: 'RSA-OAEP-256', n: 'x'.repeat(400), e: 'AQAB' })).toEqual([
      expect.stringMatching(/^encryption\.publicKey\.kty: must be "RSA"/),
    ]);
  });

  it('refuses a private key part in the profile, naming it', () => {
    expect(issuesOf({ kty: 'RSA', alg: 'RSA-OAEP-256', n: 'x'.repeat(400), e: 'AQAB', d: 'secret' })).toEqual(
      [expect.stringMatching(/^encryption\.publicKey\.d: is a part of the PRIVATE key/)],
    );
  });
});
