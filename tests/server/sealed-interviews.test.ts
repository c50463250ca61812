/** End-to-end encrypted interviews: sealed by the tablet's code, stored unread, opened only by the office key. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InterviewEnvelope } from '../../server/contract/interview.ts';
import {
  generateSealingKeys,
  type SealingPublicKey,
  sealEnvelope,
} from '../../server/contract/sealed-envelope.ts';
import { flags, interviewRevisions, interviews, jobs } from '../../server/db/schema.ts';
import { decryptSealedInterviews, WrongKeyError } from '../../server/domain/sealed-interviews.ts';
import { createTestContext, envelope, TEST_QUESTIONNAIRES, type TestContext } from '../helpers/server.ts';

// the test survey again, its profile carrying a public key (this folder's `test` replaces the fixture's)
const dir = mkdtempSync(join(tmpdir(), 'sealed-survey-'));
let publicKey: SealingPublicKey;
let privateKey: JsonWebKey;
let otherPrivateKey: JsonWebKey;
beforeAll(async () => {
  ({ publicKey, privateKey } = await generateSealingKeys());
  otherPrivateKey = (await generateSealingKeys()).privateKey;
  cpSync(join(TEST_QUESTIONNAIRES, 'test'), join(dir, 'test'), { recursive: true });
  const file = join(dir, 'test', 'profile.json');
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, JSON.stringify({ ...profile, encryption: { publicKey } }));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({}, { surveyDirs: [dir], assignmentsPerEnumerator: 3 });
});
afterEach(async () => ctx.close());

/** Answers and paradata no stored byte and no response may show in clear. */
const secretEnvelope = (): InterviewEnvelope =>
  envelope(ctx, 'enum_a1', {
    answers: { a04_ea: 'CV-PR-0001', b01_consent: 1, b03_size: 27 },
    paradata: { device: 'tablet-07', note: 'Maria-Fonseca-Rua-7' },
  });
/** The answers and paradata as they would appear in clear JSON (the questionnaire names its variables). */
const CLEAR_MARKERS = ['"b01_consent":1', '"b03_size":27', 'Maria-Fonseca'];

const put = (body: { interviewId: string }) =>
  ctx.request('PUT', `/api/interviews/${body.interviewId}`, { as: 'enum_a1', body });

/** Every row of every table, as text. */
async function wholeDatabase(): Promise<string> {
  const tables = await ctx.database.db.all<{ name: string }>(
    sql`select name from sqlite_master where type = 'table'`,
  );
  let text = '';
  for (const { name } of tables)
    text += JSON.stringify(await ctx.database.db.all(sql.raw(`select * from "${name}"`)));
  return text;
}

const statusOf = async (id: string) =>
  (await ctx.database.db.query.interviews.findFirst({ where: eq(interviews.id, id) }))?.status;

describe('a survey with a public key', () => {
  it('stores sealed envelopes unread: no answer in the database or the API, no validation, retries still duplicates', async () => {
    const env = secretEnvelope();
    const sealed = await sealEnvelope(env, publicKey);
    const first = await put(sealed);
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ status: 'sealed', duplicate: false });
    // a retry of the same bytes is recognised by its hash; other content is a conflict, as for any envelope
    expect((await put(sealed)).status).toBe(200);
    expect((await put(await sealEnvelope(env, publicKey))).status).toBe(409);
    // no validation job: the server cannot read it, so it neither validates nor flags it
    await ctx.jobs.drain();
    expect(await statusOf(env.interviewId)).toBe('sealed');
    expect(await ctx.database.db.select().from(jobs)).toHaveLength(0);
    expect(await ctx.database.db.select().from(flags)).toHaveLength(0);
    const db = await wholeDatabase();
    for (const marker of CLEAR_MARKERS) expect(db).not.toContain(marker);
    expect(db).toContain(sealed.sealed.ciphertext);
    const shown = await (
      await ctx.request('GET', `/api/interviews/${env.interviewId}`, { as: 'sup_a' })
    ).text();
    expect(shown).toContain('"status":"sealed"');
    for (const marker of CLEAR_MARKERS) expect(shown).not.toContain(marker);
  });

  it('refuses an unsealed envelope (422 naming answers), storing nothing', async () => {
    const res = await put(secretEnvelope());
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toMatch(/"field":"answers".*must send them sealed/);
    expect(await ctx.database.db.select().from(interviews)).toHaveLength(0);
  });

  it('the office key decrypts them; they then go through normal validation', async () => {
    const env = secretEnvelope();
    const sealed = await sealEnvelope(env, publicKey);
    await put(sealed);
    const report = await decryptSealedInterviews(ctx.database, 'test', privateKey);
    expect(report).toEqual({ decrypted: [env.interviewId], damaged: [] });
    expect(await statusOf(env.interviewId)).toBe('received');
    const [row] = await ctx.database.db.select().from(interviewRevisions);
    expect(JSON.parse(row.envelope)).toEqual(env);
    await ctx.jobs.drain();
    expect(await statusOf(env.interviewId)).toBe('validated');
    expect(row.validationStatus).toBe('pending');
    const [validated] = await ctx.database.db.select().from(interviewRevisions);
    expect(validated.validationStatus).toBe('clean');
    // the tablet's late retry of the sealed bytes is still the same upload
    expect((await put(sealed)).status).toBe(200);
    // nothing left to decrypt
    expect(await decryptSealedInterviews(ctx.database, 'test', privateKey)).toEqual({
      decrypted: [],
      damaged: [],
    });
  });

  it('a returned interview comes back sealed (revision 2) and is decrypted again', async () => {
    const env = secretEnvelope();
    await put(await sealEnvelope(env, publicKey));
    await decryptSealedInterviews(ctx.database, 'test', privateKey);
    await ctx.jobs.drain();
    const back = await ctx.request('POST', `/api/interviews/${env.interviewId}/review`, {
      as: 'sup_a',
      body: { action: 'return', revision: 1, comments: [{ question: 'b03_size', text: 'Confirme.' }] },
    });
    expect(back.status).toBe(200);
    const rev2 = { ...env, revision: 2, answers: { ...env.answers, b03_size: 26 } };
    const res = await put(await sealEnvelope(rev2, publicKey));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ revision: 2, status: 'sealed' });
    expect(await decryptSealedInterviews(ctx.database, 'test', privateKey)).toEqual({
      decrypted: [env.interviewId],
      damaged: [],
    });
    await ctx.jobs.drain();
    expect(await statusOf(env.interviewId)).toBe('validated');
    const [row] = await ctx.database.db
      .select()
      .from(interviewRevisions)
      .where(and(eq(interviewRevisions.interviewId, env.interviewId), eq(interviewRevisions.revision, 2)));
    expect(JSON.parse(row.envelope).answers.b03_size).toBe(26);
  });

  it('a wrong key is refused naming the interview, and changes nothing', async () => {
    const env = secretEnvelope();
    await put(await sealEnvelope(env, publicKey));
    const before = await wholeDatabase();
    const run = decryptSealedInterviews(ctx.database, 'test', otherPrivateKey);
    await expect(run).rejects.toThrow(WrongKeyError);
    await expect(run).rejects.toThrow(
      new RegExp(`does not open 1 sealed interview\\(s\\): ${env.interviewId}`),
    );
    expect(await wholeDatabase()).toBe(before);
  });

  it('a tampered ciphertext is reported with its id and kept sealed; the others are decrypted', async () => {
    const good = secretEnvelope();
    const bad = secretEnvelope();
    await put(await sealEnvelope(good, publicKey));
    await put(await sealEnvelope(bad, publicKey));
    const where = and(
      eq(interviewRevisions.interviewId, bad.interviewId),
      eq(interviewRevisions.revision, 1),
    );
    const [stored] = await ctx.database.db.select().from(interviewRevisions).where(where);
    const parsed = JSON.parse(stored.envelope);
    const c = parsed.sealed.ciphertext as string;
    parsed.sealed.ciphertext = (c[0] === 'A' ? 'B' : 'A') + c.slice(1);
    const tampered = JSON.stringify(parsed);
    await ctx.database.db.update(interviewRevisions).set({ envelope: tampered }).where(where);

    const report = await decryptSealedInterviews(ctx.database, 'test', privateKey);
    expect(report.decrypted).toEqual([good.interviewId]);
    expect(report.damaged).toEqual([
      { interviewId: bad.interviewId, reason: expect.stringMatching(/integrity/) },
    ]);
    expect(await statusOf(bad.interviewId)).toBe('sealed');
    expect((await ctx.database.db.select().from(interviewRevisions).where(where))[0].envelope).toBe(tampered);
    expect(await statusOf(good.interviewId)).toBe('received');

    // kept means recoverable: once the original bytes are restored (e.g. from a backup) it decrypts and
    // is validated like any
    await ctx.jobs.drain();
    await ctx.database.db.update(interviewRevisions).set({ envelope: stored.envelope }).where(where);
    expect((await decryptSealedInterviews(ctx.database, 'test', privateKey)).decrypted).toEqual([
      bad.interviewId,
    ]);
    await ctx.jobs.drain();
    expect(await statusOf(bad.interviewId)).toBe('validated');
    const all = await ctx.database.db.select().from(jobs);
    expect(all.map((j) => j.status)).toEqual(all.map(() => 'done'));
  });
});

describe('npm run interviews:decrypt', () => {
  const run = (keyFile: string) =>
    spawnSync('npm', ['run', '-s', 'interviews:decrypt', '--', 'test', '--key', keyFile], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: {
        ...process.env,
        DATABASE_URL: ctx.databaseUrl,
        ...(ctx.databaseAuthToken ? { DATABASE_AUTH_TOKEN: ctx.databaseAuthToken } : {}),
      },
      encoding: 'utf8',
    });

  it('refuses a wrong key naming the interview (exit 2), then decrypts with the right one', async () => {
    const env = secretEnvelope();
    await put(await sealEnvelope(env, publicKey));
    writeFileSync(join(dir, 'other.key'), JSON.stringify(otherPrivateKey));
    writeFileSync(join(dir, 'office.key'), JSON.stringify(privateKey));
    const wrong = run(join(dir, 'other.key'));
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain(env.interviewId);
    expect(await statusOf(env.interviewId)).toBe('sealed');
    const right = run(join(dir, 'office.key'));
    expect(right.stderr).toBe('');
    expect(right.status).toBe(0);
    expect(right.stdout).toContain('decrypted 1 interview(s)');
    expect(await statusOf(env.interviewId)).toBe('received');
  });
});
