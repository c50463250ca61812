/**
 * Office coding through the API: free texts grouped by normalised text over the live interviews with
 * their counts and field codes; a code for a group holds for every answer with that text (the export's
 * codes), is audited with who and what it replaced, and a later code keeps the earlier one as history;
 * bad pairs, codes and texts are 422s naming the field; coordinators and admins code every text, a
 * supervisor the texts only the team wrote (another team's is a 422, a shared one a 403); a code can
 * be cleared with a reason (a new row, audited) and the export then has no code for the text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { withOfficeCodes } from '../../analysis/export/office-codes.ts';
import type { WeightedData } from '../../analysis/tables/weighted-data.ts';
import type { OfficeCodingView } from '../../server/contract/office-coding.ts';
import { assignments, auditLog, households, interviews, officeCodes } from '../../server/db/schema.ts';
import { officeCodedPairs } from '../../server/domain/office-coding.ts';
import { readOfficePairs } from '../../server/domain/office-coding-pairs.ts';
import { loadSurveys } from '../../server/domain/surveys.ts';
import { analysisApp } from '../helpers/analysis-app.ts';
import { createTestContext, envelope, type Person, type TestContext } from '../helpers/server.ts';

const DIR = fileURLToPath(new URL('../fixtures/server/office-coding', import.meta.url));
const REPO_QUESTIONNAIRES = fileURLToPath(new URL('../../questionnaires', import.meta.url));
let ctx: TestContext;
const ids: string[] = [];
const JOBS = [
  // [enumerator, members]
  [
    'enum_a1',
    [
      { w01_job: 'Vende roupa no mercado', w01a_group: 5, w02_place: 'Mercado', w02a_section: 'G' },
      { w01_job: 'limpeza', w01a_group: 9 },
    ],
  ],
  ['enum_a1', [{ w01_job: '  vende ROUPA  no mercado ', w01a_group: 9 }]],
  ['enum_b1', [{ w01_job: 'Vende roupa no mercado', w01a_group: 5 }]],
  ['enum_a1', [{ w01_job: 'pescador', w01a_group: 9 }]], // rejected below: not counted
] as const;

beforeAll(async () => {
  ctx = await createTestContext({}, { surveyDirs: [DIR] });
  for (const [k, [person, members]] of JOBS.entries()) {
    const ea = person === 'enum_b1' ? 'CV-SL-0001' : 'CV-PR-0001';
    const householdId = `${ea}-coded-${k}`;
    await ctx.database.db
      .insert(households)
      .values({ id: householdId, eaCode: ea, dwelling: 500 + k, pi2: 0.5 });
    await ctx.database.db.insert(assignments).values({
      id: `A-coded-${k}`,
      householdId,
      questionnaireId: 'coded-household',
      questionnaireVersion: 1,
      enumeratorId: ctx.userIds[person],
    });
    const env = envelope(ctx, person as Person, {
      assignmentId: `A-coded-${k}`,
      questionnaireId: 'coded-household',
      answers: { a04_ea: ea, z05_result: 11, members },
    });
    const res = await ctx.request('PUT', `/api/interviews/${env.interviewId}`, {
      as: person as Person,
      body: env,
    });
    expect(res.status).toBe(201);
    ids.push(env.interviewId);
  }
  await ctx.database.db.update(interviews).set({ status: 'rejected' }).where(eq(interviews.id, ids[3]));
});
afterAll(async () => ctx.close());

const view = async (status = 'uncoded', as: Person = 'coord') => {
  const res = await ctx.request('GET', `/api/office-coding/coded?status=${status}`, { as });
  expect(res.status).toBe(200);
  return (await res.json()) as OfficeCodingView;
};
const assign = (body: unknown, as: Person = 'coord') =>
  ctx.request('POST', '/api/office-coding/coded/assign', { as, body });

describe('office coding', () => {
  it('groups the live interviews’ texts by normalised text, with counts and field codes', async () => {
    const v = await view();
    const jobs = v.pairs.find((p) => p.pair === 'w01_job');
    expect(jobs).toMatchObject({
      field: 'w01a_group',
      officeVariable: 'w01a_group_office',
      classification: 'ISCO-08',
    });
    expect(jobs?.groups).toEqual([
      {
        key: 'vende roupa no mercado',
        sample: 'Vende roupa no mercado',
        count: 3,
        fieldCodes: [
          { code: '5', count: 2 },
          { code: '9', count: 1 },
        ],
        elsewhere: 0,
        code: null,
        codedBy: null,
        codedAt: null,
        // "vende" begins the Portuguese title "Vendedores" (the default language)
        suggestions: [{ code: '52', reason: 'title', text: null, words: ['vende'], overlap: 1 / 3 }],
      },
      expect.objectContaining({
        key: 'limpeza',
        count: 1,
        fieldCodes: [{ code: '9', count: 1 }],
        suggestions: [],
      }),
    ]);
    // the field's own list as the office list
    const places = v.pairs.find((p) => p.pair === 'w02_place');
    expect(places?.codes.map((c) => c.code)).toEqual(['G', 'I']);
    expect(places?.groups.map((g) => g.key)).toEqual(['mercado']);
  });

  it('lets coordinators, admins and supervisors code, and nobody else', async () => {
    for (const person of ['enum_a1', 'analyst'] as const) {
      expect((await ctx.request('GET', '/api/office-coding/coded', { as: person })).status).toBe(403);
      expect((await assign({ pair: 'w01_job', text: 'limpeza', code: '91' }, person)).status).toBe(403);
    }
    expect((await ctx.request('GET', '/api/office-coding/coded', { as: 'admin' })).status).toBe(200);
    expect((await ctx.request('GET', '/api/office-coding/nosuch', { as: 'coord' })).status).toBe(404);
    const unknown = await ctx.request('POST', '/api/office-coding/nosuch/assign', {
      as: 'coord',
      body: { pair: 'w01_job', text: 'limpeza', code: '91' },
    });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).code).toBe('resource.not_found');
  });

  it('refuses an unknown pair, code or text, naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ pair: 'w09_none', text: 'limpeza', code: '91' }, 'pair'],
      [{ pair: 'w01_job', text: 'limpeza', code: '11' }, 'code'],
      [{ pair: 'w02_place', text: 'mercado', code: 'Z' }, 'code'],
      [{ pair: 'w01_job', text: 'pescador', code: '91' }, 'text'], // only in a rejected interview
      [{ pair: 'w01_job', text: 'limpeza' }, 'code'],
    ];
    for (const [body, field] of cases) {
      const res = await assign(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      const problem = await res.json();
      expect(problem.code).toBe('request.invalid');
      expect(problem.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect(await ctx.database.db.select().from(officeCodes)).toEqual([]);
  });

  it('codes a group for every interview with that text, audited, and keeps the history', async () => {
    const first = await assign({ pair: 'w01_job', text: 'VENDE roupa no mercado', code: '95' });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      key: 'vende roupa no mercado',
      previous: null,
      interviews: 3,
      changed: true,
    });
    expect((await view()).pairs[0].groups.map((g) => g.key)).toEqual(['limpeza']);
    const all = await view('all');
    expect(all.pairs[0].groups.at(-1)).toMatchObject({
      key: 'vende roupa no mercado',
      code: '95',
      codedBy: 'coord',
    });

    const again = await assign({ pair: 'w01_job', text: 'Vende roupa no mercado', code: '52' }, 'admin');
    expect(await again.json()).toMatchObject({ previous: '95', code: '52', changed: true });
    const same = await assign({ pair: 'w01_job', text: 'vende roupa no mercado', code: '52' }, 'admin');
    expect(await same.json()).toMatchObject({ changed: false });

    const rows = await ctx.database.db
      .select({ code: officeCodes.code, by: officeCodes.codedBy })
      .from(officeCodes)
      .where(and(eq(officeCodes.pair, 'w01_job'), eq(officeCodes.textKey, 'vende roupa no mercado')))
      .orderBy(officeCodes.id);
    expect(rows).toEqual([
      { code: '95', by: ctx.userIds.coord },
      { code: '52', by: ctx.userIds.admin },
    ]);
    const logged = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'office_code.assign'))
      .orderBy(auditLog.id);
    expect(
      logged.map((l) => [l.actorId, l.entityId, (l.details as { previous: string | null }).previous]),
    ).toEqual([
      [ctx.userIds.coord, 'coded/w01_job', null],
      [ctx.userIds.admin, 'coded/w01_job', '95'],
    ]);
    expect((logged[0].details as { interviews: string[] }).interviews).toEqual(ids.slice(0, 3).sort());

    // the export codes every person with that text, however it was spelled
    // the codes and their generation (the export's cache key) come from one read: a code saved
    // between two reads would be cached under a generation whose codes the export lacks
    const reads = vi.spyOn(ctx.database.db, 'select');
    const { pairs, generation } = await officeCodedPairs(ctx.database, 'coded');
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockRestore();
    const [latest] = await ctx.database.db
      .select({ id: officeCodes.id })
      .from(officeCodes)
      .orderBy(desc(officeCodes.id))
      .limit(1);
    expect(generation).toBe(latest.id);
    const persons = {
      w01_job: ['Vende roupa no mercado', 'limpeza', '  vende ROUPA  no mercado ', 'Vende roupa no mercado'],
      w01a_group: Float64Array.from([5, 9, 9, 5]),
    };
    const out = withOfficeCodes({ meta: {}, households: {}, persons } as unknown as WeightedData, {}, pairs);
    expect(Array.from(out.data.persons.w01a_group_office as Float64Array)).toEqual([52, Number.NaN, 52, 52]);
    // a pair whose text the frame lacks adds nothing
    expect(out.data.persons.w02a_section_office).toBeUndefined();
  });

  it('clears a group’s code with a reason: uncoded again, audited, history kept, missing in the export', async () => {
    const clear = (body: unknown, as: Person = 'coord', survey = 'coded') =>
      ctx.request('POST', `/api/office-coding/${survey}/clear`, { as, body });
    // bad input: the catalogue's errors naming the field, nothing written
    const before = (await ctx.database.db.select().from(officeCodes)).length;
    const cases: Array<[unknown, string]> = [
      [{ pair: 'w09_none', text: 'limpeza', reason: 'wrong' }, 'pair'],
      [{ pair: 'w01_job', text: 'pescador', reason: 'wrong' }, 'text'], // only in a rejected interview
      [{ pair: 'w01_job', text: 'vende roupa no mercado' }, 'reason'],
      [{ pair: 'w01_job', text: 'vende roupa no mercado', reason: '   ' }, 'reason'],
      [{ pair: 'w01_job', text: 'vende roupa no mercado', reason: 'x', code: '52' }, 'code'],
    ];
    for (const [body, field] of cases) {
      const res = await clear(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      const problem = await res.json();
      expect(problem.code).toBe('request.invalid');
      expect(JSON.stringify(problem.details), JSON.stringify(body)).toContain(field);
    }
    const unknown = await clear({ pair: 'w01_job', text: 'limpeza', reason: 'wrong' }, 'coord', 'nosuch');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).code).toBe('resource.not_found');
    const body = {
      pair: 'w01_job',
      text: 'Vende roupa no mercado',
      reason: 'seller or cleaner? ask the team',
    };
    for (const person of ['sup_a', 'enum_a1', 'analyst'] as const)
      expect((await clear(body, person)).status).toBe(403);
    // a group with no code: nothing to clear, nothing written
    expect(await (await clear({ pair: 'w01_job', text: 'limpeza', reason: 'r' })).json()).toMatchObject({
      code: null,
      previous: null,
      changed: false,
    });
    expect(await ctx.database.db.select().from(officeCodes)).toHaveLength(before);

    const res = await clear(body);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      key: 'vende roupa no mercado',
      code: null,
      previous: '52',
      interviews: 3,
      changed: true,
    });
    expect(await (await clear(body)).json()).toMatchObject({ previous: null, changed: false });
    // uncoded again, in the uncoded list first
    expect((await view()).pairs[0].groups.map((g) => [g.key, g.code])).toEqual([
      ['vende roupa no mercado', null],
      ['limpeza', null],
    ]);
    // the history keeps both codes and the clear (the empty code)
    const rows = await ctx.database.db
      .select({ code: officeCodes.code })
      .from(officeCodes)
      .where(and(eq(officeCodes.pair, 'w01_job'), eq(officeCodes.textKey, 'vende roupa no mercado')))
      .orderBy(officeCodes.id);
    expect(rows.map((r) => r.code)).toEqual(['95', '52', '']);
    const [logged] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'office_code.clear'));
    expect(logged).toMatchObject({ actorId: ctx.userIds.coord, entityId: 'coded/w01_job' });
    expect(logged.details).toMatchObject({
      text: 'vende roupa no mercado',
      code: null,
      previous: '52',
      reason: 'seller or cleaner? ask the team',
    });
    // the export: missing for every answer with that text
    const { pairs } = await officeCodedPairs(ctx.database, 'coded');
    const persons = { w01_job: ['Vende roupa no mercado', 'limpeza'], w01a_group: Float64Array.from([5, 9]) };
    const out = withOfficeCodes({ meta: {}, households: {}, persons } as unknown as WeightedData, {}, pairs);
    expect(Array.from(out.data.persons.w01a_group_office as Float64Array)).toEqual([Number.NaN, Number.NaN]);
    // coded again after the clear: the previous code is none
    const again = await assign({ pair: 'w01_job', text: 'vende roupa no mercado', code: '95' });
    expect(await again.json()).toMatchObject({ code: '95', previous: null, changed: true });
  });

  it('stops the start on a pair that names no question, naming the field', () => {
    const registry = loadSurveys(DIR);
    const profile = {
      ...registry.require('coded'),
      officeCoding: [{ text: 'w01_jobs', field: 'w01a_group', codes: 'field' as const }],
    };
    const { errors } = readOfficePairs(`${DIR}/coded`, profile, { pages: [] });
    expect(errors).toEqual([
      "officeCoding.0.text: 'w01_jobs' is not a question of the interview questionnaire",
      "officeCoding.0.field: 'w01a_group' is not a question of the interview questionnaire",
    ]);
  });

  it('stops the start on a field choice that is no office code, naming the file and the field', () => {
    const profile = loadSurveys(DIR).require('coded');
    const text = readFileSync(`${DIR}/coded/household.v1.json`, 'utf8');
    expect(text).toContain('"value": "I"');
    const interview = JSON.parse(text.replace('"value": "I"', '"value": "I (hotel)"'));
    const { errors } = readOfficePairs(`${DIR}/coded`, profile, interview);
    expect(errors).toEqual([
      "officeCoding.1.codes: 'w02a_section' of the interview questionnaire has choices 'I (hotel)' that are not office codes (up to 10 letters, digits and dots)",
    ]);
    // at start-up the message is prefixed with the survey's profile.json (server/domain/surveys.ts)
  });
});

describe('office coding by supervisors', () => {
  // team a wrote "vende roupa no mercado" twice and "limpeza"; team b "vende roupa no mercado" once
  it('shows a supervisor the team’s texts, counting other teams’ answers as elsewhere', async () => {
    const groups = async (as: Person) =>
      (await view('all', as)).pairs[0].groups.map((g) => [g.key, g.count, g.elsewhere]);
    expect(await groups('sup_a')).toEqual([
      ['limpeza', 1, 0],
      ['vende roupa no mercado', 2, 1],
    ]);
    expect(await groups('sup_b')).toEqual([['vende roupa no mercado', 1, 2]]);
    expect((await view('all', 'coord')).pairs[0].groups.every((g) => g.elsewhere === 0)).toBe(true);
  });

  it('lets a supervisor code only texts of the team’s interviews that no other team wrote', async () => {
    // another team's group: not in sup_b's interviews
    const other = await assign({ pair: 'w01_job', text: 'limpeza', code: '91' }, 'sup_b');
    expect(other.status).toBe(422);
    const problem = await other.json();
    expect(problem.details).toEqual([expect.objectContaining({ field: 'text' })]);
    expect(problem.details[0].message).toContain("of your team's");
    const clearOther = await ctx.request('POST', '/api/office-coding/coded/clear', {
      as: 'sup_b',
      body: { pair: 'w01_job', text: 'limpeza', reason: 'r' },
    });
    expect(clearOther.status).toBe(422);
    // a text both teams wrote: the code would change team b's answers too
    for (const as of ['sup_a', 'sup_b'] as const) {
      const shared = await assign({ pair: 'w01_job', text: 'vende roupa no mercado', code: '52' }, as);
      expect(shared.status).toBe(403);
      expect(JSON.stringify(await shared.json())).toContain("other teams' interviews");
    }
    const before = await ctx.database.db.select().from(officeCodes);
    expect(before.filter((r) => r.textKey === 'limpeza')).toEqual([]);
    // the team's own text
    const own = await assign({ pair: 'w01_job', text: 'limpeza', code: '91' }, 'sup_a');
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ key: 'limpeza', code: '91', interviews: 1, changed: true });
    const [row] = await ctx.database.db.select().from(officeCodes).where(eq(officeCodes.textKey, 'limpeza'));
    expect(row).toMatchObject({ code: '91', codedBy: ctx.userIds.sup_a });
  });
});

describe('coding suggestions', () => {
  // by now "vende roupa no mercado" is coded 95 (coordinator) and "limpeza" 91 (team a's supervisor)
  it('suggests the codes of alike coded texts and of title words, in the coder’s language and scope', async () => {
    await ctx.database.db
      .insert(households)
      .values({ id: 'CV-SL-0001-suggest', eaCode: 'CV-SL-0001', dwelling: 600, pi2: 0.5 });
    await ctx.database.db.insert(assignments).values({
      id: 'A-suggest',
      householdId: 'CV-SL-0001-suggest',
      questionnaireId: 'coded-household',
      questionnaireVersion: 1,
      enumeratorId: ctx.userIds.enum_b1,
    });
    const env = envelope(ctx, 'enum_b1', {
      assignmentId: 'A-suggest',
      questionnaireId: 'coded-household',
      answers: {
        a04_ea: 'CV-SL-0001',
        z05_result: 11,
        members: [
          { w01_job: 'Vendedora de roupa na rua', w01a_group: 5 },
          { w01_job: 'Limpezas', w01a_group: 9 },
        ],
      },
    });
    expect(
      (await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: 'enum_b1', body: env })).status,
    ).toBe(201);
    const suggestions = async (lang: string, as: Person = 'coord') => {
      const res = await ctx.request('GET', `/api/office-coding/coded?status=all&lang=${lang}`, { as });
      expect(res.status).toBe(200);
      const v = (await res.json()) as OfficeCodingView;
      return Object.fromEntries(v.pairs[0].groups.map((g) => [g.key, g.suggestions]));
    };
    const pt = await suggestions('pt');
    expect(pt['vendedora de roupa na rua']).toEqual([
      {
        code: '95',
        reason: 'similar',
        text: 'vende roupa no mercado',
        words: ['vendedora', 'roupa'],
        overlap: 0.5,
      },
      { code: '52', reason: 'title', text: null, words: ['vendedora'], overlap: 1 / 3 },
    ]);
    expect(pt.limpezas).toEqual([
      { code: '91', reason: 'similar', text: 'limpeza', words: ['limpezas'], overlap: 1 },
    ]);
    // coded groups get none
    expect(pt['vende roupa no mercado']).toEqual([]);
    expect(pt.limpeza).toEqual([]);
    // in English the title "Sales workers" has no word of the text
    expect((await suggestions('en'))['vendedora de roupa na rua'].map((s) => s.code)).toEqual(['95']);
    // French falls back to the English title, Kriolu to the Portuguese
    expect((await suggestions('fr'))['vendedora de roupa na rua'].map((s) => s.code)).toEqual(['95']);
    expect((await suggestions('kea'))['vendedora de roupa na rua'].map((s) => s.code)).toEqual(['95', '52']);
    // team b's supervisor: "limpeza" is only in team a's interviews, so it is neither shown nor used
    const b = await suggestions('pt', 'sup_b');
    expect(b.limpeza).toBeUndefined();
    expect(b.limpezas).toEqual([]);
    expect(b['vendedora de roupa na rua'][0]).toMatchObject({ code: '95', text: 'vende roupa no mercado' });
    // nothing was coded by suggesting
    expect((await ctx.database.db.select().from(officeCodes)).map((r) => r.textKey)).not.toContain(
      'limpezas',
    );
  });

  it('refuses a language it has no titles for, naming lang', async () => {
    const res = await ctx.request('GET', '/api/office-coding/coded?lang=de', { as: 'coord' });
    expect(res.status).toBe(422);
    expect((await res.json()).details).toEqual([expect.objectContaining({ field: 'lang' })]);
  });
});

describe('office codes in the microdata download', () => {
  it('adds g08a_isco_office to persons.csv and the codebook, and a new code shows at the next download', async () => {
    const repo = await createTestContext({}, { surveyDirs: [REPO_QUESTIONNAIRES] });
    try {
      const app = analysisApp(repo.database);
      const token = await repo.token('analyst');
      const get = async (path: string) =>
        (await app.request(path, { headers: { authorization: `Bearer ${token}` } })).text();
      const column = async () => {
        const rows = (await get('/api/analysis/ipei/microdata/csv/persons.csv')).trim().split('\n');
        const head = rows[0].split(',');
        const at = head.indexOf('g08a_isco_office');
        expect(at).toBeGreaterThan(-1);
        return rows.slice(1).map((r) => r.split(',')[at]);
      };
      const count = (values: string[], v: string) => values.filter((x) => x === v).length;
      // declared but nothing coded yet: the column is there, empty
      expect(count(await column(), '')).toBe(168);
      await repo.database.db.insert(officeCodes).values({
        survey: 'ipei',
        pair: 'g08_occupation',
        textKey: 'comerciante',
        code: '52',
        codedBy: repo.userIds.coord,
      });
      const coded = await column();
      expect(count(coded, '52')).toBe(35);
      const codebook = JSON.parse(await get('/api/analysis/ipei/microdata/csv/codebook.json'));
      expect(JSON.stringify(codebook)).toContain('g08a_isco_office');
      expect(JSON.stringify(codebook)).toContain('52 Sales workers');
      // IPEI's list titles its codes in Portuguese too
      expect(JSON.stringify(codebook)).toContain('52 Vendedores');
    } finally {
      await repo.close();
    }
  });
});
