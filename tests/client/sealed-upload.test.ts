/**
 * The tablet's half of end-to-end encryption, against the real server: a survey with a public key gets
 * its envelopes sealed before they are queued; the outbox, the wire, the database and the API answers
 * then hold no answer in clear, until the office key decrypts and validation runs.
 */
import 'fake-indexeddb/auto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildEnvelope, envelopeToQueue } from '../../client/interview/envelope.ts';
import type { MorabezaDb } from '../../client/offline/db.ts';
import { queueEnvelope, reopenRejected, saveDraft } from '../../client/offline/store.ts';
import { ApiClient } from '../../client/sync/api-client.ts';
import { Uploader } from '../../client/sync/uploader.ts';
import { generateSealingKeys, type SealingPublicKey } from '../../server/contract/sealed-envelope.ts';
import { type SurveyProfile, surveyProfileSchema } from '../../server/contract/survey-profile.ts';
import { interviews } from '../../server/db/schema.ts';
import { decryptSealedInterviews } from '../../server/domain/sealed-interviews.ts';
import { createTestContext, TEST_QUESTIONNAIRES, type TestContext } from '../helpers/server.ts';
import { draft, unlockedDb } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'sealed-tablet-'));
let publicKey: SealingPublicKey;
let privateKey: JsonWebKey;
let profile: SurveyProfile;
beforeAll(async () => {
  ({ publicKey, privateKey } = await generateSealingKeys());
  cpSync(join(TEST_QUESTIONNAIRES, 'test'), join(dir, 'test'), { recursive: true });
  const file = join(dir, 'test', 'profile.json');
  profile = surveyProfileSchema.parse({
    ...JSON.parse(readFileSync(file, 'utf8')),
    encryption: { publicKey },
  });
  writeFileSync(file, JSON.stringify(profile));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let ctx: TestContext;
let db: MorabezaDb;
let wire: string[];
beforeEach(async () => {
  ctx = await createTestContext({}, { surveyDirs: [dir] });
  db = await unlockedDb(`sealed-${crypto.randomUUID()}`);
  wire = [];
});
afterEach(async () => {
  await db.delete();
  await ctx.close();
});

const ANSWERS = { a04_ea: 'CV-PR-0001', b01_consent: 1, b03_size: 27 };
const CLEAR_MARKERS = ['"b01_consent":1', '"b03_size":27', 'Maria-Fonseca'];

async function completed() {
  const d = draft(crypto.randomUUID(), {
    assignmentId: ctx.nextAssignment('enum_a1'),
    questionnaireId: 'test-household',
    answers: ANSWERS,
  });
  await saveDraft(db, d);
  const plain = buildEnvelope(
    d,
    ANSWERS,
    { note: 'Maria-Fonseca-Rua-7' },
    'tablet-07',
    new Date('2026-11-30T10:30:00Z'),
    profile,
  );
  return { d, plain, item: await queueEnvelope(db, await envelopeToQueue(plain, profile)) };
}

async function uploader() {
  const token = await ctx.token('enum_a1');
  const api = new ApiClient({
    token: () => token,
    fetch: async (url, init) => {
      wire.push(String(init?.body));
      const res = await ctx.app.request(String(url), init);
      wire.push(await res.clone().text());
      return res;
    },
  });
  return new Uploader({ db, api, policy: { baseMs: 1_000, maxMs: 60_000 }, random: () => 1 });
}

describe('a tablet on a survey with a public key', () => {
  it('sends only ciphertext, the server keeps it sealed, the office key opens it for validation', async () => {
    const { plain, item } = await completed();
    expect(JSON.stringify(item.envelope)).not.toContain('Maria-Fonseca');
    expect(await (await uploader()).flush()).toEqual({ sent: 1, failed: 0, stoppedBy: 'done' });
    expect(await db.outbox.count()).toBe(0);
    expect(wire).toHaveLength(2);
    expect(wire[1]).toContain('"status":"sealed"');
    const tables = await ctx.database.db.all<{ name: string }>(
      sql`select name from sqlite_master where type = 'table'`,
    );
    let stored = '';
    for (const { name } of tables)
      stored += JSON.stringify(await ctx.database.db.all(sql.raw(`select * from "${name}"`)));
    for (const marker of CLEAR_MARKERS) {
      expect(wire.join('\n')).not.toContain(marker);
      expect(stored).not.toContain(marker);
    }
    await decryptSealedInterviews(ctx.database, 'test', privateKey);
    await ctx.jobs.drain();
    const row = await ctx.database.db.query.interviews.findFirst({
      where: eq(interviews.id, plain.interviewId),
    });
    expect(row?.status).toBe('validated');
  });

  it('a sealed envelope the server refused reopens as a draft with its answers', async () => {
    const { d, item } = await completed();
    await db.outbox.update(item.key, { state: 'rejected', lastError: 'request.invalid' });
    expect(await reopenRejected(db, item.key)).toBe(d.interviewId);
    expect((await db.drafts.get(d.interviewId))?.answers).toEqual(ANSWERS);
  });
});
