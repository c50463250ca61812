import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { newDataKey } from '../../client/offline/crypto.ts';
import type { MorabezaDb } from '../../client/offline/db.ts';
import { LockedError } from '../../client/offline/sealed-store.ts';
import { log, queueEnvelope, recentLog, replaceAssignments, saveDraft } from '../../client/offline/store.ts';
import type { Assignment } from '../../server/contract/assignments.ts';
import { draft, envelope, unlockedDb } from './fixtures.ts';

const NAME = 'Maria da Luz Tavares';
const ADDRESS = 'Rua Serpa Pinto 14, Plateau';
const SECRET = 'residencia_irregular';

let db: MorabezaDb;
let name: string;
afterEach(async () => {
  await db.delete();
});

const assignment = (id: string): Assignment => ({
  id,
  survey: 'test',
  questionnaireId: 'test-household',
  questionnaireVersion: 1,
  status: 'assigned',
  enumeratorId: 'u1',
  ea: { code: 'EA01', island: 'Santiago', municipality: 'Praia', stratum: 'S1' },
  dwelling: 1,
  household: 1,
  preload: { head_name: NAME, address: ADDRESS },
  interviewId: null,
});

/** Every row of every table as the browser stores it, read without our middleware, as text. */
async function rawText(dbName: string): Promise<string> {
  const raw = new Dexie(dbName);
  await raw.open();
  const parts: string[] = [];
  for (const t of raw.tables) {
    for (const row of await t.toArray()) {
      parts.push(
        JSON.stringify(row, (_k, v) => (v instanceof Uint8Array ? new TextDecoder('latin1').decode(v) : v)),
      );
    }
  }
  raw.close();
  return parts.join('\n');
}

async function withPersonalData() {
  name = `sealed-${crypto.randomUUID()}`;
  db = await unlockedDb(name);
  const env = envelope({ answers: { head_name: NAME, address: ADDRESS, status: SECRET } });
  await replaceAssignments(db, [assignment('a-1')]);
  await saveDraft(db, draft(env.interviewId, { answers: { head_name: NAME, address: ADDRESS } }));
  await queueEnvelope(db, env);
  await log(db, 'error', 'rejected', `request.invalid: head_name "${NAME}"`, env.interviewId);
  return env;
}

describe('the personal tables are sealed at rest', () => {
  it('stores no name, address or answer in clear, and gives every record back unchanged', async () => {
    const env = await withPersonalData();
    const raw = await rawText(name);
    expect(raw).toContain(env.interviewId); // the ids stay in clear: the queries need them
    for (const s of [NAME, ADDRESS, SECRET, 'Santiago', 'Praia', 'request.invalid'])
      expect(raw).not.toContain(s);
    expect((await db.assignments.get('a-1'))?.preload).toEqual({ head_name: NAME, address: ADDRESS });
    expect((await db.drafts.get(env.interviewId))?.status).toBe('completed');
    expect((await db.outbox.where('state').equals('queued').toArray())[0].envelope).toEqual(env);
    expect((await recentLog(db))[0].detail).toContain(NAME);
  });

  it('while locked, nothing personal can be read or written, and nothing is changed', async () => {
    const env = await withPersonalData();
    const key = db.keyHold.require('test');
    db.keyHold.clear();
    await expect(db.drafts.get(env.interviewId)).rejects.toBeInstanceOf(LockedError);
    await expect(db.outbox.toArray()).rejects.toBeInstanceOf(LockedError);
    await expect(db.assignments.toArray()).rejects.toBeInstanceOf(LockedError);
    await expect(saveDraft(db, draft(env.interviewId))).rejects.toBeInstanceOf(LockedError);
    db.keyHold.set(key);
    expect((await db.drafts.get(env.interviewId))?.answers).toEqual({ head_name: NAME, address: ADDRESS });
  });

  it('another key opens nothing: every record is reported unreadable, none is served', async () => {
    await withPersonalData();
    db.keyHold.set(await newDataKey());
    const damaged: string[] = [];
    db.keyHold.onDamaged = (d) => damaged.push(d.id);
    expect(await db.drafts.toArray()).toEqual([]);
    expect(damaged).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 50)); // the copy for recovery is written after the read
  });
});

describe('a corrupted record', () => {
  it('is reported with its id and kept for recovery; the others still open', async () => {
    name = `sealed-${crypto.randomUUID()}`;
    db = await unlockedDb(name);
    const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    for (const id of ids) await saveDraft(db, draft(id, { answers: { head_name: NAME } }));
    // flip one byte of the second draft's ciphertext, as a failing flash cell would
    const raw = new Dexie(name);
    await raw.open();
    const row = await raw.table('drafts').get(ids[1]);
    row.sealed[20] ^= 0xff;
    await raw.table('drafts').put(row);
    raw.close();

    const reported: string[] = [];
    db.keyHold.onDamaged = (d) => reported.push(d.id);
    const readable = await db.drafts.toArray();
    expect(readable.map((d) => d.interviewId).sort()).toEqual([ids[0], ids[2]].sort());
    expect(reported).toEqual([`drafts:${ids[1]}`]);
    // kept: still in place, and copied to the `damaged` table with its bytes
    await new Promise((r) => setTimeout(r, 50));
    expect(await db.drafts.count()).toBe(3);
    const kept = await db.damaged.get(`drafts:${ids[1]}`);
    expect((kept?.raw as { sealed: Uint8Array } | undefined)?.sealed[20]).toBe(row.sealed[20]);
  });
});
